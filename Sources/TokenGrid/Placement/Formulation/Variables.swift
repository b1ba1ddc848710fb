import LinearProgramming

extension PlacementModel {
    /// `cap[s,a,y]` (MW of new IT installed) and `build[s,a,y]` (MW commissioned), with their costs.
    ///
    /// Objective: DF_y × (CRF(r, L_a) × capex_{s,a} + fixed O&M_a + Σ_t w_t × c^E_{s,y} × PUE_s × idle_a) ÷ 1e6 per MW of `cap`,
    /// where c^E is the grid energy cost incl. carbon ($/MWh): installed capacity pays its annuity, its O&M and its idle power.
    /// Builds before the site's earliest build year are fixed at 0 (grid-connection lead time).
    mutating func addCapacityVariables() {
        for (s, site) in data.sites.enumerated() {
            let earliest = data.earliestBuildYear(site: s)
            var capacityBySite: [[VariableID]] = [], buildBySite: [[VariableID]] = []
            for (a, siteDesign) in site.designs.enumerated() {
                let design = siteDesign.design
                let annuity = data.computeAnnuityUSDPerMW(site: s, design: a)
                var capacities: [VariableID] = [], builds: [VariableID] = []
                for y in 0 ..< yearCount {
                    guard decidesCapacity else {
                        // In a block, capacity is given: fixed columns of its own year only (set per iteration), costed in the master.
                        capacities.append(operationalYears.contains(y) ? program.addVariable(name("cap", siteID(s), designID(s, a), yearID(y)), bounds: .equal(to: 0)) : .placeholder)
                        builds.append(.placeholder)
                        continue
                    }
                    let idleEnergyCost = data.weightHours.reduce(0, +) * data.gridEnergyCost(site: s, year: y)
                        * data.idleGridMWPerITMW(site: s, design: a)
                    let cost = data.discountFactor(y) * (annuity + design.fixedOMUSDPerMWYear.value + idleEnergyCost) / 1e6
                    capacities.append(program.addVariable(name("cap", siteID(s), designID(s, a), yearID(y)), objective: cost))
                    // Existing capacity costs the same per MW; as a constant it keeps the objective equal to the full cost.
                    program.objectiveConstant += cost * siteDesign.existingMW[y]
                    let bounds: Bounds = data.years[y] < earliest ? .equal(to: 0) : .nonNegative
                    builds.append(program.addVariable(name("build", siteID(s), designID(s, a), yearID(y)), bounds: bounds))
                }
                capacityBySite.append(capacities)
                buildBySite.append(builds)
            }
            capacity.append(capacityBySite)
            build.append(buildBySite)
        }
    }

    /// `renew_cap[s,k,y]` and `renew_build[s,k,y]` (MW of dedicated renewables), with annuity and O&M:
    /// DF_y × (CRF(r, L_k) × capex_k + fixed O&M_k) ÷ 1e6 per MW installed. New capacity over the horizon is bounded by `max_build_mw`.
    mutating func addRenewableVariables() {
        for (s, site) in data.sites.enumerated() {
            var capacityBySite: [[VariableID]] = [], buildBySite: [[VariableID]] = []
            for (k, resource) in site.renewables.enumerated() {
                let perMW = data.renewableCostUSDPerMWYear(site: s, kind: k)
                let limit = Bounds.between(0, resource.maxBuildMW.value)
                var capacities: [VariableID] = [], builds: [VariableID] = []
                for y in 0 ..< yearCount {
                    let kind = resource.kind.rawValue
                    guard decidesCapacity else {
                        capacities.append(operationalYears.contains(y) ? program.addVariable(name("renew_cap", siteID(s), kind, yearID(y)), bounds: .equal(to: 0)) : .placeholder)
                        builds.append(.placeholder)
                        continue
                    }
                    capacities.append(program.addVariable(name("renew_cap", siteID(s), kind, yearID(y)), bounds: limit,
                                                          objective: data.discountFactor(y) * perMW / 1e6))
                    builds.append(program.addVariable(name("renew_build", siteID(s), kind, yearID(y)), bounds: limit))
                }
                capacityBySite.append(capacities)
                buildBySite.append(builds)
            }
            renewableCapacity.append(capacityBySite)
            renewableBuild.append(buildBySite)
        }
    }

    /// Per slice: `run[s,a,y,t]` (Mtok/s produced), `serve[z,s,y,t]` (Mtok/s routed) and `renew_use[s,y,t]` (MW).
    ///
    /// Grid power is substituted away (see ``addHeadroomConstraints()``), so its cost lands on these columns:
    /// - run: DF_y × w_t × c^E_{s,y} × PUE_s × (1 − idle_a) ÷ τ_{a,y} (τ = full-load Mtok/s per MW);
    /// - renew_use: −DF_y × w_t × c^E_{s,y} (each renewable MWh displaces a grid MWh);
    /// - serve: DF_y × w_t × 3600 × (network cost of the zone–site pair − unserved penalty) — unserved tokens are substituted away too.
    mutating func addOperationVariables() {
        let plan = data.scenario.plan
        for (s, site) in data.sites.enumerated() {
            var bySite: [[[VariableID]]] = []
            for a in site.designs.indices {
                let byYear = perSlice(VariableID.placeholder) { model, y, t in
                    let perMWhOfRun = model.data.discountFactor(y) * model.data.gridEnergyCost(site: s, year: y)
                        * model.data.runGridMWPerMTokPerS(site: s, design: a, year: y) / 1e6
                    return model.program.addVariable(model.name("run", model.siteID(s), model.designID(s, a), model.yearID(y), model.sliceID(t)),
                                                     objective: model.data.weightHours[t] * perMWhOfRun)
                }
                bySite.append(byYear)
            }
            run.append(bySite)
            if site.renewables.isEmpty {
                renewableUse.append(nil)
            } else {
                renewableUse.append(perSlice(VariableID.placeholder) { model, y, t in
                    model.program.addVariable(model.name("renew_use", model.siteID(s), model.yearID(y), model.sliceID(t)),
                                              objective: -model.data.discountFactor(y) * model.data.weightHours[t] * model.data.gridEnergyCost(site: s, year: y) / 1e6)
                })
            }
        }
        for (z, zone) in data.zones.enumerated() {
            serve.append(zone.siteIndices.map { s in
                let perMTok = data.networkCostUSDPerMTok(zone: z, site: s) - plan.unservedPenaltyUSDPerMTok
                return perSlice(VariableID.placeholder) { model, y, t in
                    model.program.addVariable(model.name("serve", zone.zone.id, model.siteID(s), model.yearID(y), model.sliceID(t)),
                                              objective: model.data.discountFactor(y) * model.data.seconds(slice: t) * perMTok / 1e6)
                }
            })
        }
    }
}
