import LinearProgramming
import Testing

/// `slacks(in:)` and `bindingConstraints(in:)` on the hand-solved LPs.
@Suite("Slacks and binding constraints")
struct ReportingTests {
    /// Transportation (see `TextbookLPs.swift`): source1 full (20 of ≤ 20), source2 ships 35 of ≤ 40,
    /// sink1 gets exactly its 15, sink2 its = 25, sink3 its 15.
    @Test("transportation: slacks and binding rows with their sides and duals", arguments: SolverConfig.all)
    func transportation(_ config: SolverConfig) throws {
        let lp = TextbookLP.transportation
        let solution = try GLPKProblem(lp.program).solve(config.options)
        try #require(solution.status == .optimal)
        expectClose(solution.slacks(in: lp.program), [0, 5, 0, 0, 0], "slacks")

        let binding = solution.bindingConstraints(in: lp.program, tolerance: 1e-6)
        #expect(binding.map(\.constraint) == [ConstraintID(0), ConstraintID(2), ConstraintID(3), ConstraintID(4)])
        #expect(binding.map(\.side) == [.upper, .lower, .equality, .lower])
        expectClose(binding.map(\.dual), [-2, 5, 8, 8], "binding duals")
        for row in binding {
            #expect(row.slack >= 0 && row.slack < 1e-6)
        }
        // All four have non-zero duals, so requiring one changes nothing.
        #expect(solution.bindingConstraints(in: lp.program, tolerance: 1e-6, requireNonzeroDual: true).map(\.constraint)
            == binding.map(\.constraint))
    }

    /// Production: plant1 has slack 2 (doors 2 of ≤ 4, dual 0); plant2 and plant3 bind.
    @Test("production: the tolerance decides what counts as binding; requireNonzeroDual drops zero-dual rows")
    func productionTolerance() throws {
        let lp = TextbookLP.production
        let solution = try GLPKProblem(lp.program).solve()
        expectClose(solution.slacks(in: lp.program), [2, 0, 0], "slacks")
        #expect(solution.bindingConstraints(in: lp.program).map(\.constraint) == [ConstraintID(1), ConstraintID(2)])
        #expect(solution.bindingConstraints(in: lp.program).allSatisfy { $0.side == .upper && $0.dual > 0 })
        // plant1's slack 2 is within 0.5 × (1 + 4) = 2.5: with that loose tolerance it counts as binding...
        let loose = solution.bindingConstraints(in: lp.program, tolerance: 0.5)
        #expect(loose.map(\.constraint) == [ConstraintID(0), ConstraintID(1), ConstraintID(2)])
        #expect(isClose(loose[0].slack, 2))
        #expect(loose[0].dual == 0)
        // ...but not when a non-zero dual is required.
        #expect(solution.bindingConstraints(in: lp.program, tolerance: 0.5, requireNonzeroDual: true).map(\.constraint)
            == [ConstraintID(1), ConstraintID(2)])
    }

    /// Ranged LP: `range` (2 ≤ · ≤ 6) sits on its upper end at 6, `link` is an equality, `total` is free (slack ∞).
    @Test("ranged row, equality row and free row")
    func rangedEqualityFree() throws {
        let lp = TextbookLP.rangedWithConstant
        let solution = try GLPKProblem(lp.program).solve()
        let slacks = solution.slacks(in: lp.program)
        #expect(isClose(slacks[0], 0) && isClose(slacks[1], 0))
        #expect(slacks[2] == .infinity)
        let binding = solution.bindingConstraints(in: lp.program)
        #expect(binding.map(\.constraint) == [ConstraintID(0), ConstraintID(1)])
        #expect(binding.map(\.side) == [.upper, .equality])
        expectClose(binding.map(\.dual), [-0.5, -1.5], "duals")
    }

    /// Diet: nutrientB has 10 against ≥ 6 (slack 4); A and C bind on their lower ends.
    @Test("diet: ≥ rows bind on their lower side")
    func diet() throws {
        let lp = TextbookLP.diet
        let solution = try GLPKProblem(lp.program).solve()
        expectClose(solution.slacks(in: lp.program), [0, 4, 0], "slacks")
        let binding = solution.bindingConstraints(in: lp.program)
        #expect(binding.map(\.constraint) == [ConstraintID(0), ConstraintID(2)])
        #expect(binding.map(\.side) == [.lower, .lower])
    }

    /// An equality row is always reported (its slack is its violation), but with `requireNonzeroDual` only when
    /// its dual is non-zero.
    @Test("an equality row with a zero dual is listed unless a non-zero dual is required")
    func equalityWithZeroDual() throws {
        var lp = LinearProgram(name: "eq")
        let x = lp.addVariable("x", objective: 1)
        let y = lp.addVariable("y", bounds: .between(0, 10), objective: 0)
        lp.addConstraint("need", terms: [(x, 1)], bounds: .atLeast(2))
        lp.addConstraint("fixy", terms: [(y, 1)], bounds: .equal(to: 3)) // y costs nothing: dual 0
        let solution = try GLPKProblem(lp).solve()
        #expect(solution.bindingConstraints(in: lp).map(\.side) == [.lower, .equality])
        #expect(solution.bindingConstraints(in: lp, requireNonzeroDual: true).map(\.constraint) == [ConstraintID(0)])
    }
}

