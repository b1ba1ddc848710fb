/// Why a token costs what it costs: the gaps in cost per million tokens between pairs of sites, and of countries, in
/// one year, each split among its ``CostDriver``s by Shapley values (docs/formulation.md, "Why a token costs what it
/// costs").
public struct CostAttribution: Sendable, Codable, Hashable {
    /// The year compared.
    public var year: Int
    public var comparisons: [CostComparison]
    /// Pairs the plan asks for that cannot be compared, and why (a side that produced no tokens in the year).
    public var skipped: [String]
}

/// The gap in cost per million tokens from one side to the other, split among the drivers.
public struct CostComparison: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        case site, country
    }

    public var kind: Kind
    public var from: Side
    public var to: Side
    /// c(to) − c(from), $ per million tokens: the gap in reported cost plus the gap in grid scarcity.
    public var gapUSDPerMTok: Double
    /// Each driver's Shapley value, $ per million tokens, in `CostDriver.allCases` order; they add up to the gap.
    public var contributions: [Contribution]

    /// One site, or a country's producing sites pooled.
    public struct Side: Sendable, Codable, Hashable {
        /// Site id, or ISO 3166 country code.
        public var name: String
        /// The sites pooled (the site itself for a site), plan order.
        public var sites: [String]
        public var tokens: Double
        public var itMWInstalled: Double
        /// Reported cost per million tokens (Σ cost ÷ Σ tokens over the sites), $.
        public var costUSDPerMTok: Double
        /// Grid-scarcity charge, $ per million tokens: headroom value × (1 + reserve floor) × peak grid draw ÷ tokens.
        /// Not in the reported cost; 0 where headroom does not bind.
        public var gridScarcityUSDPerMTok: Double
        public var drivers: CostDrivers
        /// Full-power tokens per MW-year of the designs producing there (token-weighted), Mtok per MW-yr: throughput
        /// ÷ this is the utilisation.
        public var designMTokPerMWYear: Double
        /// Designs that produced tokens, most tokens first.
        public var designs: [String]
    }

    public struct Contribution: Sendable, Codable, Hashable {
        public var driver: CostDriver
        public var usdPerMTok: Double
    }

    /// The contribution of `driver`, $ per million tokens.
    public func contribution(of driver: CostDriver) -> Double {
        contributions.first { $0.driver == driver }?.usdPerMTok ?? 0
    }
}
