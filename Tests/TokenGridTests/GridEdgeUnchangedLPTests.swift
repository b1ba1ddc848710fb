import LinearProgramming
import Testing
@testable import TokenGrid

/// Levers absent from a plan change nothing: the placement LP of a plan without flexible connections, on-site
/// generation, batteries, grid upgrades or deferrable demand is, bit for bit, the LP TokenGrid built before those levers
/// existed. The expected digests were taken from the code of main at 1cdb935 (before the grid-edge families), on this test's scenario.
@Suite("Grid edge: levers absent leave the LP as it was")
struct GridEdgeUnchangedLPTests {
    /// A generated plan touching every family that existed before: renewables, a carbon price, a carbon cap and a
    /// budget. (Existing clusters are left out: issue 12 changed, on purpose, how their draw meets the published peak.)
    static func scenario() -> Scenario {
        var scenario = SyntheticScenario.make(sites: 5, years: 2, slices: .seasons4x6, zones: 3, sitesPerZone: 3, seed: 7)
        scenario.plan.carbonCapTonnesPerYear = YearMap([2026: 2.0e6])
        scenario.plan.budgetUSDPerYear = YearMap([2025: 5.0e9])
        return scenario
    }

    static func data() -> PlacementData {
        let scenario = scenario()
        return PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
    }

    @Test("the full LP, the Benders master and a block are the LPs of before")
    func sameLP() {
        let data = Self.data()
        #expect(LPDigest.of(PlacementModel.build(data, scope: .full).program) == "1164x1348:e7a3aa83260c6fce")
        #expect(LPDigest.of(PlacementModel.build(data, scope: .capacity).program) == "84x52:898e384fb4515b32")
        #expect(LPDigest.of(PlacementModel.build(data, scope: .block(year: 1, block: 3)).program) == "40x28:f985b178acfbba50")
    }
}

/// A stable digest of everything in a linear program (FNV-1a over names, bounds, costs and the matrix, bit for bit;
/// a row's entries in column order).
enum LPDigest {
    static func of(_ program: LinearProgram) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ value: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) {
                hash ^= (value >> UInt64(shift)) & 0xff
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        func mix(_ text: String) { for byte in text.utf8 { mix(UInt64(byte)) } }
        func mix(_ bounds: Bounds) { mix(bounds.lower.bitPattern); mix(bounds.upper.bitPattern) }
        mix(UInt64(program.variableCount)); mix(UInt64(program.constraintCount))
        program.variableNames.forEach(mix); program.constraintNames.forEach(mix)
        program.variableBounds.forEach(mix); program.constraintBounds.forEach(mix)
        program.objectiveCoefficients.forEach { mix($0.bitPattern) }
        mix(program.objectiveConstant.bitPattern)
        // Each row's entries by column: the order terms are listed in within a row does not change the LP.
        program.rowStarts.forEach { mix(UInt64($0)) }
        for i in 0 ..< program.constraintCount {
            let entries = (program.rowStarts[i] ..< program.rowStarts[i + 1]).sorted { program.entryColumns[$0] < program.entryColumns[$1] }
            for k in entries {
                mix(UInt64(UInt32(bitPattern: program.entryColumns[k])))
                mix(program.entryValues[k].bitPattern)
            }
        }
        return "\(program.variableCount)x\(program.constraintCount):" + String(hash, radix: 16)
    }
}
