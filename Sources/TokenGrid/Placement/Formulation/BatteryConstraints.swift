import LinearProgramming

extension PlacementModel {
    /// (Grid edge 3) Batteries at sites: power and energy built separately, state of charge chronological within each
    /// day block and cyclic per day.
    ///
    /// Columns, for sites with `battery`: `battery_power_cap[s,y]` (MW, ≤ `max_mw`) and `battery_energy_cap[s,y]` (MWh),
    /// each with builds and year links; per slice `charge[s,y,t]` and `discharge[s,y,t]` (MW at the battery's
    /// terminals) and `soc[s,y,t]` (MWh stored at the end of the slice's hours in one day of its block). With d_t the
    /// slice's hours within a day (``PlacementData/hoursPerDay``), η = √(round-trip efficiency) and p(t) the slice
    /// before t in its block (the block's last for its first: each day ends where it began),
    ///
    ///   d_min × battery_power_cap ≤ battery_energy_cap ≤ d_max × battery_power_cap          ∀ s, y           (rows `battery_min_duration`, `battery_max_duration`)
    ///   charge[s,y,t] ≤ battery_power_cap[s,y],   discharge[s,y,t] ≤ battery_power_cap[s,y]    ∀ s, y, t        (MW)
    ///   soc[s,y,t] ≤ battery_energy_cap[s,y]                                                 ∀ s, y, t        (MWh)
    ///   soc[s,y,t] − soc[s,y,p(t)] − d_t × (η × charge[s,y,t] − discharge[s,y,t] ÷ η) = 0     ∀ s, y, t        (MWh; row `battery_balance`)
    ///
    /// Charging adds to the site's grid draw and discharging lowers it (``gridDrawTerms(site:year:slice:)``), so the
    /// battery charges from the grid or from the site's renewables and discharges to its own load, never to the grid.
    /// Objective: DF_y × (CRF(r, L) × capex_MW + fixed O&M) ÷ 1e6 per MW and DF_y × CRF(r, L) × capex_MWh ÷ 1e6 per
    /// MWh in service; energy through it is paid as grid draw. The balance row's dual is the value of one more MWh
    /// stored at the end of the slice (M$ per MWh per day of the block).
    mutating func addBatteryVariables() {
        edge.batteryPower = data.sites.indices.map { s -> CapacityStock? in
            guard let battery = data.edge(site: s).battery else { return nil }
            let perMW = data.batteryPowerCostUSDPerMWYear(site: s)
            return addStock("battery_power", siteID(s), lifetime: battery.lifetimeYears.wholeYears, bounds: .between(0, battery.maxMW.value), costPerUnit: discounted(perMW))
        }
        edge.batteryEnergy = data.sites.indices.map { s -> CapacityStock? in
            guard let battery = data.edge(site: s).battery else { return nil }
            let perMWh = data.batteryEnergyCostUSDPerMWhYear(site: s)
            return addStock("battery_energy", siteID(s), lifetime: battery.lifetimeYears.wholeYears, bounds: .nonNegative, costPerUnit: discounted(perMWh))
        }
        func columns(_ family: String, sign: Double) -> [[[VariableID]]?] {
            data.sites.indices.map { s -> [[VariableID]]? in
                guard data.edge(site: s).battery != nil else { return nil }
                return perSlice(VariableID.placeholder) { model, y, t in
                    model.program.addVariable(model.name(family, model.siteID(s), model.yearID(y), model.sliceID(t)),
                                              objective: sign * model.data.gridDrawObjective(site: s, year: y, slice: t))
                }
            }
        }
        edge.charge = columns("charge", sign: 1)
        edge.discharge = columns("discharge", sign: -1)
        edge.stateOfCharge = columns("soc", sign: 0)
    }

    mutating func addBatteryConstraints() {
        edge.batteryDurationRow = data.sites.indices.map { s -> [ConstraintID]? in
            guard decidesCapacity, let battery = data.edge(site: s).battery, let power = edge.batteryPower[s], let energy = edge.batteryEnergy[s] else { return nil }
            return (0 ..< yearCount).flatMap { y in
                [program.addConstraint(name("battery_min_duration", siteID(s), yearID(y)),
                                       terms: [(energy.capacity[y], 1), (power.capacity[y], -battery.minDurationHours.value)], bounds: .atLeast(0)),
                 program.addConstraint(name("battery_max_duration", siteID(s), yearID(y)),
                                       terms: [(energy.capacity[y], 1), (power.capacity[y], -battery.maxDurationHours.value)], bounds: .atMost(0))]
            }
        }
        func limitRows(_ family: String, _ columns: [[[VariableID]]?], _ stocks: [CapacityStock?]) -> [[[ConstraintID]]?] {
            data.sites.indices.map { s -> [[ConstraintID]]? in
                guard let columns = columns[s], let stock = stocks[s] else { return nil }
                return perSlice(ConstraintID.placeholder) { model, y, t in
                    model.program.addConstraint(model.name(family, model.siteID(s), model.yearID(y), model.sliceID(t)),
                                                terms: [(columns[y][t], 1), (stock.capacity[y], -1)], bounds: .atMost(0))
                }
            }
        }
        edge.chargeRow = limitRows("charge_limit", edge.charge, edge.batteryPower)
        edge.dischargeRow = limitRows("discharge_limit", edge.discharge, edge.batteryPower)
        edge.stateRow = limitRows("soc_limit", edge.stateOfCharge, edge.batteryEnergy)
        edge.balanceRow = data.sites.indices.map { s -> [[ConstraintID]]? in
            guard let battery = data.edge(site: s).battery, let charge = edge.charge[s], let discharge = edge.discharge[s],
                  let state = edge.stateOfCharge[s] else { return nil }
            let efficiency = battery.oneWayEfficiency
            return perSlice(ConstraintID.placeholder) { model, y, t in
                let block = model.data.blocks[model.data.blockIndex(slice: t)]
                let position = block.firstIndex(of: t)!
                let previous = block[position == 0 ? block.count - 1 : position - 1]
                let hours = model.data.hoursPerDay[t]
                var terms: [(VariableID, Double)] = [(charge[y][t], -hours * efficiency), (discharge[y][t], hours / efficiency)]
                // A block of one slice is its own day: the state cancels out and charge and discharge balance.
                if previous != t { terms = [(state[y][t], 1), (state[y][previous], -1)] + terms }
                return model.program.addConstraint(model.name("battery_balance", model.siteID(s), model.yearID(y), model.sliceID(t)), terms: terms, bounds: .equal(to: 0))
            }
        }
    }
}
