import Foundation
import TokenGrid

/// 200 variants of the shipped us-grid plan (a 5 × 5 × 8 grid), warm-started against cold, on 1 and 2 threads.
enum SweepBenchmark {
    static func run(_ arguments: BenchmarkArguments) {
        let plan = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Plans/us-grid-2030.yaml").path
        let spec = SweepSpec(parameters: [
            SweepSpec.Parameter(path: "regions.pjm-northern-virginia.grid.price_usd_per_mwh", low: 60, high: 120, steps: 5),
            SweepSpec.Parameter(path: "zones.us-east.growth.rate_per_year", low: 0.5, high: 1.5, steps: 5),
            SweepSpec.Parameter(path: "regions.ercot.grid.min_reserve_margin", low: 0.1, high: 0.3, steps: 8),
        ])
        print("sweep us-grid-2030, \(spec.scenarios().count) scenarios:")
        for warm in [true, false] {
            for jobs in [1, 2] {
                let start = Date()
                let table = try! SweepRunner(planPath: plan, spec: spec, jobs: jobs, warmStart: warm).run()
                let elapsed = seconds(since: start)
                let failed = table.rows.filter { $0.status != "optimal" }.count
                print("  \(warm ? "warm" : "cold"), \(jobs) job(s): \(format(elapsed)) s, \(format(elapsed / Double(table.rows.count) * 1000)) ms per scenario, \(failed) failed; peak memory \(format(peakMemoryMB())) MB")
            }
        }
    }
}
