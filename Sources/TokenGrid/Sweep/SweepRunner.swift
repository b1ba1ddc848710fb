import Foundation
import LinearProgramming

/// Runs the scenarios of a sweep: each worker thread takes a contiguous block of scenarios and solves them through one
/// ``PlacementSession`` — in index order, or for samples in nearest-neighbour order (``SweepSpec/solveOrder(_:of:)``)
/// — as `tokengrid plan` would (decomposition for large variants, the solution check, infeasibility reasons), reusing
/// the previous variant's basis — or, decomposed, its block problems and binding cuts — whenever the LP's shape is
/// unchanged (it is, when only numbers vary). A failed scenario is recorded with its reason; scenarios not reached
/// when the sweep is stopped are recorded as interrupted.
public struct SweepRunner: Sendable {
    public var planPath: String
    /// Overrides applied to every scenario before the varied ones (the command line's `--set`).
    public var baseSets: [String]
    public var spec: SweepSpec
    /// Worker threads, each with its own GLPK problem.
    public var jobs: Int
    /// Re-solve from the previous basis (true) or build and solve every scenario from scratch (false).
    public var warmStart: Bool
    /// How each scenario is solved (as `tokengrid plan` does by default); `threads` is shared out over the jobs.
    public var options: PlacementOptions

    /// Called after each finished scenario with the number done so far and the total.
    public var onProgress: (@Sendable (Int, Int) -> Void)?
    /// Checked between scenarios; returning true stops the sweep, keeping what is finished.
    public var isCancelled: (@Sendable () -> Bool)?

    public init(planPath: String, baseSets: [String] = [], spec: SweepSpec, jobs: Int = 1, warmStart: Bool = true,
                options: PlacementOptions = PlacementOptions()) {
        self.planPath = planPath
        self.baseSets = baseSets
        self.spec = spec
        self.jobs = jobs
        self.warmStart = warmStart
        self.options = options
    }

    /// Runs the scenarios whose indices are in `indices` (all by default) and returns their rows.
    /// - Throws: ``InputError`` when the base plan itself is invalid.
    public func run(indices: Range<Int>? = nil) throws -> SweepTable {
        let cache = YAMLCache()
        let base = try PlanLoader.load(planAt: planPath, sets: baseSets, cache: cache)
        let all = spec.scenarios()
        let selected = indices ?? 0 ..< all.count
        let siteIDs = base.regions.map(\.id), zoneIDs = base.plan.zones.map(\.id), lastYear = base.plan.lastYear
        let workerCount = max(1, min(jobs, selected.count))
        let threads = (0 ..< workerCount).map { SolverThread(name: "tokengrid-sweep-\($0)") }
        defer { threads.forEach { $0.stop() } }
        let counter = Counter()
        let runner = self
        let chunks = try runInParallel(on: threads) { worker -> [SweepRow] in
            let block = SweepSpec.shard(worker, of: workerCount, total: selected.count)
            var chain = Chain(runner: runner, cache: cache, siteIDs: siteIDs, zoneIDs: zoneIDs, lastYear: lastYear)
            var rows: [SweepRow] = []
            let indices = (selected.lowerBound + block.lowerBound) ..< (selected.lowerBound + block.upperBound)
            for index in runner.warmStart ? runner.spec.solveOrder(indices, of: all) : Array(indices) {
                if runner.isCancelled?() == true {
                    rows.append(.interrupted(index: index, values: all[index], sites: siteIDs.count, zones: zoneIDs.count))
                    continue
                }
                rows.append(chain.solve(index: index, values: all[index]))
                runner.onProgress?(counter.increment(), selected.count)
            }
            return rows
        }
        return SweepTable(parameters: spec.parameters.map(\.path), sites: siteIDs, zones: zoneIDs, lastYear: lastYear,
                          rows: chunks.flatMap { $0 }.sorted { $0.index < $1.index })
    }

    /// One worker's sequence of solves, holding its placement session between scenarios (on the worker's thread).
    private struct Chain {
        let runner: SweepRunner
        let cache: YAMLCache
        let siteIDs: [String], zoneIDs: [String], lastYear: Int
        var session: PlacementSession?

        init(runner: SweepRunner, cache: YAMLCache, siteIDs: [String], zoneIDs: [String], lastYear: Int) {
            self.runner = runner
            self.cache = cache
            self.siteIDs = siteIDs
            self.zoneIDs = zoneIDs
            self.lastYear = lastYear
        }

        mutating func solve(index: Int, values: [Double]) -> SweepRow {
            let sets = runner.baseSets + zip(runner.spec.parameters, values).map { "\($0.path)=\(CSVReport.csvNumber($1))" }
            do {
                let scenario = try PlanLoader.load(planAt: runner.planPath, sets: sets, cache: cache)
                let data = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
                if !runner.warmStart || session == nil {
                    var options = runner.options
                    options.threads = max(1, options.threads / max(1, runner.jobs))
                    session = PlacementSession(options: options)
                }
                return row(index, values, try session!.solve(data))
            } catch let error as InputError {
                return failed(index, values, status: "error", reason: error.errors.first?.description ?? "invalid input")
            } catch let failure as PlacementSolver.Failure {
                switch failure {
                case .infeasible(let reasons): return failed(index, values, status: "infeasible", reason: reasons.joined(separator: "; "))
                case .solverStopped(let status, _): return failed(index, values, status: status.rawValue, reason: "\(failure)")
                case .unverified: return failed(index, values, status: "unverified", reason: "\(failure)")
                }
            } catch {
                // A broken problem must not poison the next warm start.
                session = nil
                return failed(index, values, status: "error", reason: "\(error)")
            }
        }

        private func row(_ index: Int, _ values: [Double], _ result: PlacementResult) -> SweepRow {
            let last = result.sites.filter { $0.year == lastYear }
            let largest = last.filter { $0.itMWInstalled > 1e-6 }.max { $0.itMWInstalled < $1.itMWInstalled }?.site ?? ""
            var row = SweepRow(
                index: index, values: values, status: result.status.rawValue, objectiveUSD: result.objectiveUSD,
                averageCostUSDPerMTok: result.metrics.year(lastYear)?.tokenWeighted?.costUSDPerMTok ?? .nan,
                unservedShare: result.metrics.unservedShare, largestSite: largest,
                siteCostUSDPerMTok: siteIDs.map { id in last.first { $0.site == id && $0.tokens > 0 }?.costUSDPerMTok ?? .nan },
                siteITMW: siteIDs.map { id in last.first { $0.site == id }?.itMWInstalled ?? 0 },
                zoneMarginalUSDPerMTok: zoneIDs.map { id in result.zones.first { $0.zone == id && $0.year == lastYear }?.marginalUSDPerMTok ?? .nan },
                error: "", iterations: result.solver.iterations, solveSeconds: result.timings.solveSeconds)
            row.discountedCostUSD = result.metrics.discountedCostUSD
            return row
        }

        private func failed(_ index: Int, _ values: [Double], status: String, reason: String) -> SweepRow {
            SweepRow(index: index, values: values, status: status, objectiveUSD: .nan, averageCostUSDPerMTok: .nan, unservedShare: .nan,
                     largestSite: "", siteCostUSDPerMTok: siteIDs.map { _ in .nan }, zoneMarginalUSDPerMTok: zoneIDs.map { _ in .nan },
                     error: reason.replacingOccurrences(of: "\n", with: " "), iterations: 0, solveSeconds: 0)
        }
    }
}

/// A thread-safe count of finished scenarios.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
