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
/// The solver keeps its block problems, its master's final basis and its binding cuts (points and row multipliers)
/// between calls, so a sweep's next variant starts warm: blocks are changed in place (keeping their bases), the binding
/// cuts are made again for the new data — from their multipliers, or by solving at their points where those give no
/// bound (``remakeKeptCuts()``) — and the master starts from the previous variant's basis. Row
/// duals of the blocks are recovered as the master's cut duals' combination of the blocks' duals, so marginal costs
/// match the full LP's. The caller checks the assembled solution against the full LP.
final class BendersSolver {
    var options: SolverOptions
    let threads: Int
    var relativeGap: Double
    var maxIterations: Int
    /// Progress of one iteration: number, lower and upper bound (M$).
    var onIteration: ((Int, Double, Double) -> Void)?
    /// Weight of the core point in the in-out separation point.
    var stabilisation = 0.5
    /// Whether a plan with day blocks starts from the capacity of its 12 × 24 version (``CoarseStart``).
    var coarseStart = true
    /// Weight of the core point when it comes from ``CoarseStart``: on 45 days of the 40-site generated plan, 0.9
    /// needed 56 iterations and 0.9 million block pivots where 0.5 needed 74 and 2.3 million. (Doubling the step after
    /// each one that found a better point took the hourly US plan from 54 iterations to 33 but no faster, 24.4 s
    /// against 25.1, with more pivots each; and the grid-edge plan 10 % slower.)
    var coarseStabilisation = 0.9
    /// How often (in iterations) cuts that have gone slack are removed from the master: every second one keeps the
    /// 288-slice master about a quarter faster than every fourth, in as many iterations.
    var cutCleanupInterval = 2
    /// Block-LP entries (all blocks together) up to which each block keeps a GLPK problem of its own loaded; beyond,
    /// blocks share one per worker (see ``BlockProblem``): ``PlacementOptions/residentBlockEntryLimit``.
    var residentEntryLimit = 4_000_000
    /// Whether a warm variant's first master answers are kept in a box around the previous optimum (``TrustRegion``).
    var trustRegion = true

    var workers: [BlockWorker] = []
    /// The best master point of the last solve, which starts the next variant's stabilisation when it is feasible there.
    var incumbent: [Double]?
    /// The (year, block) pairs of the plan the workers hold problems for, in a fixed order.
    var subproblems: [(year: Int, block: Int)] = []
    /// What the next variant's master starts from.
    var keptMaster: KeptMaster?

    /// The final basis of the last master and the idle-fit rows it had found, by what they are (rows move between
    /// variants: slack cuts are not kept).
    struct KeptMaster {
        var columnStatuses: [Int32]
        /// Statuses of the master model's own rows.
        var modelRowStatuses: [Int32]
        /// Idle-fit rows added while solving (``BendersMaster/addBrokenIdleFits(_:at:to:)``), in order, with their statuses.
        var idleFits: [(site: Int, year: Int, slice: Int, status: Int32)]
    }

    /// A cut in the master: its block and where it was made.
    struct CutOwner {
        var subproblem: Int
        var origin: CutOrigin
    }

    /// A cut the master starts with (one kept from the previous variant, or one made at the core), with its basis
    /// status, whether its block was solved for it and the pivots that took.
    struct StartCut {
        var subproblem: Int
        var cut: BendersCut
        var origin: CutOrigin
        var name: String
        var status: Int32
        var iterations: Int
        var solved: Bool
    }

    struct Outcome {
        var solution: Solution
        var iterations: Int
        var gap: Double
        /// Cuts made again at the binding cuts of the previous variant.
        var cutsReused: Int
        /// How many of them needed their block solved (the others came from their own multipliers).
        var cutsSolved: Int
        /// Simplex pivots those solves took (from the bases stored with the cuts: none where they stay optimal).
        var cutPivots: Int
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
        let trace = ProcessInfo.processInfo.environment["TOKENGRID_BENDERS_TRACE"] != nil
        let pairs = (0 ..< data.years.count).flatMap { y in data.blocks.indices.map { (year: y, block: $0) } }
        var clock = Stopwatch()
        let warm = try prepareWorkers(data, pairs, full: full)
        let prepareSeconds = clock.lap()
        var master = BendersMaster(data: data, subproblems: subproblems)
        let linkingByBlock = subproblems.map { master.linkingColumns(year: $0.year, block: $0.block) }
        var blockSeconds = 0.0, masterSeconds = 0.0, simplexIterations = 0

