import Testing
@testable import TokenGrid

/// plan.json keys keep units whole.
@Test(arguments: [
    ("gridMWh", "grid_mwh"), ("costUSDPerMTok", "cost_usd_per_mtok"), ("regionIDs", "region_ids"),
    ("fixedOMUSDPerMWYear", "fixed_om_usd_per_mw_year"), ("maxITMWPerYear", "max_it_mw_per_year"),
    ("peakTFLOPS", "peak_tflops"), ("itMWBuilt", "it_mw_built"), ("objectiveUSD", "objective_usd"),
    ("schemaVersion", "schema_version"), ("rSquaredLog", "r_squared_log"), ("pue", "pue"),
])
func jsonKeysKeepUnitsWhole(swift: String, json: String) {
    #expect(JSONKeys.snakeCase(swift) == json)
}
