import Foundation
import LinearProgramming
import Testing
@testable import TokenGrid

/// Every shipped plan solves to optimality, and its results satisfy every constraint family when re-computed
/// from the reported builds, tokens and energy (not from the solver's row activities).
@Suite struct PlacementShippedPlansTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let plans = ["quickstart", "us-grid-2030", "east-data-west-compute-2030", "global-token-race-2030", "reserve-margins-2030"]

    static func load(_ name: String) throws -> Scenario {
        try PlanLoader.load(planAt: "\(repository)/Plans/\(name).yaml")
    }

    @Test(arguments: plans)
    func solvesAndSatisfiesEveryConstraintFamily(plan name: String) throws {
        let scenario = try Self.load(name)
        let result = try PlacementSolver.solve(scenario)
        #expect(result.status == .optimal)
        var problems: [String] = []
        func check(_ condition: Bool, _ message: @autoclosure () -> String) { if !condition { problems.append(message()) } }
        let relative = 1e-6

        // The objective is the sum of its parts.
        check(abs(result.costBreakdownUSD.total - result.objectiveUSD) <= relative * result.objectiveUSD,
              "cost breakdown \(result.costBreakdownUSD.total) ≠ objective \(result.objectiveUSD)")

        // (1) Demand: served + unserved = demand, served ≤ demand.
        for zone in result.zones {
            check(zone.servedTokens <= zone.demandTokens * (1 + relative), "\(zone.zone) \(zone.year): served \(zone.servedTokens) > demand \(zone.demandTokens)")
            check(abs(zone.servedBy.reduce(0) { $0 + $1.tokens } - zone.servedTokens) <= relative * max(1, zone.servedTokens), "\(zone.zone) \(zone.year): shares do not add up")
        }
        for site in result.sites {
            let region = try #require(scenario.region(site.site))
            // (2) Routing: what a site produces is what zones receive from it.
            let received = result.zones.filter { $0.year == site.year }.flatMap(\.servedBy).filter { $0.site == site.site }.reduce(0) { $0 + $1.tokens }
            check(abs(received - site.tokens) <= relative * max(1e6, site.tokens), "\(site.site) \(site.year): produced \(site.tokens) but zones received \(received)")
            // (4–5) Grid headroom: the reserve margin after new load stays at the floor or above (or where it was, if already below).
            let floor = min(site.minReserveMargin, site.reserveMarginBefore)
            check(site.reserveMarginAfter >= floor - 1e-6, "\(site.site) \(site.year): reserve margin after \(site.reserveMarginAfter) below floor \(floor)")
            check(site.gridMWh >= -1e-6 && site.peakGridMW >= -1e-6, "\(site.site) \(site.year): negative grid draw")
            // (6) Renewables: energy used ≤ what the installed capacity can produce at its best capacity factor.
            let bestFactor = region.renewables.map(\.capacityFactor.value).max() ?? 0
            let existing = region.renewables.reduce(0) { $0 + $1.existingMW.value }
            check(site.renewableMWh <= 8760 * (site.renewableMWInstalled + existing) * max(bestFactor, 1e-12) * 1.5 + 1e-6,
                  "\(site.site) \(site.year): renewable energy \(site.renewableMWh) MWh exceeds supply")
            // (7) Build limits.
            check(site.itMWBuilt <= region.dataCentre.maxITMWPerYear.value + 1e-6, "\(site.site) \(site.year): built \(site.itMWBuilt) above the yearly limit")
            check(site.itMWInstalled <= max(region.dataCentre.maxITMWTotal.value, region.dataCentre.existing.reduce(0) { $0 + $1.itMW.value }) + 1e-6,
                  "\(site.site) \(site.year): installed \(site.itMWInstalled) above the total limit")
            if site.year < Int(region.dataCentre.earliestBuildYear.value) {
                check(site.itMWBuilt <= 1e-9, "\(site.site) \(site.year): built before the earliest build year")
            }
        }
        for build in result.builds {
            let design = try #require(scenario.design(build.design))
            // (3) Compute: mean utilisation within the design's sustainable share of full-power throughput.
            let mix = scenario.plan.modelMix
            let sustainable = design.sustainedTokensPerSPerMW(mix: mix, year: build.year) / design.tokensPerSPerMW(mix: mix, year: build.year)
            check(build.utilisation <= sustainable + 1e-6, "\(build.site)/\(build.design) \(build.year): utilisation \(build.utilisation) above \(sustainable)")
            // (7a) Capacity link: installed = previous installed + built − retired, with the design's lifetime.
            let lifetime = Int(design.lifetimeYears.value.rounded())
            let previous = result.builds.first { $0.site == build.site && $0.design == build.design && $0.year == build.year - 1 }
            let retired = result.builds.first { $0.site == build.site && $0.design == build.design && $0.year == build.year - lifetime }?.itMWBuilt ?? 0
            let existing = scenario.region(build.site)!.dataCentre.existing.filter { $0.design == build.design }
            if existing.isEmpty {
                let expected = (previous?.itMWInstalled ?? 0) + build.itMWBuilt - retired
                check(abs(build.itMWInstalled - expected) <= 1e-6 * max(1, expected), "\(build.site)/\(build.design) \(build.year): installed \(build.itMWInstalled) ≠ \(expected)")
            }
        }
        // (8) Carbon cap and budget, in the years given.
        for year in scenario.plan.years {
            if let cap = scenario.plan.carbonCapTonnesPerYear?.given(in: year) {
                let emissions = result.sites.filter { $0.year == year }.reduce(0) { $0 + $1.emissionsTonnes }
                check(emissions <= cap * (1 + relative), "\(year): emissions \(emissions) above cap \(cap)")
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
        // Why a token costs what it costs: every side's drivers give back its cost, and the shares add up to the gap.
        if let attribution = result.costAttribution { CostAttributionPlanTests.expectConsistent(attribution) }
    }

    /// reserve-margins-2030 puts the same demand on both sides: its notes say the US reserve floor limits new load
    /// (ERCOT and PJM, below their floors on their operators' forecasts, would still be used) and China's limits none.
    @Test func reserveMarginsPlanSaysTheUSFloorBindsAndChinasDoesNot() throws {
        let result = try PlacementSolver.solve(try Self.load("reserve-margins-2030"))
        #expect(result.status == .optimal)
        let us = try #require(result.notes.first { $0.hasPrefix("US: the reserve floor limits new load at ") }, "\(result.notes)")
        #expect(us.contains("ercot") && us.contains("pjm-northern-virginia"), "\(us)")
        #expect(result.notes.contains("CN: the reserve floor limits new load at none of its 8 site(s) in any year."), "\(result.notes)")
        // Every year's demand is served but for the last year's fraction of a percent; the first year by existing clusters.
        let first = result.zones.filter { $0.year == 2025 }
        #expect(first.allSatisfy { $0.unservedTokens <= 1e-6 * $0.demandTokens }, "\(first.map { ($0.zone, $0.unservedTokens / $0.demandTokens) })")
    }

    /// The exported MPS, solved by glpsol, gives the objective TokenGrid reports.
    @Test(arguments: ["quickstart", "us-grid-2030"])
    func glpsolAgreesOnTheExportedModel(plan name: String) throws {
        let glpsol = "/usr/bin/glpsol"
        try #require(FileManager.default.isExecutableFile(atPath: glpsol), "glpsol is missing: install glpk-utils (scripts/setup.sh does)")
        let scenario = try Self.load(name)
        let data = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
        let model = PlacementModel.build(data)
        let result = try PlacementSolver.solve(data)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokengrid-glpsol-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let mps = "\(directory)/\(name).mps", output = "\(directory)/\(name).txt"
        try GLPKProblem(model.program).write(to: mps, format: .mps)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: glpsol)
        process.arguments = ["--freemps", mps, "--dual", "-o", output]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        // "Objective:  obj = 1412.060597 (MINimum)"
        let value = try #require(line.split(separator: "=").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(abs(value * 1e6 - result.objectiveUSD) <= 1e-6 * result.objectiveUSD, "glpsol \(value) M$ vs TokenGrid \(result.objectiveUSD / 1e6) M$")
    }
}
