import Foundation
import Testing
@testable import TokenGrid

/// Shapley values and the cost function on cases small enough to work out by hand.
@Suite struct CostAttributionHandDerivedTests {
    /// Drivers with every cost zero except what a test sets: T = 1 Mtok per MW-yr, E = 1 MWh per MW-yr, PUE 1, all from
    /// the grid.
    static func drivers(throughput: Double = 1, itMWh: Double = 1, accelerator: Double = 0, price: Double = 0, pue: Double = 1,
                        carbon: Double = 0, scarcity: Double = 0, network: Double = 0) -> CostDrivers {
        CostDrivers(mtokPerMWYear: throughput, itMWhPerMWYear: itMWh, acceleratorUSDPerMWYear: accelerator, facilityUSDPerMWYear: 0,
                    fixedOMUSDPerMWYear: 0, powerPriceUSDPerMWh: price, pue: pue, carbonUSDPerMWh: carbon, gridScarcityUSDPerMWYear: scarcity,
                    gridShare: 1, ownSupplyUSDPerMWYear: 0, networkUSDPerMTok: network)
    }

    /// v = a × b from (a, b) = (1, 2) to (3, 5): v(∅) = 2, v({a}) = 6, v({b}) = 5, v(N) = 15.
    /// φ_a = ½ (6 − 2) + ½ (15 − 5) = 7, φ_b = ½ (5 − 2) + ½ (15 − 6) = 6; 7 + 6 = 15 − 2.
    @Test func twoPlayerProductByHand() {
        let a = (1.0, 3.0), b = (2.0, 5.0)
        let values = ShapleyValues.exact(players: 2) { coalition in
            (coalition & 1 == 0 ? a.0 : a.1) * (coalition & 2 == 0 ? b.0 : b.1)
        }
        #expect(values == [7, 6])
    }

