// swift-tools-version: 6.1
// A package that uses TokenGrid as a library: it loads a plan, solves it and prints the cost per million tokens by
// site. It depends on the TokenGrid repository two folders up; GLPK must be installed (Debian: libglpk-dev).
import PackageDescription

let package = Package(
    name: "PlanCosts",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "TokenGrid", path: "../.."),
    ],
    targets: [
        .executableTarget(name: "PlanCosts", dependencies: [.product(name: "TokenGrid", package: "TokenGrid")]),
    ]
)
