/// The levers a site has at the grid edge, beyond building compute and renewables: a flexible grid connection, on-site
/// firm generation, batteries and paid grid reinforcement. Each is optional; a site without any is modelled as before.
///
/// Read from the region file's top-level `flexible_connection`, `onsite_generation`, `battery` and `grid_upgrade`
/// sections (docs/input-format.md); the LP families are in `Placement/Formulation/` (docs/formulation.md, "Grid edge").
public struct GridEdge: Sendable, Hashable, Codable {
    public var flexibleConnection: FlexibleConnection?
    public var onsiteGeneration: OnsiteGeneration?
    public var battery: Battery?
    public var gridUpgrade: GridUpgrade?

    public init(flexibleConnection: FlexibleConnection? = nil, onsiteGeneration: OnsiteGeneration? = nil, battery: Battery? = nil,
                gridUpgrade: GridUpgrade? = nil) {
        self.flexibleConnection = flexibleConnection
        self.onsiteGeneration = onsiteGeneration
        self.battery = battery
        self.gridUpgrade = gridUpgrade
    }

    /// Whether the site uses none of the levers.
    public var isEmpty: Bool { flexibleConnection == nil && onsiteGeneration == nil && battery == nil && gridUpgrade == nil }
}

/// A grid connection larger than the firm headroom, in exchange for curtailment in the tightest hours (Norris et al.,
/// "Rethinking Load Growth", Duke University, 2025).
public struct FlexibleConnection: Sendable, Hashable, Codable {
    /// Most of the year's energy at the full connection (MW × 8,760 h) that the grid may curtail, fraction (0 … 1).
    public var maxCurtailmentShare: Figure

    public init(maxCurtailmentShare: Figure) { self.maxCurtailmentShare = maxCurtailmentShare }
}

/// Behind-the-meter firm generation (a gas turbine or engine): it serves the site's own load, uses no grid headroom,
/// and pays its fuel and carbon.
public struct OnsiteGeneration: Sendable, Hashable, Codable {
    /// What it is, for reports (e.g. `gas-turbine`, `gas-engine`).
    public var technology: String
    /// Overnight capex, $ per MW.
    public var capexUSDPerMW: Figure
    /// Fixed O&M, $ per MW-year.
    public var fixedOMUSDPerMWYear: Figure
    /// Variable O&M, $ per MWh generated.
    public var variableOMUSDPerMWh: Figure
    /// Fuel burnt per MWh generated, MMBtu/MWh.
    public var heatRateMMBtuPerMWh: Figure
    /// Fuel price in the plan's first year, $/MMBtu.
    public var fuelPriceUSDPerMMBtu: Figure
    /// Real fuel price change, fraction per year.
    public var fuelEscalationPerYear: Figure
    /// Emissions per MWh generated, tCO2/MWh.
    public var carbonTonnesPerMWh: Figure
    /// Most capacity that may be installed, MW.
    public var maxMW: Figure
    /// Years from the plan's first year before the first unit can run.
    public var leadTimeYears: Figure
    public var lifetimeYears: Figure

    public init(technology: String, capexUSDPerMW: Figure, fixedOMUSDPerMWYear: Figure, variableOMUSDPerMWh: Figure, heatRateMMBtuPerMWh: Figure,
                fuelPriceUSDPerMMBtu: Figure, fuelEscalationPerYear: Figure, carbonTonnesPerMWh: Figure, maxMW: Figure, leadTimeYears: Figure,
                lifetimeYears: Figure) {
        self.technology = technology
        self.capexUSDPerMW = capexUSDPerMW
        self.fixedOMUSDPerMWYear = fixedOMUSDPerMWYear
        self.variableOMUSDPerMWh = variableOMUSDPerMWh
        self.heatRateMMBtuPerMWh = heatRateMMBtuPerMWh
        self.fuelPriceUSDPerMMBtu = fuelPriceUSDPerMMBtu
        self.fuelEscalationPerYear = fuelEscalationPerYear
        self.carbonTonnesPerMWh = carbonTonnesPerMWh
        self.maxMW = maxMW
        self.leadTimeYears = leadTimeYears
        self.lifetimeYears = lifetimeYears
    }

    /// Fuel price `yearsFromStart` years after the plan's first year, $/MMBtu.
    public func fuelPriceUSDPerMMBtu(yearsFromStart: Int) -> Double {
        fuelPriceUSDPerMMBtu.value * pow1p(fuelEscalationPerYear.value, yearsFromStart)
    }
}

/// A battery at the site: power (MW) and energy (MWh) are built separately; it charges from the grid or the site's
/// renewables and discharges to the site's own load.
public struct Battery: Sendable, Hashable, Codable {
    public var capexUSDPerMW: Figure
    public var capexUSDPerMWh: Figure
    /// Fixed O&M, $ per MW of power per year.
    public var fixedOMUSDPerMWYear: Figure
    /// Energy out ÷ energy in over a cycle, fraction in (0, 1]; charging and discharging each lose its square root.
    public var roundTripEfficiency: Figure
    /// Energy ÷ power bounds of what is built, hours.
    public var minDurationHours: Figure
    public var maxDurationHours: Figure
    /// Most power that may be installed, MW.
    public var maxMW: Figure
    public var lifetimeYears: Figure

