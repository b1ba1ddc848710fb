import LinearProgramming

/// An asset stock decided year by year — capacity in service and commissioned — linked across years by retirements.
/// In a block (capacity given) only the year's capacity column exists, fixed; builds and links are absent.
struct CapacityStock: Sendable {
    /// Capacity in service by year index (a placeholder in years outside a block's).
    var capacity: [VariableID]
    /// Commissioned in the year (empty in a block).
    var build: [VariableID]
    /// `<family>_link[…,y]`: cap[y] − cap[y−1] − build[y] + build[y − L] = 0 (empty in a block).
    var linkRow: [ConstraintID]
}

extension PlacementModel {
    /// Adds a stock's columns and year links for one site: `<family>_cap[id,y]` (in service, with `costPerUnit[y]` M$,
    /// discounted, as its objective coefficient and `bounds`) and `<family>_build[id,y]` (fixed at 0 before
    /// `firstYearIndex`), retired after `lifetime` years. In a block, only the year's capacity column, fixed (at 0 until
    /// the master's value is set), without cost.
    mutating func addStock(_ family: String, _ id: String, lifetime: Int, bounds: Bounds, firstYearIndex: Int = 0,
                           costPerUnit: [Double]) -> CapacityStock {
        guard decidesCapacity else {
            let capacity = (0 ..< yearCount).map { y in
                operationalYears.contains(y) ? program.addVariable(name("\(family)_cap", id, yearID(y)), bounds: .equal(to: 0)) : .placeholder
            }
            return CapacityStock(capacity: capacity, build: [], linkRow: [])
        }
        let capacity = (0 ..< yearCount).map { y in
            program.addVariable(name("\(family)_cap", id, yearID(y)), bounds: bounds, objective: costPerUnit[y])
        }
        let build = (0 ..< yearCount).map { y in
            program.addVariable(name("\(family)_build", id, yearID(y)), bounds: y < firstYearIndex ? .equal(to: 0) : .nonNegative)
        }
        let links = (0 ..< yearCount).map { y in
            var terms: [(VariableID, Double)] = [(capacity[y], 1), (build[y], -1)]
            if y > 0 { terms.append((capacity[y - 1], -1)) }
            if y - lifetime >= 0 { terms.append((build[y - lifetime], 1)) }
            return program.addConstraint(name("\(family)_link", id, yearID(y)), terms: terms, bounds: .equal(to: 0))
        }
        return CapacityStock(capacity: capacity, build: build, linkRow: links)
    }

    /// `perYear` dollars in each planning year, discounted and in M$: a stock's objective coefficients.
    func discounted(_ perYear: Double) -> [Double] { (0 ..< yearCount).map { data.discountFactor($0) * perYear / 1e6 } }
}
