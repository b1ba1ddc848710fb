/// Which gaps in cost per million tokens a plan's report explains (`cost_attribution` in a plan file). Absent, or a
/// list left out: the defaults of ``CostAttributionRequest/sitePairs`` and ``CostAttributionRequest/countryPairs``.
public struct CostAttributionRequest: Sendable, Hashable, Codable {
    /// The year compared; nil is the plan's last year.
    public var year: Int?
    /// Pairs of site ids, [from, to]; nil compares the cheapest producing site with the dearest, [] no sites.
    public var sitePairs: [[String]]?
    /// Pairs of ISO 3166 country codes, [from, to]; nil compares the cheapest country with each other one (when the
    /// producing sites lie in more than one country), [] no countries.
    public var countryPairs: [[String]]?

    public init(year: Int? = nil, sitePairs: [[String]]? = nil, countryPairs: [[String]]? = nil) {
        self.year = year
        self.sitePairs = sitePairs
        self.countryPairs = countryPairs
    }
}
