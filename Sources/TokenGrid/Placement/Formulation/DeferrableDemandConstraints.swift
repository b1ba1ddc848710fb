import LinearProgramming

extension PlacementModel {
    /// (Grid edge 5) Deferrable tokens: a share F_z of the tokens a zone asks for in a slice may be served up to W_z
    /// hours later, within the same chronological block (day), by any site in the zone's served set.
    ///
    /// Column `defer[z,y,t',t]` (Mtok/s in slice t) carries deferrable tokens asked for in t' and served in t, for every t
    /// of the same block starting 0 … W_z hours after t' (t = t' included: served on time). With d_t the slice's hours
    /// within a day:
    ///
    ///   Σ_t d_t × defer[z,y,t',t] ≤ F_z × D[z,y,t'] × d_t'                  ∀ z, y, t'      (Mtok/s·h per day; row `deferrable`)
    ///
    /// and the demand row of slice t (``addDemandConstraints()``) serves the firm share plus what arrives from earlier:
    ///
    ///   Σ_{s ∈ S(z)} serve[z,s,y,t] − Σ_{t'} defer[z,y,t',t] ≤ (1 − F_z) × D[z,y,t]
    ///
    /// Summed over a block (every slice of a block stands for the same days) the tokens served never exceed those asked
    /// for, so the unserved-token penalty is unchanged; deferrable tokens never served are penalised like any other.
    /// Waiting costs DF_y × w_t × 3600 × c_wait × (hours waited) ÷ 1e6 per Mtok/s of `defer` (c_wait: the zone's
    /// `delay_cost_usd_per_mtok_hour`, $0.0001 by default: a tie-breaker, without which free moves would make the
    /// reported deferral arbitrary).
    /// The `deferrable` row's dual (≤ 0) is the value of one more deferrable token asked for in t'.
    mutating func addDeferralVariables() {
        edge.deferral = data.zones.map { zone -> [[[(target: Int, column: VariableID)]]]? in
            guard let deferrable = zone.zone.deferrable, deferrable.share > 0 else { return nil }
            return perSlice([]) { model, y, origin in
                let start = model.data.hourInBlock(slice: origin)
                let block = model.data.blocks[model.data.blockIndex(slice: origin)]
                return block.compactMap { target -> (target: Int, column: VariableID)? in
                    let wait = model.data.hourInBlock(slice: target) - start
                    guard wait >= 0, wait <= deferrable.maxDelayHours + 1e-9 else { return nil }
                    // Waiting costs a little per token-hour, so that tokens wait only when waiting saves something.
                    let cost = model.data.discountFactor(y) * model.data.seconds(slice: target) * deferrable.delayCostUSDPerMTokHour * wait / 1e6
                    let column = model.program.addVariable(model.name("defer", zone.zone.id, model.yearID(y), model.sliceID(origin), model.sliceID(target)),
                                                           objective: cost)
                    return (target, column)
                }
            }
        }
    }

    mutating func addDeferralConstraints() {
        edge.deferralRow = data.zones.indices.map { z -> [[ConstraintID]]? in
            guard let flows = edge.deferral[z], let share = data.zones[z].zone.deferrable?.share else { return nil }
            return perSlice(ConstraintID.placeholder) { model, y, origin in
                let terms = flows[y][origin].map { ($0.column, model.data.hoursPerDay[$0.target]) }
                let allowed = share * model.data.zones[z].demandTokensPerS[y][origin] / 1e6 * model.data.hoursPerDay[origin]
                return model.program.addConstraint(model.name("deferrable", model.data.zones[z].zone.id, model.yearID(y), model.sliceID(origin)),
                                                   terms: terms, bounds: .atMost(allowed))
            }
        }
    }

    /// The deferred tokens arriving in slice `t` of year index `y` for zone `z` (columns), from every origin whose
    /// window holds t; empty for a zone without deferral.
    func deferralArrivals(zone z: Int, year y: Int, slice t: Int) -> [VariableID] {
        guard let flows = edge.deferral[z] else { return [] }
        return data.blocks[data.blockIndex(slice: t)].flatMap { origin in flows[y][origin].filter { $0.target == t }.map(\.column) }
    }
}
