/// The outcomes a sensitivity report ranks the varied inputs by.
public enum SweepMetric: String, Sendable, CaseIterable {
    /// Total discounted cost without the penalty on unserved tokens, $.
    case discountedCost
    /// Share of demand left unserved over the horizon.
    case unservedShare
    /// Cost per million tokens over all sites in the last year, token-weighted, $.
    case costPerToken

    /// The metric's value in a scenario's row (nan when the row lacks it).
    public func value(_ row: SweepRow) -> Double {
        switch self {
        case .discountedCost: return row.discountedCostUSD
        case .unservedShare: return row.unservedShare
        case .costPerToken: return row.averageCostUSDPerMTok
        }
    }

    /// What it is, in words, e.g. "cost per million tokens in 2030 (token-weighted over all sites)".
    public func title(lastYear: Int) -> String {
        switch self {
        case .discountedCost: return "total discounted cost without the unserved penalty"
        case .unservedShare: return "unserved share of demand over the horizon"
        case .costPerToken: return "cost per million tokens in \(lastYear), token-weighted over all sites"
        }
    }

    /// A short name for headings and table columns.
    public var shortName: String {
        switch self {
        case .discountedCost: return "total cost"
        case .unservedShare: return "unserved share"
        case .costPerToken: return "cost per token"
        }
    }

    /// The unit a column title names.
    public var unit: String {
        switch self {
        case .discountedCost: return "$"
        case .unservedShare: return "% of demand"
        case .costPerToken: return "$/M tokens"
        }
    }

    /// A value as text in the metric's usual form ("$1.41 bn", "3.2%", "$0.1046").
    public func format(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        switch self {
        case .discountedCost: return NumberFormat.money(value)
        case .unservedShare: return NumberFormat.percent(value)
        case .costPerToken: return NumberFormat.usdPerMTok(value)
        }
    }
}
