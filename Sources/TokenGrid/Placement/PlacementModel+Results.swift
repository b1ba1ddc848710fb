import LinearProgramming

extension PlacementModel {
    /// Turns a solution into planners' results. Everything is recomputed from the primal values and duals
    /// with the same figures the LP was built from (``PlacementData``), so totals reconcile with the objective.
    public func results(from solution: Solution, statistics: PlacementResult.SolverStatistics) -> PlacementResult {
        // Every column is ≥ 0; the simplex leaves values like −3e−12 within its tolerance. Clean them for reports.
        let x = solution.variableValues.map { $0 > 1e-9 ? $0 : 0 }
        var sites: [PlacementResult.SiteYear] = [], builds: [PlacementResult.Build] = []
        var breakdown = PlacementResult.CostBreakdown()
        let servedBySite = servedTokens(x)
        for s in data.sites.indices {
            for y in 0 ..< yearCount {
                let (siteYear, siteBuilds) = siteResults(s, y, x, networkUSD: servedBySite[s][y].network)
                sites.append(siteYear)
                builds += siteBuilds
                breakdown = breakdown + siteYear.costUSD.scaled(by: data.discountFactor(y))
            }
        }
        let zones = zoneResults(solution, x)
        breakdown.unservedPenalty = zoneUnservedPenalty(x)
        breakdown.delay = deferralDelayCost(x)
        let headroom = headroomValues(solution), binding = bindingGroups(solution)
        var result = PlacementResult(
            planName: data.scenario.plan.name, status: solution.status, objectiveUSD: solution.objective * 1e6,
            costBreakdownUSD: breakdown, solver: statistics, sites: sites, builds: builds, zones: zones,
            headroom: headroom, bindingConstraints: binding, shortfalls: [], notes: gridNotes() + planNotes(headroom: headroom, binding: binding))
        result.shortfalls = shortfalls(result, solution)
        result.metrics = PlacementResult.Metrics(result, discountFactor: data.scenario.plan.discountFactor(year:))
        result.dispatch = dispatch(x)
        result.gridEdge = gridEdgeResults(solution, x, headroom: result.headroom)
        result.deferrals = deferralResults(x)
        result.costAttribution = data.costAttribution(of: result)
        return result
    }

    /// Tokens and network cost ($) per site and year from the `serve` columns.
    private func servedTokens(_ x: [Double]) -> [[(tokens: Double, network: Double)]] {
        var totals = [[(tokens: Double, network: Double)]](repeating: Array(repeating: (0, 0), count: yearCount), count: data.sites.count)
        for (z, zone) in data.zones.enumerated() {
            for (k, s) in zone.siteIndices.enumerated() {
                let networkUSDPerMTok = data.networkCostUSDPerMTok(zone: z, site: s)
                for y in 0 ..< yearCount {
                    let tokens = (0 ..< sliceCount).reduce(0) { $0 + x[serve[z][k][y][$1].index] * data.seconds(slice: $1) * 1e6 }
                    totals[s][y].tokens += tokens
                    totals[s][y].network += tokens / 1e6 * networkUSDPerMTok
                }
            }
        }
        return totals
    }

