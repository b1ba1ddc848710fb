import Foundation
import LinearProgramming

/// Solves the placement LP by Benders decomposition over blocks of time slices (``PlacementData/blocks``).
///
/// Capacity (compute and renewables, with year links, build limits, budget and, under a carbon cap, each block's
/// emission allowance) is decided in a small master LP; given those, the operation of every (year, block) is an
/// independent LP. Each block returns its cost Q and the gradient of Q in the master's columns (reduced costs of its
/// fixed columns), which becomes a cut θ_{y,b} ≥ Q + g·(x − x̄) in the master (one cut per block per iteration).
/// Blocks re-solve from their previous basis (dual simplex: only bounds change), the master from its previous basis
/// (new rows keep it dual feasible), and blocks are spread over worker threads.
///
/// The solver keeps its block problems and its binding cuts between calls, so a sweep's next variant starts warm:
/// blocks are changed in place (keeping their bases) and the kept cuts are re-evaluated exactly against the new
/// data (``BendersCut``). Row duals of the blocks are recovered as the master's cut duals' combination of the blocks'
/// duals, so marginal costs match the full LP's. The caller checks the assembled solution against the full LP.
final class BendersSolver {
    var options: SolverOptions
    let threads: Int
    var relativeGap: Double
    var maxIterations: Int
    /// Progress of one iteration: number, lower and upper bound (M$).
    var onIteration: ((Int, Double, Double) -> Void)?

    private var workers: [BlockWorker] = []
    /// The (year, block) pairs of the plan the workers hold problems for, in a fixed order.
    private(set) var subproblems: [(year: Int, block: Int)] = []

    struct Outcome {
        var solution: Solution
        var iterations: Int
        var gap: Double
        /// Cuts carried over from the previous variant and still finite for this one.
        var cutsReused: Int
    }

    init(options: SolverOptions, threads: Int, relativeGap: Double, maxIterations: Int) {
        self.options = options
        self.threads = max(1, threads)
        self.relativeGap = relativeGap
        self.maxIterations = maxIterations
    }

    deinit { releaseWorkers() }

    /// Solves `data`, whose full LP `full` the caller has built (it is needed to assemble the solution).
    func solve(_ data: PlacementData, full: PlacementModel) throws -> Outcome {
        let pairs = (0 ..< data.years.count).flatMap { y in data.blocks.indices.map { (year: y, block: $0) } }
        let reused = try prepareWorkers(data, pairs)
        var master = BendersMaster(data: data, subproblems: subproblems)
        let masterProblem = try GLPKProblem(master.model.program)
        let linkingByBlock = subproblems.map { master.linkingColumns(year: $0.year, block: $0.block) }

        var cutOwners: [Int: (subproblem: Int, duals: [Float])] = [:]   // master row index → subproblem and its multipliers
        func addCut(_ cut: BendersCut, subproblem index: Int, multipliers: [Float], name: String) throws {
            var variables = [master.theta[index]], coefficients = [1.0]
            for (k, slope) in cut.gradient.enumerated() where slope != 0 {
                variables.append(linkingByBlock[index][k])
                coefficients.append(-slope)
            }
            let row = try masterProblem.addConstraint(name, variables: variables, coefficients: coefficients, bounds: .atLeast(cut.constant))
            cutOwners[row.index] = (index, multipliers)
        }
        for (number, (index, cut, multipliers)) in reused.enumerated() {
            try addCut(cut, subproblem: index, multipliers: multipliers, name: "kept_cut[\(number)]")
        }

        var lower = -Double.infinity, upper = Double.infinity, gap = Double.infinity
        var iterations = 0, simplexIterations = 0
        var masterSolution: Solution
        var outcomes: [BlockProblem.Outcome]
        var best: (upper: Double, masterSolution: Solution, outcomes: [BlockProblem.Outcome])?
        repeat {
            iterations += 1
            masterSolution = try masterProblem.solve(SolverOptions(method: .dualSimplex, presolve: false, warmStart: iterations > 1))
            guard masterSolution.status == .optimal else {
                throw LinearProgrammingError.solverFailure(code: -1, message: "Benders master ended \(masterSolution.status.rawValue)")
            }
            simplexIterations += masterSolution.iterations
            lower = masterSolution.objective
            let points = linkingByBlock.map { $0.map { masterSolution.variableValues[$0.index] } }
            outcomes = try solveBlocks(points)
            simplexIterations += outcomes.reduce(0) { $0 + $1.iterations }
            let thetaTotal = master.theta.reduce(0) { $0 + masterSolution.variableValues[$1.index] }
            let candidate = lower - thetaTotal + outcomes.reduce(0) { $0 + $1.objective }
            if candidate < upper {
                upper = candidate
                best = (candidate, masterSolution, outcomes)
            }
            gap = (upper - lower) / max(1e-9, abs(upper))
            onIteration?(iterations, lower, upper)
            if gap <= relativeGap || iterations >= maxIterations { break }
            for (index, outcome) in outcomes.enumerated() {
                let estimate = masterSolution.variableValues[master.theta[index].index]
                guard outcome.objective > estimate + 1e-9 * max(1, abs(outcome.objective)) else { continue }
                try addCut(BendersCut(outcome: outcome, at: points[index]), subproblem: index, multipliers: outcome.duals, name: "cut[\(iterations),\(index)]")
            }
        } while true
        // Report the iterate that gave the best upper bound with the duals of the last master (its cuts hold that bound).
        let chosen = best ?? (upper, masterSolution, outcomes)
        try keepCuts(cutOwners, masterSolution: masterSolution, lastOutcomes: outcomes)
        let solution = BendersAssembly(full: full, master: master, subproblems: subproblems).solution(
            masterValues: chosen.masterSolution.variableValues, masterDuals: masterSolution.constraintDuals, outcomes: chosen.outcomes,
            cutOwners: cutOwners, cutWeights: masterSolution.constraintDuals, objective: chosen.upper, iterations: simplexIterations, method: options.method)
        return Outcome(solution: solution, iterations: iterations, gap: gap, cutsReused: reused.count)
    }

