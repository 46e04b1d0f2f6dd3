/// Contour lines by marching squares: in each grid cell, the level crosses the edges
/// whose ends lie on different sides of it, at the linearly interpolated point; the
/// pieces are then joined into lines through the edges neighbouring cells share.
enum MarchingSquares {
    /// A grid edge: from the node at `(column, row)` to the next node right or up.
    struct Edge: Hashable {
        let column: Int
        let row: Int
        let isVertical: Bool
    }

    /// The contour lines where `field` equals `level`, each a run of points (closed
    /// when its first point is its last). Cells with a value that is not finite are skipped.
    static func lines(of field: ContourField, at level: Double) -> [[PlotPoint]] {
        let pieces = segments(of: field, at: level)
        var piecesByEdge: [Edge: [Int]] = [:]
        for (index, piece) in pieces.enumerated() {
            piecesByEdge[piece.0, default: []].append(index)
            piecesByEdge[piece.1, default: []].append(index)
        }
        var used = [Bool](repeating: false, count: pieces.count)
        func extend(_ chain: inout [Edge]) {
            while let last = chain.last, let next = piecesByEdge[last]?.first(where: { !used[$0] }) {
                used[next] = true
                chain.append(pieces[next].0 == last ? pieces[next].1 : pieces[next].0)
            }
        }
        var result: [[PlotPoint]] = []
        for index in pieces.indices where !used[index] {
            used[index] = true
            var forward = [pieces[index].0, pieces[index].1]
            extend(&forward)
            var backward = [pieces[index].0]
            extend(&backward)
            let chain = backward.dropFirst().reversed() + forward
            result.append(chain.map { crossing(on: $0, of: field, at: level) })
        }
        return result
    }

    /// The pieces of contour inside each cell, as the pairs of edges they join.
    static func segments(of field: ContourField, at level: Double) -> [(Edge, Edge)] {
        guard field.xs.count >= 2, field.ys.count >= 2, field.values.count == field.ys.count,
            field.values.allSatisfy({ $0.count == field.xs.count })
        else { return [] }
        var result: [(Edge, Edge)] = []
        for row in 0..<(field.ys.count - 1) {
            for column in 0..<(field.xs.count - 1) {
                result += cellSegments(field.values, column: column, row: row, level: level)
            }
        }
        return result
    }

    /// Corners counter-clockwise from the bottom left; edge `k` joins corner `k` to `k + 1`.
    private static func cellSegments(_ values: [[Double]], column: Int, row: Int, level: Double) -> [(Edge, Edge)] {
        let corners = [values[row][column], values[row][column + 1], values[row + 1][column + 1], values[row + 1][column]]
        guard corners.allSatisfy(\.isFinite) else { return [] }
        let edges = [
            Edge(column: column, row: row, isVertical: false), Edge(column: column + 1, row: row, isVertical: true),
            Edge(column: column, row: row + 1, isVertical: false), Edge(column: column, row: row, isVertical: true),
        ]
        let crossed = (0..<4).filter { (corners[$0] >= level) != (corners[($0 + 1) % 4] >= level) }.map { edges[$0] }
        if crossed.count == 2 { return [(crossed[0], crossed[1])] }
        guard crossed.count == 4 else { return [] }
        // A saddle: the cell's centre decides which pairs of opposite corners are joined.
        let centre = corners.reduce(0, +) / 4
        if (corners[0] >= level) == (centre >= level) {
            return [(crossed[0], crossed[1]), (crossed[2], crossed[3])]
        }
        return [(crossed[3], crossed[0]), (crossed[1], crossed[2])]
    }

    /// Where the level crosses an edge, interpolated from its first node, so the two
    /// cells sharing the edge agree exactly.
    static func crossing(on edge: Edge, of field: ContourField, at level: Double) -> PlotPoint {
        let (endColumn, endRow) = edge.isVertical ? (edge.column, edge.row + 1) : (edge.column + 1, edge.row)
        let from = field.values[edge.row][edge.column], to = field.values[endRow][endColumn]
        let t = (level - from) / (to - from)
        let x = field.xs[edge.column] + t * (field.xs[endColumn] - field.xs[edge.column])
        let y = field.ys[edge.row] + t * (field.ys[endRow] - field.ys[edge.row])
        return PlotPoint(x: x, y: y)
    }
}
