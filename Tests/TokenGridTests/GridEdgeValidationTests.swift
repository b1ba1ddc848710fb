import Foundation
import Testing
@testable import TokenGrid

/// Bad grid-edge input is a located error (file, line, column, field path, what was expected), never a crash.
@Suite("Grid edge: located input errors")
struct GridEdgeValidationTests {
    typealias F = GridEdgeFixture

    /// Appends `edge` to region alpha and loads; returns the error, the region's text and its path.
    static func error(_ edge: String, plan: String = InputFixtures.plan) throws -> (InputError, String, String) {
        let workspace = try InputWorkspace()
        let text = InputFixtures.region("alpha") + "\n" + edge + "\n"
        try workspace.writeRegion("alpha", text)
        return (try workspace.loadError(plan: plan), text, workspace.regionPath("alpha"))
    }

    @Test(arguments: ["-0.1", "1.5"])
    func curtailmentShareOutsideZeroToOne(value: String) throws {
        let (error, text, file) = try Self.error("flexible_connection: {max_curtailment_share: {value: \(value), assumption: true, reason: test}}")
        expectError(error, fieldPath: "flexible_connection.max_curtailment_share.value", file: file, line: TestSupport.line(of: "max_curtailment_share", in: text),
                    column: TestSupport.column(of: "\(value), assumption", in: text), containing: ["\(value) is out of range", "from 0 to 1"])
    }

    @Test(arguments: ["0", "1.2", "-0.5"])
    func efficiencyOutsideZeroToOne(value: String) throws {
        let battery = F.battery().replacingOccurrences(of: "round_trip_efficiency: {value: 1.0", with: "round_trip_efficiency: {value: \(value)")
        let (error, text, file) = try Self.error(battery)
        expectError(error, fieldPath: "battery.round_trip_efficiency.value", file: file, line: TestSupport.line(of: "round_trip_efficiency", in: text),
                    containing: [value == "0" ? "is not a round-trip efficiency in (0, 1]" : "is out of range"])
    }

    @Test(arguments: ["0", "-2"])
    func durationNotAboveZero(value: String) throws {
        let battery = F.battery().replacingOccurrences(of: "min_duration_hours: {value: 0.5", with: "min_duration_hours: {value: \(value)")
        let (error, text, file) = try Self.error(battery)
        expectError(error, fieldPath: "battery.min_duration_hours.value", file: file, line: TestSupport.line(of: "min_duration_hours", in: text),
                    containing: [value == "0" ? "is not a duration above 0 hours" : "is out of range"])
    }

    @Test func minimumDurationAboveMaximum() throws {
        let battery = F.battery(minHours: 6, maxHours: 2)
        let (error, text, file) = try Self.error(battery)
        expectError(error, fieldPath: "battery.max_duration_hours.value", file: file, line: TestSupport.line(of: "max_duration_hours", in: text),
                    containing: ["is below min_duration_hours 6", "expected min ≤ max"])
    }

    @Test func heatRateWithoutFuelPrice() throws {
        let onsite = F.onsite().split(separator: "\n").filter { !$0.contains("fuel_price") }.joined(separator: "\n")
        let (error, text, file) = try Self.error(onsite)
        expectError(error, fieldPath: "onsite_generation.fuel_price_usd_per_mmbtu", file: file, line: TestSupport.line(of: "technology:", in: text),
                    containing: ["missing required fuel price", "heat_rate_mmbtu_per_mwh burns fuel"])
    }

    @Test func upgradeCostGivenTwice() throws {
        let upgrade = F.upgrade() + "\n  capex_usd_per_mw: \(F.figure(1e6))\n  lifetime_years: \(F.figure(40))"
        let (error, text, file) = try Self.error(upgrade)
        expectError(error, fieldPath: "grid_upgrade", file: file, line: TestSupport.line(of: "max_mw", in: text),
                    containing: ["give either cost_usd_per_mw_year or capex_usd_per_mw with lifetime_years, not both"])
    }

    @Test(arguments: ["{share: 1.2, max_delay_hours: 4}", "{share: 0.3, max_delay_hours: 0}", "{share: -0.1, max_delay_hours: 4}"])
    func badDeferral(value: String) throws {
        let workspace = try InputWorkspace()
        let plan = InputFixtures.plan.replacingOccurrences(of: "    growth: {model: cagr, rate_per_year: 1.0}", with: "    growth: {model: cagr, rate_per_year: 1.0}\n    deferrable: \(value)")
        #expect(plan != InputFixtures.plan)
        let error = try workspace.loadError(plan: plan)
        let field = value.contains("max_delay_hours: 0") ? "max_delay_hours" : "share"
        expectError(error, fieldPath: "zones[z].deferrable.\(field)", file: workspace.planPath, line: TestSupport.line(of: "deferrable:", in: plan),
                    containing: [value.contains("max_delay_hours: 0") ? "is not a delay above 0 hours" : "is out of range"])
    }

    @Test func unknownConnectionRule() throws {
        let workspace = try InputWorkspace()
        let plan = InputFixtures.plan + "connection_rule: firmish\n"
        let error = try workspace.loadError(plan: plan)
        expectError(error, fieldPath: "connection_rule", file: workspace.planPath, line: TestSupport.line(of: "connection_rule", in: plan),
                    containing: ["firmish"])
    }
}
