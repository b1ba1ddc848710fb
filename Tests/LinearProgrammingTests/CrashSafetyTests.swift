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