    /// c = (K + E × p) ÷ T with T, K, p swapped from (1, 1, 1) to (2, 3, 2), E = 1: c(A) = 2, c(B) = 2.5.
    /// The eight coalitions: v(∅) 2, v(T) 1, v(K) 4, v(p) 3, v(TK) 2, v(Tp) 1.5, v(Kp) 5, v(TKp) 2.5; with weights ⅓, ⅙, ⅙, ⅓:
    /// φ_T = ⅓(1 − 2) + ⅙(2 − 4) + ⅙(1.5 − 3) + ⅓(2.5 − 5) = −7/4,
    /// φ_K = ⅓(4 − 2) + ⅙(2 − 1) + ⅙(5 − 3) + ⅓(2.5 − 1.5) = 3/2,
    /// φ_p = ⅓(3 − 2) + ⅙(1.5 − 1) + ⅙(5 − 4) + ⅓(2.5 − 2) = 3/4; −7/4 + 3/2 + 3/4 = ½ = 2.5 − 2.
    /// The other seven drivers are equal on both sides and get 0 (null players leave the others' values unchanged).
    @Test func threeDriversThroughTheCostFunction() {
        let a = Self.drivers(throughput: 1, accelerator: 1, price: 1), b = Self.drivers(throughput: 2, accelerator: 3, price: 2)
        #expect(a.costUSDPerMTok == 2 && b.costUSDPerMTok == 2.5)
        let shares = Dictionary(uniqueKeysWithValues: zip(CostDriver.allCases, a.attribution(to: b)))
        #expect(abs(shares[.throughput]! - -1.75) < 1e-12)
        #expect(abs(shares[.acceleratorPrice]! - 1.5) < 1e-12)
        #expect(abs(shares[.powerPrice]! - 0.75) < 1e-12)
        for driver in CostDriver.allCases where ![.throughput, .acceleratorPrice, .powerPrice].contains(driver) { #expect(shares[driver] == 0) }
    }

    /// A product PUE × (p + q) splits as ΔPUE × mean(p + q) and Δp × mean(PUE), Δq × mean(PUE): from (1, 50, 5) to
    /// (1.2, 40, 2) per MWh, 9.7, −11 and −3.3 (sum −4.6 = 50.4 − 55).
    @Test func energyTermSplitsByTheMeanOfTheOtherFactor() {
        let a = Self.drivers(price: 50, pue: 1, carbon: 5), b = Self.drivers(price: 40, pue: 1.2, carbon: 2)
        let shares = Dictionary(uniqueKeysWithValues: zip(CostDriver.allCases, a.attribution(to: b)))
        #expect(abs(shares[.pue]! - 9.7) < 1e-12)
        #expect(abs(shares[.powerPrice]! - -11) < 1e-12)
        #expect(abs(shares[.carbon]! - -3.3) < 1e-12)
    }

    /// The grid-scarcity charge PUE × R ÷ T is outside the reported cost: its gap goes to grid tightness whole, and the
    /// other nine share the reported gap. From (T 1, PUE 1, R 0, K 1) to (T 2, PUE 1.5, R 4, K 1): scarcity 0 → 1.5 × 4 ÷ 2
    /// = 3; reported cost 1 → 0.5, all of it throughput's (−0.5).
    @Test func gridTightnessTakesTheScarcityGapWhole() {
        let a = Self.drivers(throughput: 1, accelerator: 1), b = Self.drivers(throughput: 2, accelerator: 1, pue: 1.5, scarcity: 4)
        #expect(b.gridScarcityUSDPerMTok == 3 && b.reportedUSDPerMTok == 0.5 && b.costUSDPerMTok == 3.5)
        let shares = Dictionary(uniqueKeysWithValues: zip(CostDriver.allCases, a.attribution(to: b)))
        #expect(shares[.gridTightness] == 3)
        #expect(abs(shares[.throughput]! - -0.5) < 1e-12)
        #expect(shares[.pue] == 0)
        #expect(abs(shares.values.reduce(0, +) - (b.costUSDPerMTok - a.costUSDPerMTok)) < 1e-12)
    }

    /// Efficiency, symmetry and the null player on random games, against the definition (the mean over all orders).
    @Test func subsetsMatchTheMeanOverAllOrders() {
        var generator = SplitMix64(seed: 12)
        for players in 1 ... 5 {
            let worth = (0 ..< (1 << players)).map { _ in Double(generator.next() % 1000) / 10 }
            let shapley = ShapleyValues.exact(players: players) { worth[$0] }
            var byOrder = [Double](repeating: 0, count: players)
            let orders = Self.permutations(Array(0 ..< players))
            for order in orders {
                var coalition = 0
                for player in order {
                    byOrder[player] += (worth[coalition | (1 << player)] - worth[coalition]) / Double(orders.count)
                    coalition |= 1 << player
                }
            }
            for i in 0 ..< players { #expect(abs(shapley[i] - byOrder[i]) < 1e-9) }
            #expect(abs(shapley.reduce(0, +) - (worth[(1 << players) - 1] - worth[0])) < 1e-9)
        }
        // Two players who add the same everywhere get the same; one who adds nothing gets 0.
        let symmetric = ShapleyValues.exact(players: 3) { coalition in Double((coalition & 1) + (coalition >> 1 & 1)) * 2 }
        #expect(symmetric == [2, 2, 0])
    }

    static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { i in
            permutations(Array(items[..<i] + items[(i + 1)...])).map { [items[i]] + $0 }
        }
    }

    /// Pooling: the drivers of two sites' summed totals give back the token-weighted cost of the two.
    @Test func pooledTotalsReproduceTheTokenWeightedCost() {
        func site(tokens: Double, mw: Double, capex: Double, mwh: Double, pue: Double, grid: Double, price: Double) -> CostTotals {
            var totals = CostTotals()
            totals.itMW = mw
            totals.tokens = tokens
            totals.itMWh = mwh
            totals.facilityMWh = pue * mwh
            totals.gridMWh = grid
            totals.acceleratorUSD = capex
            totals.energyUSD = price * grid
            totals.networkUSD = 0.02 * tokens / 1e6
            totals.tokenWeightedPriceUSDPerMWh = price * tokens
            return totals
        }
        let one = site(tokens: 3e15, mw: 100, capex: 2e8, mwh: 876_000, pue: 1.2, grid: 1_000_000, price: 40)
        let two = site(tokens: 1e15, mw: 50, capex: 1.5e8, mwh: 438_000, pue: 1.5, grid: 300_000, price: 70)
        for totals in [one, two] { #expect(TestSupport.close(totals.drivers!.costUSDPerMTok, totals.reportedUSDPerMTok, relative: 1e-12)) }
        let pooled = (one + two).drivers!
        let weighted = (one.reportedUSDPerMTok * one.tokens + two.reportedUSDPerMTok * two.tokens) / (one.tokens + two.tokens)
        #expect(TestSupport.close(pooled.costUSDPerMTok, weighted, relative: 1e-12))
        #expect(TestSupport.close(pooled.powerPriceUSDPerMWh, (40 * 1_000_000 + 70 * 300_000) / 1_300_000.0, relative: 1e-12))
        // No grid energy: the price is the token-weighted price, which multiplies nothing.
        let offGrid = site(tokens: 1e15, mw: 10, capex: 1e7, mwh: 87_600, pue: 1.1, grid: 0, price: 30)
        #expect(offGrid.drivers!.powerPriceUSDPerMWh == 30 && offGrid.drivers!.gridShare == 0)
    }
}
