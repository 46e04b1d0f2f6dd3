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
        switch mode {
        case .all:
            return nil
        case .shuffled(let size):
            if cursor >= permutation.count || permutation.count != rowCount {
                permutation = random.permutation(rowCount)
                cursor = 0
            }
            let end = size >= rowCount - cursor ? rowCount : cursor + size
            defer { cursor = end }
            return Array(permutation[cursor..<end])
        case .inOrder(let size):
            let rows = (0..<size).map { (cursor + $0) % rowCount }
            cursor = (cursor + size) % rowCount
            return rows
        case .withReplacement(let size):
            return (0..<size).map { _ in random.randint(low: 0, high: rowCount) }
        }
    }
}
