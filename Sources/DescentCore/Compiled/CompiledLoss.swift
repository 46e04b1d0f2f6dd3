import DescentSyntax
import DescentTensor

/// A loss compiled for one run: its params and data are slots that each step fills with
/// tape leaves and the step's rows, instead of rebinding globals.
final class CompiledLoss {
    private let loss: LossDefinition
    private let frame: CompiledFrame
    private let evaluate: CompiledTensorExpression
    /// In the order of the plan's params.
    private let parameterSlots: [(name: String, slot: Int)]
    private let dataSlots: [(name: String, slot: Int)]

    /// `nil` when the loss uses something the compiler does not handle.
    init?(_ loss: LossDefinition, parameters: [String], interpreter: Interpreter) {
        let slots = SlotAllocator()
        var globalSlots: [String: Int] = [:]
        let dataNames = interpreter.dataNames
        for name in dataNames + parameters { globalSlots[name] = slots.next() }
        let compiler = ExpressionCompiler(interpreter: interpreter, slots: slots, globalSlots: globalSlots)
        guard let evaluate = compiler.compileTensor(loss.expression) else { return nil }
        self.loss = loss
        self.evaluate = evaluate
        self.frame = CompiledFrame(slotCount: slots.count)
        self.parameterSlots = parameters.compactMap { name in globalSlots[name].map { (name, $0) } }
        self.dataSlots = dataNames.compactMap { name in globalSlots[name].map { (name, $0) } }
    }

    /// The loss on `rows` of the data (all rows when `nil`) and its gradient with respect
    /// to each param: `Interpreter.lossGradient`, without touching the globals.
    func gradient(rows: [Int]?, in interpreter: Interpreter, at range: SourceRange) throws -> LossGradient {
        let tape = interpreter.tape
        tape.reset()
        tape.isRecording = true
        defer {
            tape.isRecording = false
            tape.reset()
        }
        for (name, slot) in dataSlots {
            let data = interpreter.globals.values[name] ?? .none
            if let rows, case .tensor(let tensor) = data {
                frame.slots[slot] = .tensor(Var(try locating(range) { try tensor.value.gatheringRows(rows) }))
            } else {
                frame.slots[slot] = data
            }
        }
        var leaves: [Var] = []
        leaves.reserveCapacity(parameterSlots.count)
        for (name, slot) in parameterSlots {
            guard case .tensor(let value)? = interpreter.globals.values[name] else {
                throw Diagnostic("param '\(name)' no longer holds a tensor", at: range)
            }
            let leaf = tape.leaf(value.value)
            leaves.append(leaf)
            frame.slots[slot] = .tensor(leaf)
        }
        let value = try interpreter.evaluatingLoss(loss, at: range) { try evaluate(frame) }
        return LossGradient(loss: value.value.scalars[0], gradients: tape.gradients(of: value, at: leaves))
    }
}
