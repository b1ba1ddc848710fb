import LinearProgramming
import Testing

/// Re-solving from the previous basis after in-place changes, and moving bases between problems.
@Suite("Warm start")
struct WarmStartTests {
    /// A 30 × 30 transportation problem: large enough that a cold solve needs dozens of iterations.
    static func generated() -> RandomTransportation { makeRandomTransportation(sources: 30, sinks: 30, seed: 2024) }

    /// Cold solve of `program` in a fresh problem object.
    static func coldSolve(_ program: LinearProgram, _ options: SolverOptions = SolverOptions()) throws -> Solution {
        let solution = try GLPKProblem(program).solve(options)
        try #require(solution.status == .optimal)
        return solution
    }

    @Test("tightening a supply bound in place: warm re-solve = cold solve, in fewer iterations",
          arguments: [SolverOptions.Method.dualSimplex, .primalSimplex])
    func boundChange(_ method: SolverOptions.Method) throws {
        let generated = Self.generated()
        var program = generated.program
        let problem = try GLPKProblem(program)
        let first = try problem.solve(SolverOptions(method: method))
        try #require(first.status == .optimal)

        // Cut the busiest source to half of what it ships now: the optimum must change.
        let busiest = generated.supplyRows.max { first.activity($0) < first.activity($1) }!
        let newBounds = Bounds.atMost((first.activity(busiest) / 2).rounded())
        try problem.setBounds(busiest, newBounds)
        program.setBounds(busiest, newBounds)

        let warm = try problem.solve(SolverOptions(method: method, warmStart: true))
        let cold = try Self.coldSolve(program, SolverOptions(method: method))
        #expect(warm.status == .optimal)
        #expect(isClose(warm.objective, cold.objective, relative: 1e-9), "warm \(warm.objective), cold \(cold.objective)")
        #expect(warm.objective > first.objective + 1e-6, "the cut should cost something")
        #expect(warm.iterations <= cold.iterations, "warm \(warm.iterations) iterations, cold \(cold.iterations)")
        #expect(warm.activity(busiest) <= newBounds.upper + 1e-7)
    }

