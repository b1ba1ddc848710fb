import LinearProgramming

extension PlacementModel {
    /// What site `s`'s grid-edge assets cost in year index `y` at the solution `x`, undiscounted $, and the on-site
    /// generation's own emissions, tCO2 (its fuel and carbon lower the grid's energy and emissions through the grid draw).
    func edgeCosts(_ s: Int, _ y: Int, _ x: [Double]) -> (onsite: Double, storage: Double, upgrade: Double, onsiteEmissions: Double) {
        let edge = data.edge(site: s)
        var onsite = 0.0, storage = 0.0, upgrade = 0.0, emissions = 0.0
        if let generation = edge.onsiteGeneration, let stock = self.edge.onsite[s] {
            let energy = onsiteEnergyMWh(s, y, x)
            onsite = x[stock.capacity[y].index] * data.onsiteFixedCostUSDPerMWYear(site: s) + energy * data.onsiteFuelAndVOMUSDPerMWh(site: s, year: y)
            emissions = energy * generation.carbonTonnesPerMWh.value
        }
        if let power = self.edge.batteryPower[s], let energy = self.edge.batteryEnergy[s] {
            storage = x[power.capacity[y].index] * data.batteryPowerCostUSDPerMWYear(site: s)
                + x[energy.capacity[y].index] * data.batteryEnergyCostUSDPerMWhYear(site: s)
        }
        if let stock = self.edge.upgrade[s] { upgrade = x[stock.capacity[y].index] * data.upgradeCostUSDPerMWYear(site: s) }
        return (onsite, storage, upgrade, emissions)
    }

    /// Energy generated on site in year index `y`, MWh.
    private func onsiteEnergyMWh(_ s: Int, _ y: Int, _ x: [Double]) -> Double {
        guard let generation = edge.onsiteGeneration[s] else { return 0 }
        return (0 ..< sliceCount).reduce(0) { $0 + data.weightHours[$1] * x[generation[y][$1].index] }
    }

    /// The levers each site uses in each year and why; nil when no site has one and the plan sizes no connection.
    func gridEdgeResults(_ solution: Solution, _ x: [Double], headroom: [PlacementResult.HeadroomValue]) -> [GridEdgeSiteYear]? {
        let sites = data.sites.indices.filter { !data.edge(site: $0).isEmpty || data.maxCurtailmentShare(site: $0) != nil }
        guard !sites.isEmpty else { return nil }
        var results: [GridEdgeSiteYear] = []
        for s in sites {
            for y in 0 ..< yearCount {
                let value = headroom.first { $0.site == siteID(s) && $0.year == data.years[y] }?.dualUSDPerMWYear ?? 0
                results.append(gridEdgeSiteYear(s, y, solution, x, headroomValue: value))
            }
        }
        return results
    }

