import Foundation

/// Every number the placement LP needs, computed once from a scenario and its demand projection,
/// in the LP's internal units: power in MW, tokens in millions per second (Mtok/s), money in millions
/// of dollars (M$), discounted to the first planning year.
///
/// Keeping the arithmetic here keeps the constraint builders short and lets results reuse the same figures.
public struct PlacementData: Sendable {
    public let scenario: Scenario
    public let demand: DemandProjection
    public let years: [Int]
    public let slices: [TimeSlice]
    /// Hours each slice stands for.
    public let weightHours: [Double]
    public let sites: [Site]
    /// Zones with the sites (indices into `sites`) that may serve them.
    public let zones: [Zone]
    /// The subproblems decomposition solves, as slice indices in time order: the slices' chronological blocks (days,
    /// representative days, a season's typical day) when the plan has more than ``singleSliceBlockLimit`` slices (one
    /// master column per slice would be too many); otherwise each slice on its own, whose cuts converge in far fewer
    /// iterations (40 sites × 6 years × 96 slices: 25 iterations against 62 with season blocks).
    public let blocks: [[Int]]
    /// Most slices for which decomposition still solves each slice on its own (absent any link within blocks).
    public static let singleSliceBlockLimit = 1_000
    /// Hours each slice lasts within one day of its block (1 for hourly slices, 4 for a four-hour day-part, 24 for
    /// `annual`): batteries and deferred tokens move energy and tokens along these durations.
    public let hoursPerDay: [Double]
    /// Whether something links the slices of a block in time (a battery's state of charge, deferred tokens), so that
    /// decomposition must solve whole chronological blocks.
    public let linksSlicesInTime: Bool
    /// The index in ``blocks`` of each slice's block.
    let blockOfSlice: [Int]
    /// Figures every row and column of a site and year reads, worked out once (each is a `pow` or a sum over designs).
    let perYear: PerYear

    /// One candidate site and the designs it can host.
    public struct Site: Sendable {
        public let region: Region
        public let designs: [SiteDesign]
        public let renewables: [RenewableResource]
        /// Highest load in each slice, as a fraction of the annual peak (multiplies the background peak).
        public let loadFactor: [Double]
        /// Renewable capacity factor per kind and slice.
        public let capacityFactor: [[Double]]
        /// Peak of the background load (everything but the clusters the LP runs) by year index, MW
        /// (`Region.backgroundPeakLoadMW(in:designs:mix:)`).
        public let backgroundPeakLoadMW: [Double]
        /// Grid MW the existing clusters draw when busy, by year index (``Region/existingBusyDrawMW(in:designs:mix:)``).
        public let existingBusyDrawMW: [Double]
        public var pue: Double { region.dataCentre.pue.value }
    }

    /// A design at a site, with its per-year performance for the plan's model mix.
    public struct SiteDesign: Sendable {
        public let design: ClusterDesign
        /// Capex per MW of IT with the site's multiplier, $.
        public let capexUSDPerMW: Double
        /// Full-power tokens/s per MW of IT, by year index (what power is charged against).
        public let tokensPerSPerMW: [Double]
        /// Sustainable tokens/s per MW of IT, by year index (what capacity is sized against; see
        /// ``ClusterDesign/sustainableFraction(for:)``).
        public let sustainedTokensPerSPerMW: [Double]
        /// IT MW already installed, by year index (after retirements).
        public let existingMW: [Double]
        public var lifetimeYears: Int { design.lifetimeYears.wholeYears }
    }

    /// A demand zone and where it may be served from.
    public struct Zone: Sendable {
        public let zone: DemandZone
        public let siteIndices: [Int]
        /// Demand per year index and slice, tokens/s.
        public let demandTokensPerS: [[Double]]
    }

