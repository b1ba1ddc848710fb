import Foundation

/// One input file a run read, as `plan.json` records it (`inputs`): enough for `tokengrid compare` to tell which
/// files two runs read differently, without paths or times that vary between machines.
public struct InputFileRecord: Sendable, Codable, Hashable {
    /// What the file is to the plan.
    public enum Role: String, Sendable, Codable, CaseIterable {
        case plan, region, designs, hourly
    }

    public var role: Role
    /// The path relative to the plan file's folder (the plan itself: its file name), with `/` separators.
    public var path: String
    /// Size, bytes.
    public var bytes: Int
    /// SHA-256 of the file's bytes, lower-case hex (as `sha256sum` prints it); empty when it could not be read again.
    public var sha256: String

    /// The files `scenario` was loaded from (``Scenario/inputFiles``), read again to take their digests.
    public static func records(of scenario: Scenario) -> [InputFileRecord] {
        let planFile = standardised(scenario.plan.file)
        let planFolder = (planFile as NSString).deletingLastPathComponent
        let regionFiles = Set(scenario.regions.map { standardised($0.file) })
        return scenario.inputFiles.map { file in
            let path = standardised(file)
            let role: Role = path == planFile ? .plan : regionFiles.contains(path) ? .region : path.hasSuffix(".csv") ? .hourly : .designs
            let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
            return InputFileRecord(role: role, path: relative(path, to: planFolder), bytes: bytes?.count ?? 0, sha256: bytes.map(SHA256.hex) ?? "")
        }
    }

    /// An absolute path with `.` and `..` resolved (lexically: links are left as they are).
    static func standardised(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// `path` relative to the folder `base` (both absolute and standardised).
    static func relative(_ path: String, to base: String) -> String {
        let target = path.split(separator: "/"), from = base.split(separator: "/")
        var common = 0
        while common < min(target.count, from.count) && target[common] == from[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + target[common...].map(String.init)).joined(separator: "/")
    }
}
