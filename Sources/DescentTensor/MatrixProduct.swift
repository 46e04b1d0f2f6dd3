import DescentKernels

/// Chooses the kernel for a matrix product from its extents and the operands' layouts.
///
/// On processors with AVX2 and FMA the C kernels of `DescentKernels` do the work (see
/// `FusedKernels`); elsewhere the portable Swift kernels below, where every output element
/// is the sum over `k` in increasing order of `left(i, k) · right(k, j)`, starting from
/// zero, one multiply and one add per term: they differ only in how many such sums they
/// run side by side, so they all give the bits of the textbook triple loop.
///
/// Either way the bits of a product depend only on its operands and shapes, never on the
/// number of threads or their timing.
enum MatrixProduct {
    /// Adds `left @ right` (`rows × inner` times `inner × columns`) into `output`.
    static func accumulate(
        _ left: StridedMatrix, _ right: StridedMatrix, rows: Int, inner: Int, columns: Int, into output: OutputMatrix
    ) {
        guard rows > 0, columns > 0, inner > 0 else { return }
        #if arch(x86_64)
        if FusedKernels.isAvailable {
            FusedKernels.accumulate(left, right, rows: rows, inner: inner, columns: columns, into: output)
            return
        }
        #endif
        accumulatePortably(left, right, rows: rows, inner: inner, columns: columns, into: output)
    }

    /// The portable kernels: two-lane SIMD, separate multiplies and adds.
    static func accumulatePortably(
        _ left: StridedMatrix, _ right: StridedMatrix, rows: Int, inner: Int, columns: Int, into output: OutputMatrix
    ) {
        if columns == 1 {
            matrixTimesVector(left, right.base, vectorStride: right.rowStride, rows: rows, inner: inner, into: output.base)
        } else if rows == 1 {
            // The output row is the transpose of `rightᵀ @ leftᵀ`, a matrix times a vector.
            matrixTimesVector(right.transposed, left.base, vectorStride: left.columnStride, rows: columns, inner: inner, into: output.base)
        } else if right.columnStride == 1 && (inner < PackedProduct.rowTile || rows < PackedProduct.rowTile || isSmall(rows, inner, columns)) {
            accumulateRowByRow(left, right, rows: rows, inner: inner, columns: columns, into: output)
        } else {
            PackedProduct.accumulate(left, right, rows: rows, inner: inner, columns: columns, into: output)
        }
    }

    /// `output[i] = Σₖ matrix(i, k) · vector[k * vectorStride]`: dot products when the
    /// matrix's rows are contiguous, otherwise (a transposed matrix, whose columns are
    /// contiguous) the vector's entries scaling the matrix's columns into the output.
    private static func matrixTimesVector(
        _ matrix: StridedMatrix, _ vector: UnsafePointer<Double>, vectorStride: Int, rows: Int, inner: Int,
        into output: UnsafeMutablePointer<Double>
    ) {
        if matrix.columnStride == 1 || matrix.rowStride != 1 {
            parallelChunks(count: rows, costPerItem: inner, granularity: 4, chunksPerThread: streamingChunksPerThread) { rowRange in
                if matrix.columnStride == 1 {
                    VectorProducts.dotRows(matrix, vector, vectorStride: vectorStride, inner: inner, rows: rowRange, into: output)
                } else {
                    for row in rowRange {
                        var sum = 0.0
                        for k in 0..<inner { sum += matrix[row, k] * vector[k * vectorStride] }
                        output[row] = sum
                    }
                }
            }
        } else {
            parallelChunks(count: rows, costPerItem: inner, granularity: 8, chunksPerThread: streamingChunksPerThread) { rowRange in
                VectorProducts.accumulateRows(vector, factorStride: vectorStride, matrix.transposed, inner: inner, columns: rowRange, into: output)
            }
        }
    }

    /// Each output row as the rows of `right` scaled by one row of `left`; best for a short
    /// inner extent or a small product, where packing would cost more than it saves.
    private static func accumulateRowByRow(
        _ left: StridedMatrix, _ right: StridedMatrix, rows: Int, inner: Int, columns: Int, into output: OutputMatrix
    ) {
        parallelChunks(count: rows, costPerItem: saturatingProduct(inner, columns)) { rowRange in
            for row in rowRange {
                VectorProducts.accumulateRows(
                    left.base + row * left.rowStride, factorStride: left.columnStride, right, inner: inner, columns: 0..<columns,
                    into: output.base + row * output.rowStride
                )
            }
        }
    }

