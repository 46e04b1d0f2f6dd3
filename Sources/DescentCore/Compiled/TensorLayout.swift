import DescentTensor

/// Where every register of a tensor-code run lives: one block of numbers for all of them,
/// the params and states first (so a step's snapshot is one copy of that prefix), and one
/// for the adjoints of the registers that get a gradient. External registers (data read
/// in place) get their buffers when the run starts; an alias register is another
/// register's adjoint (a rule's `grad`, read where the backward pass left it).
final class TensorLayout {
    /// Each register's buffer, and its adjoint's (registers without one share a dummy).
    let registers: UnsafeMutablePointer<UnsafeMutablePointer<Double>>
    let adjoints: UnsafeMutablePointer<UnsafeMutablePointer<Double>>
    /// The block of all registers' numbers; its first `persistentCount` are params and states.
    let numbers: UnsafeMutablePointer<Double>
    let persistentCount: Int
    /// Two copies of the persistent numbers: before this step and before the last one.
    let checkpoints: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)
    /// Each register's offset in `numbers` (`nil` for an external one).
    let offsets: [Int?]
    /// Each register's shape.
    let shapes: [[Int]]
    private let adjointNumbers: UnsafeMutablePointer<Double>

    /// `nil` when the registers and adjoints together hold more than `maxNumbers` numbers:
    /// the run then falls back to paths that hold fewer values at once.
    init?(
        builder: TensorCodeBuilder, persistent: [Int], external: [Int], adjoints withAdjoint: Set<Int>, aliases: [Int: Int],
        maxNumbers: Int
    ) {
        let counts = builder.shapes.indices.map(builder.count)
        let externalSet = Set(external).union(aliases.keys)
        let persistentSet = Set(persistent)
        var offsets = [Int?](repeating: nil, count: counts.count)
        var total = 0
        func adding(_ count: Int, to sum: inout Int, alongside other: Int) -> Bool {
            let (next, overflow) = sum.addingReportingOverflow(count)
            guard !overflow, next <= maxNumbers - other else { return false }
            sum = next
            return true
        }
        for register in persistent + counts.indices.filter({ !persistentSet.contains($0) && !externalSet.contains($0) }) {
            offsets[register] = total
            guard adding(counts[register], to: &total, alongside: 0) else { return nil }
        }
        persistentCount = persistent.reduce(0) { $0 + counts[$1] }
        var adjointOffsets: [Int: Int] = [:]
        var adjointTotal = 0
        for register in withAdjoint.sorted() {
            adjointOffsets[register] = adjointTotal
            guard adding(counts[register], to: &adjointTotal, alongside: total) else { return nil }
        }
        shapes = builder.shapes
        self.offsets = offsets
        numbers = .allocate(capacity: max(total, 1))
        numbers.initialize(repeating: 0, count: max(total, 1))
        for (register, values) in builder.initialValues {
            if let offset = offsets[register] { (numbers + offset).update(from: values, count: values.count) }
        }
        adjointNumbers = .allocate(capacity: max(adjointTotal, 1))
        adjointNumbers.initialize(repeating: 0, count: max(adjointTotal, 1))
        registers = .allocate(capacity: max(counts.count, 1))
        registers.initialize(repeating: numbers, count: max(counts.count, 1))
        self.adjoints = .allocate(capacity: max(counts.count, 1))
        self.adjoints.initialize(repeating: adjointNumbers, count: max(counts.count, 1))
        for register in counts.indices {
            if let offset = offsets[register] { registers[register] = numbers + offset }
            if let offset = adjointOffsets[register] { self.adjoints[register] = adjointNumbers + offset }
        }
        for (register, adjointOf) in aliases { registers[register] = self.adjoints[adjointOf] }
        checkpoints = (.allocate(capacity: max(persistentCount, 1)), .allocate(capacity: max(persistentCount, 1)))
        checkpoints.0.initialize(from: numbers, count: persistentCount)
        checkpoints.1.initialize(from: numbers, count: persistentCount)
    }

    /// The number of elements of `register`.
    func count(of register: Int) -> Int { shapes[register].reduce(1, *) }

    /// Where `register`'s numbers start in `numbers`; only for registers the layout holds.
    func offset(_ register: Int) -> Int { offsets[register] ?? 0 }

    /// A register's value as a tensor.
    func tensor(_ register: Int) -> Tensor {
        Tensor(shape: shapes[register], scalars: Array(UnsafeBufferPointer(start: registers[register], count: count(of: register))))
    }

    deinit {
        for buffer in [numbers, adjointNumbers, checkpoints.0, checkpoints.1] { buffer.deallocate() }
        registers.deallocate()
        adjoints.deallocate()
    }
}
