import LinearProgramming
import Testing

/// The hand-solved LPs of `TextbookLPs.swift`, through every algorithm, with presolve on and off.
@Suite("Textbook LPs")
struct TextbookLPTests {
    @Test("optimum, primal values, reduced costs, activities and duals match the hand derivation",
          arguments: TextbookLP.feasible, SolverConfig.all)
    func handDerivedOptimum(_ lp: TextbookLP, _ config: SolverConfig) throws {
        let problem = try GLPKProblem(lp.program)
        let solution = try problem.solve(config.options)
        try #require(solution.status == .optimal, "\(lp.name) with \(config.testDescription): \(solution.status)")
        #expect(solution.method == config.options.method)
        #expect(isClose(solution.objective, lp.objective), "objective \(solution.objective), expected \(lp.objective)")
        expectClose(solution.variableValues, lp.values, "values")
        expectClose(solution.reducedCosts, lp.reducedCosts, "reduced costs")
        expectClose(solution.constraintActivities, lp.activities, "activities")
        expectClose(solution.constraintDuals, lp.duals, "duals")
        // The objective the solver reports includes the constant and agrees with the program's own evaluation.
        #expect(isClose(lp.program.objectiveValue(at: solution.variableValues), solution.objective))
        for i in 0 ..< lp.program.constraintCount {
            let row = ConstraintID(i)
            #expect(isClose(lp.program.activity(of: row, at: solution.variableValues), solution.activity(row)))
            #expect(solution.dual(row) == solution.constraintDuals[i])
        }
        if config.isInterior {
            #expect(solution.iterations == 0)
        }
    }

    /// Every hand-derived number of these LPs is a short binary fraction (36, 1.5, −0.5, 3.5, …), so glp_exact,
    /// which ends in rational arithmetic and rounds only when handing the answer back, must hit them exactly:
    /// no tolerance at all, unlike the floating-point methods.
    @Test("exact simplex returns the hand-derived optimum, values and duals exactly", arguments: TextbookLP.feasible)
    func exactSimplexIsExact(_ lp: TextbookLP) throws {
        let solution = try GLPKProblem(lp.program).solve(SolverOptions(method: .exactSimplex))
        try #require(solution.status == .optimal)
        #expect(solution.method == .exactSimplex)
        #expect(solution.objective == lp.objective)
        #expect(solution.variableValues == lp.values)
        #expect(solution.reducedCosts == lp.reducedCosts)
        #expect(solution.constraintActivities == lp.activities)
        #expect(solution.constraintDuals == lp.duals)
    }