        // A variant of the previous plan starts from the previous master: its binding cuts made again for this
        // variant's data (valid bounds, exact where their multipliers are still optimal), its idle-fit rows and its
        // final basis, with its best point as the core.
        let kept = warm ? keptMaster.flatMap { $0.modelRowStatuses.count == master.model.program.constraintCount
            && $0.columnStatuses.count == master.model.program.variableCount ? $0 : nil } : nil
        var startCuts: [StartCut] = []
        if kept != nil {
            for (number, cut) in try remakeKeptCuts().enumerated() {
                var named = cut
                named.name = "kept_cut[\(number)]"
                startCuts.append(named)
            }
        }
        let cutsReused = startCuts.count, cutsSolved = startCuts.filter(\.solved).count, cutPivots = startCuts.reduce(0) { $0 + $1.iterations }
        // Blocks read off the full LP have no objective constant: the master carries what the full LP's constant has
        // beyond its own (zero when every block was built).
        var blocks = try blockStates()
        master.model.program.objectiveConstant += full.program.objectiveConstant - master.model.program.objectiveConstant - blocks.reduce(0) { $0 + $1.constant }

        var lower = -Double.infinity, upper = Double.infinity, gap = Double.infinity
        var iterations = 0
        var masterSolution: Solution
        var outcomes: [BlockProblem.Outcome] = []
        var lastPoints: [[Double]] = []
        // In-out stabilisation: blocks are solved at a point between the master's answer and the best point so far
        // (the core), which keeps cuts near the optimum; the previous variant's best point starts the core of the next.
        var core = warm ? incumbent.flatMap { master.isFeasible($0) ? $0 : nil } : nil
        var stabilisation = self.stabilisation
        if !warm, coarseStart, let coarse = try coarsePoint(data, master: master), let point = master.feasiblePoint(near: coarse, data: data) {
            core = point
            // Near the optimum already: stay close to it while the cuts around it are made. (A coarse capacity that
            // breaks an idle fit in some hour of the full year is moved off it as little as that takes, not dropped.)
            stabilisation = coarseStabilisation
        }
        var best: (upper: Double, point: [Double], outcomes: [BlockProblem.Outcome])?
        // A core without cuts around it (from ``CoarseStart``) is solved at first: exact cuts there, and the upper
        // bound. (A variant's kept cuts are made at points around its core already, and solving all blocks at the
        // core too costs more than the iteration it saves.) A block that cannot run at the core, say with less
        // headroom, starts the loop without one.
        if let point = core, startCuts.isEmpty {
            let blockPoints = linkingByBlock.map { $0.map { point[$0.index] } }
            if let first = try? solveBlocks(blockPoints) {
                simplexIterations += first.reduce(0) { $0 + $1.iterations }
                upper = master.capacityCost(at: point) + first.reduce(0) { $0 + $1.objective }
                best = (upper, point, first)
                for (index, outcome) in first.enumerated() {
                    startCuts.append(StartCut(subproblem: index, cut: BendersCut(outcome: outcome, at: blockPoints[index]),
                                              origin: outcome.origin(at: blockPoints[index]), name: "core_cut[\(index)]", status: Basis.basic,
                                              iterations: outcome.iterations, solved: true))
                }
                (lastPoints, outcomes) = (blockPoints, first)
            } else {
                core = nil
            }
        }
        // θ's lower bound is on a block's cost with its objective constant, which a block read off the full LP does
        // not have: its cuts bound its θ instead. One without a cut is built afresh, constant and all.
        var hasCut = [Bool](repeating: false, count: subproblems.count)
        for cut in startCuts { hasCut[cut.subproblem] = true }
        let uncut = Set(blocks.indices.filter { blocks[$0].derived && !hasCut[$0] })
        if !uncut.isEmpty {
            try rebuild(uncut, data, full: full)
            let constants = blocks.reduce(0) { $0 + $1.constant }
            blocks = try blockStates()
            master.model.program.objectiveConstant += constants - blocks.reduce(0) { $0 + $1.constant }
        }
        for (index, state) in blocks.enumerated() where state.derived { master.model.program.setBounds(master.theta[index], .free) }
        blockSeconds += clock.lap()

