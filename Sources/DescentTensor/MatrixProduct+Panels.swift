extension MatrixProduct {
    /// About this many multiply-adds run between two checks for a stop (a few
    /// milliseconds on two cores).
    static let panelWork = 1 << 28

    /// `MatrixProduct.accumulate`, in panels of whole rows for a product of more than
    /// `panelWork` multiply-adds, with `KernelInterruption.check()` before each. Every
    /// kernel computes each output element on its own, so the panels give the same bits
    /// as one call.
    ///
    /// - Throws: `TensorError` with the stop reason when a stop is asked for; the output
    ///   then holds only the panels finished before it.
    static func accumulateInPanels(
        _ left: StridedMatrix, _ right: StridedMatrix, rows: Int, inner: Int, columns: Int, into output: OutputMatrix,
        panelWork: Int = panelWork
    ) throws {
        let rowWork = max(1, saturatingProduct(inner, columns))
        guard saturatingProduct(rowWork, rows) > panelWork else {
            accumulate(left, right, rows: rows, inner: inner, columns: columns, into: output)
            return
        }
        // Whole register tiles of 6 rows, so each panel still runs the packed kernel.
        let panelRows = max(6, panelWork / rowWork / 6 * 6)
        for start in stride(from: 0, to: rows, by: panelRows) {
            try KernelInterruption.check()
            accumulate(
                left.offset(row: start, column: 0), right, rows: min(panelRows, rows - start), inner: inner, columns: columns,
                into: output.offset(row: start, column: 0))
        }
    }
}
