import Foundation
import LinearProgramming
import Testing

/// Reading MPS written elsewhere: fixed and free format, OBJSENSE, a right-hand side on the objective row, and
/// numbers GLPK's reader would have zeroed.
@Suite("Reading MPS")
struct MPSReadingTests {
    /// Writes `text` to a fresh file and returns its path (the directory is removed by the caller).
    static func file(_ text: String, in directory: TemporaryDirectory, name: String = "model.mps") throws -> String {
        let path = directory.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a fixed-MPS file is detected, read with its blank-free names, and solves to the hand-derived optimum",
          arguments: [ModelFileFormat.mps, .fixedMPS])
    func fixedMPS(_ format: ModelFileFormat) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = try Self.file(MPSFixtures.tinyFixed, in: directory)
        let (problem, report) = try GLPKProblem.readReporting(from: path, format: format)
        #expect(report.format == .fixedMPS)
        #expect(report.objectiveRowRHS == -10)
        #expect(report.notes.contains { $0.contains("missing RHS vector name") }, "GLPK's warning is passed on: \(report.notes)")
        #expect(report.notes.first?.hasPrefix("read as fixed MPS (as free MPS:") == (format == .mps), "\(report.notes)")
        let program = problem.program()
        #expect(program.variableNames == MPSFixtures.tinyNames)
        #expect(program.constraintNames == MPSFixtures.tinyRows)
        #expect(program.constraintBounds == [.between(-16, 4), .atLeast(1), .equal(to: 7)])
        #expect(program.variableBounds == [.between(0, 4), .atMost(1), .nonNegative])
        #expect(program.objectiveConstant == 10)
        for config in SolverConfig.all {
            let solution = try problem.solve(config.options)
            try #require(solution.status == .optimal, "\(config.testDescription)")
            #expect(isClose(solution.objective, MPSFixtures.tinyObjective), "\(config.testDescription): \(solution.objective)")
            expectClose(solution.variableValues, MPSFixtures.tinyValues, "values (\(config.testDescription))")
            expectClose(solution.reducedCosts, MPSFixtures.tinyReducedCosts, "reduced costs (\(config.testDescription))")
            expectClose(solution.constraintDuals, MPSFixtures.tinyDuals, "duals (\(config.testDescription))")
        }
    }

    @Test("a fixed-MPS file read as free MPS fails with GLPK's message naming the line")
    func fixedReadAsFree() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = try Self.file(MPSFixtures.tinyFixed, in: directory)
        let error = #expect(throws: LinearProgrammingError.self) { try GLPKProblem.read(from: path, format: .freeMPS) }
        #expect(error?.description.contains("\(path):13:") == true, "\(String(describing: error))")
    }

    @Test("a file that is neither free nor fixed MPS names both failures")
    func neitherFreeNorFixed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = try Self.file("NAME bad\nROWS\n Q r1\nENDATA\n", in: directory)
        let error = #expect(throws: LinearProgrammingError.self) { try GLPKProblem.read(from: path, format: .mps) }
        let text = error?.description ?? ""
        #expect(text.contains("(as free MPS)") && text.contains("(as fixed MPS)") && text.contains("\(path):3:"), "\(text)")
    }

    /// The objective row's RHS r is the constant −r (HiGHS, CPLEX, Gurobi); GLPK's reader makes it +r, corrected.
    @Test("an RHS on the objective row is read as the constant −rhs and reported", arguments: [("5", 5.0), ("-2.5", -2.5)])
    func objectiveRHS(_ text: String, _ rhs: Double) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = try Self.file(MPSFixtures.objectiveRHS(text), in: directory)
        let (problem, report) = try GLPKProblem.readReporting(from: path, format: .mps)
        #expect(report.format == .freeMPS)
        #expect(report.objectiveRowRHS == rhs)
        #expect(report.notes.contains { $0.contains("read as objective constant \(-rhs)") }, "\(report.notes)")
        #expect(problem.program().objectiveConstant == -rhs)
        let solution = try problem.solve()
        #expect(isClose(solution.objective, 2 - rhs), "\(solution.objective)")
    }

    @Test("an OBJSENSE section sets the sense, on its own line or after the keyword",
          arguments: ["OBJSENSE\n    MAX", "OBJSENSE MAXIMIZE", "OBJSENSE\n  MAXIMISE", "OBJSENSE\n    MIN"])
    func objectiveSense(_ header: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = try Self.file(MPSFixtures.production(objectiveSense: header), in: directory)
        let (problem, report) = try GLPKProblem.readReporting(from: path, format: .mps)
        let maximise = header.contains("MAX")
        #expect(report.objectiveSenseSection == (maximise ? .maximize : .minimize))
        #expect(problem.program().sense == (maximise ? .maximize : .minimize))
        #expect(problem.constraintCount == 3 && problem.variableCount == 3)
        // Maximised, the production LP's optimum is 36; minimised, doing nothing (0).
        #expect(isClose(try problem.solve().objective, maximise ? 36 : 0))
    }

    @Test("an OBJSENSE section without MAX or MIN is refused, naming the line")
    func badObjectiveSense() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = try Self.file(MPSFixtures.production(objectiveSense: "OBJSENSE\n    UPWARDS"), in: directory)
        let error = #expect(throws: LinearProgrammingError.self) { try GLPKProblem.read(from: path, format: .mps) }
        #expect(error?.description.contains("\(path):3: OBJSENSE UPWARDS") == true, "\(String(describing: error))")
    }

    /// An error after an OBJSENSE section still names the caller's file and the right line (GLPK reads a copy).
    @Test("with an OBJSENSE section, GLPK's errors name the original file and line")
    func errorAfterObjectiveSense() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let text = MPSFixtures.production(objectiveSense: "OBJSENSE\n    MAX").replacingOccurrences(of: " doors plant3 3", with: " doors nowhere 3")
        let path = try Self.file(text, in: directory)
        let error = #expect(throws: LinearProgrammingError.self) { try GLPKProblem.read(from: path, format: .freeMPS) }
        #expect(error?.description.contains("\(path):11: row 'nowhere' not found") == true, "\(String(describing: error))")
    }

    /// GLPK's reader zeroes numbers below its `tol_mps` (1e-12) by default; they are kept as written.
    @Test("numbers below GLPK's default tol_mps are kept")
    func tinyNumbersKept() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = try Self.file("NAME t\nROWS\n N c\n G r\nCOLUMNS\n x c 1 r 3e-13\nRHS\n RHS r 6e-13\nENDATA\n", in: directory)
        let program = try LinearProgram.read(from: path, format: .mps)
        #expect(program.entryValues == [3e-13])
        #expect(program.constraintBounds == [.atLeast(6e-13)])
        #expect(isClose(try GLPKProblem(program).solve().objective, 2, relative: 1e-12))
    }

    /// `UP` with a negative value on a column with the default lower bound 0 makes lower > upper in GLPK's reader
    /// (and in HiGHS); it is refused with the column named instead of reaching a solve.
    @Test("a negative UP bound over the default lower bound 0 is refused with the column named")
    func negativeUpperBound() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let path = try Self.file("NAME t\nROWS\n N c\n G r\nCOLUMNS\n x c 1 r 1\nRHS\n RHS r -9\nBOUNDS\n UP BND x -3\nENDATA\n", in: directory)
        let error = #expect(throws: LinearProgrammingError.self) { try GLPKProblem.read(from: path, format: .mps) }
        #expect(error?.description.contains("\"x\"") == true && error?.description.contains("-3.0") == true, "\(String(describing: error))")
    }
}
