import Benchmark
import DescentTensor

/// Benchmarks of the tensor kernels alone, without the interpreter around them.
enum KernelBenchmarks {
    static func register() {
        registerAdd(count: 1_000, label: "1k")
        registerAdd(count: 1_000_000, label: "1M")

        let million = randomTensor(shape: [1_000_000], seed: 3)
        Benchmark("sum of 1M elements") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try million.reduced(.sum, axis: nil))
            }
        }

        let left = randomTensor(shape: [256, 256], seed: 4)
        let right = randomTensor(shape: [256, 256], seed: 5)
        Benchmark("matmul 256x256") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try left.matmul(right))
            }
        }
    }

    /// `a + b` on two vectors of `count` elements: a new output each time, as `a + b` does.
    private static func registerAdd(count: Int, label: String) {
        let a = randomTensor(shape: [count], seed: 1)
        let b = randomTensor(shape: [count], seed: 2)
        Benchmark("elementwise add \(label)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try a.elementwise(.add, b))
            }
        }
    }

    private static func randomTensor(shape: [Int], seed: UInt32) -> Tensor {
        var generator = RandomState(seed: seed)
        return generator.randn(shape: shape)
    }
}
