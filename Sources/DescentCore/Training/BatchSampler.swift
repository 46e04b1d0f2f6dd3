import DescentTensor

/// Chooses the rows of each step's batch, reproducibly in NumPy:
///
/// - all rows: every step uses the whole data set;
/// - shuffled (the default for `batch K`): `rng = np.random.RandomState(seed)`, then for
///   each epoch `perm = rng.permutation(N)` and batches `perm[0:K]`, `perm[K:2K]`, …, the
///   last one possibly shorter;
/// - in order: rows `i % N for i in range(t*K, t*K + K)`;
/// - with replacement: `rng.randint(0, N, size=K)` every step.
struct BatchSampler {
    enum Mode: Equatable {
        case all
        case shuffled(size: Int)
        case inOrder(size: Int)
        case withReplacement(size: Int)
    }

    let mode: Mode
    private var random: RandomState
    private var permutation: [Int] = []
    private var cursor = 0

    init(mode: Mode, seed: UInt32) {
        self.mode = mode
        self.random = RandomState(seed: seed)
    }

    /// The rows of the next batch out of `rowCount`, or `nil` for every row.
    mutating func nextRows(rowCount: Int) -> [Int]? {
        var rows: [Int] = []
        return nextRows(rowCount: rowCount, into: &rows) ? rows : nil
    }

    /// Puts the rows of the next batch in `rows`, reusing its storage; returns false (and
    /// leaves `rows` alone) when every step takes every row.
    mutating func nextRows(rowCount: Int, into rows: inout [Int]) -> Bool {
        switch mode {
        case .all:
            return false
        case .shuffled(let size):
            if cursor >= permutation.count || permutation.count != rowCount {
                permutation = random.permutation(rowCount)
                cursor = 0
            }
            let end = size >= rowCount - cursor ? rowCount : cursor + size
            rows.removeAll(keepingCapacity: true)
            rows.append(contentsOf: permutation[cursor..<end])
            cursor = end
        case .inOrder(let size):
            rows.removeAll(keepingCapacity: true)
            for offset in 0..<size { rows.append((cursor + offset) % rowCount) }
            cursor = (cursor + size) % rowCount
        case .withReplacement(let size):
            rows.removeAll(keepingCapacity: true)
            for _ in 0..<size { rows.append(random.randint(low: 0, high: rowCount)) }
        }
        return true
    }

    /// How many rows every batch from now on has, out of `rowCount`; `nil` when batches
    /// differ (a shuffled epoch that ends with a shorter batch) or take every row.
    func fixedBatchSize(rowCount: Int) -> Int? {
        switch mode {
        case .all:
            return nil
        case .shuffled(let size):
            if size >= rowCount { return rowCount }
            let aligned = cursor % size == 0 || cursor >= permutation.count || permutation.count != rowCount
            return rowCount % size == 0 && aligned ? size : nil
        case .inOrder(let size), .withReplacement(let size):
            return size
        }
    }
}
