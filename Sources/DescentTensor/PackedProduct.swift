/// The general matrix product `C += A B` for large operands, cache-blocked in the manner of
/// GotoBLAS: a block of B's rows is packed into column panels that stay in L2, a block of A
/// into row panels, and a register-tiled micro-kernel computes a `rowTile × columnTile` tile
/// of C at a time.
///
/// Every element of C is still summed over `k` in increasing order with one multiply and
/// one add per term (the blocks over `k` run in order and the tile is loaded from and
/// stored back to C between them), so the result has the same bits as the textbook loop.
enum PackedProduct {
    static let rowTile = MicroKernel.rows
    static let columnTile = MicroKernel.columns
    /// The depth of one packed block: a panel of A (`rowTile × innerBlock`, stored twice over)
    /// and one of B (`innerBlock × columnTile`) fit together in L1.
    static let innerBlock = 256
    /// Rows of A packed at once (`2 × rowBlock × innerBlock` doubles, 192 KiB, stay in L2).
    static let rowBlock = 48
    /// Columns of B packed at once (`innerBlock × columnBlock` doubles, 512 KiB).
    static let columnBlock = 256

    /// The scratch space one thread needs: a packed block of A and one of B.
    static let scratchCount = innerBlock * (2 * rowBlock + columnBlock)

    /// Adds `left @ right` (`rows × inner` times `inner × columns`) into `output`, splitting
    /// the columns between two threads when the product is large.
    static func accumulate(
        _ left: StridedMatrix, _ right: StridedMatrix, rows: Int, inner: Int, columns: Int, into output: OutputMatrix
    ) {
        parallelChunks(count: columns, costPerItem: MatrixProduct.saturatingProduct(rows, inner), granularity: columnTile) {
            columnRange in
            ScratchBuffers.shared.withBuffer(count: scratchCount) { scratch in
                accumulate(left, right, rows: rows, inner: inner, columns: columnRange, into: output, scratch: scratch)
            }
        }
    }

    private static func accumulate(
        _ left: StridedMatrix, _ right: StridedMatrix, rows: Int, inner: Int, columns: Range<Int>,
        into output: OutputMatrix, scratch: UnsafeMutablePointer<Double>
    ) {
        let packedLeft = scratch
        let packedRight = scratch + 2 * innerBlock * rowBlock
        for columnStart in stride(from: columns.lowerBound, to: columns.upperBound, by: columnBlock) {
            let columnCount = Swift.min(columnBlock, columns.upperBound - columnStart)
            for innerStart in stride(from: 0, to: inner, by: innerBlock) {
                let depth = Swift.min(innerBlock, inner - innerStart)
                packRight(right.offset(row: innerStart, column: columnStart), depth: depth, columns: columnCount, into: packedRight)
                for rowStart in stride(from: 0, to: rows, by: rowBlock) {
                    let rowCount = Swift.min(rowBlock, rows - rowStart)
                    packLeft(left.offset(row: rowStart, column: innerStart), rows: rowCount, depth: depth, into: packedLeft)
                    multiplyPacked(
                        packedLeft, packedRight, rows: rowCount, depth: depth, columns: columnCount,
                        into: output.offset(row: rowStart, column: columnStart)
                    )
                }
            }
        }
    }

    /// Runs the micro-kernel over every tile of a packed block; edge tiles go through a
    /// full-size copy so the micro-kernel never reads or writes past C.
    private static func multiplyPacked(
        _ packedLeft: UnsafeMutablePointer<Double>, _ packedRight: UnsafeMutablePointer<Double>,
        rows: Int, depth: Int, columns: Int, into output: OutputMatrix
    ) {
        for columnStart in stride(from: 0, to: columns, by: columnTile) {
            let rightPanel = UnsafePointer(packedRight + columnStart * depth)
            let tileColumns = Swift.min(columnTile, columns - columnStart)
            for rowStart in stride(from: 0, to: rows, by: rowTile) {
                let leftPanel = UnsafePointer(packedLeft + rowStart * 2 * depth)
                let tileRows = Swift.min(rowTile, rows - rowStart)
                let tile = output.offset(row: rowStart, column: columnStart)
                if tileRows == rowTile && tileColumns == columnTile {
                    MicroKernel.accumulate(depth: depth, leftPanel, rightPanel, into: tile.base, rowStride: tile.rowStride)
                } else {
                    accumulateEdge(depth: depth, leftPanel, rightPanel, rows: tileRows, columns: tileColumns, into: tile)
                }
            }
        }
    }

