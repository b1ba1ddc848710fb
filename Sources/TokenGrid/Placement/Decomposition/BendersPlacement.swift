import Foundation
import LinearProgramming

/// Solves the placement LP by Benders decomposition over time slices.
///
/// Capacity (compute and renewables, with year links, build limits and budget) is decided in a small master LP;
/// given capacity, the operation of every (year, slice) is an independent LP, because slices are linked only
/// through capacity. Each slice returns its cost Q and the gradient of Q in capacity (the reduced costs of
/// its fixed capacity columns), which becomes a cut θ_{y,t} ≥ Q + g·(cap − cap̄) in the master (one cut per
/// slice per iteration). Slices re-solve from their previous basis (dual simplex: only bounds change), the
/// master from its previous basis (new rows keep it dual feasible), and slices are spread over worker threads.
///
/// The result is the same LP optimum within `relativeGap`; row duals of the slices are recovered as the
/// master's cut duals' combination of the slices' duals, so marginal costs match the full LP's.
struct BendersPlacement {
    let data: PlacementData
    var options: SolverOptions
    var threads: Int
    var relativeGap: Double
    var maxIterations: Int

    /// Progress of one iteration: number, lower and upper bound (M$).
    var onIteration: ((Int, Double, Double) -> Void)?

    struct Outcome {
        var model: PlacementModel
        var solution: Solution
        var iterations: Int
        var gap: Double
    }

    /// - Parameter full: the full LP when the caller has built it already (it is needed to assemble the solution).
    func solve(full: PlacementModel? = nil) throws -> Outcome {
        let start = Date()
        var master = PlacementModel.build(data, scope: .capacity)
        let slices = (0 ..< data.years.count).flatMap { y in (0 ..< data.slices.count).map { (y, $0) } }
        var theta: [VariableID] = []
        for (y, t) in slices {
            theta.append(master.program.addVariable("theta[\(data.years[y]),\(data.slices[t].name)]", bounds: .atLeast(lowerBound(y, t)), objective: 1))
        }
        addIdlePowerRows(&master)
        let masterProblem = try GLPKProblem(master.program)
        let capacityColumnsByYear = (0 ..< data.years.count).map { master.capacityColumns(year: $0) }

        // Slice problems live on their worker threads for their whole life (GLPK state is per thread).
        let workerCount = max(1, min(threads, slices.count))
        let workers = (0 ..< workerCount).map { SliceWorker(index: $0) }
        let sharedData = self.data
        defer {
            // GLPK problems must be freed on the thread that made them.
            _ = try? runInParallel(on: workers.map(\.thread)) { index in workers[index].problems = [] }
            for worker in workers { worker.thread.stop() }
        }
        _ = try runInParallel(on: workers.map(\.thread)) { index in
            workers[index].problems = try stride(from: index, to: slices.count, by: workerCount).map {
                try SliceProblem(data: sharedData, year: slices[$0].0, slice: slices[$0].1)
            }
        }

        var cutOwners: [Int: (slice: Int, duals: [Float])] = [:]   // master row index → slice and its duals
        var lower = -Double.infinity, upper = Double.infinity, gap = Double.infinity
        var iterations = 0, simplexIterations = 0
        var masterSolution: Solution
        var outcomes: [SliceProblem.Outcome]
        repeat {
            iterations += 1
            masterSolution = try masterProblem.solve(SolverOptions(method: .dualSimplex, presolve: false, warmStart: iterations > 1))
            guard masterSolution.status == .optimal else {
                throw LinearProgrammingError.solverFailure(code: -1, message: "Benders master ended \(masterSolution.status.rawValue)")
            }
            simplexIterations += masterSolution.iterations
            lower = masterSolution.objective
            let capacity = capacityColumnsByYear.map { $0.map { masterSolution.variableValues[$0.index] } }
            let method = options.method
            outcomes = try runInParallel(on: workers.map(\.thread)) { index in
                try workers[index].problems.map { try $0.solve(capacity: capacity[$0.year], method: method) }
            }.flatMap { $0 }
            outcomes.sort { ($0.year, $0.slice) < ($1.year, $1.slice) }
            simplexIterations += outcomes.reduce(0) { $0 + $1.iterations }
            let thetaTotal = theta.reduce(0) { $0 + masterSolution.variableValues[$1.index] }
            upper = min(upper, lower - thetaTotal + outcomes.reduce(0) { $0 + $1.objective })
            gap = (upper - lower) / max(1e-9, abs(upper))
            onIteration?(iterations, lower, upper)
            if gap <= relativeGap || iterations >= maxIterations { break }
            for (index, outcome) in outcomes.enumerated() {
                let estimate = masterSolution.variableValues[theta[index].index]
                guard outcome.objective > estimate + 1e-9 * max(1, abs(outcome.objective)) else { continue }
                let columns = capacityColumnsByYear[outcome.year]
                let point = capacity[outcome.year]
                var variables = [theta[index]], coefficients = [1.0], constant = outcome.objective
                for (k, slope) in outcome.gradient.enumerated() where slope != 0 {
                    variables.append(columns[k])
                    coefficients.append(-slope)
                    constant -= slope * point[k]
                }
                let row = try masterProblem.addConstraint("cut[\(iterations),\(index)]", variables: variables, coefficients: coefficients, bounds: .atLeast(constant))
                cutOwners[row.index] = (index, outcome.duals)
            }
        } while true

        let full = full ?? PlacementModel.build(data)
        let solution = assemble(full: full, master: master, masterSolution: masterSolution, outcomes: outcomes, cutOwners: cutOwners,
                                sliceCount: slices.count, objective: upper, iterations: simplexIterations, seconds: Date().timeIntervalSince(start))
        return Outcome(model: full, solution: solution, iterations: iterations, gap: gap)
    }