    private func gridEdgeSiteYear(_ s: Int, _ y: Int, _ solution: Solution, _ x: [Double], headroomValue: Double) -> GridEdgeSiteYear {
        let share = data.maxCurtailmentShare(site: s)
        let connected = connectedLoadTerms(site: s, year: y).reduce(0) { $0 + $1.1 * x[$1.0.index] }
        let upgradeMW = edge.upgrade[s].map { x[$0.capacity[y].index] } ?? 0
        let raise = upgradeMW * data.headroomPerUpgradeMW(site: s)
        let headroom = data.slices.indices.map { data.connectionHeadroomMW(site: s, year: y, slice: $0) + raise }
        let curtailed = connected > 1e-6 ? ConnectableLoad.curtailment(connectionMW: connected, headroomMW: headroom, weightHours: data.weightHours) : (0, 0)
        let capValue = edge.curtailmentCapRow[s][y].map { -solution.dual($0) / data.discountFactor(y) * 1e6 } ?? 0
        let fuel = edgeCosts(s, y, x)
        let onsiteMW = edge.onsite[s].map { x[$0.capacity[y].index] } ?? 0
        let onsiteMWh = onsiteEnergyMWh(s, y, x)
        let onsiteFixed = onsiteMW * data.onsiteFixedCostUSDPerMWYear(site: s)
        let batteryMW = edge.batteryPower[s].map { x[$0.capacity[y].index] } ?? 0
        let batteryMWh = edge.batteryEnergy[s].map { x[$0.capacity[y].index] } ?? 0
        let discharged = edge.discharge[s].map { columns in (0 ..< sliceCount).reduce(0) { $0 + data.weightHours[$1] * x[columns[y][$1].index] } } ?? 0
        let connection = share == nil ? "per_slice" : share == 0 ? "firm" : "flexible"
        var summary = GridEdgeSiteYear(
            site: siteID(s), year: data.years[y], connection: connection, maxCurtailmentShare: share.flatMap { $0 > 0 ? $0 : nil },
            connectedMW: connected, firmHeadroomMW: headroom.min() ?? 0,
            connectableMW: share.flatMap { $0 > 0 ? ConnectableLoad.largestMW(headroomMW: headroom, weightHours: data.weightHours, curtailmentShare: $0) : nil },
            curtailedHours: curtailed.0, curtailedMWh: curtailed.1, curtailmentCapValueUSDPerMWh: max(0, capValue),
            onsiteMW: onsiteMW, onsiteMWh: onsiteMWh, onsiteFuelUSD: fuel.onsite - onsiteFixed,
            onsiteEnergyUSDPerMWh: data.edge(site: s).onsiteGeneration == nil ? nil : data.onsiteEnergyCostUSDPerMWh(site: s, year: y),
            gridEnergyUSDPerMWh: data.gridEnergyCost(site: s, year: y), batteryMW: batteryMW, batteryMWh: batteryMWh,
            batteryDischargeMWh: discharged, upgradeMW: upgradeMW,
            upgradeCostUSDPerMWYear: data.edge(site: s).gridUpgrade == nil ? nil : data.upgradeCostUSDPerMWYear(site: s),
            headroomValueUSDPerMWYear: headroomValue, levers: [], why: "")
        summary.levers = Self.levers(of: summary)
        summary.why = Self.explanation(of: summary)
        return summary
    }

    private static func levers(of summary: GridEdgeSiteYear) -> [String] {
        var levers: [String] = []
        if summary.connection == "flexible" && summary.curtailedHours > 0 { levers.append("flexible connection") }
        if summary.onsiteMW > 1e-6 { levers.append("on-site generation") }
        if summary.batteryMW > 1e-6 { levers.append("battery") }
        if summary.upgradeMW > 1e-6 { levers.append("grid upgrade") }
        return levers
    }

