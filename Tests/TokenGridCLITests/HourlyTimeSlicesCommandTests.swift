import Foundation
import Testing

/// Hourly time representations through the CLI on the shipped quickstart plan: `--set time_slices=…` to the `hours`
/// preset and to representative days validates, and errors in them are reported (exit 1, never a crash).
@Suite("Hourly: time slices set on the command line")
struct HourlyTimeSlicesCommandTests {
    @Test func hoursPresetAndRepresentativeDaysValidate() throws {
        let hours = try CLI.run(["validate", "Plans/quickstart.yaml", "--set", "time_slices={preset: hours}"])
        #expect(hours.status == 0, "\(hours.stderr)")
        #expect(hours.stdout.contains("3 sites, 1 zones, 8760 time slices"), "\(hours.stdout)")
        // 12 representative days × 24 hours.
        let days = try CLI.run(["validate", "Plans/quickstart.yaml", "--set", "time_slices={representative_days: 12, seed: 3}"])
        #expect(days.status == 0, "\(days.stderr)")
        #expect(days.stdout.contains("288 time slices"), "\(days.stdout)")
    }

    @Test(arguments: ["400", "0"])
    func countOutOfRangeIsReportedAtTheCommandLine(count: String) throws {
        let run = try CLI.run(["validate", "Plans/quickstart.yaml", "--set", "time_slices={representative_days: \(count)}"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("command line: error: time_slices.representative_days: \(count) is out of range; expected 1 to 365"), "\(run.stderr)")
    }

    /// Fewer representative days than peak days to keep, set with --set, is reported at the command line (it was once
    /// reported at `Plans/quickstart.yaml:1:23`, the value's position inside the --set text).
    @Test func tooFewDaysSetOnTheCommandLineIsReportedThere() throws {
        let run = try CLI.run(["validate", "Plans/quickstart.yaml", "--set", "time_slices={representative_days: 1}"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("days must be kept (e.g. peak days) but only 1 representative days are asked for"), "\(run.stderr)")
        #expect(run.stderr.hasPrefix("command line: error: time_slices.representative_days:"), "\(run.stderr)")
    }
}
