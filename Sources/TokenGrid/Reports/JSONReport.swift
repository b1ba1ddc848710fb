import Foundation

/// `plan.json`: the whole report as JSON, keys sorted so that output is byte-identical for the same input.
public enum JSONReport {
    public static func render(_ report: Report) throws -> Data {
        var data = try JSONKeys.encoder().encode(report)
        data.append(contentsOf: Array("\n".utf8))
        return data
    }
}
