import Benchmark
import DescentCore
import DescentSyntax
import DescentTensor

/// The kernels under Descent's workloads, one benchmark each: elementwise, reduction,
/// matrix product, one explained step and the start of a session.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 3,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )
    KernelBenchmarks.register()
    SessionBenchmarks.register()
}
