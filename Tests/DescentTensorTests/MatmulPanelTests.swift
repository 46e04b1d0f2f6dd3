@testable import DescentTensor
import Testing

/// Long products run in panels of rows with a check for a stop between them; the panels
/// must not change a bit.
@Suite struct MatmulPanelTests {
    /// `a @ b` (each possibly read transposed) through `accumulateInPanels` with panels of
    /// about `panelWork` multiply-adds, or in one call when `panelWork` is nil.
    static func product(_ a: Tensor, _ b: Tensor, transposingLeft: Bool, panelWork: Int?) throws -> [Double] {
        let rows = transposingLeft ? a.shape[1] : a.shape[0]
        let inner = transposingLeft ? a.shape[0] : a.shape[1]
        let columns = b.shape[1]
        var output = [Double](repeating: 0, count: rows * columns)
        try a.scalars.withUnsafeBufferPointer { left in
            try b.scalars.withUnsafeBufferPointer { right in
                try output.withUnsafeMutableBufferPointer { result in
                    guard let leftBase = left.baseAddress, let rightBase = right.baseAddress, let outputBase = result.baseAddress
                    else { return }
                    let stored = StridedMatrix(base: leftBase, rowStride: a.shape[1], columnStride: 1)
                    let leftMatrix = transposingLeft ? stored.transposed : stored
                    let rightMatrix = StridedMatrix(base: rightBase, rowStride: columns, columnStride: 1)
                    let target = OutputMatrix(base: outputBase, rowStride: columns)
                    if let panelWork {
                        try MatrixProduct.accumulateInPanels(
                            leftMatrix, rightMatrix, rows: rows, inner: inner, columns: columns, into: target, panelWork: panelWork)
                    } else {
                        MatrixProduct.accumulate(leftMatrix, rightMatrix, rows: rows, inner: inner, columns: columns, into: target)
                    }
                }
            }
        }
        return output
    }

    @Test(arguments: [(61, 70, 45), (100, 33, 130), (7, 200, 9)], [false, true])
    func panelsGiveTheBitsOfOneCall(shape: (Int, Int, Int), transposingLeft: Bool) throws {
        let (rows, inner, columns) = shape
        let a = transposingLeft ? randomMatrix(inner, rows, seed: 3) : randomMatrix(rows, inner, seed: 3)
        let b = randomMatrix(inner, columns, seed: 4)
        let whole = try Self.product(a, b, transposingLeft: transposingLeft, panelWork: nil)
        for panelWork in [1, 1000, 20_000] {
            let panels = try Self.product(a, b, transposingLeft: transposingLeft, panelWork: panelWork)
            #expect(panels.map(\.bitPattern) == whole.map(\.bitPattern))
        }
    }

    @Test func aStopEndsALongProduct() {
        let a = Tensor(repeating: 1, shape: [700, 700])
        #expect(throws: TensorError("stopped")) {
            try KernelInterruption.$current.withValue(KernelInterruption { "stopped" }) { try a.matmul(a) }
        }
    }

    @Test func aShortProductDoesNotAsk() throws {
        let a = Tensor(repeating: 1, shape: [20, 20])
        let product = try KernelInterruption.$current.withValue(KernelInterruption { "stopped" }) { try a.matmul(a) }
        #expect(product.scalars.allSatisfy { $0 == 20 })
    }
}