    /// Whether products run the fused kernels (AVX2 and FMA here), as `accumulate` decides.
    static var usesFusedKernels: Bool {
        #if arch(x86_64)
        FusedKernels.isAvailable
        #else
        false
        #endif
    }

    /// `output[0] += row · vector` over `inner` contiguous elements with the dot-product
    /// kernel `accumulate` runs for a one-row matrix times a vector; only when
    /// `usesFusedKernels`.
    static func dotRow(_ row: UnsafePointer<Double>, _ vector: UnsafePointer<Double>, inner: Int, into output: UnsafeMutablePointer<Double>) {
        #if arch(x86_64)
        descent_dot_rows_accumulate_avx2(1, inner, row, inner, vector, output)
        #endif
    }

    /// The chunks per thread for a matrix times a vector: chunks of a streaming kernel cost
    /// nothing to start, and smaller ones balance a late-starting thread.
    static let streamingChunksPerThread = 4

    /// Whether the product is too small for packing to pay for itself (under 32³ multiply-adds).
    static func isSmall(_ rows: Int, _ inner: Int, _ columns: Int) -> Bool {
        saturatingProduct(saturatingProduct(rows, inner), columns) < 1 << 15
    }

    /// `a × b` for non-negative extents, `Int.max` when that overflows: a cost estimate.
    static func saturatingProduct(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }
}

#if arch(x86_64)
/// The AVX2 + FMA kernels of `DescentKernels`, chosen at run time on processors that have
/// them.
///
/// Each term is added with a fused multiply-add, so results may differ from the portable
/// kernels (and from NumPy) in the last bits. Each output element's sum runs in an order
/// fixed by the shapes: one chain over k in increasing order for the packed and row
/// kernels, eight lanes over k added in a fixed tree for dot products of contiguous rows,
/// two chains over fixed halves of k for a vector times a matrix of 4096 rows or more.
/// Threads split the output into fixed parts and never share a sum.
enum FusedKernels {
    /// Whether this processor runs AVX2 and FMA, checked once.
    static let isAvailable = descent_has_avx2_fma()

    /// The packed product's register tile. With fewer rows, a shorter inner extent than a
    /// tile is wide, or a small product, packing costs more than it saves and the product
    /// is built row by row.
    private static let tileRows = 6
    private static let tileColumns = 8

    /// Adds `left @ right` into `output`, as `MatrixProduct.accumulate` (extents all positive).
    static func accumulate(
        _ left: StridedMatrix, _ right: StridedMatrix, rows: Int, inner: Int, columns: Int, into output: OutputMatrix
    ) {
        if columns == 1 {
            matrixTimesVector(left, right.base, vectorStride: right.rowStride, rows: rows, inner: inner, into: output.base)
        } else if rows == 1 {
            matrixTimesVector(right.transposed, left.base, vectorStride: left.columnStride, rows: columns, inner: inner, into: output.base)
        } else if right.columnStride == 1 && (rows < tileRows || inner < tileColumns || MatrixProduct.isSmall(rows, inner, columns)) {
            rowProducts(left, right, rows: rows, inner: inner, columns: columns, into: output)
        } else {
            packedProduct(left, right, rows: rows, inner: inner, columns: columns, into: output)
        }
    }

    /// `output[i] += Σₖ matrix(i, k) · vector[k * vectorStride]`.
    private static func matrixTimesVector(
        _ matrix: StridedMatrix, _ vector: UnsafePointer<Double>, vectorStride: Int, rows: Int, inner: Int,
        into output: UnsafeMutablePointer<Double>
    ) {
        if matrix.columnStride == 1 && vectorStride == 1 {
            parallelChunks(
                count: rows, costPerItem: inner, granularity: 4, chunksPerThread: MatrixProduct.streamingChunksPerThread
            ) { rowRange in
                descent_dot_rows_accumulate_avx2(
                    rowRange.count, inner, matrix.base + rowRange.lowerBound * matrix.rowStride, matrix.rowStride, vector,
                    output + rowRange.lowerBound
                )
            }
        } else if matrix.rowStride == 1 {
            // The matrix's columns are contiguous: the output is the vector times the
            // stored (row-major) matrix, built from its rows.
            let stored = matrix.transposed
            if inner >= splitInnerThreshold {
                vectorTimesTallMatrix(vector, vectorStride: vectorStride, stored, inner: inner, columns: rows, into: output)
                return
            }
            parallelChunks(count: rows, costPerItem: inner, granularity: 4) { columnRange in
                descent_row_products_accumulate_avx2(
                    1, inner, columnRange.count, vector, 0, vectorStride, stored.base + columnRange.lowerBound, stored.rowStride,
                    output + columnRange.lowerBound, 0
                )
            }
        } else {
            MatrixProduct.accumulatePortably(
                matrix, StridedMatrix(base: vector, rowStride: vectorStride, columnStride: 1), rows: rows, inner: inner, columns: 1,
                into: OutputMatrix(base: output, rowStride: 1)
            )
        }
    }

