import Foundation
import Testing

/// `tokengrid solve-lp` end to end: the planner's default method, MPS of both kinds and their conventions, the
/// exact re-solve, non-optimal ends and numbers GLPK would abort on.
@Suite struct SolveLPCommandTests {
    /// The value of a `name:   value` line of solve-lp's output (the first such line).
    static func field(_ name: String, in output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix("\(name):") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    static func objective(_ run: CLI.Run) -> Double? { field("objective", in: run.stdout).flatMap(Double.init) }

    /// A model file written to a fresh folder.
    static func file(_ name: String, _ text: String) throws -> String {
        let path = "\(try CLI.temporaryDirectory("solve-lp"))/\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The example of `solve-lp --help`: the production LP, maximised through its OBJSENSE section (optimum 36).
    @Test func theHelpExampleSolvesWithThePlannersDefaultMethod() throws {
        let run = try CLI.run(["solve-lp", "docs/examples/production.mps"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(Self.field("method", in: run.stdout) == "primal simplex, presolve on")
        #expect(Self.field("format", in: run.stdout) == "free MPS")
        #expect(run.stdout.contains("note:        OBJSENSE section: maximise"))
        #expect(Self.objective(run) == 36)
        let help = try CLI.run(["solve-lp", "--help"])
        #expect(help.stdout.contains("tokengrid solve-lp docs/examples/production.mps"))
    }

    /// docs/examples/fixed-format.mps: blanks in names, a blank RHS set name and the objective-row RHS −10, read as
    /// the constant +10 (HiGHS/CPLEX); optimum −3 by hand (glpsol: −23).
    @Test(arguments: [[], ["--format", "mps"], ["--format", "fixed-mps"]])
    func fixedMPSIsReadAndTheObjectiveRowRHSBecomesTheConstant(_ format: [String]) throws {
        let run = try CLI.run(["solve-lp", "docs/examples/fixed-format.mps"] + format)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(Self.field("format", in: run.stdout) == "fixed MPS")
        #expect(run.stdout.contains("read as objective constant 10.0 (HiGHS/CPLEX convention; glpsol reads -10.0)"), "\(run.stdout)")
        #expect(Self.field("size", in: run.stdout) == "3 rows, 3 columns, 5 nonzeros")
        #expect(Self.objective(run) == -3)
    }

    @Test func freeMPSFormatRefusesAFixedFileNamingTheLine() throws {
        let run = try CLI.run(["solve-lp", "docs/examples/fixed-format.mps", "--format", "free-mps"])
        #expect(run.status != 0 && run.status < 128, "exit \(run.status)")
        #expect(run.stderr.contains("fixed-format.mps:13:"), "\(run.stderr)")
    }

    @Test(arguments: ["primal", "dual", "interior"])
    func exactReSolveAgreesWithEveryMethod(_ method: String) throws {
        let plain = try CLI.run(["solve-lp", "docs/examples/production.mps", "--method", method])
        let exact = try CLI.run(["solve-lp", "docs/examples/production.mps", "--method", method, "--exact"])
        #expect(plain.status == 0 && exact.status == 0, "\(plain.stderr)\(exact.stderr)")
        #expect(Self.field("method", in: exact.stdout)?.contains("exact rational simplex (glp_exact)") == true)
        #expect(Self.objective(exact) == 36)
        #expect(Self.objective(plain).map { abs($0 - 36) < 1e-6 } == true)
    }

    /// max x + y subject to x − y ≤ 1: unbounded. Each method ends without an optimum; the output says why (in
    /// plain words naming GLPK's code), gives the last objective value and exits with 3.
    @Test(arguments: ["primal", "dual", "interior"])
    func aNonOptimalEndPrintsTheReasonAndTheLastObjective(_ method: String) throws {
        let path = try Self.file("unbounded.lp", "Maximize\n obj: x + y\nSubject To\n link: x - y <= 1\nEnd\n")
        for presolve in ["--presolve", "--no-presolve"] {
            let run = try CLI.run(["solve-lp", path, "--method", method, presolve])
            #expect(run.status == 3, "\(method) \(presolve): exit \(run.status)")
            #expect(Self.field("status", in: run.stdout) != "optimal")
            #expect(Self.field("objective", in: run.stdout) == nil)
            let reason = Self.field("reason", in: run.stdout) ?? ""
            #expect(reason.contains("GLP_"), "\(method) \(presolve): \(run.stdout)")
            #expect(Self.field("last_objective", in: run.stdout).flatMap(Double.init) != nil, "\(run.stdout)")
        }
    }

    /// GLPK's interior point aborts the process (exit 134) on a 1e308 cost; the reader refuses the file first.
    @Test(arguments: ["primal", "dual", "interior"])
    func aNumberGLPKWouldAbortOnIsRefusedWithItsPlace(_ method: String) throws {
        let path = try Self.file("huge.lp", "Minimize\n obj: 1e308 x + 2 y\nSubject To\n c1: x + y >= 1\nEnd\n")
        let run = try CLI.run(["solve-lp", path, "--method", method])
        #expect(run.status == 1, "exit \(run.status): \(run.stderr)")
        #expect(run.stderr.contains("objective coefficient of \"x\" is 1e+308"), "\(run.stderr)")
    }
}
