/// Chooses the kernel for a matrix product from its extents and the operands' layouts.
///
/// Whatever the kernel, every output element is the sum over `k` in increasing order of
/// `left(i, k) · right(k, j)`, starting from zero, one multiply and one add per term: the
/// kernels differ only in how many such sums they run side by side, so they all give the
/// bits of the textbook triple loop.
enum MatrixProduct {
    /// Adds `left @ right` (`rows × inner` times `inner × columns`) into `output`.
    static func accumulate(
        _ left: StridedMatrix, _ right: StridedMatrix, rows: Int, inner: Int, columns: Int, into output: OutputMatrix
    ) {
        guard rows > 0, columns > 0, inner > 0 else { return }
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
            parallelChunks(count: rows, costPerItem: inner, granularity: 4) { rowRange in
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
            parallelChunks(count: rows, costPerItem: inner, granularity: 8) { rowRange in
                VectorProducts.accumulateRows(vector, factorStride: vectorStride, matrix.transposed, inner: inner, columns: rowRange, into: output)
            }
        }
    }

    /// Each output row as the rows of `right` scaled by one row of `left`; best for a short
    /// inner extent or a small product, where packing would cost more than it saves.
    private static func accumulateRowByRow(
        _ left: StridedMatrix, _ right: StridedMatrix, rows: Int, inner: Int, columns: Int, into output: OutputMatrix
    ) {
        let costPerRow = inner.multipliedReportingOverflow(by: columns)
        parallelChunks(count: rows, costPerItem: costPerRow.overflow ? Int.max : costPerRow.partialValue) { rowRange in
            for row in rowRange {
                VectorProducts.accumulateRows(
                    left.base + row * left.rowStride, factorStride: left.columnStride, right, inner: inner, columns: 0..<columns,
                    into: output.base + row * output.rowStride
                )
            }
        }
    }

    /// Whether the product is too small for packing to pay for itself (under 32³ multiply-adds).
    private static func isSmall(_ rows: Int, _ inner: Int, _ columns: Int) -> Bool {
        let (rowsTimesInner, firstOverflow) = rows.multipliedReportingOverflow(by: inner)
        let (total, secondOverflow) = rowsTimesInner.multipliedReportingOverflow(by: columns)
        return !firstOverflow && !secondOverflow && total < 1 << 15
    }
}