    public init(scenario: Scenario, demand: DemandProjection) {
        self.scenario = scenario
        self.demand = demand
        let plan = scenario.plan
        years = plan.years
        slices = plan.timeSlices
        weightHours = slices.map(\.weightHours)
        hoursPerDay = slices.map(\.hoursPerDay)
        linksSlicesInTime = scenario.regions.contains { $0.edge.battery != nil } || plan.zones.contains { $0.deferrable != nil }
        blocks = slices.count <= Self.singleSliceBlockLimit && !linksSlicesInTime ? slices.indices.map { [$0] } : slices.blocks
        var blockOfSlice = [Int](repeating: 0, count: slices.count)
        for (b, members) in blocks.enumerated() { for t in members { blockOfSlice[t] = b } }
        self.blockOfSlice = blockOfSlice
        let mix = plan.modelMix
        let years = self.years, slices = self.slices
        // Lookups by id built once: plans may list thousands of designs, zones and existing clusters.
        let designsByID = scenario.designsByID
        sites = scenario.regions.map { region in
            let designs = region.clusterDesigns.compactMap { hosted -> SiteDesign? in
                guard let design = designsByID[hosted.design] else { return nil }
                let existing = years.map { region.existingITMW(of: design, in: $0) }
                return SiteDesign(design: design, capexUSDPerMW: design.capexUSDPerMW * hosted.capexMultiplier.value,
                                  tokensPerSPerMW: years.map { design.tokensPerSPerMW(mix: mix, year: $0) },
                                  sustainedTokensPerSPerMW: years.map { design.sustainedTokensPerSPerMW(mix: mix, year: $0) }, existingMW: existing)
            }
            // Headroom is set by the highest load inside a slice, energy by the mean over its hours.
            let load = region.loadFactorSeries
            let loadFactor = slices.map { $0.maximum(of: load) }
            let capacityFactor = region.renewables.map { resource -> [Double] in
                let series = region.capacityFactorSeries(resource)
                return slices.map { $0.mean(of: series) }
            }
            return Site(region: region, designs: designs, renewables: region.renewables, loadFactor: loadFactor, capacityFactor: capacityFactor,
                        backgroundPeakLoadMW: region.backgroundPeakLoadMW(in: years, designs: designsByID, mix: mix),
                        existingBusyDrawMW: years.map { region.existingBusyDrawMW(in: $0, designs: designsByID, mix: mix) })
        }
        let regionIndex = Dictionary(uniqueKeysWithValues: scenario.regions.enumerated().map { ($1.id, $0) })
        let projections = Dictionary(demand.zones.map { ($0.zoneID, $0) }, uniquingKeysWith: { first, _ in first })
        zones = plan.zones.map { zone in
            let indices = scenario.sites(serving: zone).compactMap { regionIndex[$0.id] }
            let projection = projections[zone.id]!
            return Zone(zone: zone, siteIndices: indices, demandTokensPerS: projection.years.map(\.sliceTokensPerS))
        }
        perYear = PerYear(plan: plan, sites: sites)
    }

    // MARK: Economics

    /// Discount factor of year index `y`: 1 ÷ (1 + r)^y, costs counted at the first planning year.
    public func discountFactor(_ y: Int) -> Double { perYear.discountFactor[y] }

    /// Capital recovery factor: the annuity per dollar of capex over `lifetime` years at the plan's rate.
    public func capitalRecoveryFactor(lifetime: Double) -> Double {
        let r = scenario.plan.discountRate
        guard r > 0 else { return 1 / lifetime }
        return r / (1 - pow(1 + r, -lifetime))
    }

    /// Carbon price in year index `y`, $/tCO2.
    public func carbonPrice(_ y: Int) -> Double { perYear.carbonPrice[y] }

    /// Cost of one MWh from the grid at site `s` in year index `y`, including the carbon price, $/MWh.
    public func gridEnergyCost(site s: Int, year y: Int) -> Double { perYear.gridEnergyCost[s][y] }

    /// Grid headroom for the clusters' whole draw at site `s`, year index `y`, slice `t`, MW: firm capacity ÷ (1 + minimum
    /// reserve margin) − background peak load × load factor. The background peak is the published peak less the
    /// existing clusters' busy draw in the base year (`Region.backgroundPeakLoadMW(in:designs:mix:)`), since the LP
    /// counts their draw itself. May be negative when the grid is below its reserve floor without any clusters.
    public func headroomMW(site s: Int, year y: Int, slice t: Int) -> Double {
        perYear.reserveFloorMW[s][y] - sites[s].backgroundPeakLoadMW[y] * sites[s].loadFactor[t]
    }

