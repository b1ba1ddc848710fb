import Foundation

/// The numbers of the grid-edge levers (flexible connection, on-site generation, batteries, grid upgrades), in the LP's
/// units, computed in one place for the constraint families, the objective, the decomposition and the results.
extension PlacementData {
    /// The grid-edge levers of site `s` (empty when it has none).
    public func edge(site s: Int) -> GridEdge { sites[s].region.edge }

    /// The share of the year's energy at the full connection that may be curtailed at site `s`: the site's
    /// `flexible_connection`, else 0 under the plan's ``ConnectionRule/firm`` rule; nil when only each slice's headroom
    /// limits the site (``ConnectionRule/perSlice``, the default), which sizes no connection.
    public func maxCurtailmentShare(site s: Int) -> Double? {
        if let flexible = edge(site: s).flexibleConnection { return flexible.maxCurtailmentShare.value }
        return scenario.plan.connectionRule == .firm ? 0 : nil
    }

    /// Headroom gained per MW of firm capacity bought at site `s`: 1 ÷ (1 + minimum reserve margin).
    public func headroomPerUpgradeMW(site s: Int) -> Double { 1 / (1 + sites[s].region.grid.minReserveMargin.value) }

    /// Headroom left for new connected load in slice `t` before any upgrade, MW: the slice's headroom less what the
    /// existing clusters draw when busy (``newLoadHeadroomMW(site:year:slice:)``), never below 0 (a region at or below
    /// its floor connects nothing new, and curtails nothing new).
    public func connectionHeadroomMW(site s: Int, year y: Int, slice t: Int) -> Double {
        max(0, newLoadHeadroomMW(site: s, year: y, slice: t))
    }

    /// The most new load a connection at site `s` can carry in year index `y` with the whole grid upgrade bought, MW
    /// (``ConnectableLoad``); +∞ when nothing limits it.
    func connectionLimitMW(site s: Int, year y: Int) -> Double {
        guard let share = maxCurtailmentShare(site: s) else { return .infinity }
        let raise = (edge(site: s).gridUpgrade?.maxMW.value ?? 0) * headroomPerUpgradeMW(site: s)
        let headroom = slices.indices.map { connectionHeadroomMW(site: s, year: y, slice: $0) + raise }
        return ConnectableLoad.largestMW(headroomMW: headroom, weightHours: weightHours, curtailmentShare: share)
    }

    /// Cost of one MWh from on-site generation at site `s` in year index `y`, $/MWh: its fuel and variable O&M
    /// (``onsiteFuelAndVOMUSDPerMWh(site:year:)``) and the carbon price on its own emissions.
    public func onsiteEnergyCostUSDPerMWh(site s: Int, year y: Int) -> Double {
        guard let generation = edge(site: s).onsiteGeneration else { return 0 }
        return onsiteFuelAndVOMUSDPerMWh(site: s, year: y) + carbonPrice(y) * generation.carbonTonnesPerMWh.value
    }

    /// Fuel (heat rate × price escalated from the plan's first year) and variable O&M of one MWh generated on site, $/MWh.
    public func onsiteFuelAndVOMUSDPerMWh(site s: Int, year y: Int) -> Double {
        guard let generation = edge(site: s).onsiteGeneration else { return 0 }
        return generation.heatRateMMBtuPerMWh.value * generation.fuelPriceUSDPerMMBtu(yearsFromStart: years[y] - years[0]) + generation.variableOMUSDPerMWh.value
    }

    /// Index of the first planning year on-site generation can run at site `s` (after its lead time).
    func onsiteFirstYearIndex(site s: Int) -> Int {
        Int((edge(site: s).onsiteGeneration?.leadTimeYears.value ?? 0).rounded())
    }

    /// What one MW of grid upgrade costs per year it is in service at site `s`, $/MW-year.
    public func upgradeCostUSDPerMWYear(site s: Int) -> Double {
        switch edge(site: s).gridUpgrade?.cost {
        case .annual(let cost): return cost.value
        case let .capex(capex, lifetime): return capitalRecoveryFactor(lifetime: lifetime.value) * capex.value
        case nil: return 0
        }
    }

    /// Grid energy cost of one MW drawn at site `s` over slice `t` of year index `y`, discounted, M$ per MW: what a
    /// column adding one MW to the grid draw adds to the objective.
    func gridDrawObjective(site s: Int, year y: Int, slice t: Int) -> Double {
        discountFactor(y) * weightHours[t] * gridEnergyCost(site: s, year: y) / 1e6
    }

    /// Where each slice starts within its block's day, hours from the block's first slice (for deferral windows).
    func hourInBlock(slice t: Int) -> Double {
        var start = 0.0
        for other in blocks[blockIndex(slice: t)] {
            if other == t { break }
            start += hoursPerDay[other]
        }
        return start
    }

    /// The chronological block (index into ``blocks``) holding slice `t`.
    func blockIndex(slice t: Int) -> Int { blockOfSlice[t] }
}

/// How much new load a grid connection can carry when the grid may curtail it for a share of its energy: the
/// "curtailment-enabled headroom" of Norris, Profeta, Patino-Echeverri & Cowie-Haskell, *Rethinking Load Growth*
/// (Duke University, 2025).
///
/// A connection of X MW drawing flat would lose max(0, X − h_t) MW in each slice t whose headroom h_t is below it; over
/// the year that is C(X) = Σ_t w_t max(0, X − h_t) MWh against X × Σ_t w_t at full draw. The connectable load at share
/// S is the largest X with C(X) ≤ S × X × Σ_t w_t. C is convex and 0 below min h, so the feasible X form [0, X*].
public enum ConnectableLoad {
    /// X* in MW; 0 when some slice has no headroom and S = 0; +∞ when S ≥ 1 (curtailment is then never the limit).
    public static func largestMW(headroomMW: [Double], weightHours: [Double], curtailmentShare share: Double) -> Double {
        guard share < 1 else { return .infinity }
        let order = headroomMW.indices.sorted { headroomMW[$0] < headroomMW[$1] }
        let total = weightHours.reduce(0, +)
        var weight = 0.0, weightedHeadroom = 0.0
        for (rank, t) in order.enumerated() {
            let h = max(0, headroomMW[t])
            weight += weightHours[t]
            weightedHeadroom += weightHours[t] * h
            // On [h_(k), h_(k+1)]: C(X) − S X W = (W_k − S W) X − Σ_{i≤k} w_i h_i, rising once W_k > S W.
            let slope = weight - share * total
            guard slope > 0 else { continue }
            let root = weightedHeadroom / slope
            let next = rank + 1 < order.count ? max(0, headroomMW[order[rank + 1]]) : .infinity
            if root <= next { return max(root, h) }
        }
        return .infinity
    }

    /// The curtailment a connection of `connectionMW` meets: the slices' hours and the energy, MWh per year.
    public static func curtailment(connectionMW: Double, headroomMW: [Double], weightHours: [Double]) -> (hours: Double, energyMWh: Double) {
        var hours = 0.0, energy = 0.0
        for (t, h) in headroomMW.enumerated() where connectionMW - max(0, h) > 1e-9 * max(1, connectionMW) {
            hours += weightHours[t]
            energy += weightHours[t] * (connectionMW - max(0, h))
        }
        return (hours, energy)
    }
}
