/// Reads a plan's `cost_attribution`: `{year, sites: [[from, to], …], countries: [[from, to], …]}`, every key optional.
enum CostAttributionReader {
    static let keys = ["year", "sites", "countries"]

    /// The request, or nil when the plan leaves the section out. Site ids must be among `regionIDs`; countries are
    /// checked against the regions' countries once those are read (``checkCountries(_:_:)``).
    static func read(_ field: YAMLField, years: ClosedRange<Int>, regionIDs: [String]) -> CostAttributionRequest? {
        guard field.isPresent, field.expectMapping(keys: keys) else { return nil }
        let year = field["year"].integer(required: false, in: years)
        let known = Set(regionIDs)
        let sites = field["sites"].isPresent ? pairs(field["sites"], kind: "site") { element, id in
            guard known.contains(id) else {
                element.error("unknown site \(TextQuote.quoted(id)); expected one of the plan's regions: \(TextQuote.list(regionIDs))")
                return false
            }
            return true
        } : nil
        let countries = field["countries"].isPresent ? pairs(field["countries"], kind: "country") { element, code in
            guard code.count == 2, code.unicodeScalars.allSatisfy({ ("A" ... "Z").contains($0) }) else {
                element.error("\(TextQuote.quoted(code)) is not an ISO 3166 alpha-2 code; expected two capital letters such as CN or US")
                return false
            }
            return true
        } : nil
        return CostAttributionRequest(year: year, sitePairs: sites, countryPairs: countries)
    }

    /// A list of [from, to] pairs of distinct names, each name passing `valid`.
    private static func pairs(_ field: YAMLField, kind: String, valid: (YAMLField, String) -> Bool) -> [[String]] {
        field.list().compactMap { pair -> [String]? in
            let elements = pair.list()
            guard pair.node?.sequence != nil else { return nil }
            guard elements.count == 2 else {
                pair.error("expected a pair [from, to] of two \(kind) names, found \(elements.count)")
                return nil
            }
            let names = elements.compactMap { element in element.string().flatMap { valid(element, $0) ? $0 : nil } }
            guard names.count == 2 else { return nil }
            if names[0] == names[1] {
                pair.error("compares \(TextQuote.quoted(names[0])) with itself; expected two different \(kind == "site" ? "sites" : "countries")")
                return nil
            }
            return names
        }
    }

    /// Each country a plan's `cost_attribution.countries` names has at least one of its regions.
    static func checkCountries(_ scenario: Scenario, planField: YAMLField) {
        // Only codes that read well: a malformed one has its own error already.
        guard let requested = scenario.plan.costAttribution?.countryPairs.map({ Set($0.joined()) }) else { return }
        let countries = scenario.countries
        for pair in planField["cost_attribution"]["countries"].list(required: false) {
            for element in pair.list(required: false) {
                guard let code = element.node?.scalar?.string, requested.contains(code), !countries.contains(code) else { continue }
                element.error("no region of the plan lies in \(TextQuote.quoted(code)); the plan's countries are \(TextQuote.list(countries))")
            }
        }
    }
}
