// swift-tools-version:6.1
import Foundation
import PackageDescription

/// The main package, found next to this one. SwiftPM names a path dependency after its
/// folder, so the name is read from the path rather than assumed.
let mainPackagePath = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().path
let mainPackageName = URL(fileURLWithPath: mainPackagePath).lastPathComponent

/// Fuzz targets over the Descent library, built and run by `fuzz/run` only: they need
/// `-sanitize=fuzzer,address` on the whole build, which the main package never uses.
let package = Package(
    name: "DescentFuzz",
    dependencies: [
        .package(path: mainPackagePath),
    ],
    targets: [
        .systemLibrary(name: "CFuzzerDriver"),
        .executableTarget(
            name: "fuzz-parse",
            dependencies: ["CFuzzerDriver", .product(name: "DescentCore", package: mainPackageName)]
        ),
        .executableTarget(
            name: "fuzz-program",
            dependencies: ["CFuzzerDriver", .product(name: "DescentCore", package: mainPackageName)]
        ),
    ],
    swiftLanguageModes: [.v6]
)
