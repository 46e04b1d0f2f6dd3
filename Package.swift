// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Descent",
    products: [
        .executable(name: "descent", targets: ["descent"]),
        .library(name: "DescentCore", targets: ["DescentCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .target(name: "DescentKernels"),
        .target(name: "DescentTensor", dependencies: ["DescentKernels"]),
        .target(name: "DescentSyntax"),
        .target(
            name: "DescentCore",
            dependencies: ["DescentTensor", "DescentSyntax"],
            exclude: ["Resources/prelude.descent"],
            plugins: ["EmbedPrelude"]
        ),
        .executableTarget(name: "EmbedText"),
        .plugin(name: "EmbedPrelude", capability: .buildTool(), dependencies: ["EmbedText"]),
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .executableTarget(
            name: "descent",
            dependencies: [
                "DescentCore",
                "DescentKernels",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The Swift runtime and Foundation linked into the executable spare the dynamic
            // linker a dozen libraries at every start (`descent -e '1+1'`: 20 ms -> 12 ms).
            // Compiling with the flag too makes `import Foundation` name the static libraries
            // Foundation needs (ICU among them); lld, because gold warns about the `mktemp`
            // inside the static FoundationEssentials.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(platforms: [.linux]))]
        ),
        .testTarget(name: "DescentTensorTests", dependencies: ["DescentTensor"]),
        .testTarget(name: "DescentSyntaxTests", dependencies: ["DescentSyntax"]),
        .testTarget(name: "DescentCoreTests", dependencies: ["DescentCore"]),
        .testTarget(name: "REPLTests", dependencies: ["DescentCore"]),
        .testTarget(
            name: "GoldenTests",
            dependencies: ["DescentCore"],
            exclude: ["Cases"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
