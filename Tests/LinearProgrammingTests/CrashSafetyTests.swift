import Foundation
import LinearProgramming
import Testing

/// Inputs that pass validation but make GLPK (or a Swift trap) end the process. Each runs in a child process
/// (a Swift Testing exit test), so a crash is reported as a test result instead of killing the test run.
///
/// The wrapper's promise is "an error, never a crash". Where it does not hold yet, the expectation is wrapped
/// in `withKnownIssue`, which turns into a failure ("known issue was not recorded") once the wrapper is fixed,
/// as a reminder to unwrap it.
@Suite("Crash safety (exit tests)")
struct CrashSafetyTests {
    /// GLPK's MPS writer (api/mps.c, mps_numb) formats numbers in at most 12 characters and asserts it could:
    /// a negative number with a three-digit exponent, such as −1.234567e−123, needs 13 ("-1.23457E-123"), so
    /// `glp_write_mps` aborts the process. Such a coefficient is finite, so validation lets it through.
    @Test("writing MPS with a tiny negative coefficient throws or succeeds, without aborting")
    func tinyNegativeCoefficientInMPS() async {
        await #expect(processExitsWith: .success) {
            var lp = LinearProgram(name: "tiny")
            let x = lp.addVariable("x", objective: 1)
            lp.addConstraint("c", terms: [(x, -1.234567e-123)], bounds: .atLeast(-1))
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("tiny-\(UUID().uuidString).mps").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            _ = try? lp.write(to: path, format: .mps)
        }
    
    }

    @Test("writing MPS with a tiny negative bound throws or succeeds, without aborting")
    func tinyNegativeBoundInMPS() async {
        await #expect(processExitsWith: .success) {
            var lp = LinearProgram(name: "tiny")
            let x = lp.addVariable("x", bounds: .atLeast(-2.5e-200), objective: 1)
            lp.addConstraint("c", terms: [(x, 1)], bounds: .atLeast(1))
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("tiny-\(UUID().uuidString).mps").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            _ = try? lp.write(to: path, format: .mps)
        }
    
    }

    /// glp_write_mps writes an empty column (no row, zero cost) against row 1 and asserts that there is one.
    @Test("writing MPS of a program with no rows and a zero-cost column throws or succeeds, without aborting")
    func emptyColumnWithoutRowsInMPS() async {
        await #expect(processExitsWith: .success) {
            var lp = LinearProgram(name: "norows")
            lp.addVariable("x", bounds: .between(0, 1), objective: 0)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("norows-\(UUID().uuidString).mps").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            _ = try? lp.write(to: path, format: .mps)
        }
    
    }

    /// `simplexParameters` converts `timeLimitSeconds × 1000` with `Int(_:)` before clamping to Int32, and
    /// `Int(Double.infinity)` (or of anything beyond Int.max) traps.
    @Test("an infinite time limit means no limit, not a trap")
    func infiniteTimeLimit() async {
        await #expect(processExitsWith: .success) {
            var lp = LinearProgram(name: "t")
            let x = lp.addVariable("x", objective: 1)
            lp.addConstraint("c", terms: [(x, 1)], bounds: .atLeast(1))
            let solution = try? GLPKProblem(lp).solve(SolverOptions(timeLimitSeconds: .infinity))
            if solution?.status != .optimal { exit(1) }
        }
    
    }

    /// `setRow` (and `addConstraint`, on both `LinearProgram` and `GLPKProblem`) check that the two arrays have the
    /// same length with `precondition`, which ends the process, while every other in-place check throws.
    @Test("setRow with arrays of different lengths throws instead of trapping")
    func setRowLengthMismatch() async {
        await #expect(processExitsWith: .success) {
            var lp = LinearProgram(name: "t")
            let x = lp.addVariable("x", objective: 1)
            lp.addConstraint("c", terms: [(x, 1)], bounds: .atLeast(1))
            guard let problem = try? GLPKProblem(lp) else { exit(2) }
            do {
                try problem.setRow(ConstraintID(0), variables: [x], coefficients: [1, 2])
                exit(1) // accepted silently
            } catch {
                exit(0) // thrown: the desired behaviour
            }
        }
    
    }

    /// GLPK aborts on numbers far from 1: its scaling on a matrix holding 1e-200 next to 9 (a zero scale factor),
    /// its interior point on a cost of 1e308 (NaN iterates), glp_exact on a denormal cost. Validation refuses them
    /// (``LinearProgram/safeMagnitudes``) before anything reaches GLPK.
    @Test("programs with 1e-200, 1e308 or denormal numbers are refused, not solved into an abort")
    func extremeNumbersInPrograms() async {
        await #expect(processExitsWith: .success) {
            for value in [1e-200, 1e308, -1e308, Double.leastNonzeroMagnitude, Double.leastNormalMagnitude / 1000, 1e160] {
                for place in 0 ..< 3 {
                    var lp = LinearProgram(name: "extreme")
                    let x = lp.addVariable("x", bounds: .between(0, place == 2 ? value : 4), objective: place == 1 ? value : 1)
                    let y = lp.addVariable("y", objective: 2)
                    lp.addConstraint("a", terms: [(x, place == 0 ? value : 1), (y, 9)], bounds: .atLeast(1))
                    lp.addConstraint("b", terms: [(x, 3), (y, -5)], bounds: .atMost(10))
                    for method in SolverOptions.Method.allCases {
                        // Refused at load: GLPKProblem.init validates. Reaching a solve would risk the abort.
                        if let problem = try? GLPKProblem(lp) { _ = try? problem.solve(SolverOptions(method: method)); exit(1) }
                    }
                }
            }
        }
    }

    /// The same through files: GLPK's readers store such numbers without complaint (a subnormal one they read as
    /// 0), and a solve would abort.
    @Test("model files with 1e308 or 1e-200 are refused when read, not solved into an abort")
    func extremeNumbersInFiles() async {
        await #expect(processExitsWith: .success) {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("extreme-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let files = [
                ("c.lp", "Minimize\n obj: x + 2 y\nSubject To\n c1: 1e308 x + y >= 1\n c2: x + y <= 10\nEnd\n"),
                ("o.lp", "Minimize\n obj: 1e308 x + 2 y\nSubject To\n c1: x + y >= 1\n c2: x + y <= 10\nEnd\n"),
                ("b.lp", "Minimize\n obj: x + 2 y\nSubject To\n c1: x + y >= 1\nBounds\n x <= 1e300\nEnd\n"),
                ("d.mps", "NAME t\nROWS\n N c\n G r\nCOLUMNS\n x c 1 r 1e-200\n y c 1 r 9\nRHS\n RHS r 1\nENDATA\n"),
            ]
            for (name, text) in files {
                let path = directory.appendingPathComponent(name).path
                try? text.write(toFile: path, atomically: true, encoding: .utf8)
                for method in SolverOptions.Method.allCases {
                    let format: ModelFileFormat = name.hasSuffix(".lp") ? .lp : .mps
                    if let problem = try? GLPKProblem.read(from: path, format: format) { _ = try? problem.solve(SolverOptions(method: method)); exit(1) }
                }
            }
        }
    }

    /// The other side of the limit: numbers at the ends of `safeMagnitudes`, next to ordinary ones, solve with every
    /// method (whatever the status) without aborting.
    @Test("a program at the ends of the safe range solves with every method without aborting")
    func safeRangeEdges() async {
        await #expect(processExitsWith: .success) {
            for (tiny, huge) in [(1e-50, 1e50), (-1e-50, -1e50)] {
                var lp = LinearProgram(name: "edges")
                let x = lp.addVariable("x", bounds: .between(tiny, huge.magnitude), objective: huge)
                let y = lp.addVariable("y", bounds: .atLeast(-huge.magnitude), objective: tiny)
                let z = lp.addVariable("z", objective: 9)
                lp.objectiveConstant = huge
                lp.addConstraint("a", terms: [(x, tiny), (y, huge), (z, 9)], bounds: .between(-huge.magnitude, huge.magnitude))
                lp.addConstraint("b", terms: [(x, huge), (y, -3), (z, tiny)], bounds: .atLeast(tiny))
                lp.addConstraint("c", terms: [(x, 2), (y, 1), (z, 1)], bounds: .atMost(7))
                guard let problem = try? GLPKProblem(lp) else { exit(2) }
                for method in SolverOptions.Method.allCases {
                    _ = try? problem.solve(SolverOptions(method: method))
                    _ = try? GLPKProblem(lp).solve(SolverOptions(method: method, presolve: false))
                }
            }
        }
    }

    @Test("the corresponding valid cases run cleanly in a child process")
    func validCounterparts() async {
        await #expect(processExitsWith: .success) {
            var lp = LinearProgram(name: "ok")
            let x = lp.addVariable("x", bounds: .atLeast(-2.5e-20), objective: 1)
            lp.addConstraint("c", terms: [(x, -1.234567e-12)], bounds: .atLeast(-1))
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("ok-\(UUID().uuidString).mps").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            do {
                try lp.write(to: path, format: .mps)
                let solution = try GLPKProblem(lp).solve(SolverOptions(timeLimitSeconds: 1e6))
                if solution.status != .optimal { exit(1) }
            } catch {
                exit(2)
            }
        }
    }
}
