import Foundation
import LinearProgramming
import Testing

/// Cross-checks against GLPK's own command-line solver, `glpsol` (package glpk-utils), and against the
/// `tokengrid solve-lp` command. Missing tools fail these tests (they do not skip): CI installs glpk-utils
/// (scripts/setup.sh) and builds `tokengrid` before `swift test` (the README's test command).
@Suite("glpsol and CLI cross-checks")
struct GlpsolCrossCheckTests {
    /// The solution glpsol writes with `-w` (GLPK's raw format): `s bas m n p d obj`, then one `i row st prim dual`
    /// line per row and one `j col st prim dual` line per column, then `e o f`. Numbers carry full precision.
    struct RawSolution {
        var primalStatus = "", dualStatus = ""
        var objective = Double.nan
        var rowPrimal: [Double] = [], rowDual: [Double] = []
        var columnPrimal: [Double] = [], columnDual: [Double] = []

        init(_ text: String) throws {
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ").map(String.init)
                switch fields.first {
                case "s":
                    try #require(fields.count == 7 && fields[1] == "bas", "unexpected solution line: \(line)")
                    primalStatus = fields[4]
                    dualStatus = fields[5]
                    objective = try #require(Double(fields[6]))
                case "i":
                    try #require(fields.count == 5, "unexpected row line: \(line)")
                    rowPrimal.append(try #require(Double(fields[3])))
                    rowDual.append(try #require(Double(fields[4])))
                case "j":
                    try #require(fields.count == 5, "unexpected column line: \(line)")
                    columnPrimal.append(try #require(Double(fields[3])))
                    columnDual.append(try #require(Double(fields[4])))
                default:
                    continue
                }
            }
        }

        var isOptimal: Bool { primalStatus == "f" && dualStatus == "f" }
    }

    /// `glpsol`, or a recorded failure explaining how to get it.
    static func requireGlpsol() throws -> String {
        guard let path = findGlpsol() else {
            Issue.record("glpsol not found at /usr/bin/glpsol or on PATH: install glpk-utils (scripts/setup.sh does); this cross-check cannot be skipped")
            throw MissingTool()
        }
        return path
    }

    /// Runs glpsol on `file` and returns its raw solution and its printed report.
    static func runGlpsol(_ file: String, format: ModelFileFormat, in directory: TemporaryDirectory) throws -> (RawSolution, String) {
        let glpsol = try requireGlpsol()
        let raw = directory.path("glpsol-\(UUID().uuidString).sol")
        let report = directory.path("glpsol-\(UUID().uuidString).txt")
        let formatOption = format == .lp ? "--lp" : format == .fixedMPS ? "--mps" : "--freemps"
        let result = try runProcess(glpsol, [formatOption, file, "-w", raw, "-o", report])
        try #require(result.status == 0, "glpsol failed (\(result.status)):\n\(result.standardOutput)\(result.standardError)")
        return (try RawSolution(String(contentsOfFile: raw, encoding: .utf8)), try String(contentsOfFile: report, encoding: .utf8))
    }

    /// The objective from glpsol's printed report: `Objective:  NAME = VALUE (MINimum)`.
    static func reportedObjective(_ report: String) -> Double? {
        for line in report.split(separator: "\n") where line.hasPrefix("Objective:") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let value = line[line.index(after: equals)...].split(separator: " ").first
            return value.flatMap { Double($0) }
        }
        return nil
    }

    /// Generated transportation problems of several sizes and seeds.
    struct GeneratedCase: Sendable, CustomTestStringConvertible {
        let sources: Int, sinks: Int, seed: UInt64
        var testDescription: String { "\(sources)×\(sinks), seed \(seed)" }
    }

    static let generatedCases = [
        GeneratedCase(sources: 8, sinks: 12, seed: 1),
        GeneratedCase(sources: 25, sinks: 40, seed: 0xC0FFEE),
        GeneratedCase(sources: 60, sinks: 60, seed: 42),
    ]

    @Test("a random transportation LP: our solve, glpsol and tokengrid solve-lp agree on the objective", arguments: generatedCases)
    func randomTransportation(_ generatedCase: GeneratedCase) throws {
        let generated = makeRandomTransportation(sources: generatedCase.sources, sinks: generatedCase.sinks, seed: generatedCase.seed)
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("transport.mps")
        try generated.program.write(to: file, format: .mps)

        let (raw, report) = try Self.runGlpsol(file, format: .mps, in: directory)
        #expect(raw.isOptimal, "glpsol status \(raw.primalStatus) \(raw.dualStatus)")
        #expect(report.contains("Status:     OPTIMAL"))
        let printed = try #require(Self.reportedObjective(report), "no objective line in glpsol's report:\n\(report)")
        #expect(isClose(printed, raw.objective, relative: 1e-9)) // the report prints fewer digits

        for config in SolverConfig.all {
            let ours = try GLPKProblem(generated.program).solve(config.options)
            #expect(ours.status == .optimal, "\(config.testDescription)")
            #expect(isClose(ours.objective, raw.objective, relative: 1e-7, absolute: 0),
                    "\(config.testDescription): ours \(ours.objective), glpsol \(raw.objective)")
        }

        let cli = try Self.runTokengrid(["solve-lp", file])
        #expect(cli.status == 0, "tokengrid solve-lp exited with \(cli.status):\n\(cli.standardError)")
        #expect(Self.field("status", in: cli.standardOutput) == "optimal")
        let cliObjective = try #require(Self.field("objective", in: cli.standardOutput).flatMap(Double.init),
                                        "no objective line in:\n\(cli.standardOutput)")
        #expect(isClose(cliObjective, raw.objective, relative: 1e-7, absolute: 0), "CLI \(cliObjective), glpsol \(raw.objective)")
        #expect(Self.field("size", in: cli.standardOutput)
            == "\(generated.program.constraintCount) rows, \(generated.program.variableCount) columns, \(generated.program.entryCount) nonzeros")
    }

    /// The hand-derived primal values and duals agree with glpsol's, so the sign convention documented in
    /// `TextbookLPs.swift` is GLPK's own, not an artefact of the wrapper. Minimisations go through free MPS;
    /// the maximisation goes through CPLEX LP (glpsol refuses OBJSENSE, see `glpsolRefusesObjectiveSense`). Free
    /// rows are left out because neither format keeps them for the reader (see `ModelFileTests`).
    @Test("textbook LPs: glpsol finds the hand-derived values and duals",
          arguments: TextbookLP.feasible.map { $0.withoutFreeRows() })
    func textbookAgainstGlpsol(_ lp: TextbookLP) throws {
        let format: ModelFileFormat = lp.program.sense == .maximize ? .lp : .mps
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("textbook.\(format.rawValue)")
        try lp.program.write(to: file, format: format)
        let (raw, _) = try Self.runGlpsol(file, format: format, in: directory)
        #expect(raw.isOptimal)
        #expect(isClose(raw.objective, lp.objective))
        // CPLEX LP may add columns (a ranged row's `~r_N`, the constant's `objective_constant`) after or between
        // ours; compare only rows here, and columns only when the count matches.
        expectClose(raw.rowPrimal, lp.activities, "glpsol row activities")
        expectClose(raw.rowDual, lp.duals, "glpsol row duals")
        if raw.columnPrimal.count == lp.values.count {
            expectClose(raw.columnPrimal, lp.values, "glpsol values")
            expectClose(raw.columnDual, lp.reducedCosts, "glpsol reduced costs")
        }
    }

    @Test("tokengrid solve-lp: every method and both formats give the textbook optimum",
          arguments: ["dual", "primal", "interior"])
    func cliMethods(_ method: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let lp = TextbookLP.rangedWithConstant
        for format in ModelFileTests.fileFormats {
            let file = directory.path("ranged.\(format.rawValue)")
            try lp.program.write(to: file, format: format)
            for presolve in ["--presolve", "--no-presolve"] {
                let cli = try Self.runTokengrid(["solve-lp", file, "--method", method, presolve])
                #expect(cli.status == 0, "\(format) \(presolve): exit \(cli.status)\n\(cli.standardError)")
                let objective = Self.field("objective", in: cli.standardOutput).flatMap(Double.init)
                #expect(objective.map { isClose($0, lp.objective) } == true, "\(format) \(presolve): \(cli.standardOutput)")
            }
        }
    }

    @Test("tokengrid solve-lp on an infeasible model prints the status and exits with 3")
    func cliInfeasible() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("infeasible.mps")
        try TextbookLP.infeasible.write(to: file, format: .mps)
        for method in ["primal", "dual", "interior"] {
            let cli = try Self.runTokengrid(["solve-lp", file, "--method", method])
            #expect(cli.status == 3)
            // Interior point may only say "infeasible or unbounded"; the simplex methods prove infeasibility.
            let status = Self.field("status", in: cli.standardOutput)
            #expect(status == "infeasible" || (method == "interior" && status == "infeasible_or_unbounded"), "\(method): \(cli.standardOutput)")
            #expect(Self.field("objective", in: cli.standardOutput) == nil)
            #expect(Self.field("reason", in: cli.standardOutput)?.contains("GLP_") == true, "\(method): \(cli.standardOutput)")
            #expect(Self.field("last_objective", in: cli.standardOutput).flatMap(Double.init) != nil, "\(cli.standardOutput)")
        }
    }

    /// Exported with a free row and an objective constant, the ranged LP gives glpsol the hand-derived 3.5: the
    /// objective row comes first and the constant is a column (GLPK's own writer gave 2.0 here).
    @Test("glpsol reads an exported MPS with a free row and a constant to the hand-derived optimum")
    func glpsolReadsFreeRowAndConstant() throws {
        let lp = TextbookLP.rangedWithConstant
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("ranged.mps")
        try lp.program.write(to: file, format: .mps)
        let (raw, _) = try Self.runGlpsol(file, format: .mps, in: directory)
        #expect(raw.isOptimal)
        #expect(isClose(raw.objective, lp.objective, relative: 1e-12), "glpsol \(raw.objective)")
    }

    /// glpsol has no OBJSENSE section: it must refuse the exported maximisation (not silently minimise it).
    @Test("glpsol refuses an exported maximisation rather than minimising it")
    func glpsolRefusesObjectiveSense() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("production.mps")
        try TextbookLP.production.program.write(to: file, format: .mps)
        let result = try runProcess(try Self.requireGlpsol(), ["--freemps", file, "-o", directory.path("out.txt")])
        #expect(result.status != 0)
        #expect(result.standardOutput.contains("invalid indicator record"), "\(result.standardOutput)")
    }

    /// The fixed-MPS fixture has the right-hand side −10 on its objective row. glpsol reads the constant as −10
    /// (objective −23); this reader follows HiGHS and CPLEX, +10 (objective −3): they differ by 2 × 10.
    @Test("objective-row RHS: glpsol reads +rhs, tokengrid −rhs (HiGHS/CPLEX), and says so")
    func objectiveRHSAgainstGlpsol() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("tiny.mps")
        try MPSFixtures.tinyFixed.write(toFile: file, atomically: true, encoding: .utf8)
        let (raw, _) = try Self.runGlpsol(file, format: .fixedMPS, in: directory)
        #expect(raw.isOptimal)
        #expect(isClose(raw.objective, MPSFixtures.tinyObjective - 20), "glpsol \(raw.objective)")
        let cli = try Self.runTokengrid(["solve-lp", file])
        #expect(cli.status == 0, "\(cli.standardOutput)\(cli.standardError)")
        #expect(Self.field("format", in: cli.standardOutput) == "fixed MPS")
        #expect(Self.field("objective", in: cli.standardOutput).flatMap(Double.init).map { isClose($0, MPSFixtures.tinyObjective) } == true,
                "\(cli.standardOutput)")
        #expect(cli.standardOutput.contains("note:        the objective row has right-hand side -10.0: read as objective constant 10.0"),
                "\(cli.standardOutput)")
    }

    @Test("tokengrid solve-lp on a missing or malformed file fails with a message, not a crash")
    func cliBadFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let missing = try Self.runTokengrid(["solve-lp", directory.path("missing.mps")])
        #expect(missing.status != 0 && missing.status < 128, "exit \(missing.status)")
        #expect(!missing.standardError.isEmpty)
        let bad = directory.path("bad.mps")
        try "NAME bad\nROWS\n Q r1\nENDATA\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let malformed = try Self.runTokengrid(["solve-lp", bad])
        #expect(malformed.status != 0 && malformed.status < 128, "exit \(malformed.status)")
        #expect(malformed.standardError.contains("bad.mps"), "stderr: \(malformed.standardError)")
    }

    // MARK: - Helpers

    /// Runs the built `tokengrid`, or records a failure explaining how to build it.
    static func runTokengrid(_ arguments: [String]) throws -> ProcessResult {
        guard let path = findTokengrid() else {
            Issue.record("tokengrid executable not found next to the test bundle or in .build/debug: run `swift build --product tokengrid` first (the README's test command does)")
            throw MissingTool()
        }
        return try runProcess(path, arguments)
    }

    /// The value of a `name:   value` line of `solve-lp`'s output.
    static func field(_ name: String, in output: String) -> String? {
        for line in output.split(separator: "\n") where line.hasPrefix("\(name):") {
            return line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}

/// Thrown after recording why an external tool is missing, to end the test (as a failure, not a skip).
struct MissingTool: Error {}
