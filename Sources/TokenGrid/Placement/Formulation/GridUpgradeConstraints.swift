import LinearProgramming

extension PlacementModel {
    /// (Grid edge 4) Grid upgrade: firm capacity the site's developer pays for (reinforcement, new firm supply).
    ///
    /// Column `upgrade_cap[s,y]` (MW in service, ≤ `max_mw`, nothing before `earliest_year`), with `upgrade_build` and
    /// year links as for compute; bought capacity stays for its lifetime (capex form) or the whole horizon (annual form).
    /// It raises the region's firm capacity, so every headroom row of the site gains upgrade ÷ (1 + m) MW
    /// (``addHeadroomConstraints()``), and so do the connection rows (``addConnectionConstraints()``).
    ///
    /// Objective: DF_y × annual cost ($/MW-year, or CRF(r, L) × capex) ÷ 1e6 per MW in service (M$). Buying it beats
    /// the other levers where the site's headroom value (the headroom rows' duals, $/MW-yr of firm capacity) exceeds
    /// this cost.
    mutating func addGridUpgradeVariables() {
        edge.upgrade = data.sites.indices.map { s -> CapacityStock? in
            guard let upgrade = data.edge(site: s).gridUpgrade else { return nil }
            let lifetime: Int
            switch upgrade.cost {
            case .annual: lifetime = yearCount + 1
            case .capex(_, let years): lifetime = years.wholeYears
            }
            let first = Int(upgrade.earliestYear.value.rounded()) - data.years[0]
            let perMW = data.upgradeCostUSDPerMWYear(site: s)
            return addStock("upgrade", siteID(s), lifetime: lifetime, bounds: .between(0, upgrade.maxMW.value), firstYearIndex: max(0, first), costPerUnit: discounted(perMW))
        }
    }

    /// The upgrade's term in a headroom or connection row of site `s`, year index `y`: −1 ÷ (1 + m) per MW bought
    /// (nil when the site cannot buy one).
    func upgradeHeadroomTerm(site s: Int, year y: Int) -> (VariableID, Double)? {
        edge.upgrade[s].map { ($0.capacity[y], -data.headroomPerUpgradeMW(site: s)) }
    }

    /// The lower side of the headroom row at sites that can buy an upgrade, stated apart so that the upgrade moves only
    /// the upper side: the grid draw stays at or above zero (renewables, batteries and on-site power do not export).
    ///
    ///   g[s,y,t] ≥ −idleExisting[s,y]                                      ∀ s with an upgrade, y, t      (MW; row `no_export`)
    mutating func addNoExportConstraints() {
        edge.noExportRow = data.sites.indices.map { s -> [[ConstraintID]]? in
            guard edge.upgrade[s] != nil else { return nil }
            return perSlice(ConstraintID.placeholder) { model, y, t in
                model.program.addConstraint(model.name("no_export", model.siteID(s), model.yearID(y), model.sliceID(t)),
                                            terms: model.gridDrawTerms(site: s, year: y, slice: t), bounds: .atLeast(-model.data.idleExistingMW(site: s, year: y)))
            }
        }
    }
}
