import Foundation

/// Reads a shape field that is either 12 × 24 local-time factors (`{monthly, hourly, source, year}`) or an hourly
/// file (`{csv: path, source, year}`, the path relative to the YAML file that names it).
enum ShapeReader {
    /// What a shape field holds.
    struct Shape {
        /// The 12 × 24 profile (flat when the field is absent or holds a file).
        var profile: Profile
        /// The file as written, and its series (UTC), when the field names one that reads cleanly.
        var file: String?
        var hourly: HourlySeries?
    }

    /// - Parameters:
    ///   - kind: what the file's values are (loads in MW, capacity factors, a demand shape).
    ///   - utcOffsetHours: the offset of the clock a `local_time` file is written in.
    static func read(_ field: YAMLField, kind: HourlySeriesKind, utcOffsetHours: Double?) -> Shape? {
        guard field.isPresent else { return Shape(profile: .flat) }
        guard field.node?.mapping?["csv"] != nil else {
            guard let profile = Profile(reading: field) else { return nil }
            return Shape(profile: profile)
        }
        guard field.expectMapping(keys: ["csv", "source", "year"]) else { return nil }
        _ = field["source"].string(required: false)
        _ = field["year"].integer(required: false, in: 1900 ... 2100)
        guard let written = field["csv"].string() else { return nil }
        guard !written.isEmpty, written.utf8.count <= 1024 else {
            field["csv"].error("expected a path to an hourly CSV file (utc_time,value), relative to this file")
            return nil
        }
        let directory = (field.file as NSString).deletingLastPathComponent
        let path = written.hasPrefix("/") ? written : ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(written)
        guard FileManager.default.fileExists(atPath: path) else {
            field["csv"].error("no file \(path); expected an hourly CSV file (utc_time,value) relative to \(field.file)")
            return nil
        }
        field.log.recordRead(path)
        // nil when the file has errors, every one of them reported at its line.
        guard let series = HourlyCSVReader.read(path: path, reportedPath: path, kind: kind, utcOffsetHours: utcOffsetHours, log: field.log) else { return nil }
        return Shape(profile: .flat, file: written, hourly: series)
    }
}
