import Foundation
import TokenGrid

/// Command-line arguments of the benchmark: `[mode] [--sites N] [--years N] [--slices preset] [--zones N] [--glpsol] [--export file.mps]`.
struct BenchmarkArguments {
    var mode = "all"
    var sites = 40
    var years = 6
    var slices = TimeSlicePreset.seasons4x24
    var zones = 10
    var sitesPerZone = 8
    var glpsol = false
    /// Free-MPS file the placement benchmark writes its whole LP to (for HiGHS on the same model).
    var export: String?
    var method = "dual"
    var strategy = PlacementOptions.Strategy.automatic
    var threads = 2
    var presolve = true
    var variants = 100
    var coldVariants = 10
    /// Which variants `decomposed-sweep` solves (see ``DecomposedSweepBenchmark/Pattern``).
    var pattern = "cycle"
    /// With `--slices hours`: keep only this many days, spread evenly over the year, each hour weighted so the year
    /// still sums to 8,760 h (a smaller stand-in for the full year with the same day blocks).
    var days: Int?

    init<S: Sequence>(_ words: S) where S.Element == String {
        var iterator = words.makeIterator()
        while let word = iterator.next() {
            switch word {
            case "--sites": sites = Int(iterator.next() ?? "") ?? sites
            case "--years": years = Int(iterator.next() ?? "") ?? years
            case "--zones": zones = Int(iterator.next() ?? "") ?? zones
            case "--sites-per-zone": sitesPerZone = Int(iterator.next() ?? "") ?? sitesPerZone
            case "--slices": slices = TimeSlicePreset(rawValue: iterator.next() ?? "") ?? slices
            case "--method": method = iterator.next() ?? method
            case "--strategy": strategy = PlacementOptions.Strategy(rawValue: iterator.next() ?? "") ?? strategy
            case "--threads": threads = Int(iterator.next() ?? "") ?? threads
            case "--glpsol": glpsol = true
            case "--export": export = iterator.next()
            case "--no-presolve": presolve = false
            case "--variants": variants = Int(iterator.next() ?? "") ?? variants
            case "--cold-variants": coldVariants = Int(iterator.next() ?? "") ?? coldVariants
            case "--days": days = Int(iterator.next() ?? "")
            case "--pattern": pattern = iterator.next() ?? pattern
            default: mode = word
            }
        }
    }
}

extension BenchmarkArguments {
    /// The generated scenario these arguments describe.
    func scenario() -> Scenario {
        var scenario = SyntheticScenario.make(sites: sites, years: years, slices: slices, zones: zones, sitesPerZone: sitesPerZone)
        if let days, slices == .hours, days > 0, days < 365 {
            let kept = (0 ..< days).map { $0 * 365 / days }
            let all = TimeSlicePreset.hours.slices
            scenario.plan.timeSlices = kept.flatMap { day in
                all[day * 24 ..< day * 24 + 24].map { TimeSlice(name: $0.name, yearHours: $0.yearHours, weightHours: 8760.0 / Double(24 * days), block: $0.block) }
            }
            scenario.plan.name += "-\(days)days"
        }
        return scenario
    }
}

/// Seconds since `start`.
func seconds(since start: Date) -> Double { Date().timeIntervalSince(start) }

/// Peak resident memory of this process so far, MB (from /proc/self/status VmHWM).
func peakMemoryMB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          // "VmHWM:\t  278976 kB", but "VmHWM:\t12758244 kB" from 10 GB on: split at tabs and spaces both.
          let kb = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({ Double($0) }) else { return 0 }
    return kb / 1024
}

func format(_ value: Double) -> String { String(format: "%.3f", value) }