    /// Optimality certificate for every simplex answer, independent of the hand derivation:
    /// dual consistency d_j = c_j − Σ_i a_ij·π_i; complementary slackness with GLPK's signs (minimisation:
    /// π > 0 only on a row's lower bound, π < 0 only on its upper bound; maximisation the other way round; the
    /// same for columns and reduced costs); and strong duality, the dual objective built from those active
    /// bounds, Σ_i π_i·b_i + Σ_j d_j·l_j + c0, equals the primal objective.
    @Test("optimality certificate: dual consistency, complementary slackness, strong duality",
          arguments: TextbookLP.feasible, SolverConfig.simplex)
    func optimalityCertificate(_ lp: TextbookLP, _ config: SolverConfig) throws {
        let program = lp.program
        let solution = try GLPKProblem(program).solve(config.options)
        try #require(solution.status == .optimal)
        let signFlip: Double = program.sense == .minimize ? 1 : -1
        var reducedFromDuals = program.objectiveCoefficients
        for i in 0 ..< program.constraintCount {
            for (variable, coefficient) in program.terms(of: ConstraintID(i)) {
                reducedFromDuals[variable.index] -= coefficient * solution.constraintDuals[i]
            }
        }
        expectClose(solution.reducedCosts, reducedFromDuals, relative: 1e-9, absolute: 1e-9, "d = c − Aᵀπ")

        /// The bound a non-zero multiplier says is active, checked against the primal value.
        func activeBound(_ multiplier: Double, _ value: Double, _ bounds: Bounds, _ what: String) -> Double {
            guard Swift.abs(multiplier) > 1e-9 else { return 0 }
            let bound = signFlip * multiplier > 0 ? bounds.lower : bounds.upper
            #expect(bound.isFinite, "\(what): multiplier \(multiplier) points at an infinite bound")
            #expect(isClose(value, bound, relative: 1e-9, absolute: 1e-9), "\(what): \(value) is not on bound \(bound)")
            return bound
        }
        var dualObjective = program.objectiveConstant
        for i in 0 ..< program.constraintCount {
            let pi = solution.constraintDuals[i]
            dualObjective += pi * activeBound(pi, solution.constraintActivities[i], program.constraintBounds[i],
                                              "row \(program.constraintNames[i])")
        }
        for j in 0 ..< program.variableCount {
            let d = solution.reducedCosts[j]
            dualObjective += d * activeBound(d, solution.variableValues[j], program.variableBounds[j],
                                             "column \(program.variableNames[j])")
        }
        #expect(isClose(dualObjective, solution.objective, relative: 1e-9, absolute: 1e-9),
                "dual objective \(dualObjective), primal \(solution.objective)")
    }

    /// GLPK's convention, checked on the transportation problem (minimisation): the binding `≤` supply row
    /// has a dual ≤ 0 and the binding `≥` demand rows have duals ≥ 0; in the production problem
    /// (maximisation), binding `≤` rows have duals ≥ 0.
    @Test("dual sign convention: minimisation ≤ row ≤ 0, ≥ row ≥ 0; maximisation ≤ row ≥ 0")
    func dualSignConvention() throws {
        let transport = try GLPKProblem(TextbookLP.transportation.program).solve()
        #expect(transport.constraintDuals[0] < 0) // source1, binding ≤, minimise
        #expect(transport.constraintDuals[2] > 0) // sink1, binding ≥, minimise
        #expect(transport.constraintDuals[4] > 0) // sink3, binding ≥, minimise
        let production = try GLPKProblem(TextbookLP.production.program).solve()
        #expect(production.constraintDuals[1] > 0) // plant2, binding ≤, maximise
        #expect(production.constraintDuals[2] > 0) // plant3, binding ≤, maximise
        #expect(production.reducedCosts[2] < 0) // frames at its lower bound, maximise
        let ranged = try GLPKProblem(TextbookLP.rangedWithConstant.program).solve()
        #expect(ranged.constraintDuals[0] < 0) // ranged row at its upper end, minimise
        #expect(ranged.reducedCosts[3] < 0) // w at its upper bound, minimise
    }

    /// With presolve, GLPK's presolver itself finds the contradiction (GLP_ENOPFS); without, the simplex method
    /// proves it (status GLP_NOFEAS). Either way the message says so in plain words and names GLPK's code.
    @Test("an infeasible LP reports .infeasible and why", arguments: SolverConfig.simplex + SolverConfig.exact)
    func infeasible(_ config: SolverConfig) throws {
        let solution = try GLPKProblem(TextbookLP.infeasible).solve(config.options)
        #expect(solution.status == .infeasible)
        #expect(!solution.status.isOptimal)
        let message = try #require(solution.message)
        #expect(message.contains("cannot all hold") && (message.contains("GLP_ENOPFS") || message.contains("GLP_NOFEAS")), "\(message)")
    }

    @Test("an unbounded LP reports .unbounded and why", arguments: SolverConfig.simplex + SolverConfig.exact)
    func unbounded(_ config: SolverConfig) throws {
        let solution = try GLPKProblem(TextbookLP.unbounded).solve(config.options)
        #expect(solution.status == .unbounded)
        #expect(!solution.status.isOptimal)
        let message = try #require(solution.message)
        #expect(message.contains("without limit") && message.contains("GLP_UNBND"), "\(message)")
    }

    @Test("an optimal solve has no message", arguments: SolverConfig.all)
    func optimalHasNoMessage(_ config: SolverConfig) throws {
        #expect(try GLPKProblem(TextbookLP.diet.program).solve(config.options).message == nil)
    }

    /// Interior point cannot tell infeasible from unbounded; it must still neither crash nor claim an optimum.
    @Test("interior point on an infeasible or unbounded LP does not claim an optimum",
          arguments: [TextbookLP.infeasible, TextbookLP.unbounded].map { SendableProgram($0) })
    func interiorOnHopelessProblems(_ program: SendableProgram) throws {
        let solution = try GLPKProblem(program.program).solve(SolverOptions(method: .interiorPoint))
        #expect(solution.status != .optimal, "\(program.program.name): \(solution.status)")
        let message = try #require(solution.message)
        #expect(message.contains("interior-point") && message.contains("GLP_"), "\(message)")
    }

    @Test("the same problem object can be solved again with every method and gives the same optimum")
    func resolveSameObject() throws {
        let lp = TextbookLP.transportation
        let problem = try GLPKProblem(lp.program)
        for config in SolverConfig.all {
            let solution = try problem.solve(config.options)
            #expect(solution.status == .optimal, "\(config.testDescription)")
            #expect(isClose(solution.objective, lp.objective), "\(config.testDescription): \(solution.objective)")
            expectClose(solution.constraintDuals, lp.duals, "duals (\(config.testDescription))")
        }
    }

    @Test("an empty program (no rows, no columns) solves to its constant", arguments: SolverConfig.all)
    func emptyProgram(_ config: SolverConfig) throws {
        var lp = LinearProgram(name: "empty")
        lp.objectiveConstant = 4.25
        let solution = try GLPKProblem(lp).solve(config.options)
        #expect(solution.status == .optimal)
        #expect(solution.objective == 4.25)
        #expect(solution.variableValues.isEmpty && solution.constraintDuals.isEmpty)
    }

    @Test("a program with columns but no rows: each variable sits on its better bound", arguments: SolverConfig.all)
    func noRows(_ config: SolverConfig) throws {
        var lp = LinearProgram(name: "boxes", sense: .maximize)
        lp.addVariable("a", bounds: .between(1, 3), objective: 2)   // → 3
        lp.addVariable("b", bounds: .between(-1, 5), objective: -1) // → −1
        let solution = try GLPKProblem(lp).solve(config.options)
        #expect(solution.status == .optimal)
        #expect(isClose(solution.objective, 7))
        expectClose(solution.variableValues, [3, -1], "values")
    }
}

/// `LinearProgram` wrapped with a readable name for parameterised tests.
struct SendableProgram: Sendable, CustomTestStringConvertible {
    let program: LinearProgram
    init(_ program: LinearProgram) { self.program = program }
    var testDescription: String { program.name }
}
