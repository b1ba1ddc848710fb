import LinearProgramming

extension PlacementModel {
    /// (Grid edge 1) Connections: how much new load a site may connect, firm or flexible.
    ///
    /// The new connected load of site s in year y is what its new clusters draw at full power, less its on-site
    /// generation, MW at the meter:
    ///
    ///   C[s,y] = PUE_s × Σ_a cap[s,a,y] − onsite_cap[s,y]
    ///
    /// It meets the headroom left by other load and existing clusters (drawing all they can), h[s,y,t] = max(0, H[s,y,t] −
    /// busy draw of existing clusters) (``PlacementData/connectionHeadroomMW(site:year:slice:)``), raised by upgrades
    /// δ[s,y] = upgrade_cap ÷ (1 + m).
    /// With S the site's curtailment share (``PlacementData/maxCurtailmentShare(site:)``: its `flexible_connection`, 0
    /// under the plan's `connection_rule: firm`, none under `per_slice`, which adds nothing here):
    ///
    /// - S = 0, a firm connection (row `firm_connection`):   C[s,y] − δ[s,y] ≤ min_t h[s,y,t]
    /// - 0 < S < 1, a flexible connection: the energy the grid curtails, curtail[s,y,t] ≥ C − δ − h_t in each slice
    ///   (MW), is at most S of the energy at the full connection:
    ///
    ///     C[s,y] − δ[s,y] − curtail[s,y,t] ≤ h[s,y,t]                     ∀ t ∈ K[s,y]       (MW; rows `curtailment`)
    ///     Σ_{t ∈ K} w_t × curtail[s,y,t] − S × Σ_t w_t × C[s,y] ≤ 0                          (MWh; row `curtailment_cap`)
    ///     C[s,y] ≤ X[s,y]                                                                    (MW; row `connection_limit`)
    ///
    ///   X is the largest load connectable at S with the whole upgrade bought (``ConnectableLoad``): every feasible C is
    ///   below it, so only the slices K with h_t < X can ever be curtailed and the others need no column (on hourly
    ///   plans that keeps the master small). The limit row is implied by the others; it makes dropping them exact.
    ///
    /// In the slices themselves the reserve floor holds as always: the headroom rows keep the grid draw at or below
    /// the headroom, so in a curtailed slice the site serves fewer tokens or runs from its battery or on-site power.
    /// The cap's dual (≤ 0, M$ per MWh) is what one more MWh of curtailment allowance is worth.
    mutating func addConnectionConstraints() {
        edge.connectionRow = Array(repeating: Array(repeating: nil, count: yearCount), count: data.sites.count)
        edge.curtailmentCapRow = edge.connectionRow
        edge.curtailment = Array(repeating: Array(repeating: [], count: yearCount), count: data.sites.count)
        guard decidesCapacity else { return }
        for s in data.sites.indices {
            guard let share = data.maxCurtailmentShare(site: s), share < 1, !data.sites[s].designs.isEmpty else { continue }
            for y in 0 ..< yearCount {
                let load = connectedLoadTerms(site: s, year: y)
                let upgrade = upgradeHeadroomTerm(site: s, year: y).map { [$0] } ?? []
                let headroom = data.slices.indices.map { data.connectionHeadroomMW(site: s, year: y, slice: $0) }
                if share == 0 {
                    edge.connectionRow[s][y] = program.addConstraint(name("firm_connection", siteID(s), yearID(y)), terms: load + upgrade,
                                                                     bounds: .atMost(headroom.min() ?? 0))
                    continue
                }
                let limit = data.connectionLimitMW(site: s, year: y)
                edge.connectionRow[s][y] = program.addConstraint(name("connection_limit", siteID(s), yearID(y)), terms: load, bounds: .atMost(limit))
                var capTerms: [(VariableID, Double)] = []
                for t in data.slices.indices where headroom[t] < limit {
                    let column = program.addVariable(name("curtail", siteID(s), yearID(y), sliceID(t)))
                    let row = program.addConstraint(name("curtailment", siteID(s), yearID(y), sliceID(t)), terms: load + upgrade + [(column, -1)],
                                                    bounds: .atMost(headroom[t]))
                    edge.curtailment[s][y].append((t, column, row))
                    capTerms.append((column, data.weightHours[t]))
                }
                let fullEnergy = share * data.weightHours.reduce(0, +)
                capTerms += load.map { ($0.0, -fullEnergy * $0.1) }
                edge.curtailmentCapRow[s][y] = program.addConstraint(name("curtailment_cap", siteID(s), yearID(y)), terms: capTerms, bounds: .atMost(0))
            }
        }
    }

    /// C[s,y]: the new connected load's terms, PUE × each design's capacity less on-site generation capacity (MW).
    func connectedLoadTerms(site s: Int, year y: Int) -> [(VariableID, Double)] {
        var terms = data.sites[s].designs.indices.map { (capacity[s][$0][y], data.sites[s].pue) }
        if let onsite = edge.onsite[s] { terms.append((onsite.capacity[y], -1)) }
        return terms
    }
}
