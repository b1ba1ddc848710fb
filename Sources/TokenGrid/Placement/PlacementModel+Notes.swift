extension PlacementModel {
    /// Sentences for the report's notes that say where the reserve floor limits new load, country by country, and which
    /// zone–site pairs the plan forbids and why.
    func planNotes(headroom: [PlacementResult.HeadroomValue], binding: [PlacementResult.BindingGroup]) -> [String] {
        headroomNotes(headroom, binding) + forbiddenPairNotes()
    }

    /// Where the reserve floor limits new load, by country in the plan's site order: sites whose headroom binds (its
    /// value is above 0), and sites already below their floor whose held rows bind (the LP would place load there).
    /// Nothing when it limits no site.
    private func headroomNotes(_ headroom: [PlacementResult.HeadroomValue], _ binding: [PlacementResult.BindingGroup]) -> [String] {
        let bound = Dictionary(grouping: headroom.filter { $0.dualUSDPerMWYear > 0 }, by: \.site)
        let below = Dictionary(grouping: binding.filter { $0.family == "below_reserve_floor" }, by: \.place)
        guard !bound.isEmpty || !below.isEmpty else { return [] }
        return data.scenario.countries.map { country in
            let sites = data.sites.filter { $0.region.country == country }
            let limited = sites.compactMap { site -> String? in
                let id = site.region.id
                var parts: [String] = []
                if let values = bound[id] {
                    let top = values.map(\.dualUSDPerMWYear).max() ?? 0
                    parts.append("binds in \(Self.yearRanges(values.map(\.year))), up to $\(NumberFormat.scaled(top)) per MW-yr of firm capacity")
                }
                if let groups = below[id] { parts.append("the grid is below it in \(Self.yearRanges(groups.map(\.year))), so no new load connects") }
                return parts.isEmpty ? nil : "\(id) (\(parts.joined(separator: "; ")))"
            }
            guard !limited.isEmpty else {
                return "\(country): the reserve floor limits new load at none of its \(sites.count) site(s) in any year."
            }
            return "\(country): the reserve floor limits new load at \(limited.joined(separator: ", "))."
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
