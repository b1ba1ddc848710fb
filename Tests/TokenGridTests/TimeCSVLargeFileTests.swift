import Foundation
import Testing
@testable import TokenGrid

/// 50 MB files that are not a year of hourly values are rejected in seconds, with bounded memory and capped errors.
@Suite("Time: large CSV files", .serialized)
struct TimeCSVLargeFileTests {
    static let targetBytes = 50 << 20

    /// Writes `block` repeatedly (after `head`) until the file holds about `targetBytes`; returns its path.
    static func write(head: String, block: Data, name: String) throws -> String {
        let path = try TimeCSVFixtures.file(head, name: name)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        var written = head.utf8.count
        while written < targetBytes {
            try handle.write(contentsOf: block)
            written += block.count
        }
        try handle.close()
        return path
    }

    /// Resident memory of this process now and at its peak since the last reset, MB (Linux: /proc/self/status;
    /// elsewhere both are the peak from getrusage).
    static func residentMB() -> (now: Double, peak: Double) {
        #if os(Linux)
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Double {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
            return (Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024   // kB
        }
        return (field("VmRSS"), field("VmHWM"))
        #else
        var usage = rusage()
        getrusage(RUSAGE_SELF, &usage)
        let peak = Double(usage.ru_maxrss) / (1024 * 1024)
        return (peak, peak)
        #endif
    }

    /// Resets the peak resident memory (Linux: writing 5 to /proc/self/clear_refs), so the next peak is the reader's.
    static func resetPeak() {
        #if os(Linux)
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        #endif
    }

    /// Reads `path`, prints time and memory, returns the log.
    static func measure(_ label: String, _ path: String) -> (DiagnosticLog, TimeInterval) {
        resetPeak()
        let before = residentMB().now
        let log = DiagnosticLog()
        let start = Date()
        let series = HourlyCSVReader.read(path: path, reportedPath: "big.csv", kind: .loadMW, utcOffsetHours: nil, log: log)
        let seconds = Date().timeIntervalSince(start)
        let peak = residentMB().peak
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print("\(label): \(size >> 20) MB read in \(String(format: "%.2f", seconds)) s; resident memory \(String(format: "%.1f", before)) MB before, peak \(String(format: "%.1f", peak)) MB while reading; \(log.errors.count) errors shown; first: \(log.errors.first?.description ?? "-")")
        #expect(series == nil)
        try? FileManager.default.removeItem(atPath: path)
        return (log, seconds)
    }

    @Test func manyYearsOfValidRowsAreCountedNotKept() throws {
        let year = TimeCSVFixtures.rows().joined(separator: "\n") + "\n"
        let path = try Self.write(head: "utc_time,demand_mw\n", block: Data(year.utf8), name: "years.csv")
        let (log, seconds) = Self.measure("50 MB of repeated valid years", path)
        #expect(seconds < 20)
        #expect(log.errors.count <= HourlyCSVReader.maximumErrorsShown + 4)
        #expect(log.errors.contains { $0.message.contains("hourly rows; expected 8760") }, "\(log.errors)")
    }

    @Test func longLinesAreRejected() throws {
        let line = String(repeating: "7", count: 8000) + "\n"
        let path = try Self.write(head: "utc_time,demand_mw\n", block: Data(String(repeating: line, count: 64).utf8), name: "long.csv")
        let (log, seconds) = Self.measure("50 MB of 8 KB lines", path)
        #expect(seconds < 20)
        #expect(log.errors.count == HourlyCSVReader.maximumErrorsShown + 1)
        #expect(log.errors.first?.message.contains("8000 bytes long") == true)
    }

    @Test func oneHugeLineIsRejected() throws {
        let path = try Self.write(head: "", block: Data(repeating: UInt8(ascii: "x"), count: 1 << 20), name: "oneline.csv")
        let (log, seconds) = Self.measure("50 MB in one line", path)
        #expect(seconds < 20)
        #expect(log.errors.count == 1 && log.errors.first?.line == 1, "\(log.errors)")
    }

    @Test func rowsJustUnderTheLineLimitAreParsedQuickly() throws {
        // Each row is a valid stamp and a value padded to ~4 KB: the worst case the parser reads in full.
        let padding = String(repeating: " ", count: 4000)
        let rows = TimeCSVFixtures.rows().prefix(200).map { $0.replacingOccurrences(of: ",", with: "," + padding) }
        let path = try Self.write(head: "utc_time,demand_mw\n", block: Data((rows.joined(separator: "\n") + "\n").utf8), name: "padded.csv")
        let (log, seconds) = Self.measure("50 MB of 4 KB rows", path)
        #expect(seconds < 30)
        #expect(log.errors.count <= HourlyCSVReader.maximumErrorsShown + 4)
    }

    @Test func binaryDataIsRejected() throws {
        var random = SplitMix64(seed: 1)
        let block = Data((0 ..< (1 << 20)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        let path = try Self.write(head: "", block: block, name: "binary.csv")
        let (log, seconds) = Self.measure("50 MB of random bytes", path)
        #expect(seconds < 20)
        #expect(log.errors.count == 1 && log.errors.first?.line == 1, "\(log.errors)")
    }
}
