import Foundation
import Testing

/// `tokengrid headroom` through the binary, on the shipped regions.
@Suite struct HeadroomCommandTests {
    @Test func reportsTheDukeSharesForAShippedRegion() throws {
        let run = try CLI.run(["headroom", "ercot", "--year", "2030"])
        #expect(run.status == 0, "\(run.stderr)")
        for label in ["0 % (firm)", "0.25 %", "0.50 %", "1.00 %", "5.00 %"] { #expect(run.stdout.contains(label)) }
        let json = try CLI.run(["headroom", "ercot", "--year", "2030", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        let connectable = rows.compactMap { $0["connectable_mw"] as? Double }
        #expect(connectable.count == 5 && zip(connectable, connectable.dropFirst()).allSatisfy { $0 <= $1 })
        #expect((object["hourly_headroom_mw"] as? [Double])?.count == 8760)
    }

    @Test func unknownRegionIsAnInputError() throws {
        let run = try CLI.run(["headroom", "atlantis"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no region 'atlantis'"))
    }
}
