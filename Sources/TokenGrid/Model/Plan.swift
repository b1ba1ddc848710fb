import Foundation

/// A planning scenario as written in a plan file: horizon, economics, policies, sites, slices, model mix and demand zones.
public struct Plan: Sendable, Hashable, Codable {
    public var name: String
    public var description: String
    /// The plan file, as given.
    public var file: String
    /// First and last planning year, inclusive.
    public var firstYear: Int
    public var lastYear: Int
    /// Real discount rate, fraction per year; also sets capital recovery factors.
    public var discountRate: Double
    /// Value of a token not served, $ per million tokens.
    public var unservedPenaltyUSDPerMTok: Double
    /// Carbon price, $/tCO2, by year.
    public var carbonPriceUSDPerTonne: YearMap?
    /// Cap on grid emissions of all sites, tCO2 per year, in the years given.
    public var carbonCapTonnesPerYear: YearMap?
    /// Cap on overnight capex spent, $ per year, in the years given.
    public var budgetUSDPerYear: YearMap?
    /// Region (site) ids, in the order given.
    public var regionIDs: [String]
    /// How the year is cut into slices, as the plan says it.
    public var timeRepresentation: TimeRepresentation
    /// The slices themselves (for representative days, chosen from the regions' and zones' hourly series).
    public var timeSlices: [TimeSlice]
    public var modelMix: ModelMix
    public var zones: [DemandZone]
    /// Market API prices to compare the cost floor with.
    public var marketPrices: [MarketPrice]
    /// Overrides applied, as `path = value` text, in order.
    public var overridesApplied: [String]
    /// How grid connections are sized where a region gives no `flexible_connection`; nil is ``ConnectionRule/perSlice``.
    public var connectionRule: ConnectionRule? = nil
    /// Which gaps in cost per million tokens the report explains; nil asks for the defaults (``CostAttributionRequest``).
    public var costAttribution: CostAttributionRequest? = nil

    /// The planning years, in order.
    public var years: [Int] { Array(firstYear ... lastYear) }

    /// Discount factor of a calendar year: 1 ÷ (1 + r)^(year − first year), costs counted at the first planning year.
    public func discountFactor(year: Int) -> Double { 1 / pow(1 + discountRate, Double(year - firstYear)) }
}

/// A published API price for a model, $ per million tokens.
public struct MarketPrice: Sendable, Hashable, Codable {
    public var model: String
    public var inputUSDPerMTok: Double
    public var outputUSDPerMTok: Double
    public var source: String?

    /// Price of a blended million tokens at the given input share.
    public func blendedUSDPerMTok(inputShare: Double) -> Double {
        inputShare * inputUSDPerMTok + (1 - inputShare) * outputUSDPerMTok
    }
}

/// A plan with everything it refers to loaded and checked: the input to demand projection and placement.
public struct Scenario: Sendable, Codable {
    public var plan: Plan
    /// The sites, in the plan's order.
    public var regions: [Region]
    /// The cluster designs the sites can host.
    public var designs: [ClusterDesign]
    /// Warnings found while loading (errors stop loading).
    public var warnings: [Diagnostic]
    /// Every file read to load the plan (the plan, region files, the design catalogue, hourly CSV files), as opened,
    /// in the order first read; not encoded (`plan.json` records them with their digests, see ``Report/inputs``).
    public var inputFiles: [String] = []

    private enum CodingKeys: String, CodingKey { case plan, regions, designs, warnings }

    public init(plan: Plan, regions: [Region], designs: [ClusterDesign], warnings: [Diagnostic]) {
        self.plan = plan
        self.regions = regions
        self.designs = designs
        self.warnings = warnings
    }

    public func design(_ id: String) -> ClusterDesign? { designs.first { $0.id == id } }
    /// The sites' countries, each once, in the plan's region order.
    public var countries: [String] {
        var countries: [String] = []
        for region in regions where !countries.contains(region.country) { countries.append(region.country) }
        return countries
    }
    /// The designs by id (the first of a repeated id): build it once where many lookups follow.
    public var designsByID: [String: ClusterDesign] { ClusterDesign.byID(designs) }
    public func region(_ id: String) -> Region? { regions.first { $0.id == id } }

    /// Sites that may serve `zone`, in the plan's region order: those listed (or all), not forbidden, and within the
    /// zone's latency limit (each pair's own latency, else the great-circle estimate).
    public func sites(serving zone: DemandZone) -> [Region] {
        var candidates = regions
        switch zone.servedBy {
        case .sites(let ids), .sitesWithin(let ids, _):
            let listed = Set(ids)
            candidates = regions.filter { listed.contains($0.id) }
        case .maxLatencyMS: break
        }
        let forbidden = Set(zone.pairs.filter(\.forbidden).map(\.site))
        return candidates.filter { region in
            guard !forbidden.contains(region.id) else { return false }
            guard let limit = zone.servedBy.maxLatencyMS else { return true }
            return (zone.latencyMS(to: region) ?? .infinity) <= limit
        }
    }
}