    @Test("changing an objective coefficient in place: warm re-solve = cold solve, in fewer iterations",
          arguments: [SolverOptions.Method.primalSimplex, .dualSimplex])
    func objectiveChange(_ method: SolverOptions.Method) throws {
        let generated = Self.generated()
        var program = generated.program
        let problem = try GLPKProblem(program)
        let first = try problem.solve(SolverOptions(method: method))
        try #require(first.status == .optimal)

        // Make the unused arc whose reduced cost would drop most (d − c = −(u_i + v_j)) free: it must come in.
        let program0 = program
        let unused = try #require(generated.flows.joined().filter { first[$0] == 0 }.max {
            program0.objectiveCoefficients[$0.index] - first.reducedCosts[$0.index]
                < program0.objectiveCoefficients[$1.index] - first.reducedCosts[$1.index]
        })
        try problem.setObjective(unused, 0)
        program.setObjective(unused, 0)

        let warm = try problem.solve(SolverOptions(method: method, warmStart: true))
        let cold = try Self.coldSolve(program, SolverOptions(method: method))
        #expect(warm.status == .optimal)
        #expect(isClose(warm.objective, cold.objective, relative: 1e-9), "warm \(warm.objective), cold \(cold.objective)")
        #expect(warm.objective < first.objective - 1e-6)
        #expect(warm[unused] > 0)
        #expect(warm.iterations <= cold.iterations, "warm \(warm.iterations) iterations, cold \(cold.iterations)")
    }

    @Test("a series of in-place changes, each warm-started, tracks cold solves throughout")
    func chainOfChanges() throws {
        let generated = makeRandomTransportation(sources: 15, sinks: 20, seed: 99)
        var program = generated.program
        let problem = try GLPKProblem(program)
        _ = try problem.solve()
        var rng = SplitMix64(seed: 5)
        var warmIterations = 0, coldIterations = 0
        for step in 0 ..< 8 {
            let j = Int.random(in: 0 ..< generated.demandRows.count, using: &rng)
            let demand = generated.demands[j] * Double.random(in: 0.5 ... 1.5, using: &rng)
            try problem.setBounds(generated.demandRows[j], .atLeast(demand.rounded()))
            program.setBounds(generated.demandRows[j], .atLeast(demand.rounded()))
            let arc = generated.flows[Int.random(in: 0 ..< 15, using: &rng)][j]
            let cost = Double(Int.random(in: 1 ... 100, using: &rng))
            try problem.setObjective(arc, cost)
            program.setObjective(arc, cost)
            let warm = try problem.solve(SolverOptions(warmStart: true))
            let cold = try Self.coldSolve(program)
            #expect(warm.status == .optimal, "step \(step)")
            #expect(isClose(warm.objective, cold.objective, relative: 1e-9), "step \(step): warm \(warm.objective), cold \(cold.objective)")
            warmIterations += warm.iterations
            coldIterations += cold.iterations
        }
        #expect(warmIterations <= coldIterations, "warm \(warmIterations) iterations in all, cold \(coldIterations)")
    }

    @Test("a warm re-solve of an unchanged, optimal problem takes no iterations", arguments: SolverConfig.simplex)
    func unchangedWarmStart(_ config: SolverConfig) throws {
        let problem = try GLPKProblem(Self.generated().program)
        let first = try problem.solve(config.options)
        var options = config.options
        options.warmStart = true
        let again = try problem.solve(options)
        #expect(again.status == .optimal)
        #expect(again.objective == first.objective)
        #expect(again.iterations == 0)
        #expect(first.iterations > 0)
    }

    @Test("warm start after interior point (no basis of its own) still reaches the optimum")
    func warmStartAfterInteriorPoint() throws {
        let lp = TextbookLP.diet
        let problem = try GLPKProblem(lp.program)
        _ = try problem.solve(SolverOptions(method: .interiorPoint))
        let warm = try problem.solve(SolverOptions(warmStart: true))
        #expect(warm.status == .optimal)
        #expect(isClose(warm.objective, lp.objective))
    }

    @Test("basis() of the optimum, installed with setBasis in a fresh problem of the same shape, is optimal at once")
    func basisTransplantSameProgram() throws {
        let program = Self.generated().program
        let source = try GLPKProblem(program)
        let solved = try source.solve()
        let basis = source.basis()
        #expect(basis.rowStatuses.count == program.constraintCount)
        #expect(basis.columnStatuses.count == program.variableCount)

        let target = try GLPKProblem(program)
        try target.setBasis(basis)
        #expect(target.basis() == basis)
        let transplanted = try target.solve(SolverOptions(warmStart: true))
        #expect(transplanted.status == .optimal)
        #expect(isClose(transplanted.objective, solved.objective, relative: 1e-12))
        #expect(transplanted.iterations == 0)
    }

    @Test("a basis transplanted into a neighbouring scenario beats a cold start", arguments: [SolverOptions.Method.dualSimplex, .primalSimplex])
    func basisTransplantNeighbour(_ method: SolverOptions.Method) throws {
        let generated = Self.generated()
        let source = try GLPKProblem(generated.program)
        _ = try source.solve(SolverOptions(method: method))

        // The neighbour: every demand 10 % higher and a few costs changed.
        var neighbour = generated.program
        for (j, row) in generated.demandRows.enumerated() {
            neighbour.setBounds(row, .atLeast((generated.demands[j] * 1.1).rounded()))
        }
        for i in stride(from: 0, to: 30, by: 7) { neighbour.setObjective(generated.flows[i][i], 1) }

        let target = try GLPKProblem(neighbour)
        try target.setBasis(source.basis())
        let warm = try target.solve(SolverOptions(method: method, warmStart: true))
        let cold = try Self.coldSolve(neighbour, SolverOptions(method: method))
        #expect(warm.status == .optimal)
        #expect(isClose(warm.objective, cold.objective, relative: 1e-9), "warm \(warm.objective), cold \(cold.objective)")
        #expect(warm.iterations <= cold.iterations, "warm \(warm.iterations) iterations, cold \(cold.iterations)")
    }

    @Test("a basis of another shape is refused by setBasis")
    func basisOfAnotherShape() throws {
        let small = try GLPKProblem(TextbookLP.diet.program)
        _ = try small.solve()
        let large = try GLPKProblem(TextbookLP.transportation.program)
        #expect(throws: LinearProgrammingError.self) { try large.setBasis(small.basis()) }
        #expect(throws: LinearProgrammingError.self) { try small.setBasis(large.basis()) }
    }
}
