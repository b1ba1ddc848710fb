/// The grid-edge levers a site uses in a year — its connection, on-site generation, battery and grid upgrade — with the
/// numbers that explain the choice.
public struct GridEdgeSiteYear: Sendable, Codable, Hashable {
    public var site: String
    public var year: Int
    /// How the connection is sized: `per_slice` (only each slice's headroom), `firm`, or `flexible`.
    public var connection: String
    /// The curtailment share allowed (flexible connections), fraction.
    public var maxCurtailmentShare: Double?
    /// New load connected: PUE × new IT MW less on-site generation MW, MW at the meter.
    public var connectedMW: Double
    /// Headroom left for new load at the tightest slice, the upgrade bought included, MW: the most a firm connection carries.
    public var firmHeadroomMW: Double
    /// The most the connection could carry at its curtailment share with the upgrade bought, MW (flexible connections).
    public var connectableMW: Double?
    /// Hours per year the grid curtails the connection (slices where it exceeds the headroom), and the energy, MWh.
    public var curtailedHours: Double
    public var curtailedMWh: Double
    /// What one more MWh of curtailment allowance would save, $/MWh (the cap's dual; 0 when it does not bind).
    public var curtailmentCapValueUSDPerMWh: Double
    /// On-site generation installed (MW) and run (MWh), and its fuel and variable O&M, $.
    public var onsiteMW: Double
    public var onsiteMWh: Double
    public var onsiteFuelUSD: Double
    /// What a MWh costs from on-site generation (fuel, variable O&M, carbon) and from the grid (price and carbon), $/MWh.
    public var onsiteEnergyUSDPerMWh: Double?
    public var gridEnergyUSDPerMWh: Double
    /// Battery power (MW) and energy (MWh) installed, and the energy it gave back to the site, MWh.
    public var batteryMW: Double
    public var batteryMWh: Double
    public var batteryDischargeMWh: Double
    /// Firm capacity bought, MW, and what one MW costs a year, $/MW-year.
    public var upgradeMW: Double
    public var upgradeCostUSDPerMWYear: Double?
    /// What one more MW of firm capacity is worth here, $/MW-year (the headroom rows' duals).
    public var headroomValueUSDPerMWYear: Double
    /// The levers in use, e.g. `["flexible connection", "battery"]`.
    public var levers: [String]
    /// One sentence on why.
    public var why: String
}

/// Tokens of one zone in one year served later than asked.
public struct DeferralSummary: Sendable, Codable, Hashable {
    public var zone: String
    public var year: Int
    /// Tokens served in a later slice than asked for, and their share of the zone's demand.
    public var deferredTokens: Double
    public var deferredShare: Double
    /// Token-weighted mean wait of deferred tokens, hours.
    public var meanDelayHours: Double
    /// The largest moves, from slice to slice (by tokens, at most ``DeferralSummary/flowLimit``).
    public var flows: [Flow]

    public struct Flow: Sendable, Codable, Hashable {
        public var fromSlice: String
        public var toSlice: String
        public var tokens: Double
    }

    /// Most flows kept per zone and year.
    public static let flowLimit = 10
}
