import LinearProgramming

extension PlacementModel {
    /// (Constraint 7a) Installed capacity follows builds and retirements, year to year:
    ///
    ///   cap[s,a,y] − cap[s,a,y−1] − build[s,a,y] + build[s,a,y−L_a] = 0      ∀ s, a, y
    ///
    /// (cap[s,a,−1] = 0; the retirement term appears only when y − L_a is a planning year.) Linking years
    /// this way keeps each row at ≤ 4 entries instead of summing all past builds in every row.
    mutating func addCapacityLinkConstraints() {
        guard decidesCapacity else { return }
        capacityLinkRow = data.sites.indices.map { s in
            data.sites[s].designs.indices.map { a in
                let lifetime = data.sites[s].designs[a].lifetimeYears
                return (0 ..< yearCount).map { y in
                    var terms: [(VariableID, Double)] = [(capacity[s][a][y], 1), (build[s][a][y], -1)]
                    if y > 0 { terms.append((capacity[s][a][y - 1], -1)) }
                    if y - lifetime >= 0 { terms.append((build[s][a][y - lifetime], 1)) }
                    return program.addConstraint(name("cap_link", siteID(s), designID(s, a), yearID(y)), terms: terms, bounds: .equal(to: 0))
                }
            }
        }
    }

    /// (Constraint 7b) The same link for dedicated renewables:
    ///
    ///   renew_cap[s,k,y] − renew_cap[s,k,y−1] − renew_build[s,k,y] + renew_build[s,k,y−L_k] = 0      ∀ s, k, y
    mutating func addRenewableLinkConstraints() {
        guard decidesCapacity else { return }
        renewableLinkRow = data.sites.indices.map { s in
            data.sites[s].renewables.indices.map { k in
                let lifetime = data.sites[s].renewables[k].lifetimeYears.wholeYears
                let kind = data.sites[s].renewables[k].kind.rawValue
                return (0 ..< yearCount).map { y in
                    var terms: [(VariableID, Double)] = [(renewableCapacity[s][k][y], 1), (renewableBuild[s][k][y], -1)]
                    if y > 0 { terms.append((renewableCapacity[s][k][y - 1], -1)) }
                    if y - lifetime >= 0 { terms.append((renewableBuild[s][k][y - lifetime], 1)) }
                    return program.addConstraint(name("renew_link", siteID(s), kind, yearID(y)), terms: terms, bounds: .equal(to: 0))
                }
            }
        }
    }
}