    private func siteResults(_ s: Int, _ y: Int, _ x: [Double], networkUSD: Double) -> (PlacementResult.SiteYear, [PlacementResult.Build]) {
        let site = data.sites[s]
        let region = site.region
        let year = data.years[y]
        var builds: [PlacementResult.Build] = []
        var cost = PlacementResult.CostBreakdown()
        var tokens = 0.0
        for (a, siteDesign) in site.designs.enumerated() {
            let design = siteDesign.design
            let installed = x[capacity[s][a][y].index] + siteDesign.existingMW[y]
            let produced = (0 ..< sliceCount).reduce(0) { $0 + x[run[s][a][y][$1].index] * data.seconds(slice: $1) * 1e6 }
            tokens += produced
            cost.computeCapex += data.computeAnnuityUSDPerMW(site: s, design: a) * installed
            cost.fixedOM += design.fixedOMUSDPerMWYear.value * installed
            let fullLoad = installed * siteDesign.tokensPerSPerMW[y] * 8760 * 3600
            builds.append(PlacementResult.Build(
                site: region.id, design: design.id, year: year, itMWBuilt: x[build[s][a][y].index], itMWInstalled: installed,
                accelerators: installed * design.acceleratorsPerMW, tokens: produced, utilisation: fullLoad > 0 ? produced / fullLoad : 0))
        }
        var gridMWh = 0.0, renewableMWh = 0.0, peakGrid = 0.0
        var marginBefore = Double.infinity, marginAfter = Double.infinity
        let firm = region.grid.firmCapacityMW(in: year), background = site.backgroundPeakLoadMW[y]
        for t in 0 ..< sliceCount {
            let draw = gridDrawMW(s, y, t, x)
            gridMWh += data.weightHours[t] * draw
            peakGrid = max(peakGrid, draw)
            if let use = renewableUse[s] { renewableMWh += data.weightHours[t] * x[use[y][t].index] }
            // Before new load: the background load and the existing clusters drawing all they can (the published peak).
            let load = background * site.loadFactor[t]
            marginBefore = min(marginBefore, firm / (load + data.existingBusyDrawMW(site: s, year: y)) - 1)
            marginAfter = min(marginAfter, firm / (load + max(0, draw)) - 1)
        }
        var renewableMW = 0.0
        for k in site.renewables.indices {
            let installed = x[renewableCapacity[s][k][y].index]
            renewableMW += installed
            cost.renewables += data.renewableCostUSDPerMWYear(site: s, kind: k) * installed
        }
        let intensity = region.grid.carbonTonnesPerMWh.value
        let edge = edgeCosts(s, y, x)
        cost.energy = gridMWh * region.grid.priceUSDPerMWh(in: year)
        cost.carbon = (gridMWh * intensity + edge.onsiteEmissions) * data.carbonPrice(y)
        cost.network = networkUSD
        cost.onsitePower = edge.onsite
        cost.storage = edge.storage
        cost.gridUpgrade = edge.upgrade
        let perMTok = tokens > 0 ? 1e6 / tokens : 0
        let siteYear = PlacementResult.SiteYear(
            site: region.id, year: year, itMWBuilt: builds.reduce(0) { $0 + $1.itMWBuilt }, itMWInstalled: builds.reduce(0) { $0 + $1.itMWInstalled },
            tokens: tokens, gridMWh: gridMWh, renewableMWh: renewableMWh, peakGridMW: peakGrid, renewableMWInstalled: renewableMW,
            reserveMarginBefore: marginBefore, reserveMarginAfter: marginAfter, minReserveMargin: region.grid.minReserveMargin.value,
            emissionsTonnes: gridMWh * intensity + edge.onsiteEmissions, costUSD: cost, costUSDPerMTok: cost.total * perMTok, costUSDPerMTokBreakdown: cost.scaled(by: perMTok))
        return (siteYear, builds)
    }

    private func zoneResults(_ solution: Solution, _ x: [Double]) -> [PlacementResult.ZoneYear] {
        let penalty = data.scenario.plan.unservedPenaltyUSDPerMTok
        var results: [PlacementResult.ZoneYear] = []
        for (z, zone) in data.zones.enumerated() {
            for y in 0 ..< yearCount {
                var demand = 0.0, served = 0.0, weightedMarginal = 0.0, plainMarginal = 0.0
                var shares = zone.siteIndices.map { PlacementResult.SiteShare(site: data.sites[$0].region.id, tokens: 0) }
                for t in 0 ..< sliceCount {
                    let seconds = data.seconds(slice: t)
                    let sliceDemand = zone.demandTokensPerS[y][t] * seconds
                    demand += sliceDemand
                    for k in zone.siteIndices.indices {
                        let tokens = x[serve[z][k][y][t].index] * seconds * 1e6
                        served += tokens
                        shares[k].tokens += tokens
                    }
                    let marginal = penalty + solution.dual(demandRow[z][y][t]) * 1e6 / (data.discountFactor(y) * seconds)
                    weightedMarginal += marginal * sliceDemand
                    plainMarginal += marginal / Double(sliceCount)
                }
                // Differences below a millionth of a token per million demanded are solver tolerance, not unserved demand.
                let unserved = demand - served > 1e-12 * demand ? demand - served : 0
                results.append(PlacementResult.ZoneYear(
                    zone: zone.zone.id, year: data.years[y], demandTokens: demand, servedTokens: served, unservedTokens: unserved,
                    marginalUSDPerMTok: demand > 0 ? weightedMarginal / demand : plainMarginal, servedBy: shares.filter { $0.tokens > 0 }))
            }
        }
        return results
    }

    private func zoneUnservedPenalty(_ x: [Double]) -> Double {
        let penalty = data.scenario.plan.unservedPenaltyUSDPerMTok
        var total = 0.0
        for (z, zone) in data.zones.enumerated() {
            for y in 0 ..< yearCount {
                // Per block: deferred tokens are asked for in one slice and served in a later one of the same block.
                for block in zone.zone.deferrable == nil ? data.slices.indices.map({ [$0] }) : data.blocks {
                    let unserved = block.reduce(0) { sum, t in
                        let served = zone.siteIndices.indices.reduce(0) { $0 + x[serve[z][$1][y][t].index] }
                        return sum + data.seconds(slice: t) * (zone.demandTokensPerS[y][t] / 1e6 - served)
                    }
                    total += data.discountFactor(y) * penalty * max(0, unserved)
                }
            }
        }
        return total
    }

