import LinearProgramming

extension BendersMaster {
    /// How many times ``feasiblePoint(near:data:)`` adds the idle fits its last answer breaks and solves again.
    static let projectionRounds = 5

    /// `point` itself when it meets the master's bounds, rows and every idle fit; else the point nearest it that does
    /// (in the stock columns' distance, each relative to its size: 1-norm), or nil when none is found.
    ///
    /// A coarse start's capacity (``CoarseStart``) is chosen on hours averaged into month × hour cells, so it can
    /// break an idle fit in a single hour of the full year — on the shipped hourly US plan, one site in one year —
    /// and was then dropped whole: that plan took 48 iterations from nothing. Moved off the broken fits by as little
    /// as that takes, it still starts the in-out stabilisation near the optimum.
    func feasiblePoint(near point: [Double], data: PlacementData) -> [Double]? {
        var projection: LinearProgram?
        var added: [(site: Int, year: Int, slice: Int)] = []
        var candidate = point
        for round in 0 ... Self.projectionRounds {
            let broken = brokenIdleFits(data, at: candidate)
            if isFeasible(candidate), broken.isEmpty { return candidate }
            guard round < Self.projectionRounds else { return nil }
            var program = projection ?? projectionProgram(toward: point)
            for fit in broken where !added.contains(where: { $0 == fit }) {
                let (terms, bound) = idleFit(data, site: fit.site, year: fit.year, slice: fit.slice)
                // A hair inside, so that GLPK's tolerated excess (1e-7) does not read as the fit broken again.
                program.addConstraint("idle_fit[\(fit.site),\(fit.year),\(fit.slice)]", terms: terms, bounds: .atMost(bound - 1e-6 * (1 + abs(bound))))
                added.append(fit)
            }
            projection = program
            // The start point is only a help: a projection GLPK cannot solve leaves the loop to start without it.
            guard let solution = try? GLPKProblem(program, names: false).solve(SolverOptions(method: .primalSimplex, presolve: false)),
                  solution.status == .optimal else { return nil }
            candidate = Array(solution.variableValues[0 ..< model.program.variableCount])
            for column in theta { candidate[column.index] = 0 }
            fillCurtailment(data, at: &candidate)
        }
        return nil
    }

    /// The master's rows with the weighted 1-norm distance of the stock columns to `point` as objective: each column
    /// split from its target by an `above` and a `below` part, both priced 1 ÷ (1 + |target|). θ is left free: the
    /// projection leaves out the blocks' cost.
    private func projectionProgram(toward point: [Double]) -> LinearProgram {
        var program = model.program
        for j in 0 ..< program.variableCount { program.setObjective(VariableID(j), 0) }
        for column in theta { program.setBounds(column, .free) }
        for column in model.stockColumns() {
            let target = point[column.index], weight = 1 / (1 + abs(target))
            let above = program.addVariable("above[\(column.index)]", objective: weight)
            let below = program.addVariable("below[\(column.index)]", objective: weight)
            program.addConstraint("near[\(column.index)]", terms: [(column, 1), (above, -1), (below, 1)], bounds: .equal(to: target))
        }
        return program
    }
}