        let masterProblem = try GLPKProblem(master.model.program)
        let modelRows = masterProblem.constraintCount
        var cutOwners: [Int: CutOwner] = [:]   // master row index → its cut's block and origin
        func addCut(_ cut: BendersCut, from origin: CutOrigin, subproblem index: Int, name: String) throws {
            var variables = [master.theta[index]], coefficients = [1.0]
            // Slopes below 1e-30 are rounding noise (and outside what GLPK takes safely); leaving them out moves the
            // cut by less than 1e-25 over any capacity the plan can hold.
            for (k, slope) in cut.gradient.enumerated() where abs(slope) >= 1e-30 {
                variables.append(linkingByBlock[index][k])
                coefficients.append(-slope)
            }
            let row = try masterProblem.addConstraint(name, variables: variables, coefficients: coefficients, bounds: .atLeast(cut.constant))
            cutOwners[row.index] = CutOwner(subproblem: index, origin: origin)
        }
        var startBasis: Basis?
        if let kept {
            var rowStatuses = kept.modelRowStatuses
            for fit in kept.idleFits {
                try master.addIdleFit(data, site: fit.site, year: fit.year, slice: fit.slice, to: masterProblem)
                rowStatuses.append(fit.status)
            }
            startBasis = Basis(rowStatuses: rowStatuses + startCuts.map(\.status), columnStatuses: kept.columnStatuses)
        }
        for cut in startCuts {
            try addCut(cut.cut, from: cut.origin, subproblem: cut.subproblem, name: cut.name)
            simplexIterations += cut.iterations
        }
        if let startBasis { try masterProblem.setBasis(startBasis) }
        // A warm variant's first answers are kept near the previous optimum (see ``TrustRegion``) when most kept cuts
        // had to be solved again (a price fell): their new multipliers change their slopes, GLPK finds the kept master
        // basis singular and starts afresh, and its first answers swing far. When the cuts were made from their own
        // multipliers (demand changed, or a price rose; a few blocks solved again do not matter) the kept basis holds,
        // the master's answers stay near the previous optimum by themselves, and a box's bounds would only move them
        // off it: 100 variants of the generated 40-site plan over demand growth × one price took 0.46 s a variant
        // this way against 0.53 s with the box.
        var region: TrustRegion?
        if warm, trustRegion, 2 * cutsSolved > cutsReused, let point = core {
            let columns = (0 ..< data.years.count).flatMap { master.model.capacityColumns(year: $0) }
            region = TrustRegion(columns: columns, program: master.model.program, centre: point)
            try region?.apply(to: masterProblem)
        }
        var weight = core == nil ? 0 : stabilisation, backOff = 0
        if trace { print("      benders start: prepare \(prepareSeconds) s, \(cutsReused) cuts made again (\(cutsSolved) by solving, \(cutPivots) pivots), box \(region != nil), core \(core != nil), blocks \(blockSeconds) s") }
        repeat {
            iterations += 1
            clock.reset()
            func solveWithIdleFits() throws -> Solution {
                var solution = try solveMaster(masterProblem, iteration: iterations, fromKeptBasis: startBasis != nil)
                // Rows that keep every block feasible, added when the master's answer breaks them.
                while try master.addBrokenIdleFits(data, at: solution.variableValues, to: masterProblem) > 0 {
                    solution = try solveMaster(masterProblem, iteration: iterations + 1, fromKeptBasis: false)
                }
                return solution
            }
            do {
                masterSolution = try solveWithIdleFits()
            } catch where region != nil {
                // The box can shut out every point this variant's idle fits allow: drop it.
                try region?.remove(from: masterProblem)
                region = nil
                masterSolution = try solveWithIdleFits()
            }
            if iterations % cutCleanupInterval == 0 {
                try removeSlackCuts(masterProblem, &masterSolution, owners: &cutOwners, master: &master)
            }
            var isLowerBound = true
            if var box = region {
                isLowerBound = !box.record(masterSolution.variableValues)
                if isLowerBound || box.iterations >= TrustRegion.iterationLimit {
                    try box.remove(from: masterProblem)
                    region = nil
                } else {
                    try box.apply(to: masterProblem)
                    region = box
                }
            }
            masterSeconds += clock.lap()
            simplexIterations += masterSolution.iterations
            if isLowerBound { lower = masterSolution.objective }
            let answer = masterSolution.variableValues
            var point = core.map { core in zip(core, answer).map { weight * $0 + (1 - weight) * $1 } } ?? answer
            var blockPoints = linkingByBlock.map { $0.map { point[$0.index] } }
            do {
                outcomes = try solveBlocks(blockPoints, previous: (lastPoints, outcomes))
            } catch where point != answer {
                // A core kept from the previous variant that this one's blocks cannot run at (its idle fit broken,
                // say): drop it and solve at the answer, which the master keeps feasible for every block.
                core = nil
                point = answer
                blockPoints = linkingByBlock.map { $0.map { answer[$0.index] } }
                outcomes = try solveBlocks(blockPoints, previous: (lastPoints, outcomes))
            }
            lastPoints = blockPoints
            blockSeconds += clock.lap()
            simplexIterations += outcomes.reduce(0) { $0 + $1.iterations }
            let candidate = master.capacityCost(at: point) + outcomes.reduce(0) { $0 + $1.objective }
            let improved = candidate < upper
            if improved {
                upper = candidate
                best = (candidate, point, outcomes)
                core = point
            } else if core == nil {
                core = point
            }
            gap = (upper - lower) / max(1e-9, abs(upper))
            onIteration?(iterations, lower, upper)
            if trace {
                print("      it \(iterations): master \(masterSolution.iterations) pivots, \(outcomes.reduce(0) { $0 + $1.iterations }) block pivots (\(outcomes.filter { $0.iterations == 0 }.count) blocks none), lower \(lower) upper \(upper) gap \(gap), master \(masterProblem.constraintCount) rows, \(masterSeconds) s, blocks \(blockSeconds) s")
            }
            if iterations >= maxIterations || gap <= relativeGap { break }
            var added = 0
            for (index, outcome) in outcomes.enumerated() {
                let cut = BendersCut(outcome: outcome, at: blockPoints[index])
                let atAnswer = cut.value(at: linkingByBlock[index].map { answer[$0.index] })
                guard atAnswer > answer[master.theta[index].index] + 1e-9 * max(1, abs(atAnswer)) else { continue }
                try addCut(cut, from: outcome.origin(at: blockPoints[index]), subproblem: index, name: "cut[\(iterations),\(index)]")
                added += 1
            }
            // A separation point whose cuts leave the master's answer standing says nothing new: next time solve the
            // blocks at the answer itself, which either cuts it off or proves it optimal. So too near the end (within
            // 1,000 times the stopping gap), where the answer is often at the optimum and a point between it and the
            // core would only close a fixed share of the upper bound's distance each iteration — as long as solving
            // at the answer finds better points: when it does not, the cuts are not yet good enough near the answer,
            // and the next two iterations are stabilised again (by at most 0.7: on 45 days of the generated 40-site
            // plan, 32 iterations against 49 at 0.9 and three).
            if added == 0 {
                weight = 0
            } else if gap < 1000 * relativeGap {
                if weight == 0 && !improved { backOff = 2 }
                weight = backOff > 0 ? min(stabilisation, 0.7) : 0
                backOff = max(0, backOff - 1)
            } else {
                weight = stabilisation
            }
        } while true
        // The box must not outlive the loop (an iteration limit reached inside it): the kept basis is the model's own.
        try region?.remove(from: masterProblem)
        var chosen = best ?? (upper, masterSolution.variableValues, outcomes)
        // The duals come from the final master, whose answer may differ from the best (stabilised) point by a
        // degenerate move of equal cost. Report the primal at the master's own answer when it is as good, so that
        // primal and duals belong together (complementary slackness holds between them).
        let answer = masterSolution.variableValues
        if chosen.point != answer {
            let blockPoints = linkingByBlock.map { $0.map { answer[$0.index] } }
            let atAnswer = try solveBlocks(blockPoints, previous: (lastPoints, outcomes))
            let cost = master.capacityCost(at: answer) + atAnswer.reduce(0) { $0 + $1.objective }
            if cost <= chosen.upper + relativeGap * abs(chosen.upper) { chosen = (cost, answer, atAnswer) }
        }
        incumbent = chosen.point
        try keep(masterProblem, modelRows: modelRows, master: master, cutOwners: cutOwners)
        clock.reset()
        let solution = BendersAssembly(full: full, master: master, subproblems: subproblems).solution(
            masterValues: chosen.point, masterDuals: masterSolution.constraintDuals, outcomes: chosen.outcomes,
            // In row order: a dictionary's order changes from run to run, and so would the sums' last bits.
            cutDuals: cutOwners.sorted { $0.key < $1.key }.map { ($0.key, $0.value.subproblem, $0.value.origin.duals) },
            objective: chosen.upper, iterations: simplexIterations, method: options.method)
        if trace {
            print("    benders: prepare \(prepareSeconds) s, master \(masterSeconds) s, blocks \(blockSeconds) s, assembly \(clock.lap()) s, \(iterations) iterations")
        }
        return Outcome(solution: solution, iterations: iterations, gap: gap, cutsReused: cutsReused, cutsSolved: cutsSolved, cutPivots: cutPivots, masterSeconds: masterSeconds, blockSeconds: blockSeconds)
    }
}