    /// The value of one more MW of firm capacity, from the headroom rows' upper duals. A row held at zero because the
    /// region is already below its reserve floor in that slice ("clamped") is left out: there one more MW of firm
    /// capacity only narrows the deficit and connects nothing, so it is worth 0 $/MW-yr to new load (see `gridNotes`).
    private func headroomValues(_ solution: Solution) -> [PlacementResult.HeadroomValue] {
        var values: [PlacementResult.HeadroomValue] = []
        for (s, site) in data.sites.enumerated() {
            let margin = site.region.grid.minReserveMargin.value
            for y in 0 ..< yearCount {
                var dual = 0.0, binding = 0, clamped = 0
                for t in 0 ..< sliceCount {
                    if data.isBelowReserveFloor(site: s, year: y, slice: t) {
                        clamped += 1
                        continue
                    }
                    let value = -solution.dual(headroomRow[s][y][t])
                    if value > 1e-9 {
                        dual += value
                        binding += 1
                    }
                }
                // A firm connection's row and a flexible one's curtailment rows also hold headroom on their right-hand side.
                let connectionRows = [edge.connectionRow[s][y]].compactMap { $0 }.filter { _ in edge.curtailmentCapRow[s][y] == nil }
                    + edge.curtailment[s][y].map(\.row)
                dual += connectionRows.reduce(0) { $0 + max(0, -solution.dual($1)) }
                values.append(PlacementResult.HeadroomValue(
                    site: site.region.id, year: data.years[y], dualUSDPerMWYear: dual / (1 + margin) / data.discountFactor(y) * 1e6,
                    bindingSlices: binding, clampedSlices: clamped, headroomMW: data.tightestHeadroomMW(site: s, year: y)))
            }
        }
        return values
    }

    private func bindingGroups(_ solution: Solution) -> [PlacementResult.BindingGroup] {
        var groups: [PlacementResult.BindingGroup] = []
        func add(_ family: String, _ place: String, _ y: Int, _ rows: [ConstraintID?]) {
            let duals = rows.compactMap { $0 }.map { abs(solution.dual($0)) }.filter { $0 > 1e-9 }
            guard !duals.isEmpty else { return }
            groups.append(PlacementResult.BindingGroup(family: family, place: place, year: y < 0 ? 0 : data.years[y], count: duals.count, largestDual: duals.max()!))
        }
        for s in data.sites.indices {
            for y in 0 ..< yearCount {
                // Only the upper side (the reserve floor) is a grid limit; the lower side (no export) is not reported as one.
                // Rows clamped at zero (region below its floor) are a limit of their own: no new load there at all.
                let upper = (0 ..< sliceCount).filter { solution.dual(headroomRow[s][y][$0]) < 0 }
                add("headroom", siteID(s), y, upper.filter { !data.isBelowReserveFloor(site: s, year: y, slice: $0) }.map { headroomRow[s][y][$0] })
                add("below_reserve_floor", siteID(s), y, upper.filter { data.isBelowReserveFloor(site: s, year: y, slice: $0) }.map { headroomRow[s][y][$0] })
                add("compute", siteID(s), y, computeRow[s].flatMap { $0[y] })
                if let rows = renewableRow[s] { add("renewables", siteID(s), y, rows[y]) }
                add("build_per_year", siteID(s), y, [buildPerYearRow[s][y]])
                add("build_total", siteID(s), y, [buildTotalRow[s][y]])
            }
        }
        for y in 0 ..< yearCount {
            add("carbon_cap", "", y, [carbonCapRow[y]])
            add("budget", "", y, [budgetRow[y]])
        }
        for s in data.sites.indices {
            for y in 0 ..< yearCount {
                add(edge.curtailmentCapRow[s][y] == nil ? "firm_connection" : "connection_limit", siteID(s), y, [edge.connectionRow[s][y]])
                add("curtailment_cap", siteID(s), y, [edge.curtailmentCapRow[s][y]])
                for (family, rows) in [("onsite_limit", edge.onsiteLimitRow[s]), ("battery_power", edge.chargeRow[s]), ("battery_power", edge.dischargeRow[s]),
                                       ("battery_energy", edge.stateRow[s])] {
                    if let rows { add(family, siteID(s), y, rows[y]) }
                }
            }
        }
        for (z, zone) in data.zones.enumerated() {
            guard let rows = edge.deferralRow[z] else { continue }
            for y in 0 ..< yearCount { add("deferrable", zone.zone.id, y, rows[y]) }
        }
        return groups
    }

    private func gridNotes() -> [String] {
        var notes: [String] = []
        for (s, site) in data.sites.enumerated() {
            let short = (0 ..< yearCount).filter { data.tightestHeadroomMW(site: s, year: $0) <= 0 }
            if let first = short.first {
                let deficit = -data.tightestHeadroomMW(site: s, year: first)
                notes.append("\(site.region.id): the grid is already at or below its \(Int((site.region.grid.minReserveMargin.value * 100).rounded()))% reserve floor in \(data.years[first])\(short.count > 1 ? " and \(short.count - 1) later year(s)" : "") at its peak slices (by \(NumberFormat.fixed(deficit, 1)) MW in \(data.years[first])), so it has no headroom for new data-centre load then; in those slices one more MW of firm capacity only narrows the deficit, and its headroom value is reported as 0 $/MW-yr")
            }
        }
        return notes
    }
}