/// Stopping early on the iteration and time limits.
@Suite("Limits")
struct LimitTests {
    /// 60 sources × 60 sinks: 3600 columns, 120 rows; a solve needs far more than one iteration.
    static let large = makeRandomTransportation(sources: 60, sinks: 60, seed: 60)

    @Test("iterationLimit: 1 stops with .iterationLimit", arguments: SolverConfig.simplex)
    func iterationLimit(_ config: SolverConfig) throws {
        var options = config.options
        options.iterationLimit = 1
        let problem = try GLPKProblem(Self.large.program)
        let stopped = try problem.solve(options)
        #expect(stopped.status == .iterationLimit)
        #expect(!stopped.status.isOptimal)
        #expect(stopped.iterations <= 1)
        #expect(stopped.message?.contains("GLP_EITLIM") == true, "\(String(describing: stopped.message))")
        #expect(stopped.objective.isFinite) // the last objective value, reported for a stopped solve
        // The same problem then solves to the optimum without the limit.
        options.iterationLimit = nil
        let finished = try problem.solve(options)
        #expect(finished.status == .optimal)
        #expect(isClose(finished.objective, try GLPKProblem(Self.large.program).solve().objective, relative: 1e-9))
    }

    @Test("iterationLimit: 0 stops at once; a generous limit does not stop", arguments: [SolverOptions.Method.primalSimplex, .dualSimplex])
    func iterationLimitEdges(_ method: SolverOptions.Method) throws {
        let problem = try GLPKProblem(Self.large.program)
        #expect(try problem.solve(SolverOptions(method: method, presolve: false, iterationLimit: 0)).status == .iterationLimit)
        let generous = try GLPKProblem(Self.large.program).solve(SolverOptions(method: method, iterationLimit: 1_000_000))
        #expect(generous.status == .optimal)
    }

    /// A zero time limit is reached at GLPK's first check, long before 3600 columns are optimal.
    @Test("timeLimitSeconds: 0 stops with .timeLimit", arguments: SolverConfig.simplex)
    func timeLimit(_ config: SolverConfig) throws {
        var options = config.options
        options.timeLimitSeconds = 0
        let solution = try GLPKProblem(Self.large.program).solve(options)
        #expect(solution.status == .timeLimit)
        #expect(solution.message?.contains("GLP_ETMLIM") == true, "\(String(describing: solution.message))")
    }

    @Test("a generous time limit does not stop the solve")
    func generousTimeLimit() throws {
        let solution = try GLPKProblem(TextbookLP.transportation.program).solve(SolverOptions(timeLimitSeconds: 60))
        #expect(solution.status == .optimal)
        #expect(solution.solveSeconds >= 0 && solution.solveSeconds < 60)
    }
}
