/// The charts the HTML report draws (see `HTMLReport+Charts.swift`).
enum ReportChart {
    /// Sites sized by IT capacity in the last year, demand zones and the flows of tokens between them, on a map.
    case map
    /// Demand by zone and year, on a linear and a log axis.
    case demand
    /// IT capacity installed by site and year, stacked.
    case capacity
    /// Cost per million tokens by site and component, last year.
    case costByComponent
    /// Cost per million tokens over all producing sites (token-weighted) by component and year.
    case costTrend
    /// The marginal cost per zone over the years.
    case marginalCostTrend
    /// Grid emissions by site and year, stacked.
    case emissionsTrend
    /// Reserve margin before and after the data-centre load at the peak, last year, with each site's floor.
    case reserveMargins
    /// Grid draw and renewable use against headroom on the largest sites' peak days and typical weeks, last year.
    case dispatch
    /// Connected new load against firm headroom and what a flexible connection could carry, by site, last year.
    case gridEdge
    /// The waterfall of the n-th comparison of the plan's cost attribution.
    case costAttribution(Int)
}