    private static func accumulateEdge(
        depth: Int, _ leftPanel: UnsafePointer<Double>, _ rightPanel: UnsafePointer<Double>,
        rows: Int, columns: Int, into tile: OutputMatrix
    ) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: rowTile * columnTile) { buffer in
            let copy = buffer.baseAddress.unsafelyUnwrapped
            copy.initialize(repeating: 0, count: rowTile * columnTile)
            for row in 0..<rows {
                for column in 0..<columns { copy[row * columnTile + column] = tile.base[row * tile.rowStride + column] }
            }
            MicroKernel.accumulate(depth: depth, leftPanel, rightPanel, into: copy, rowStride: columnTile)
            for row in 0..<rows {
                for column in 0..<columns { tile.base[row * tile.rowStride + column] = copy[row * columnTile + column] }
            }
        }
    }

    /// Copies `rows × depth` of A into panels of `rowTile` rows, each stored k-major with
    /// every value twice (`2 × rowTile` values per k), padding the last panel with zeros.
    ///
    /// The doubled values load straight into both lanes of a register: baseline x86-64 has
    /// no broadcast load, and a shuffle per value would compete with the arithmetic.
    private static func packLeft(_ left: StridedMatrix, rows: Int, depth: Int, into packed: UnsafeMutablePointer<Double>) {
        let step = 2 * rowTile
        for panelStart in stride(from: 0, to: rows, by: rowTile) {
            let panel = packed + panelStart * 2 * depth
            let panelRows = Swift.min(rowTile, rows - panelStart)
            for row in 0..<rowTile {
                if row < panelRows {
                    let source = left.offset(row: panelStart + row, column: 0)
                    for k in 0..<depth {
                        let value = source.base[k * source.columnStride]
                        panel[k * step + 2 * row] = value
                        panel[k * step + 2 * row + 1] = value
                    }
                } else {
                    for k in 0..<depth {
                        panel[k * step + 2 * row] = 0
                        panel[k * step + 2 * row + 1] = 0
                    }
                }
            }
        }
    }

    /// Copies `depth × columns` of B into panels of `columnTile` columns, each stored
    /// k-major (`columnTile` values per k), padding the last panel with zeros.
    ///
    /// The source is read in the direction its elements are contiguous: when a row of B is
    /// 4 KiB long its lines all map to the same L1 set, so walking down a column one panel
    /// at a time would fetch every line again for every panel.
    private static func packRight(_ right: StridedMatrix, depth: Int, columns: Int, into packed: UnsafeMutablePointer<Double>) {
        let fullPanels = right.columnStride == 1 ? columns / columnTile : 0
        var panelStart = 0
        while panelStart + 2 * columnTile <= fullPanels * columnTile {
            let first = packed + panelStart * depth
            let second = first + columnTile * depth
            for k in 0..<depth {
                let source = right.base + k * right.rowStride + panelStart
                for column in 0..<columnTile {
                    first[k * columnTile + column] = source[column]
                    second[k * columnTile + column] = source[columnTile + column]
                }
            }
            panelStart += 2 * columnTile
        }
        while panelStart < columns {
            let panel = packed + panelStart * depth
            let panelColumns = Swift.min(columnTile, columns - panelStart)
            for column in 0..<columnTile {
                if column < panelColumns {
                    let source = right.offset(row: 0, column: panelStart + column)
                    for k in 0..<depth { panel[k * columnTile + column] = source.base[k * source.rowStride] }
                } else {
                    for k in 0..<depth { panel[k * columnTile + column] = 0 }
                }
            }
            panelStart += columnTile
        }
    }
}
