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
    /// The best master point of the last solve, which starts the next variant's stabilisation when it is feasible there.
    private var incumbent: [Double]?
    /// Weight of the core point in the in-out separation point.
    var stabilisation = 0.5
    /// The (year, block) pairs of the plan the workers hold problems for, in a fixed order.
    private(set) var subproblems: [(year: Int, block: Int)] = []

    struct Outcome {
        var solution: Solution
        var iterations: Int
        var gap: Double
        /// Cuts carried over from the previous variant and still finite for this one.
        var cutsReused: Int
        /// Seconds in the master LP and in the block LPs (wall clock, all workers together).
        var masterSeconds: Double
        var blockSeconds: Double
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
        let prepareStart = DispatchTime.now().uptimeNanoseconds
        let reused = try prepareWorkers(data, pairs)
        let prepareSeconds = Double(DispatchTime.now().uptimeNanoseconds - prepareStart) / 1e9
        var master = BendersMaster(data: data, subproblems: subproblems)
        let masterProblem = try GLPKProblem(master.model.program)
        let linkingByBlock = subproblems.map { master.linkingColumns(year: $0.year, block: $0.block) }

        var cutOwners: [Int: (subproblem: Int, duals: SparseMultipliers)] = [:]   // master row index → subproblem and its multipliers
        func addCut(_ cut: BendersCut, subproblem index: Int, multipliers: [Double], name: String) throws {
            var variables = [master.theta[index]], coefficients = [1.0]
            // Slopes below 1e-30 are rounding noise (and outside what GLPK takes safely); leaving them out moves the
            // cut by less than 1e-25 over any capacity the plan can hold.
            for (k, slope) in cut.gradient.enumerated() where abs(slope) >= 1e-30 {
                variables.append(linkingByBlock[index][k])
                coefficients.append(-slope)
            }
            let row = try masterProblem.addConstraint(name, variables: variables, coefficients: coefficients, bounds: .atLeast(cut.constant))
            cutOwners[row.index] = (index, SparseMultipliers(multipliers))
        }
        var keptRows: [ConstraintID] = []
        for (number, (index, cut, multipliers)) in reused.enumerated() {
            try addCut(cut, subproblem: index, multipliers: multipliers, name: "kept_cut[\(number)]")
            keptRows.append(ConstraintID(masterProblem.constraintCount - 1))
        }


        var lower = -Double.infinity, upper = Double.infinity, gap = Double.infinity
        var iterations = 0, simplexIterations = 0
        var masterSolution: Solution
        var outcomes: [BlockProblem.Outcome] = []
        var masterSeconds = 0.0, blockSeconds = 0.0
        // In-out stabilisation: blocks are solved at a point between the master's answer and the best point so far
        // (the core), which keeps cuts near the optimum; the previous variant's best point starts the core of the next.
        var core = incumbent.flatMap { master.isFeasible($0) ? $0 : nil }
        var best: (upper: Double, point: [Double], outcomes: [BlockProblem.Outcome])?
        var weight = core == nil ? 0 : stabilisation
        if let core {
            // Exact cuts at the previous variant's optimum first: one pass over the blocks, from their kept bases.
            let blockPoints = linkingByBlock.map { $0.map { core[$0.index] } }
            let blockStart = DispatchTime.now().uptimeNanoseconds
            let first = try solveBlocks(blockPoints)
            blockSeconds += Double(DispatchTime.now().uptimeNanoseconds - blockStart) / 1e9
            simplexIterations += first.reduce(0) { $0 + $1.iterations }
            upper = master.capacityCost(at: core) + first.reduce(0) { $0 + $1.objective }
            best = (upper, core, first)
            for (index, outcome) in first.enumerated() {
                try addCut(BendersCut(outcome: outcome, at: blockPoints[index]), subproblem: index, multipliers: outcome.duals, name: "core_cut[\(index)]")
            }
        }
        repeat {
            iterations += 1
            let masterStart = DispatchTime.now().uptimeNanoseconds
            masterSolution = try solveMaster(masterProblem, iteration: iterations, keptCuts: reused.count)
            // Rows that keep every block feasible, added when the master's answer breaks them.
            while try master.addBrokenIdleFits(data, at: masterSolution.variableValues, to: masterProblem) > 0 {
                masterSolution = try solveMaster(masterProblem, iteration: iterations + 1, keptCuts: reused.count)
            }
            if iterations % cutCleanupInterval == 0 {
                try removeSlackCuts(masterProblem, &masterSolution, owners: &cutOwners, kept: &keptRows, master: &master)
            }
            masterSeconds += Double(DispatchTime.now().uptimeNanoseconds - masterStart) / 1e9
            simplexIterations += masterSolution.iterations
            lower = masterSolution.objective
            let answer = masterSolution.variableValues
            let point = core.map { core in zip(core, answer).map { weight * $0 + (1 - weight) * $1 } } ?? answer
            let blockPoints = linkingByBlock.map { $0.map { point[$0.index] } }
            let blockStart = DispatchTime.now().uptimeNanoseconds
            outcomes = try solveBlocks(blockPoints)
            blockSeconds += Double(DispatchTime.now().uptimeNanoseconds - blockStart) / 1e9
            simplexIterations += outcomes.reduce(0) { $0 + $1.iterations }
            let candidate = master.capacityCost(at: point) + outcomes.reduce(0) { $0 + $1.objective }
            if candidate < upper {
                upper = candidate
                best = (candidate, point, outcomes)
                core = point
            } else if core == nil {
                core = point
            }
            gap = (upper - lower) / max(1e-9, abs(upper))
            onIteration?(iterations, lower, upper)
            if iterations >= maxIterations { break }
            if gap <= relativeGap {
                // Kept cuts carry multipliers of another variant's data, which are not dual feasible for this one: when
                // any still holds the bound, set them all aside and converge again on this variant's own cuts, so that
                // the duals assembled from the final master are this LP's.
                guard keptRows.contains(where: { masterSolution.constraintDuals[$0.index] > 1e-12 }) else { break }
                for row in keptRows {
                    try masterProblem.setBounds(row, .free)
                    cutOwners[row.index] = nil
                }
                keptRows = []
            }
            var added = 0
            for (index, outcome) in outcomes.enumerated() {
                let cut = BendersCut(outcome: outcome, at: blockPoints[index])
                let atAnswer = cut.value(at: linkingByBlock[index].map { answer[$0.index] })
                guard atAnswer > answer[master.theta[index].index] + 1e-9 * max(1, abs(atAnswer)) else { continue }
                try addCut(cut, subproblem: index, multipliers: outcome.duals, name: "cut[\(iterations),\(index)]")
                added += 1
            }
            // A separation point whose cuts leave the master's answer standing says nothing new: next time solve the
            // blocks at the answer itself, which either cuts it off or proves it optimal.
            weight = added == 0 ? 0 : stabilisation
        } while true
        var chosen = best ?? (upper, masterSolution.variableValues, outcomes)
        // The duals come from the final master, whose answer may differ from the best (stabilised) point by a
        // degenerate move of equal cost. Report the primal at the master's own answer when it is as good, so that
        // primal and duals belong together (complementary slackness holds between them).
        let answer = masterSolution.variableValues
        if chosen.point != answer {
            let blockPoints = linkingByBlock.map { $0.map { answer[$0.index] } }
            let atAnswer = try solveBlocks(blockPoints)
            let cost = master.capacityCost(at: answer) + atAnswer.reduce(0) { $0 + $1.objective }
            if cost <= chosen.upper + relativeGap * abs(chosen.upper) { chosen = (cost, answer, atAnswer) }
        }
        incumbent = chosen.point
        try keepCuts(cutOwners, masterSolution: masterSolution)
        let assemblyStart = DispatchTime.now().uptimeNanoseconds
        let solution = BendersAssembly(full: full, master: master, subproblems: subproblems).solution(
            masterValues: chosen.point, masterDuals: masterSolution.constraintDuals, outcomes: chosen.outcomes,
            cutOwners: cutOwners, cutWeights: masterSolution.constraintDuals, objective: chosen.upper, iterations: simplexIterations, method: options.method)
        let assemblySeconds = Double(DispatchTime.now().uptimeNanoseconds - assemblyStart) / 1e9
        if ProcessInfo.processInfo.environment["TOKENGRID_BENDERS_TRACE"] != nil {
            print("    benders: prepare \(prepareSeconds) s, master \(masterSeconds) s, blocks \(blockSeconds) s, assembly \(assemblySeconds) s, \(iterations) iterations")
        }
        return Outcome(solution: solution, iterations: iterations, gap: gap, cutsReused: reused.count, masterSeconds: masterSeconds, blockSeconds: blockSeconds)
    }

    /// How often (in iterations) cuts that have gone slack are removed from the master.
    var cutCleanupInterval = 4

    /// Removes the cuts that are slack with a zero dual at the master's answer (they would only slow its solves; any
    /// that matters again is found again), and renumbers what refers to later rows, the solution's row values included
    /// (the loop may end on this solution, and its duals are then read by the new row numbers).
    private func removeSlackCuts(_ problem: GLPKProblem, _ solution: inout Solution, owners: inout [Int: (subproblem: Int, duals: SparseMultipliers)],
                                 kept: inout [ConstraintID], master: inout BendersMaster) throws {
        let slack = owners.keys.filter { row in
            solution.constraintDuals[row] == 0 && problem.constraintCount > row
        }.filter { row in
            // Activity above the cut's bound: θ − g·x > constant.
            let activity = solution.constraintActivities[row]
            let bound = problem.constraintLowerBound(ConstraintID(row))
            return bound.isFinite && activity - bound > 1e-7 * (1 + abs(bound))
        }.sorted()
        guard slack.count > owners.count / 4 else { return }
        try problem.removeConstraints(slack.map { ConstraintID($0) })
        let removed = Set(slack)
        // A row moves up by the number of removed rows before it (binary search in the sorted list).
        func moved(_ row: Int) -> Int {
            var low = 0, high = slack.count
            while low < high { let mid = (low + high) / 2; if slack[mid] < row { low = mid + 1 } else { high = mid } }
            return row - low
        }
        var renumbered: [Int: (subproblem: Int, duals: SparseMultipliers)] = [:]
        for (row, owner) in owners where !removed.contains(row) { renumbered[moved(row)] = owner }
        owners = renumbered
        kept = kept.filter { !removed.contains($0.index) }.map { ConstraintID(moved($0.index)) }
        master.idleFitRows = master.idleFitRows.map { (ConstraintID(moved($0.row.index)), $0.site, $0.year, $0.slice) }
        solution.constraintDuals = solution.constraintDuals.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
        solution.constraintActivities = solution.constraintActivities.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    /// Solves the master: the first time from scratch by primal simplex, afterwards from the previous basis by dual
    /// simplex (added cuts keep it dual feasible), and again from scratch by primal simplex if that does not end optimal
    /// (GLPK has called a master with many kept cuts infeasible that primal simplex solves). Unscaled: scale factors
    /// fixed before the cuts arrive fit them badly, and GLPK then failed on masters HiGHS solved at once.
    private func solveMaster(_ problem: GLPKProblem, iteration: Int, keptCuts: Int) throws -> Solution {
        var solution: Solution?
        if iteration > 1 { solution = try? problem.solve(SolverOptions(method: .dualSimplex, presolve: false, scaling: false, warmStart: true)) }
        if solution?.status != .optimal {
            do {
                solution = try problem.solve(SolverOptions(method: .primalSimplex, presolve: false, scaling: false))
            } catch {
                throw LinearProgrammingError.solverFailure(code: -1, message: "Benders master, iteration \(iteration) (\(keptCuts) cuts kept from the previous variant): \(error)")
            }
        }
        guard let solution, solution.status == .optimal else {
            throw LinearProgrammingError.solverFailure(code: -1, message: "Benders master, iteration \(iteration), ended \(solution?.status.rawValue ?? "without a status")")
        }
        return solution
    }

    /// Creates the workers and their block problems for a new plan shape, or loads the new variant into the ones held
    /// (returning the kept cuts re-evaluated for it).
    private func prepareWorkers(_ data: PlacementData, _ pairs: [(year: Int, block: Int)]) throws -> [(Int, BendersCut, [Double])] {
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
        let loaded = try runInParallel(on: workers.map(\.thread)) { index -> [(Int, BendersCut, [Double])] in
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

    /// Keeps, for the next variant, the multipliers of the cuts that bind at the final master (the next variant also
    /// starts with exact cuts at this one's optimum).
    private func keepCuts(_ owners: [Int: (subproblem: Int, duals: SparseMultipliers)], masterSolution: Solution) throws {
        var keep = [[[Double]]](repeating: [], count: subproblems.count)
        for (row, owner) in owners.sorted(by: { $0.key < $1.key }) where masterSolution.constraintDuals[row] > 1e-12 {
            keep[owner.subproblem].append(owner.duals.dense)
        }
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