    /// Creates the workers and their block problems for a new plan shape, or loads the new variant into the ones held
    /// (returning the kept cuts re-evaluated for it).
    private func prepareWorkers(_ data: PlacementData, _ pairs: [(year: Int, block: Int)]) throws -> [(Int, BendersCut, [Float])] {
        let count = max(1, min(threads, pairs.count))
        let sameShape = !workers.isEmpty && workers.count == count && subproblems.count == pairs.count
            && zip(subproblems, pairs).allSatisfy { $0.year == $1.year && $0.block == $1.block }
        let workers: [BlockWorker]
        if !sameShape {
            releaseWorkers()
            workers = (0 ..< count).map { BlockWorker(index: $0) }
            self.workers = workers
            subproblems = pairs
            _ = try runInParallel(on: workers.map(\.thread)) { index in
                workers[index].problems = try stride(from: index, to: pairs.count, by: count).map {
                    try BlockProblem(data: data, year: pairs[$0].year, block: pairs[$0].block)
                }
            }
            return []
        }
        workers = self.workers
        let loaded = try runInParallel(on: workers.map(\.thread)) { index -> [(Int, BendersCut, [Float])] in
            try workers[index].problems.enumerated().flatMap { k, problem in
                try problem.load(data).map { (index + k * count, $0.cut, $0.multipliers) }
            }
        }
        return loaded.flatMap { $0 }.sorted { $0.0 < $1.0 }
    }

    /// Solves every block at its linking values, in parallel, and returns the outcomes in subproblem order.
    private func solveBlocks(_ points: [[Double]]) throws -> [BlockProblem.Outcome] {
        let workers = self.workers, count = workers.count, method = options.method
        let perWorker = try runInParallel(on: workers.map(\.thread)) { index in
            try workers[index].problems.enumerated().map { k, problem in try problem.solve(linking: points[index + k * count], method: method) }
        }
        var outcomes = [BlockProblem.Outcome?](repeating: nil, count: subproblems.count)
        for (index, list) in perWorker.enumerated() {
            for (k, outcome) in list.enumerated() { outcomes[index + k * count] = outcome }
        }
        return outcomes.map { $0! }
    }

    /// Keeps, for the next variant, the multipliers of the cuts that bind at the final master and of the last solve
    /// of every block.
    private func keepCuts(_ owners: [Int: (subproblem: Int, duals: [Float])], masterSolution: Solution, lastOutcomes: [BlockProblem.Outcome]) throws {
        var keep = [[[Float]]](repeating: [], count: subproblems.count)
        for (row, owner) in owners.sorted(by: { $0.key < $1.key }) where masterSolution.constraintDuals[row] > 1e-12 {
            keep[owner.subproblem].append(owner.duals)
        }
        for (index, outcome) in lastOutcomes.enumerated() { keep[index].append(outcome.duals) }
        let kept = keep
        let workers = self.workers, count = workers.count
        _ = try runInParallel(on: workers.map(\.thread)) { index in
            for (k, problem) in workers[index].problems.enumerated() { problem.keptMultipliers = kept[index + k * count] }
        }
    }

    /// GLPK problems must be freed on the thread that made them.
    private func releaseWorkers() {
        guard !workers.isEmpty else { return }
        let workers = self.workers
        _ = try? runInParallel(on: workers.map(\.thread)) { index in workers[index].problems = [] }
        for worker in workers { worker.thread.stop() }
        self.workers = []
    }
}