    /// A lower bound on a slice's cost: every token served free of charge and every renewable MW displacing grid power.
    private func lowerBound(_ y: Int, _ t: Int) -> Double {
        var bound = 0.0
        for (s, site) in data.sites.enumerated() where !site.renewables.isEmpty {
            let available = site.renewables.indices.reduce(0) { $0 + site.capacityFactor[$1][t] * (site.renewables[$1].existingMW.value + site.renewables[$1].maxBuildMW.value) }
            bound -= data.discountFactor(y) * data.weightHours[t] * data.gridEnergyCost(site: s, year: y) * available / 1e6
        }
        return bound - 1e-6
    }

    /// Idle power of installed capacity must fit under the grid headroom of every slice, less what renewables can
    /// supply there, so that each slice LP is feasible at the master's capacity. The full LP implies these rows;
    /// the master needs them stated. A row is left out where even the largest possible idle load fits.
    ///
    ///   Σ_a PUE_s × idle_a × cap[s,a,y] − Σ_k CF[s,k,t] × renew_cap[s,k,y] ≤ upper[s,y,t] + Σ_k CF[s,k,t] × existing_k
    private func addIdlePowerRows(_ master: inout PlacementModel) {
        for (s, site) in data.sites.enumerated() where !site.designs.isEmpty {
            let largestIdle = site.pue * (site.designs.map(\.design.idlePowerFraction.value).max() ?? 0) * site.region.dataCentre.maxITMWTotal.value
            for y in 0 ..< data.years.count {
                let upper = (0 ..< data.slices.count).map { data.headroomRowUpperMW(site: s, year: y, slice: $0) }
                var capacityTerms = site.designs.indices.map { (master.capacity[s][$0][y], site.pue * site.designs[$0].design.idlePowerFraction.value) }
                if site.renewables.isEmpty {
                    // Without renewables the tightest slice decides: one row per site and year.
                    let tightest = upper.min() ?? 0
                    if largestIdle > tightest { master.program.addConstraint("idle_fit[\(site.region.id),\(data.years[y])]", terms: capacityTerms, bounds: .atMost(tightest)) }
                    continue
                }
                let firstTerms = capacityTerms.count
                for t in 0 ..< data.slices.count where largestIdle > upper[t] {
                    capacityTerms.removeLast(capacityTerms.count - firstTerms)
                    var existing = 0.0
                    for (k, resource) in site.renewables.enumerated() {
                        capacityTerms.append((master.renewableCapacity[s][k][y], -site.capacityFactor[k][t]))
                        existing += site.capacityFactor[k][t] * resource.existingMW.value
                    }
                    master.program.addConstraint("idle_fit[\(site.region.id),\(data.years[y]),\(data.slices[t].name)]", terms: capacityTerms, bounds: .atMost(upper[t] + existing))
                }
            }
        }
    }

    /// The full LP's solution: capacity from the master, operation from the slices at that capacity, capacity-row
    /// duals from the master and slice-row duals combined over the cuts by the master's cut duals.
    private func assemble(full: PlacementModel, master: PlacementModel, masterSolution: Solution, outcomes: [SliceProblem.Outcome],
                          cutOwners: [Int: (slice: Int, duals: [Float])], sliceCount: Int, objective: Double, iterations: Int, seconds: Double) -> Solution {
        var x = [Double](repeating: 0, count: full.program.variableCount)
        for (fullColumn, masterColumn) in zip(full.capacityPartColumns(), master.capacityPartColumns()) {
            x[fullColumn.index] = masterSolution.variableValues[masterColumn.index]
        }
        var duals = [Double](repeating: 0, count: full.program.constraintCount)
        for (fullRow, masterRow) in zip(full.capacityRows(), master.capacityRows()) {
            duals[fullRow.index] = masterSolution.constraintDuals[masterRow.index]
        }
        var combined = [[Double]](repeating: [], count: sliceCount)
        for (row, owner) in cutOwners {
            let weight = masterSolution.constraintDuals[row]
            guard weight > 0 else { continue }
            if combined[owner.slice].isEmpty { combined[owner.slice] = [Double](repeating: 0, count: owner.duals.count) }
            for k in owner.duals.indices { combined[owner.slice][k] += weight * Double(owner.duals[k]) }
        }
        for (index, outcome) in outcomes.enumerated() {
            for (column, value) in zip(full.sliceColumns(year: outcome.year, slice: outcome.slice), outcome.values) { x[column.index] = value }
            let sliceDuals = combined[index].isEmpty ? outcome.duals.map(Double.init) : combined[index]
            for (row, value) in zip(full.sliceRows(year: outcome.year, slice: outcome.slice), sliceDuals) { duals[row.index] = value }
        }
        let activities = (0 ..< full.program.constraintCount).map { full.program.activity(of: ConstraintID($0), at: x) }
        return Solution(status: .optimal, objective: objective, variableValues: x, reducedCosts: [Double](repeating: 0, count: x.count),
                        constraintActivities: activities, constraintDuals: duals, iterations: iterations, solveSeconds: seconds, method: options.method)
    }
}
