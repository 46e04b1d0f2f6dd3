import Benchmark
import DescentCore
import DescentSyntax

/// Benchmarks through `Session`, as the REPL and scripts use Descent.
enum SessionBenchmarks {
    static func register() {
        Benchmark("session start-up (prelude loaded)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(Session { _ in })
            }
        }

        Benchmark("explained step, momentum on rosenbrock") { benchmark in
            let session = rosenbrockSession()
            let step = SourceFile(name: "<step>", text: "step f with opt")
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(session.run(step))
            }
        }

        Benchmark("train 1000 steps, momentum on rosenbrock", configuration: .init(scalingFactor: .one)) { benchmark in
            let session = rosenbrockSession()
            let train = SourceFile(name: "<train>", text: "train f with opt steps 1000")
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(session.run(train))
            }
        }
    }

    /// A session holding W1's loss and a momentum instance; its output is dropped.
    private static func rosenbrockSession() -> Session {
        let session = Session { _ in }
        let setup = """
            param x = -1.5
            param y = 2
            loss f = (1 - x)^2 + 100*(y - x^2)^2
            opt = momentum(lr=1e-3, beta=0.9)
            """
        let diagnostics = session.run(SourceFile(name: "<setup>", text: setup))
        precondition(diagnostics.isEmpty, "the benchmark's setup failed: \(diagnostics)")
        return session
    }
}