    /// Grid MW the existing clusters at site `s` draw in year index `y` when busy.
    public func existingBusyDrawMW(site s: Int, year y: Int) -> Double { sites[s].existingBusyDrawMW[y] }

    /// Headroom left for new load once the existing clusters draw all they can: ``headroomMW(site:year:slice:)`` −
    /// ``existingBusyDrawMW(site:year:)``, MW. Negative when the region is below its reserve floor before any new load.
    public func newLoadHeadroomMW(site s: Int, year y: Int, slice t: Int) -> Double {
        headroomMW(site: s, year: y, slice: t) - existingBusyDrawMW(site: s, year: y)
    }

    /// Whether the region is at or below its reserve floor in the slice before any new load (its existing clusters
    /// drawing all they can): the headroom row's bound is then the existing clusters' connection, not the floor.
    public func isBelowReserveFloor(site s: Int, year y: Int, slice t: Int) -> Bool { newLoadHeadroomMW(site: s, year: y, slice: t) <= 0 }

    /// Headroom for new load at the slice where it is smallest, MW.
    public func tightestHeadroomMW(site s: Int, year y: Int) -> Double {
        (0 ..< slices.count).map { newLoadHeadroomMW(site: s, year: y, slice: $0) }.min() ?? 0
    }

    /// Power drawn at the meter by the idle part of the clusters already in service, MW.
    public func idleExistingMW(site s: Int, year y: Int) -> Double { perYear.idleExistingMW[s][y] }

    /// The most the site's clusters, existing and new, may draw from the grid together, MW: the headroom, but never less
    /// than the existing clusters' busy draw. Clusters already connected keep their connection when the grid grows
    /// tight (the reserve floor limits new connections), so existing load never makes the LP infeasible.
    public func gridAllowanceMW(site s: Int, year y: Int, slice t: Int) -> Double {
        max(headroomMW(site: s, year: y, slice: t), existingBusyDrawMW(site: s, year: y))
    }

    /// The headroom row's upper bound: ``gridAllowanceMW(site:year:slice:)`` less the existing idle draw (a constant
    /// moved out of the row), never below the row's lower bound −(existing idle draw), as the busy draw covers the idle one.
    func headroomRowUpperMW(site s: Int, year y: Int, slice t: Int) -> Double {
        gridAllowanceMW(site: s, year: y, slice: t) - idleExistingMW(site: s, year: y)
    }

    // MARK: Grid draw (one definition for the constraints, the objective, the results and the decomposition)

    /// Grid MW drawn per MW of IT installed of design `a` at site `s`, whether busy or not: PUE × idle fraction.
    public func idleGridMWPerITMW(site s: Int, design a: Int) -> Double {
        sites[s].idleGridMWPerITMW(design: a)
    }

    /// Grid MW drawn per Mtok/s produced by design `a` at site `s` in year index `y`, above idle:
    /// PUE × (1 − idle fraction) ÷ full-power Mtok/s per MW.
    public func runGridMWPerMTokPerS(site s: Int, design a: Int, year y: Int) -> Double {
        let siteDesign = sites[s].designs[a]
        return sites[s].pue * (1 - siteDesign.design.idlePowerFraction.value) / (siteDesign.tokensPerSPerMW[y] / 1e6)
    }

    /// Network cost of serving zone `z` from site `s`, $/M tokens: the pair's own figure, else the zone's fixed part
    /// plus its distance part × route km (``DemandZone/networkCostUSDPerMTok(to:)``).
    public func networkCostUSDPerMTok(zone z: Int, site s: Int) -> Double { zones[z].zone.networkCostUSDPerMTok(to: sites[s].region) }

    /// Index of the first year new builds may be in service at site `s`.
    public func earliestBuildYear(site s: Int) -> Int { Int(sites[s].region.dataCentre.earliestBuildYear.value.rounded()) }

    /// Seconds in slice `t` over a year.
    public func seconds(slice t: Int) -> Double { weightHours[t] * 3600 }
}
