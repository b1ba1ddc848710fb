import LinearProgramming

/// The block problems on their worker threads: made or loaded for a variant, solved in parallel, and what they keep for
/// the next variant.
extension BendersSolver {
    /// Creates the workers and their block problems for a new plan shape, or loads the new variant into the ones held.
    /// - Returns: whether the blocks (and what the solver kept) are those of a previous variant of this plan.
    func prepareWorkers(_ data: PlacementData, _ pairs: [(year: Int, block: Int)], full: PlacementModel) throws -> Bool {
        let count = max(1, min(threads, pairs.count))
        let sameShape = !workers.isEmpty && workers.count == count && subproblems.count == pairs.count
            && zip(subproblems, pairs).allSatisfy { $0.year == $1.year && $0.block == $1.block }
        if sameShape {
            let workers = self.workers
            _ = try runInParallel(on: workers.map(\.thread)) { index in
                for problem in workers[index].problems { try problem.load(data, full: full) }
            }
            return true
        }
        releaseWorkers()
        keptMaster = nil
        incumbent = nil
        let workers = (0 ..< count).map { BlockWorker(index: $0) }
        self.workers = workers
        subproblems = pairs
        // Resident problems only while they are small in all: estimated from the first block, as all are alike.
        let first = PlacementModel.build(data, scope: .block(year: pairs[0].year, block: pairs[0].block), names: false)
        let resident = first.program.entryCount * pairs.count <= residentEntryLimit
        _ = try runInParallel(on: workers.map(\.thread)) { index in
            var made: [BlockProblem] = []
            for k in stride(from: index, to: pairs.count, by: count) {
                let problem = try BlockProblem(data: data, year: pairs[k].year, block: pairs[k].block, resident: resident)
                if let previous = made.last { problem.sharePattern(with: previous) }
                made.append(problem)
            }
            workers[index].problems = made
        }
        return false
    }

    /// Each block's objective constant and whether its program was read off the full LP, in subproblem order.
    func blockStates() throws -> [(constant: Double, derived: Bool)] {
        let workers = self.workers, count = workers.count
        let perWorker = try runInParallel(on: workers.map(\.thread)) { index in
            workers[index].problems.map { (constant: $0.program.objectiveConstant, derived: $0.isDerived) }
        }
        return (0 ..< subproblems.count).map { perWorker[$0 % count][$0 / count] }
    }

    /// Builds afresh the blocks `indices` (subproblem order) for `data`.
    func rebuild(_ indices: Set<Int>, _ data: PlacementData, full: PlacementModel) throws {
        let workers = self.workers, count = workers.count
        _ = try runInParallel(on: workers.map(\.thread)) { index in
            for (k, problem) in workers[index].problems.enumerated() where indices.contains(index + k * count) { try problem.build(data, full: full) }
        }
    }

    /// Solves every block at its linking values, in parallel, and returns the outcomes in subproblem order. A block
    /// whose values are those of `previous` (same variant) keeps its previous outcome: the same LP gives the same cut.
    func solveBlocks(_ points: [[Double]], previous: (points: [[Double]], outcomes: [BlockProblem.Outcome]) = ([], [])) throws -> [BlockProblem.Outcome] {
        let workers = self.workers, count = workers.count, method = options.method
        let perWorker = try runInParallel(on: workers.map(\.thread)) { index in
            try workers[index].problems.enumerated().map { k, problem -> BlockProblem.Outcome in
                let subproblem = index + k * count
                if subproblem < previous.points.count, previous.points[subproblem] == points[subproblem] { return previous.outcomes[subproblem] }
                return try workers[index].solve(problem, at: points[subproblem], method: method)
            }
        }
        var outcomes = [BlockProblem.Outcome?](repeating: nil, count: subproblems.count)
        for (index, list) in perWorker.enumerated() {
            for (k, outcome) in list.enumerated() { outcomes[index + k * count] = outcome }
        }
        return outcomes.map { $0! }
    }

