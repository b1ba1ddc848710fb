extension PlacementModel {
    /// Sentences for the report's notes that say where the reserve floor binds, country by country, and which zone–site
    /// pairs the plan forbids and why.
    func planNotes(headroom: [PlacementResult.HeadroomValue]) -> [String] {
        headroomNotes(headroom) + forbiddenPairNotes()
    }

    /// Where headroom binds (its value is above 0), by country in the plan's site order; nothing when it binds nowhere.
    private func headroomNotes(_ headroom: [PlacementResult.HeadroomValue]) -> [String] {
        let binding = Dictionary(grouping: headroom.filter { $0.dualUSDPerMWYear > 0 }, by: \.site)
        guard !binding.isEmpty else { return [] }
        var countries: [String] = []
        for site in data.sites where !countries.contains(site.region.country) { countries.append(site.region.country) }
        return countries.map { country in
            let sites = data.sites.filter { $0.region.country == country }
            let bound = sites.compactMap { site -> String? in
                guard let values = binding[site.region.id] else { return nil }
                let top = values.map(\.dualUSDPerMWYear).max() ?? 0
                return "\(site.region.id) in \(Self.yearRanges(values.map(\.year))) (up to $\(NumberFormat.scaled(top)) per MW-yr of firm capacity)"
            }
            guard !bound.isEmpty else {
                return "\(country): the reserve floor binds at none of its \(sites.count) site(s) in any year; grid headroom does not limit new load there."
            }
            return "\(country): the reserve floor binds at \(bound.joined(separator: "; ")); new load there is held to the grid's headroom above the floor."
        }
    }

    /// One sentence per zone with forbidden pairs, grouped by the reason given.
    private func forbiddenPairNotes() -> [String] {
        data.zones.flatMap { zone -> [String] in
            let forbidden = zone.zone.pairs.filter(\.forbidden)
            var reasons: [String] = []
            for pair in forbidden where !reasons.contains(pair.reason ?? "") { reasons.append(pair.reason ?? "") }
            return reasons.map { reason in
                let sites = forbidden.filter { ($0.reason ?? "") == reason }.map(\.site)
                return "\(zone.zone.id) may not be served from \(sites.joined(separator: ", ")): \(reason)"
            }
        }
    }

    /// "2027–2030", or "2026, 2028–2030": consecutive years joined.
    static func yearRanges(_ years: [Int]) -> String {
        var parts: [String] = [], start: Int?, previous: Int?
        func close() {
            guard let first = start, let last = previous else { return }
            parts.append(first == last ? String(first) : "\(first)–\(last)")
        }
        for year in Set(years).sorted() {
            if let last = previous, year == last + 1 {
                previous = year
                continue
            }
            close()
            start = year
            previous = year
        }
        close()
        return parts.joined(separator: ", ")
    }
}
