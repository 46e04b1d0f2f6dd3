import DescentTensor

/// The plans tensor code's instructions name by index — broadcasts, matrix products, axis
/// splits and broadcast sums — collected while building, then copied once into buffers
/// for the run. Every plan holds only numbers, so reading one retains nothing.
struct TensorPlans {
    var broadcasts: [BroadcastPlan] = []
    var products: [MatrixProductPlan] = []
    var splits: [Lanes] = []
    var sums: [BroadcastSumPlan] = []

    mutating func add(_ plan: BroadcastPlan) -> Int {
        broadcasts.append(plan)
        return broadcasts.count - 1
    }

    mutating func add(_ plan: MatrixProductPlan) -> Int {
        products.append(plan)
        return products.count - 1
    }

    mutating func add(_ split: Lanes) -> Int {
        splits.append(split)
        return splits.count - 1
    }

    mutating func add(_ plan: BroadcastSumPlan) -> Int {
        sums.append(plan)
        return sums.count - 1
    }
}

/// `TensorPlans` in buffers of their own for a run; `TensorTraining` frees them.
struct TensorPlanTable {
    let broadcasts: UnsafeMutableBufferPointer<BroadcastPlan>
    let products: UnsafeMutableBufferPointer<MatrixProductPlan>
    let splits: UnsafeMutableBufferPointer<Lanes>
    let sums: UnsafeMutableBufferPointer<BroadcastSumPlan>

    init(_ plans: TensorPlans) {
        broadcasts = Self.copy(plans.broadcasts)
        products = Self.copy(plans.products)
        splits = Self.copy(plans.splits)
        sums = Self.copy(plans.sums)
    }

    private static func copy<Plan>(_ plans: [Plan]) -> UnsafeMutableBufferPointer<Plan> {
        let buffer = UnsafeMutableBufferPointer<Plan>.allocate(capacity: max(plans.count, 1))
        _ = buffer.initialize(from: plans)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<plans.count])
    }

    /// Frees the buffers; the table is not used after.
    func free() {
        broadcasts.deinitialize().deallocate()
        products.deinitialize().deallocate()
        splits.deinitialize().deallocate()
        sums.deinitialize().deallocate()
    }
}
