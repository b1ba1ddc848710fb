import Foundation

/// What `tokengrid compare` reads from one `plan.json`: the scenario as a JSON tree (to compare field by field), the
/// input files, and the results it compares, read by their documented keys (`docs/plan.schema.json`).
public struct PlanSnapshot: Sendable {
    /// Where it was read from, as given.
    public var source: String
    public var tool: String
    public var planName: String
    public var status: String
    public var firstYear: Int
    public var lastYear: Int
    /// Site and zone ids in plan order.
    public var siteIDs: [String]
    public var zoneIDs: [String]
    public var scenario: JSONValue
    public var inputs: [InputFileRecord]
    public var overrides: [String]
    public var objectiveUSD: Double
    public var unservedPenaltyUSD: Double
    public var metrics: JSONValue?
    /// Per site and year: IT MW in service, cost per million tokens (nil without tokens), tokens, emissions.
    public var sites: [String: [Int: Site]]
    /// Per zone and year.
    public var zones: [String: [Int: Zone]]
    /// Binding limits: family, place ("" plan-wide) and the years they bind in.
    public var binding: [BindingKey: [Int]]

    public struct Site: Sendable, Hashable {
        public var itMWInstalled: Double
        public var tokens: Double
        public var costUSDPerMTok: Double?
        public var emissionsTonnes: Double
    }

    public struct Zone: Sendable, Hashable {
        public var demandTokens: Double
        public var unservedTokens: Double
        public var marginalUSDPerMTok: Double
        public var unservedShare: Double { demandTokens > 0 ? unservedTokens / demandTokens : 0 }
    }

    public struct BindingKey: Sendable, Hashable, Comparable {
        public var family: String
        public var place: String
        public static func < (a: BindingKey, b: BindingKey) -> Bool { (a.family, a.place) < (b.family, b.place) }
    }

    /// Why a `plan.json` could not be read.
    public struct ReadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads `path`: a `plan.json` file, or a folder holding one.
    public static func read(_ path: String) throws -> PlanSnapshot {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw ReadError(description: "\(path): no such file or folder") }
        let file = isFolder.boolValue ? (path as NSString).appendingPathComponent("plan.json") : path
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ReadError(description: isFolder.boolValue
                ? "\(path) holds no plan.json; write one with `tokengrid plan … --format json` (it is in the default formats)"
                : "\(file): cannot read it")
        }
        let json: JSONValue
        do { json = try JSONDecoder().decode(JSONValue.self, from: data) } catch {
            throw ReadError(description: "\(file): not JSON (\(error.localizedDescription))")
        }
        return try PlanSnapshot(json, source: path)
    }

    /// The snapshot of a decoded `plan.json`.
    public init(_ json: JSONValue, source: String) throws {
        func require<T>(_ value: T?, _ key: String) throws -> T {
            guard let value else { throw ReadError(description: "\(source): not a TokenGrid plan.json (no \(key))") }
            return value
        }
        let plan = try require(json["scenario"]?["plan"], "scenario.plan")
        let result = try require(json["result"], "result")
        self.source = source
        tool = json["tool"]?.string ?? "tokengrid"
        planName = plan["name"]?.string ?? ""
        status = result["status"]?.string ?? ""
        firstYear = Int(try require(plan["first_year"]?.number, "scenario.plan.first_year"))
        lastYear = Int(try require(plan["last_year"]?.number, "scenario.plan.last_year"))
        siteIDs = plan["region_ids"]?.elements.compactMap(\.string) ?? []
        zoneIDs = plan["zones"]?.elements.compactMap { $0["id"]?.string } ?? []
        scenario = json["scenario"] ?? .null
        inputs = json["inputs"]?.elements.compactMap { item in
            guard let role = item["role"]?.string.flatMap(InputFileRecord.Role.init(rawValue:)), let path = item["path"]?.string else { return nil }
            return InputFileRecord(role: role, path: path, bytes: Int(item["bytes"]?.number ?? 0), sha256: item["sha256"]?.string ?? "")
        } ?? []
        overrides = plan["overrides_applied"]?.elements.compactMap(\.string) ?? []
        objectiveUSD = result["objective_usd"]?.number ?? .nan
        unservedPenaltyUSD = result["cost_breakdown_usd"]?["unserved_penalty"]?.number ?? 0
        metrics = result["metrics"]
        var sites: [String: [Int: Site]] = [:]
        for item in result["sites"]?.elements ?? [] {
            guard let id = item["site"]?.string, let year = item["year"]?.number else { continue }
            let tokens = item["tokens"]?.number ?? 0
            sites[id, default: [:]][Int(year)] = Site(itMWInstalled: item["it_mw_installed"]?.number ?? 0, tokens: tokens,
                                                      costUSDPerMTok: tokens > 0 ? item["cost_usd_per_mtok"]?.number : nil,
                                                      emissionsTonnes: item["emissions_tonnes"]?.number ?? 0)
        }
        self.sites = sites
        var zones: [String: [Int: Zone]] = [:]
        for item in result["zones"]?.elements ?? [] {
            guard let id = item["zone"]?.string, let year = item["year"]?.number else { continue }
            zones[id, default: [:]][Int(year)] = Zone(demandTokens: item["demand_tokens"]?.number ?? 0, unservedTokens: item["unserved_tokens"]?.number ?? 0,
                                                      marginalUSDPerMTok: item["marginal_usd_per_mtok"]?.number ?? .nan)
        }
        self.zones = zones
        var binding: [BindingKey: [Int]] = [:]
        for item in result["binding_constraints"]?.elements ?? [] {
            guard let family = item["family"]?.string, let year = item["year"]?.number else { continue }
            binding[BindingKey(family: family, place: item["place"]?.string ?? ""), default: []].append(Int(year))
        }
        self.binding = binding.mapValues { Array(Set($0)).sorted() }
    }

    /// A number in `metrics` by key path, e.g. `["levelised", "cost_usd_per_mtok"]`.
    public func metric(_ path: [String]) -> Double? {
        var value = metrics
        for key in path { value = value?[key] }
        return value?.number
    }

    /// The metrics of `year` (an element of `metrics.years`).
    public func yearMetric(_ year: Int, _ path: [String]) -> Double? {
        var value = metrics?["years"]?.elements.first { $0["year"]?.number == Double(year) }
        for key in path { value = value?[key] }
        return value?.number
    }

    /// Total IT MW in service in `year` over all sites.
    public func installedMW(in year: Int) -> Double { sites.values.reduce(0) { $0 + ($1[year]?.itMWInstalled ?? 0) } }

    /// Grid emissions over the horizon, tCO2.
    public var emissionsTonnes: Double { sites.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.emissionsTonnes } } }
}