    /// The cuts kept from the previous variant, made again for this variant's data, in subproblem order. A cut's own
    /// row multipliers give it without a solve (``CompactProgram/lagrangianBound(rows:values:fixed:)``): exact where
    /// they are still optimal, a valid bound anywhere; when only right-hand sides changed (demand) they stay dual
    /// feasible, and the cut keeps its slopes, so the master's kept basis stays a basis. Where they give no finite
    /// bound under the new numbers (a price that fell, leaving a reduced cost against an unbounded column) the block
    /// is solved at the cut's point instead, from the basis that made the cut: the same multipliers come back wherever
    /// they are still optimal (from the block's last basis, made at another point, degenerate blocks returned others),
    /// which on 30 variants of the generated 40-site plan moving two prices and two zones' growth at once took 10.7
    /// Benders iterations a variant against 11.2, and 5.1 against 6.0 moving one price. A point this variant's block
    /// cannot run at (less headroom) is passed over.
    /// The cuts come unnamed, as binding (at their lower bound) in the master.
    func remakeKeptCuts() throws -> [StartCut] {
        let workers = self.workers, count = workers.count, method = options.method
        let perWorker = try runInParallel(on: workers.map(\.thread)) { index in
            workers[index].problems.enumerated().flatMap { k, problem -> [StartCut] in
                defer { problem.keptCuts = [] }
                let fixed = problem.linkingColumns.map(\.index)
                return problem.keptCuts.compactMap { kept in
                    if let bound = problem.program.lagrangianBound(rows: kept.duals.indices, values: kept.duals.values, fixed: fixed) {
                        return StartCut(subproblem: index + k * count, cut: BendersCut(constant: bound.constant, gradient: bound.slopes),
                                        origin: kept, name: "", status: Basis.atLower, iterations: 0, solved: false)
                    }
                    guard let outcome = try? workers[index].solve(problem, at: kept.point, method: method, from: kept.basis) else { return nil }
                    return StartCut(subproblem: index + k * count, cut: BendersCut(outcome: outcome, at: kept.point),
                                    origin: outcome.origin(at: kept.point), name: "", status: Basis.atLower, iterations: outcome.iterations, solved: true)
                }
            }
        }
        return perWorker.flatMap { $0 }.sorted { $0.subproblem < $1.subproblem }
    }

    /// Keeps for the next variant the master's final basis, its idle-fit rows and the cuts it holds at their bounds
    /// (non-basic: those that bind), with their points and multipliers, which the next variant makes again.
    func keep(_ problem: GLPKProblem, modelRows: Int, master: BendersMaster, cutOwners: [Int: CutOwner]) throws {
        let basis = problem.basis()
        let idleFits = master.idleFitRows.filter { $0.row.index >= modelRows }.sorted { $0.row.index < $1.row.index }
            .map { (site: $0.site, year: $0.year, slice: $0.slice, status: basis.rowStatuses[$0.row.index]) }
        keptMaster = KeptMaster(columnStatuses: basis.columnStatuses, modelRowStatuses: Array(basis.rowStatuses[0 ..< modelRows]), idleFits: idleFits)
        var cuts = [[CutOrigin]](repeating: [], count: subproblems.count)
        for (row, owner) in cutOwners.sorted(by: { $0.key < $1.key }) where basis.rowStatuses[row] != Basis.basic {
            cuts[owner.subproblem].append(owner.origin)
        }
        let kept = cuts
        let workers = self.workers, count = workers.count
        _ = try runInParallel(on: workers.map(\.thread)) { index in
            for (k, problem) in workers[index].problems.enumerated() { problem.keptCuts = kept[index + k * count] }
        }
    }

    /// GLPK problems must be freed on the thread that made them.
    func releaseWorkers() {
        guard !workers.isEmpty else { return }
        let workers = self.workers
        _ = try? runInParallel(on: workers.map(\.thread)) { index in
            workers[index].problems = []
            workers[index].releaseShared()
        }
        for worker in workers { worker.thread.stop() }
        self.workers = []
    }
}
