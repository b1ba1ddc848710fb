import Foundation

extension PlacementData {
    /// Figures of each year (and site and year) that the LP's rows and columns and the results read many times over:
    /// worked out once per ``PlacementData`` instead of per row, column and slice (each involves `pow` or a sum).
    struct PerYear: Sendable {
        /// 1 ÷ (1 + r)^y by year index.
        let discountFactor: [Double]
        /// Carbon price by year index, $/tCO2.
        let carbonPrice: [Double]
        /// Grid energy cost incl. carbon by site and year index, $/MWh.
        let gridEnergyCost: [[Double]]
        /// Firm capacity ÷ (1 + minimum reserve margin) by site and year index, MW: the reserve floor's side of the headroom.
        let reserveFloorMW: [[Double]]
        /// Idle draw of the existing clusters by site and year index, MW.
        let idleExistingMW: [[Double]]

        init(plan: Plan, sites: [Site]) {
            let years = plan.years
            discountFactor = years.map { plan.discountFactor(year: $0) }
            let carbonPrice = years.map { plan.carbonPriceUSDPerTonne?.value(in: $0) ?? 0 }
            self.carbonPrice = carbonPrice
            gridEnergyCost = sites.map { site in
                let grid = site.region.grid
                return years.indices.map { y in grid.priceUSDPerMWh(in: years[y]) + carbonPrice[y] * grid.carbonTonnesPerMWh.value }
            }
            reserveFloorMW = sites.map { site in years.map { site.region.grid.reserveFloorMW(in: $0) } }
            idleExistingMW = sites.map { site in
                years.indices.map { y in
                    site.designs.indices.reduce(0) { $0 + site.idleGridMWPerITMW(design: $1) * site.designs[$1].existingMW[y] }
                }
            }
        }
    }
}

extension PlacementData.Site {
    /// Grid MW drawn per MW of IT installed of design `a`, whether busy or not: PUE × idle fraction.
    func idleGridMWPerITMW(design a: Int) -> Double { pue * designs[a].design.idlePowerFraction.value }
}
