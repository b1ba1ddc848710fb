// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "TokenGrid",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "TokenGrid", targets: ["TokenGrid"]),
        .executable(name: "tokengrid", targets: ["tokengrid"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        /// The C library GLPK, through its system headers (Debian: libglpk-dev).
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        /// A safe Swift API over GLPK. No planning vocabulary in here.
        .target(name: "LinearProgramming", dependencies: ["CGLPK"]),
        /// The planning model: regions, demand, the placement LP and its results.
        .target(
            name: "TokenGrid",
            dependencies: ["LinearProgramming", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "tokengrid",
            dependencies: [
                "TokenGrid", "LinearProgramming",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "tokengrid-bench", dependencies: ["TokenGrid", "LinearProgramming"]),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming"]),
        .testTarget(name: "TokenGridTests", dependencies: ["TokenGrid"]),
        /// Runs the built `tokengrid` binary end to end (the README's test command builds it first).
        .testTarget(name: "TokenGridCLITests"),
    ]
)
