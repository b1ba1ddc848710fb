import Foundation
import LinearProgramming

extension PlacementModel {
    /// For every zone and year with unserved tokens, the limits that bind at the sites that could serve it.
    func shortfalls(_ result: PlacementResult, _ solution: Solution) -> [PlacementResult.Shortfall] {
        result.zones.compactMap { zoneYear -> PlacementResult.Shortfall? in
            guard zoneYear.demandTokens > 0, zoneYear.unservedTokens > 1e-6 * zoneYear.demandTokens else { return nil }
            let z = data.zones.firstIndex { $0.zone.id == zoneYear.zone }!
            let y = data.years.firstIndex(of: zoneYear.year)!
            return PlacementResult.Shortfall(zone: zoneYear.zone, year: zoneYear.year, unservedTokens: zoneYear.unservedTokens,
                                             unservedShare: zoneYear.unservedShare, reasons: reasons(zone: z, year: y, solution))
        }
    }

    private func reasons(zone z: Int, year y: Int, _ solution: Solution) -> [String] {
        let zone = data.zones[z]
        guard !zone.siteIndices.isEmpty else {
            return ["no site may serve zone \(zone.zone.id): its served_by names none of the plan's regions, or none is within its latency limit"]
        }
        var reasons: [String] = []
        let tolerance = 1e-9
        for s in zone.siteIndices {
            let site = data.sites[s]
            let id = site.region.id
            let earliest = data.earliestBuildYear(site: s)
            let hasExisting = site.designs.contains { $0.existingMW[y] > 0 }
            if data.years[y] < earliest {
                guard hasExisting else {
                    reasons.append("\(id): no capacity can be in service before \(earliest) (grid-connection lead time)")
                    continue
                }
                let existingMW = site.designs.reduce(0) { $0 + $1.existingMW[y] }
                reasons.append("\(id): only its \(NumberFormat.fixed(existingMW, 0)) MW of existing clusters can serve before \(earliest) (grid-connection lead time for new builds)")
            }
            let headroomBinding = headroomRow[s][y].filter { solution.dual($0) < -tolerance }.count
            let tightest = data.tightestHeadroomMW(site: s, year: y)
            if headroomBinding > 0 || tightest <= 0 {
                let margin = Int((site.region.grid.minReserveMargin.value * 100).rounded())
                reasons.append("\(id): grid headroom binds in \(max(headroomBinding, 1)) of \(sliceCount) slices (reserve floor \(margin)%, \(Int(max(0, tightest).rounded())) MW free for new load at the tightest slice)")
            }
            if let row = buildTotalRow[s][y], solution.dual(row) < -tolerance {
                reasons.append("\(id): total IT limit of \(Int(site.region.dataCentre.maxITMWTotal.value.rounded())) MW reached")
            }
            let yearlyBinding = (0 ... y).filter { earlier in buildPerYearRow[s][earlier].map { solution.dual($0) < -tolerance } ?? false }
            if !yearlyBinding.isEmpty {
                reasons.append("\(id): yearly build limit of \(Int(site.region.dataCentre.maxITMWPerYear.value.rounded())) MW/yr binds in \(yearlyBinding.map { String(data.years[$0]) }.joined(separator: ", "))")
            }
        }
        let budgetYears = (0 ... y).filter { budgetRow[$0].map { solution.dual($0) < -tolerance } ?? false }
        if !budgetYears.isEmpty { reasons.append("plan: the capex budget binds in \(budgetYears.map { String(data.years[$0]) }.joined(separator: ", "))") }
        if let row = carbonCapRow[y], solution.dual(row) < -tolerance { reasons.append("plan: the carbon cap binds in \(data.years[y])") }
        if reasons.isEmpty {
            reasons.append("serving more would cost more than the unserved-token penalty of $\(String(format: "%.2f", data.scenario.plan.unservedPenaltyUSDPerMTok)) per million tokens")
        }
        return reasons
    }

    /// Why the plan cannot be solved at all, found by arithmetic on the inputs (the LP always has the
    /// all-unserved solution unless a hard cap, the carbon cap, is below what existing capacity already needs).
    public func infeasibilityReasons() -> [String] {
        var reasons: [String] = []
        for y in 0 ..< yearCount {
            if let row = carbonCapRow[y], program.constraintBounds[row.index].upper < 0 {
                let cap = data.scenario.plan.carbonCapTonnesPerYear?.given(in: data.years[y]) ?? 0
                reasons.append("carbon cap \(Int(cap)) tCO2 in \(data.years[y]) is below the emissions of existing capacity's idle power alone")
            }
        }
        // Existing clusters never make it infeasible: the headroom row always allows their busy draw
        // (PlacementData.gridAllowanceMW).
        return reasons
    }
}