    /// One sentence on what the site connects and which lever carries the load the firm headroom cannot.
    private static func explanation(of summary: GridEdgeSiteYear) -> String {
        func mw(_ value: Double) -> String { NumberFormat.fixed(value, 0) }
        guard summary.connectedMW > 1e-6 || summary.onsiteMW > 1e-6 else { return "No new load connected." }
        var parts = ["Connects \(mw(summary.connectedMW)) MW of new load against \(mw(summary.firmHeadroomMW)) MW of firm headroom"]
        if summary.curtailedHours > 0 {
            var part = "the grid curtails it \(mw(summary.curtailedHours)) h a year (\(mw(summary.curtailedMWh)) MWh)"
            if let share = summary.maxCurtailmentShare { part += " within its \(NumberFormat.fixed(share * 100, 2)) % cap" }
            if summary.curtailmentCapValueUSDPerMWh > 1e-6 {
                part += ", which binds: one more MWh of allowance is worth $\(NumberFormat.fixed(summary.curtailmentCapValueUSDPerMWh, 0))"
            }
            parts.append(part)
        }
        if summary.onsiteMW > 1e-6 {
            var part = "on-site generation of \(mw(summary.onsiteMW)) MW carries load behind the meter (\(mw(summary.onsiteMWh)) MWh)"
            if let own = summary.onsiteEnergyUSDPerMWh, own < summary.gridEnergyUSDPerMWh {
                part += ", its power at $\(NumberFormat.fixed(own, 0))/MWh against $\(NumberFormat.fixed(summary.gridEnergyUSDPerMWh, 0))/MWh from the grid"
            }
            parts.append(part)
        }
        if summary.batteryMW > 1e-6 { parts.append("a \(mw(summary.batteryMW)) MW / \(mw(summary.batteryMWh)) MWh battery covers tight hours (\(mw(summary.batteryDischargeMWh)) MWh a year)") }
        if let cost = summary.upgradeCostUSDPerMWYear {
            let value = "$\(NumberFormat.fixed(summary.headroomValueUSDPerMWYear, 0)) per MW-yr"
            if summary.upgradeMW > 1e-6 {
                parts.append("it buys \(mw(summary.upgradeMW)) MW of firm capacity at $\(NumberFormat.fixed(cost, 0)) per MW-yr, cheaper here than more curtailment, on-site power or storage")
            } else {
                parts.append("buying firm capacity at $\(NumberFormat.fixed(cost, 0)) per MW-yr does not pay (headroom is worth \(value) here)")
            }
        }
        return parts.joined(separator: "; ") + "."
    }

    /// Tokens served later than asked, per deferrable zone and year; nil for a plan without deferrable demand.
    func deferralResults(_ x: [Double]) -> [DeferralSummary]? {
        guard edge.deferral.contains(where: { $0 != nil }) else { return nil }
        let byHour = sliceCount > PlacementData.singleSliceBlockLimit
        func label(_ t: Int) -> String {
            // A full year has 8,760 slice names; its moves read better by UTC hour of the day.
            byHour ? "h\(TimeSlicePreset.twoDigits(Int(data.hourInBlock(slice: t))))" : data.slices[t].name
        }
        var summaries: [DeferralSummary] = []
        for (z, zone) in data.zones.enumerated() {
            guard let flows = edge.deferral[z] else { continue }
            for y in 0 ..< yearCount {
                var moved: [String: (from: String, to: String, tokens: Double, order: Int)] = [:]
                var deferred = 0.0, waited = 0.0, demand = 0.0
                for origin in 0 ..< sliceCount {
                    demand += zone.demandTokensPerS[y][origin] * data.seconds(slice: origin)
                    for flow in flows[y][origin] where flow.target != origin {
                        let tokens = x[flow.column.index] * data.seconds(slice: flow.target) * 1e6
                        guard tokens > 0 else { continue }
                        deferred += tokens
                        waited += tokens * (data.hourInBlock(slice: flow.target) - data.hourInBlock(slice: origin))
                        let key = label(origin) + ">" + label(flow.target)
                        let order = moved.count
                        moved[key, default: (label(origin), label(flow.target), 0, order)].tokens += tokens
                    }
                }
                let top = moved.values.sorted { $0.tokens != $1.tokens ? $0.tokens > $1.tokens : $0.order < $1.order }.prefix(DeferralSummary.flowLimit)
                summaries.append(DeferralSummary(zone: zone.zone.id, year: data.years[y], deferredTokens: deferred,
                                                 deferredShare: demand > 0 ? deferred / demand : 0, meanDelayHours: deferred > 0 ? waited / deferred : 0,
                                                 flows: top.map { DeferralSummary.Flow(fromSlice: $0.from, toSlice: $0.to, tokens: $0.tokens) }))
            }
        }
        return summaries
    }

    /// What deferred tokens' waiting costs over the plan, discounted $ (the `defer` columns' objective terms).
    func deferralDelayCost(_ x: [Double]) -> Double {
        edge.deferral.compactMap { $0 }.reduce(0) { total, zone in
            total + zone.joined().joined().reduce(0) { $0 + program.objectiveCoefficients[$1.column.index] * x[$1.column.index] * 1e6 }
        }
    }
}