    public init(capexUSDPerMW: Figure, capexUSDPerMWh: Figure, fixedOMUSDPerMWYear: Figure, roundTripEfficiency: Figure, minDurationHours: Figure,
                maxDurationHours: Figure, maxMW: Figure, lifetimeYears: Figure) {
        self.capexUSDPerMW = capexUSDPerMW
        self.capexUSDPerMWh = capexUSDPerMWh
        self.fixedOMUSDPerMWYear = fixedOMUSDPerMWYear
        self.roundTripEfficiency = roundTripEfficiency
        self.minDurationHours = minDurationHours
        self.maxDurationHours = maxDurationHours
        self.maxMW = maxMW
        self.lifetimeYears = lifetimeYears
    }

    /// Efficiency of one direction (charging or discharging): √(round trip).
    public var oneWayEfficiency: Double { roundTripEfficiency.value.squareRoot() }
}

/// Firm capacity the site's developer can pay the grid for (reinforcement, new firm supply), which raises the region's
/// firm capacity and so its headroom by MW ÷ (1 + minimum reserve margin).
public struct GridUpgrade: Sendable, Hashable, Codable {
    /// Most firm capacity that may be bought, MW.
    public var maxMW: Figure
    /// What one MW costs: given per year, or as overnight capex over a lifetime (annualised at the plan's rate).
    public var cost: Cost
    /// First year the upgrade can be in service.
    public var earliestYear: Figure

    public enum Cost: Sendable, Hashable {
        /// $ per MW-year.
        case annual(Figure)
        /// $ per MW, recovered over `lifetimeYears`.
        case capex(Figure, lifetimeYears: Figure)
    }

    public init(maxMW: Figure, cost: Cost, earliestYear: Figure) {
        self.maxMW = maxMW
        self.cost = cost
        self.earliestYear = earliestYear
    }

    // Written as in a region file: `cost_usd_per_mw_year`, or `capex_usd_per_mw` with `lifetime_years`.
    private enum CodingKeys: String, CodingKey { case maxMW, costUSDPerMWYear, capexUSDPerMW, lifetimeYears, earliestYear }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        maxMW = try container.decode(Figure.self, forKey: .maxMW)
        earliestYear = try container.decode(Figure.self, forKey: .earliestYear)
        if let annual = try container.decodeIfPresent(Figure.self, forKey: .costUSDPerMWYear) {
            cost = .annual(annual)
        } else {
            cost = .capex(try container.decode(Figure.self, forKey: .capexUSDPerMW), lifetimeYears: try container.decode(Figure.self, forKey: .lifetimeYears))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(maxMW, forKey: .maxMW)
        try container.encode(earliestYear, forKey: .earliestYear)
        switch cost {
        case .annual(let figure): try container.encode(figure, forKey: .costUSDPerMWYear)
        case let .capex(capex, lifetime):
            try container.encode(capex, forKey: .capexUSDPerMW)
            try container.encode(lifetime, forKey: .lifetimeYears)
        }
    }
}

/// How a site's grid connection is sized when the region file gives no `flexible_connection`.
public enum ConnectionRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Only each slice's headroom limits the site's draw in that slice; the connection itself is not sized (what
    /// TokenGrid always did: in effect the grid may curtail the site without limit in its tight hours).
    case perSlice = "per_slice"
    /// The connected load (PUE × IT MW, less on-site generation) must fit under the headroom of the tightest slice
    /// of the year: a firm connection, never curtailed. Sites with `flexible_connection` may exceed it.
    case firm
}

/// Tokens of a zone that may be served later than asked (batch or agentic inference).
public struct DeferrableDemand: Sendable, Hashable, Codable {
    /// Share of each hour's tokens that may wait, fraction (0 … 1).
    public var share: Double
    /// Longest wait, hours; served within the same chronological day block.
    public var maxDelayHours: Double
    /// What an hour of waiting costs, $ per million tokens per hour: small by default, so that tokens wait only when
    /// waiting saves something (deferral is otherwise free, and free moves would make the reported deferral arbitrary).
    public var delayCostUSDPerMTokHour: Double

    /// The default cost of waiting, $ per million tokens per hour.
    public static let defaultDelayCostUSDPerMTokHour = 1e-4

    public init(share: Double, maxDelayHours: Double, delayCostUSDPerMTokHour: Double = DeferrableDemand.defaultDelayCostUSDPerMTokHour) {
        self.share = share
        self.maxDelayHours = maxDelayHours
        self.delayCostUSDPerMTokHour = delayCostUSDPerMTokHour
    }
}