    /// From this many rows on, a vector times a matrix (`rᵀ X`, the gradient `Xᵀ r`) sums
    /// the two halves of the rows separately.
    private static let splitInnerThreshold = 4096

    /// `output[j] += Σₖ vector[k * vectorStride] · matrix[k * matrix.rowStride + j]` for a
    /// matrix with many rows: each half of the rows (split at a multiple of 4 fixed by
    /// `inner` alone) is summed as one chain, the second into scratch, and the two sums are
    /// added. The halves can run on two threads, each streaming its own contiguous half of
    /// the matrix; run on one thread they give the same bits.
    private static func vectorTimesTallMatrix(
        _ vector: UnsafePointer<Double>, vectorStride: Int, _ matrix: StridedMatrix, inner: Int, columns: Int,
        into output: UnsafeMutablePointer<Double>
    ) {
        let half = inner / 8 * 4
        ScratchBuffers.shared.withBuffer(count: columns) { secondHalf in
            secondHalf.initialize(repeating: 0, count: columns)
            parallelChunks(count: 2, costPerItem: MatrixProduct.saturatingProduct(half, columns)) { parts in
                for part in parts {
                    let start = part == 0 ? 0 : half
                    descent_row_products_accumulate_avx2(
                        1, part == 0 ? half : inner - half, columns, vector + start * vectorStride, 0, vectorStride,
                        matrix.base + start * matrix.rowStride, matrix.rowStride, part == 0 ? output : secondHalf, 0
                    )
                }
            }
            for column in 0..<columns { output[column] += secondHalf[column] }
        }
    }

    private static func rowProducts(
        _ left: StridedMatrix, _ right: StridedMatrix, rows: Int, inner: Int, columns: Int, into output: OutputMatrix
    ) {
        parallelChunks(count: rows, costPerItem: MatrixProduct.saturatingProduct(inner, columns)) { rowRange in
            descent_row_products_accumulate_avx2(
                rowRange.count, inner, columns, left.base + rowRange.lowerBound * left.rowStride, left.rowStride, left.columnStride,
                right.base, right.rowStride, output.base + rowRange.lowerBound * output.rowStride, output.rowStride
            )
        }
    }

    /// Splits the longer side of the output between the threads, in whole register tiles.
    private static func packedProduct(
        _ left: StridedMatrix, _ right: StridedMatrix, rows: Int, inner: Int, columns: Int, into output: OutputMatrix
    ) {
        let scratchCount = descent_gemm_scratch_count()
        let run = { (left: StridedMatrix, right: StridedMatrix, rows: Int, columns: Int, output: OutputMatrix) in
            ScratchBuffers.shared.withBuffer(count: scratchCount) { scratch in
                descent_gemm_accumulate_avx2(
                    rows, inner, columns, left.base, left.rowStride, left.columnStride, right.base, right.rowStride, right.columnStride,
                    output.base, output.rowStride, scratch
                )
            }
        }
        if columns >= rows {
            parallelChunks(count: columns, costPerItem: MatrixProduct.saturatingProduct(rows, inner), granularity: tileColumns) { range in
                run(left, right.offset(row: 0, column: range.lowerBound), rows, range.count, output.offset(row: 0, column: range.lowerBound))
            }
        } else {
            parallelChunks(count: rows, costPerItem: MatrixProduct.saturatingProduct(inner, columns), granularity: tileRows) { range in
                run(left.offset(row: range.lowerBound, column: 0), right, range.count, columns, output.offset(row: range.lowerBound, column: 0))
            }
        }
    }
}
#endif
