import LinearProgramming

extension PlacementModel {
    /// (Constraints 4–5) Power balance and grid headroom, in one ranged row per site, year and slice.
    ///
    /// The site's grid draw is g = PUE_s × Σ_a (idle_a × (cap + existing) + (1 − idle_a) × run ÷ τ_{a,y}) − renew_use,
    /// substituted into the two conditions it must meet:
    ///
    ///   0 ≤ g ≤ H[s,y,t] = firm_{s,y} ÷ (1 + m_s) − peak_{s,y} × ℓ_{s,t}      ∀ s, y, t      (MW)
    ///
    /// The lower side says renewables cannot push power back to the grid; the upper side says new data-centre
    /// load may not take the region below its minimum reserve margin m. Its dual is the value of one more MW
    /// of firm capacity (÷ (1 + m), summed over the year's slices, undiscounted → $ per MW-year).
    /// A region already below its floor (H < 0) gets H = 0, and results flag it.
    ///
    /// g is ``gridDrawTerms(site:year:slice:)``: a battery's charging counts in it and its discharging and on-site
    /// generation come off it, so they use no headroom. A grid upgrade raises H by upgrade_cap ÷ (1 + m) (its column
    /// moves to the left-hand side with that coefficient, negated); the row then bounds only the upper side, and the
    /// lower side is a row of its own (``addNoExportConstraints()``), which the upgrade does not move.
    mutating func addHeadroomConstraints() {
        for s in data.sites.indices {
            headroomRow.append(perSlice(ConstraintID.placeholder) { model, y, t in
                var terms = model.gridDrawTerms(site: s, year: y, slice: t)
                var bounds = Bounds.between(-model.data.idleExistingMW(site: s, year: y), model.data.headroomRowUpperMW(site: s, year: y, slice: t))
                if let upgrade = model.upgradeHeadroomTerm(site: s, year: y) {
                    // The upgrade raises the upper side only; the lower side (no export) is its own row then.
                    terms.append(upgrade)
                    bounds = .atMost(bounds.upper)
                }
                return model.program.addConstraint(model.name("headroom", model.siteID(s), model.yearID(y), model.sliceID(t)), terms: terms, bounds: bounds)
            })
        }
    }

    /// (Constraint 6) Renewables: power used is at most what the site's renewables produce in the slice.
    ///
    ///   renew_use[s,y,t] − Σ_k CF[s,k,t] × renew_cap[s,k,y] ≤ Σ_k CF[s,k,t] × existing_k      ∀ s with renewables, y, t
    mutating func addRenewableSupplyConstraints() {
        for s in data.sites.indices {
            guard let use = renewableUse[s] else {
                renewableRow.append(nil)
                continue
            }
            let site = data.sites[s]
            renewableRow.append(perSlice(ConstraintID.placeholder) { model, y, t in
                var terms: [(VariableID, Double)] = [(use[y][t], 1)]
                var existing = 0.0
                for (k, resource) in site.renewables.enumerated() {
                    let factor = site.capacityFactor[k][t]
                    terms.append((model.renewableCapacity[s][k][y], -factor))
                    existing += factor * resource.existingMW.value
                }
                return model.program.addConstraint(model.name("renewables", model.siteID(s), model.yearID(y), model.sliceID(t)), terms: terms, bounds: .atMost(existing))
            })
        }
    }
}
