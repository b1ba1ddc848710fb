import Foundation
import Testing
@testable import TokenGrid

/// plan.json carries no Swift internals: choices are written as in the plan file, every key is snake_case and named
/// in docs/plan.schema.json.
@Suite("plan.json") struct PlanJSONTests {
    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONKeys.encoder().encode(value), as: UTF8.self).replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
    }

    @Test func choicesAreWrittenAsInThePlanFile() throws {
        #expect(try Self.json(GrowthModel.cagr(ratePerYear: 1)) == #"{"model":"cagr","rate_per_year":1}"#)
        #expect(try Self.json(GrowthModel.anchors([YearMap.YearValue(year: 2025, value: 2)])) == #"{"model":"anchors","points":[{"value":2,"year":2025}]}"#)
        #expect(try Self.json(DemandZone.ServedBy.sites(["a"])) == #"{"sites":["a"]}"#)
        #expect(try Self.json(DemandZone.ServedBy.maxLatencyMS(50)) == #"{"max_latency_ms":50}"#)
        #expect(try Self.json(TimeRepresentation.preset(.seasons4x6)) == #"{"preset":"seasons4x6"}"#)
        #expect(try Self.json(TimeRepresentation.representativeDays(count: 12, seed: 7)) == #"{"representative_days":12,"seed":7}"#)
        #expect(try Self.json(GrowthCurve.exponential(a: 1, b: 2)) == #"{"a":1,"b":2,"kind":"exponential"}"#)
        var constant = YearMap([2000: 5])
        constant.isConstant = true
        #expect(try Self.json(constant) == "5")
        #expect(try Self.json(YearMap([2025: 0, 2030: 60])) == #"{"2025":0,"2030":60}"#)
    }

    @Test func choicesReadBack() throws {
        let decoder = JSONDecoder()
        let models: [GrowthModel] = [.cagr(ratePerYear: 0.5), .logistic(ceilingTokensPerYear: 1e18, midpointYear: 2029, ratePerYear: 1.5),
                                     .anchors([YearMap.YearValue(year: 2025, value: 1e15)]),
                                     .fit(.logistic, [TokenVolume(tokens: 1e12, per: .week, date: CalendarDate(year: 2026, month: 2, day: 15)!, source: nil)])]
        for model in models { #expect(try decoder.decode(GrowthModel.self, from: try JSONEncoder().encode(model)) == model) }
        for representation in [TimeRepresentation.preset(.hours), .representativeDays(count: 3, seed: 1)] {
            #expect(try decoder.decode(TimeRepresentation.self, from: try JSONEncoder().encode(representation)) == representation)
        }
        #expect(try decoder.decode(YearMap.self, from: Data(#"{"2030":60,"2025":0}"#.utf8)) == YearMap([2025: 0, 2030: 60]))
    }

    /// Every key of a shipped plan's plan.json is snake_case (or a year) and named in the schema: the global plan, and
    /// the grid-edge plan (on 6 representative days, to solve fast) for the grid-edge keys.
    @Test(arguments: [("global-token-race-2030", [String]()), ("us-grid-edge-2030", ["time_slices={representative_days: 6, seed: 1}"])])
    func everyKeyIsDocumented(plan name: String, sets: [String]) throws {
        let scenario = try PlanLoader.load(planAt: "\(PlacementShippedPlansTests.repository)/Plans/\(name).yaml", sets: sets)
        let data = PlacementData(scenario: scenario, demand: DemandProjection(scenario: scenario))
        let report = Report(scenario: scenario, demand: data.demand, result: try PlacementSolver.solve(data))
        let object = try JSONSerialization.jsonObject(with: try JSONReport.render(report))
        let schema = try String(contentsOfFile: "\(PlacementShippedPlansTests.repository)/docs/plan.schema.json", encoding: .utf8)
        var keys = Set<String>()
        func walk(_ value: Any) {
            if let members = value as? [String: Any] {
                for (key, member) in members { keys.insert(key); walk(member) }
            } else if let items = value as? [Any] {
                items.forEach(walk)
            }
        }
        walk(object)
        for key in keys where key.range(of: "^[0-9]{4}$", options: .regularExpression) == nil {
            #expect(key.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil, "key \(key)")
            #expect(schema.contains("\"\(key)\":"), "key \(key) is not in docs/plan.schema.json")
        }
        #expect(!keys.contains { $0.hasPrefix("_") } && !keys.contains("is_constant"))
        #expect(report.inputs.map(\.role).first == .plan && report.inputs.contains { $0.role == .hourly })
    }

    /// The digests are SHA-256 (FIPS 180-4 test vectors).
    @Test func sha256TestVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func inputPathsAreRelativeToThePlan() {
        #expect(InputFileRecord.relative("/r/Regions/ercot.yaml", to: "/r/Plans") == "../Regions/ercot.yaml")
        #expect(InputFileRecord.relative("/r/Plans/q.yaml", to: "/r/Plans") == "q.yaml")
        #expect(InputFileRecord.standardised("/r/Plans/../Regions/x.yaml") == "/r/Regions/x.yaml")
    }
}
