import Foundation
import Testing

/// Runs the built `tokengrid` binary and captures what it prints.
struct CLI {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The debug binary that the README's test command builds before the tests, or `TOKENGRID_CLI` when set
    /// (a build in another scratch folder, e.g. `.build-dev/debug/tokengrid`).
    static func binary() throws -> String {
        let path = ProcessInfo.processInfo.environment["TOKENGRID_CLI"] ?? "\(repository)/.build/debug/tokengrid"
        try #require(FileManager.default.isExecutableFile(atPath: path), "build the CLI first: swift build --product tokengrid (the README's test command does)")
        return path
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: repository)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts the binary without waiting (its output is discarded).
    static func start(_ arguments: [String]) -> Result<Process, Error> {
        Result {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try binary())
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: repository)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
    }

    static func temporaryDirectory(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tokengrid-cli-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A CSV file as rows of cells keyed by the header (no quoted commas in the files checked here).
    static func csv(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    static func json(_ path: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }
}
