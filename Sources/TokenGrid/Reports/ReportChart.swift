/// The charts the HTML report draws (see `HTMLReport+Charts.swift`).
enum ReportChart {
    /// Demand by zone and year, on a linear and a log axis.
    case demand
    /// IT capacity installed by site and year, stacked.
    case capacity
    /// Cost per million tokens by site and component, last year.
    case costByComponent
    /// Reserve margin before and after the data-centre load at the peak, last year, with each site's floor.
    case reserveMargins
    /// Grid draw and renewable use against headroom on the largest sites' peak days and typical weeks, last year.
    case dispatch
}
