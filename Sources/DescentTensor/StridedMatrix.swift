/// A read-only view of a matrix in memory: element `(row, column)` sits at
/// `base[row * rowStride + column * columnStride]`.
///
/// A row-major matrix has strides `(columns, 1)`; its transpose is the same memory with
/// the strides swapped, so the kernels multiply transposed operands without copying them.
struct StridedMatrix {
    let base: UnsafePointer<Double>
    let rowStride: Int
    let columnStride: Int

    /// The element at `(row, column)`.
    @inline(__always)
    subscript(row: Int, column: Int) -> Double {
        base[row * rowStride + column * columnStride]
    }

    /// The same memory read as the transpose.
    var transposed: StridedMatrix {
        StridedMatrix(base: base, rowStride: columnStride, columnStride: rowStride)
    }

    /// The view starting at `(row, column)`.
    func offset(row: Int, column: Int) -> StridedMatrix {
        StridedMatrix(base: base + row * rowStride + column * columnStride, rowStride: rowStride, columnStride: columnStride)
    }
}

/// A view of a row-major output matrix: element `(row, column)` at `base[row * rowStride + column]`.
struct OutputMatrix {
    let base: UnsafeMutablePointer<Double>
    let rowStride: Int

    /// The view starting at `(row, column)`.
    func offset(row: Int, column: Int) -> OutputMatrix {
        OutputMatrix(base: base + row * rowStride + column, rowStride: rowStride)
    }
}

// The kernels hand disjoint parts of one output to worker threads; the views are plain
// addresses, and each worker only writes the block it was given.
extension StridedMatrix: @unchecked Sendable {}
extension OutputMatrix: @unchecked Sendable {}
