/// What one MW (or MWh) of each asset costs a year while installed, $: the one definition the objective and the
/// results both use, so that the cost breakdown sums to the objective.
extension PlacementData {
    /// Capital recovery of one MW of IT of design `a` at site `s`: CRF(r, L_a) × capex per MW (accelerators and facility,
    /// with the site's multiplier), $/MW-year.
    public func computeAnnuityUSDPerMW(site s: Int, design a: Int) -> Double {
        let siteDesign = sites[s].designs[a]
        return capitalRecoveryFactor(lifetime: siteDesign.design.lifetimeYears.value) * siteDesign.capexUSDPerMW
    }

    /// One MW of dedicated renewables of kind index `k` at site `s`: CRF(r, L_k) × capex + fixed O&M, $/MW-year.
    public func renewableCostUSDPerMWYear(site s: Int, kind k: Int) -> Double {
        let resource = sites[s].renewables[k]
        return capitalRecoveryFactor(lifetime: resource.lifetimeYears.value) * resource.capexUSDPerMW.value + resource.fixedOMUSDPerMWYear.value
    }

    /// One MW of on-site generation at site `s`: CRF(r, L) × capex + fixed O&M, $/MW-year (0 without it).
    public func onsiteFixedCostUSDPerMWYear(site s: Int) -> Double {
        guard let generation = edge(site: s).onsiteGeneration else { return 0 }
        return capitalRecoveryFactor(lifetime: generation.lifetimeYears.value) * generation.capexUSDPerMW.value + generation.fixedOMUSDPerMWYear.value
    }

    /// One MW of battery power at site `s`: CRF(r, L) × capex per MW + fixed O&M, $/MW-year (0 without a battery).
    public func batteryPowerCostUSDPerMWYear(site s: Int) -> Double {
        guard let battery = edge(site: s).battery else { return 0 }
        return capitalRecoveryFactor(lifetime: battery.lifetimeYears.value) * battery.capexUSDPerMW.value + battery.fixedOMUSDPerMWYear.value
    }

    /// One MWh of battery energy at site `s`: CRF(r, L) × capex per MWh, $/MWh-year (0 without a battery).
    public func batteryEnergyCostUSDPerMWhYear(site s: Int) -> Double {
        guard let battery = edge(site: s).battery else { return 0 }
        return capitalRecoveryFactor(lifetime: battery.lifetimeYears.value) * battery.capexUSDPerMWh.value
    }
}
