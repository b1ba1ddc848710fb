import LinearProgramming

/// Where the grid-edge families put their columns and rows, indexed by site (nil where the site lacks the lever),
/// year and slice like the rest of ``PlacementModel``. Cells outside the model's scope hold placeholders.
struct GridEdgeHandles: Sendable {
    // On-site generation (OnsiteGenerationConstraints.swift).
    /// `onsite_cap`/`onsite_build` by year and their year links.
    var onsite: [CapacityStock?] = []
    /// `onsite_gen[s,y,t]`, MW generated.
    var onsiteGeneration: [[[VariableID]]?] = []
    /// `onsite_limit[s,y,t]`: generation ≤ capacity.
    var onsiteLimitRow: [[[ConstraintID]]?] = []

    // Batteries (BatteryConstraints.swift).
    var batteryPower: [CapacityStock?] = []
    var batteryEnergy: [CapacityStock?] = []
    /// `battery_duration[s,y]`: min duration × power ≤ energy ≤ max duration × power (one ranged row).
    var batteryDurationRow: [[ConstraintID]?] = []
    /// `charge[s,y,t]`, `discharge[s,y,t]` (MW) and `soc[s,y,t]` (MWh at the end of the slice's hours in its day).
    var charge: [[[VariableID]]?] = []
    var discharge: [[[VariableID]]?] = []
    var stateOfCharge: [[[VariableID]]?] = []
    var chargeRow: [[[ConstraintID]]?] = []
    var dischargeRow: [[[ConstraintID]]?] = []
    var stateRow: [[[ConstraintID]]?] = []
    var balanceRow: [[[ConstraintID]]?] = []

    // Grid upgrades (GridUpgradeConstraints.swift).
    /// `upgrade_cap[s,y]`: firm capacity bought and in service, MW (with `upgrade_build` and year links).
    var upgrade: [CapacityStock?] = []
    /// `no_export[s,y,t]`: the headroom row's lower side, apart at sites with an upgrade.
    var noExportRow: [[[ConstraintID]]?] = []

    // Connections (FlexibleConnectionConstraints.swift), [site][year]; empty lists where the site sizes no connection.
    /// `firm_connection[s,y]` (share 0), or `connection_limit[s,y]` (0 < share < 1).
    var connectionRow: [[ConstraintID?]] = []
    /// `curtailment_cap[s,y]`: curtailed energy ≤ share × energy at the full connection.
    var curtailmentCapRow: [[ConstraintID?]] = []
    /// The slices that may be curtailed, each with its `curtail[s,y,t]` column (MW) and `curtailment[s,y,t]` row.
    var curtailment: [[[(slice: Int, column: VariableID, row: ConstraintID)]]] = []

    // Deferrable tokens (DeferrableDemandConstraints.swift), [zone][year][origin slice].
    /// `defer[z,y,t',t]` (Mtok/s served in slice t of tokens asked for in t'), for every t of t''s window.
    var deferral: [[[[(target: Int, column: VariableID)]]]?] = []
    /// `deferrable[z,y,t']`: tokens of t' served over its window ≤ the deferrable share of t''s demand.
    var deferralRow: [[[ConstraintID]]?] = []
}
