// swift-tools-version:6.1
import PackageDescription

// Micro-benchmarks of Descent's kernels with ordo-one/benchmark, in a package of their own
// so that the main package keeps its single dependency. Run: `swift package benchmark`.
// A package named by path is known by its folder's name, which a clone may choose freely.
let descentPackage = Context.packageDirectory.split(separator: "/").dropLast().last.map { $0.lowercased() } ?? "descent"

let package = Package(
    name: "DescentBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        // The malloc interposer replaces jemalloc, which is not installed here; naming the
        // trait turns off the default ARC runtime interposer, which has no copy here.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "DescentMicroBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "DescentCore", package: descentPackage),
            ],
            path: "Benchmarks/DescentMicroBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
