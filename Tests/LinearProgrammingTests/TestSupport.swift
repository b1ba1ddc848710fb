import Foundation
import LinearProgramming
import Testing

// Shared helpers for the LinearProgramming tests: tolerances, solver configurations, a seeded RNG,
// a random transportation-problem generator, temporary directories and external processes.
//
// Every test is synchronous on purpose: a `GLPKProblem` must be created, used and released on the
// same thread (GLPK keeps its working memory per thread), and a synchronous test body never hops threads.

// MARK: - Tolerances

/// `|a - b| ≤ max(absolute, relative × max(|a|, |b|))`.
func isClose(_ a: Double, _ b: Double, relative: Double = 1e-6, absolute: Double = 1e-6) -> Bool {
    Swift.abs(a - b) <= Swift.max(absolute, relative * Swift.max(Swift.abs(a), Swift.abs(b)))
}

/// Records one issue per element that differs, naming the element.
func expectClose(_ actual: [Double], _ expected: [Double], relative: Double = 1e-6, absolute: Double = 1e-6,
                 _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(what): \(actual.count) values, expected \(expected.count)",
            sourceLocation: sourceLocation)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        #expect(isClose(a, e, relative: relative, absolute: absolute), "\(what)[\(index)] = \(a), expected \(e)",
                sourceLocation: sourceLocation)
    }
}

// MARK: - Solver configurations

/// A labelled set of solver options, so parameterised tests read well in the report.
struct SolverConfig: Sendable, CustomTestStringConvertible {
    let options: SolverOptions
    var testDescription: String {
        "\(options.method.rawValue), presolve \(options.presolve ? "on" : "off")"
    }

    var isInterior: Bool { options.method == .interiorPoint }

    /// Primal and dual simplex, each with presolve on and off.
    static let simplex: [SolverConfig] = [SolverOptions.Method.primalSimplex, .dualSimplex].flatMap { method in
        [true, false].map { SolverConfig(options: SolverOptions(method: method, presolve: $0)) }
    }

    /// Interior point (presolve is a simplex option; both values are run to show it is harmless).
    static let interior: [SolverConfig] = [true, false].map {
        SolverConfig(options: SolverOptions(method: .interiorPoint, presolve: $0))
    }

    /// Floating-point primal simplex, then GLPK's exact rational simplex from its basis.
    static let exact: [SolverConfig] = [SolverConfig(options: SolverOptions(method: .exactSimplex))]

    /// Every method: both simplex variants with presolve on and off, interior point and exact simplex.
    static let all: [SolverConfig] = simplex + interior + exact
}

// MARK: - Deterministic random numbers

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, seedable generator, so random test problems are
/// the same on every machine and every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: - Random transportation problems

/// A generated transportation problem: `m` sources with capacities, `n` sinks with demands.
struct RandomTransportation {
    var program: LinearProgram
    /// `flows[i][j]` ships from source `i` to sink `j`.
    var flows: [[VariableID]]
    var supplyRows: [ConstraintID]
    var demandRows: [ConstraintID]
    var supplies: [Double]
    var demands: [Double]
}

/// minimise Σ c_ij x_ij  s.t.  Σ_j x_ij ≤ s_i (supply),  Σ_i x_ij ≥ d_j (demand),  x ≥ 0.
///
/// Always feasible and bounded: every source reaches every sink, costs are positive integers in
/// 1...100, demands integers in 10...50, and total supply is about 1.5 × total demand.
func makeRandomTransportation(sources m: Int, sinks n: Int, seed: UInt64) -> RandomTransportation {
    var rng = SplitMix64(seed: seed)
    let demands = (0 ..< n).map { _ in Double(Int.random(in: 10 ... 50, using: &rng)) }
    let totalDemand = demands.reduce(0, +)
    let weights = (0 ..< m).map { _ in Double.random(in: 0.8 ... 1.2, using: &rng) }
    let weightSum = weights.reduce(0, +)
    let supplies = weights.map { (1.5 * totalDemand * $0 / weightSum).rounded(.up) }

    var program = LinearProgram(name: "transport_\(m)x\(n)_\(seed)", sense: .minimize)
    program.reserveCapacity(variables: m * n, constraints: m + n, entries: 2 * m * n)
    let flows = (0 ..< m).map { i in
        (0 ..< n).map { j in
            program.addVariable("x_\(i)_\(j)", objective: Double(Int.random(in: 1 ... 100, using: &rng)))
        }
    }
    let ones = [Double](repeating: 1, count: max(m, n))
    let supplyRows = (0 ..< m).map { i in
        program.addConstraint("supply_\(i)", variables: flows[i], coefficients: Array(ones.prefix(n)),
                              bounds: .atMost(supplies[i]))
    }
    let demandRows = (0 ..< n).map { j in
        program.addConstraint("demand_\(j)", variables: (0 ..< m).map { flows[$0][j] },
                              coefficients: Array(ones.prefix(m)), bounds: .atLeast(demands[j]))
    }
    return RandomTransportation(program: program, flows: flows, supplyRows: supplyRows, demandRows: demandRows,
                                supplies: supplies, demands: demands)
}

// MARK: - Files and processes

/// A fresh, empty directory under the system temporary directory, removed by `cleanUp()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("LinearProgrammingTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// What an external program did.
struct ProcessResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs `executable` with `arguments` to completion and collects its output.
func runProcess(_ executable: String, _ arguments: [String]) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    try process.run()
    // Read both pipes before waiting, so a chatty child cannot block on a full pipe.
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    let errData = errPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus,
                         standardOutput: String(decoding: outData, as: UTF8.self),
                         standardError: String(decoding: errData, as: UTF8.self))
}

/// The package root, found from this file's path (`<root>/Tests/LinearProgrammingTests/TestSupport.swift`).
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Path of `glpsol`: `/usr/bin/glpsol`, else the first one on `PATH`; `nil` when there is none.
func findGlpsol() -> String? {
    var candidates = ["/usr/bin/glpsol"]
    if let path = ProcessInfo.processInfo.environment["PATH"] {
        candidates += path.split(separator: ":").map { "\($0)/glpsol" }
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Path of the built `tokengrid` executable: next to the test bundle, else in `<root>/.build/debug`.
func findTokengrid() -> String? {
    var candidates: [String] = []
    if let first = CommandLine.arguments.first {
        let bundleDirectory = URL(fileURLWithPath: first).deletingLastPathComponent()
        candidates.append(bundleDirectory.appendingPathComponent("tokengrid").path)
        // Inside an .xctest bundle on macOS: .../debug/X.xctest/Contents/MacOS/X
        candidates.append(bundleDirectory.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("tokengrid").path)
    }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/tokengrid").path)
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}
