import Foundation
import LinearProgramming
import Testing
@testable import TokenGrid

/// A start point for the decomposition (the coarse start's capacity) that breaks an idle fit in one hour is moved off
/// it by as little as that takes, rather than dropped (``BendersMaster/feasiblePoint(near:data:)``).
@Suite("Benders master: the feasible point nearest a start point")
struct NearestFeasiblePointTests {
    /// The hourly test plan on 45 representative days (site `a` with solar and at least 130 MW of headroom in every
    /// hour, site `b`, one year), its design drawing half its power when idle (PUE 1).
    static func master() throws -> (BendersMaster, PlacementData) {
        var scenario = try HourlyDecompositionTests.plan("{representative_days: 45, seed: 5}").load()
        for d in scenario.designs.indices { scenario.designs[d].idlePowerFraction.value = 0.5 }
        let data = HourlyPlan.data(scenario)
        let subproblems = data.years.indices.flatMap { y in data.blocks.indices.map { (year: y, block: $0) } }
        return (BendersMaster(data: data, subproblems: subproblems), data)
    }

    /// `megawatts` of design 0 built at site `a` in the first year (and nothing else).
    static func point(_ master: BendersMaster, siteA megawatts: Double) -> [Double] {
        var point = [Double](repeating: 0, count: master.model.program.variableCount)
        point[master.model.capacity[0][0][0].index] = megawatts
        point[master.model.build[0][0][0].index] = megawatts
        return point
    }

    @Test func aPointThatMeetsEveryRowIsKeptAsItIs() throws {
        let (master, data) = try Self.master()
        let point = Self.point(master, siteA: 10)
        #expect(master.isFeasible(point) && master.brokenIdleFits(data, at: point).isEmpty)
        #expect(master.feasiblePoint(near: point, data: data) == point)
    }

    /// 400 MW of IT at `a` idles at 200 MW, above its headroom in its peak hours; the nearest point that fits keeps less at `a`
    /// — just as much as fits: 0.1 % more breaks the fit again — and leaves every other column as it was.
    @Test func aPointBreakingAnIdleFitMovesOnlyAsFarAsTheFitAsks() throws {
        let (master, data) = try Self.master()
        let point = Self.point(master, siteA: 400)
        #expect(!master.brokenIdleFits(data, at: point).isEmpty, "400 MW breaks an idle fit at a")
        let repaired = try #require(master.feasiblePoint(near: point, data: data))
        #expect(master.isFeasible(repaired) && master.brokenIdleFits(data, at: repaired).isEmpty)
        let capacity = master.model.capacity[0][0][0].index, build = master.model.build[0][0][0].index
        #expect(repaired[capacity] > 1 && repaired[capacity] < 400)
        #expect(abs(repaired[build] - repaired[capacity]) < 1e-6)
        #expect(!master.brokenIdleFits(data, at: Self.point(master, siteA: repaired[capacity] * 1.001)).isEmpty)
        let moved = repaired.indices.filter { abs(repaired[$0] - point[$0]) > 1e-9 }
        #expect(Set(moved).isSubset(of: [capacity, build]), "only a's IT capacity moves: \(moved)")
    }
}
