import Foundation

/// The line-by-line part of ``HourlyCSVReader``: the header, then each row's stamp and value, with the checks that
/// need only the row and the one before it. Keeps at most `maximumRows` rows; later rows are only counted.
final class HourlyCSVParser {
    /// The clock the header names.
    enum Clock: String { case utc = "utc_time", local = "local_time" }

    /// One data row whose stamp could be read.
    struct Row {
        var line: Int
        var stamp: CSVTimeStamp
        /// The instant, seconds since 1970-01-01 00:00 UTC.
        var utcSeconds: Int
        /// Nil when the value was wrong (already reported).
        var value: Double?
    }

    static let maximumRows = 8784

    let kind: HourlySeriesKind
    let declaredOffsetHours: Double?
    let diagnostics: CappedDiagnostics

    private(set) var clock: Clock?
    /// Whether reading stopped at a header that is not one.
    private(set) var stopped = false
    private(set) var rows: [Row] = []
    /// Every non-blank line after the header, kept or not.
    private(set) var dataRowCount = 0
    /// Line of the first and last data rows.
    private(set) var firstDataLine: Int?
    private(set) var lastDataLine: Int?
    /// Year (in the file's own clock) of the first readable stamp, and the rows in another year.
    private(set) var firstYear: Int?
    private(set) var otherYearRows = 0
    private(set) var firstOtherYear: (line: Int, year: Int)?
    /// Whether some stamp was converted with the declared offset (a naive `local_time` stamp).
    private(set) var usedDeclaredOffset = false

    private var valueField = "value"
    private var declaredOffsetSeconds: Int?
    private var missingOffsetReported = false
    /// The latest instant seen so far and its line, for the one-hour spacing check.
    private var latest: (seconds: Int, line: Int)?
    /// Set when a row could not be placed in time: the next row is not compared with the one before.
    private var skipNextSpacingCheck = false

    init(kind: HourlySeriesKind, declaredOffsetHours: Double?, diagnostics: CappedDiagnostics) {
        self.kind = kind
        self.declaredOffsetHours = declaredOffsetHours
        self.diagnostics = diagnostics
        rows.reserveCapacity(Self.maximumRows)
    }

    /// Handles one line (`bytes` nil when it is longer than the limit).
    func consume(line: Int, bytes: UnsafeRawBufferPointer?, length: Int, maximumLineBytes: Int) {
        guard !stopped else { return }
        guard let bytes else {
            if clock == nil {
                diagnostics.error(line: line, "line is \(length) bytes long, too long for a header; expected utc_time,<name> or local_time,<name>")
                stopped = true
                return
            }
            noteDataRow(line)
            diagnostics.error(line: line, "line is \(length) bytes long; expected at most \(maximumLineBytes) (a time stamp, a comma and a value)")
            skipNextSpacingCheck = true
            return
        }
        var content = bytes
        if line == 1, content.count >= 3, content[0] == 0xEF, content[1] == 0xBB, content[2] == 0xBF {
            content = UnsafeRawBufferPointer(rebasing: content[3...])   // UTF-8 byte order mark
        }
        guard !Self.isBlank(content) else { return }
        guard clock != nil else {
            readHeader(content, line: line)
            return
        }
        noteDataRow(line)
        guard dataRowCount <= Self.maximumRows else { return }   // later rows are only counted
        readRow(content, line: line)
    }

    private func noteDataRow(_ line: Int) {
        dataRowCount += 1
        if firstDataLine == nil { firstDataLine = line }
        lastDataLine = line
    }

    // MARK: Header

    private func readHeader(_ bytes: UnsafeRawBufferPointer, line: Int) {
        let cells = Self.cells(of: bytes)
        let expected = "expected a header line utc_time,<name> or local_time,<name> (e.g. utc_time,demand_mw)"
        guard cells.count == 2 else {
            diagnostics.error(line: line, "header has \(cells.count) column\(cells.count == 1 ? "" : "s"); \(expected): two columns, no more")
            stopped = true
            return
        }
        let first = Self.trimmed(UnsafeRawBufferPointer(rebasing: bytes[cells[0]]))
        let second = Self.trimmed(UnsafeRawBufferPointer(rebasing: bytes[cells[1]]))
        let name = Self.asciiLowercased(first)
        guard let clock = name.flatMap(Clock.init(rawValue:)) else {
            diagnostics.error(line: line, column: 1, "first column of the header must be named utc_time or local_time; \(expected)")
            stopped = true
            return
        }
        guard !second.isEmpty else {
            diagnostics.error(line: line, "second column of the header has no name; \(expected)")
            stopped = true
            return
        }
        if let field = Self.identifier(second) { valueField = field }
        if clock == .local, let hours = declaredOffsetHours {
            guard hours.isFinite, abs(hours) <= 18 else {
                diagnostics.error(line: line, column: 1, field: clock.rawValue,
                                  "the declared UTC offset is \(hours.isFinite ? Self.number(hours) : "not finite") hours; expected −18 to +18")
                stopped = true
                return
            }
            declaredOffsetSeconds = Int((hours * 3600).rounded())
        }
        self.clock = clock
    }

    // MARK: Rows

    private func readRow(_ bytes: UnsafeRawBufferPointer, line: Int) {
        let cells = Self.cells(of: bytes)
        guard cells.count == 2 else {
            let hint = cells.count == 3 ? " (write values with a decimal point, without thousands separators)" : ""
            diagnostics.error(line: line, "row has \(cells.count) column\(cells.count == 1 ? "" : "s"); expected 2, a time stamp and a value\(hint)")
            skipNextSpacingCheck = true
            return
        }
        let stampCell = Self.trimmedRange(bytes, cells[0]), valueCell = Self.trimmedRange(bytes, cells[1])
        let stamp = readStamp(UnsafeRawBufferPointer(rebasing: bytes[stampCell]), line: line, column: stampCell.lowerBound + 1)
        if let stamp { checkSpacing(stamp.seconds, line: line, column: stampCell.lowerBound + 1) } else { skipNextSpacingCheck = true }
        let value = readValue(UnsafeRawBufferPointer(rebasing: bytes[valueCell]), line: line, column: valueCell.lowerBound + 1)
        if let stamp { rows.append(Row(line: line, stamp: stamp.stamp, utcSeconds: stamp.seconds, value: value)) }
    }

    private func readStamp(_ cell: UnsafeRawBufferPointer, line: Int, column: Int) -> (stamp: CSVTimeStamp, seconds: Int)? {
        let field = clock?.rawValue ?? ""
        guard let stamp = CSVTimeStamp(bytes: cell) else {
            diagnostics.error(line: line, column: column, field: field,
                              "time stamp is not a date and time; expected YYYY-MM-DDTHH:MM:SSZ, YYYY-MM-DDTHH:MM:SS±HH:MM or (local_time) YYYY-MM-DD HH:MM")
            return nil
        }
        var defaultOffset = 0
        if stamp.offsetSeconds == nil, clock == .local {
            guard let declared = declaredOffsetSeconds else {
                if !missingOffsetReported {
                    diagnostics.error(line: line, column: column, field: field,
                                      "local_time stamp without an offset, and no UTC offset was declared for this file; declare the offset or write it in each stamp (e.g. 2018-01-01T00:00:00-06:00)")
                    missingOffsetReported = true
                }
                return nil
            }
            defaultOffset = declared
            usedDeclaredOffset = true
        }
        guard stamp.isOnTheHour else {
            diagnostics.error(line: line, column: column, field: field,
                              "time stamp \(stamp.wallDescription) is not on the hour; expected minutes and seconds 00 (each row is the hour starting at its stamp)")
            return nil
        }
        if let year = firstYear {
            if stamp.year != year {
                otherYearRows += 1
                if firstOtherYear == nil { firstOtherYear = (line, stamp.year) }
            }
        } else {
            firstYear = stamp.year
        }
        return (stamp, stamp.utcSeconds(defaultOffsetSeconds: defaultOffset))
    }

    private func checkSpacing(_ seconds: Int, line: Int, column: Int) {
        defer {
            if let latest, latest.seconds >= seconds {} else { latest = (seconds, line) }
            skipNextSpacingCheck = false
        }
        guard let previous = latest, !skipNextSpacingCheck else {
            if skipNextSpacingCheck { latest = nil }
            return
        }
        let step = seconds - previous.seconds
        let field = clock?.rawValue ?? ""
        if step == 3600 { return }
        if step == 0 {
            diagnostics.error(line: line, column: column, field: field, "duplicate time stamp: the same hour as line \(previous.line)")
        } else if step < 0 {
            diagnostics.error(line: line, column: column, field: field,
                              "time stamp out of order: \(Self.hours(-step)) before the stamp on line \(previous.line); stamps must increase by one hour")
        } else if step % 3600 == 0 {
            let missing = step / 3600 - 1
            diagnostics.error(line: line, column: column, field: field,
                              "gap in the time stamps: \(missing) hour\(missing == 1 ? "" : "s") missing after line \(previous.line); stamps must be one hour apart")
        } else {
            diagnostics.error(line: line, column: column, field: field,
                              "time stamp is \(Self.hours(step)) after the stamp on line \(previous.line); expected exactly one hour (do the stamps' UTC offsets differ?)")
        }
    }

    private func readValue(_ cell: UnsafeRawBufferPointer, line: Int, column: Int) -> Double? {
        let expected = "expected a \(kind.noun) from \(kind.rangeDescription)"
        let problem: String
        switch CSVNumber.parse(cell) {
        case .value(let value):
            if value < 0 {
                problem = "value \(Self.number(value)) is negative"
            } else if value > kind.maximumValue {
                problem = "value \(Self.number(value)) is above \(Self.number(kind.maximumValue))"
            } else {
                return value
            }
        case .empty: problem = "value is empty"
        case .notFinite: problem = "value is NaN or infinite"
        case .overflow: problem = "value is too large to be a number"
        case .notANumber: problem = "value is not a number"
        }
        diagnostics.error(line: line, column: column, field: valueField, "\(problem); \(expected)")
        return nil
    }

    // MARK: Bytes

    private static func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    private static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool { bytes.allSatisfy(isSpace) }

    /// Ranges of the comma-separated cells.
    private static func cells(of bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        while start <= bytes.count, result.count <= 16 {   // a row of many cells is wrong anyway
            guard start < bytes.count, let comma = memchr(bytes.baseAddress! + start, Int32(UInt8(ascii: ",")), bytes.count - start) else { break }
            let index = start + (UnsafeRawPointer(comma) - (bytes.baseAddress! + start))
            result.append(start ..< index)
            start = index + 1
        }
        result.append(start ..< bytes.count)
        return result
    }

    /// `range` without surrounding blanks and one pair of double quotes.
    private static func trimmedRange(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        func trimBlanks() {
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        }
        trimBlanks()
        if upper - lower >= 2, bytes[lower] == UInt8(ascii: "\""), bytes[upper - 1] == UInt8(ascii: "\"") {
            lower += 1
            upper -= 1
            trimBlanks()
        }
        return lower ..< upper
    }

    private static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[trimmedRange(bytes, 0 ..< bytes.count)])
    }

    /// Lower-cased text of short ASCII bytes, nil otherwise.
    private static func asciiLowercased(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard bytes.count <= 32, bytes.allSatisfy({ $0 < 128 }) else { return nil }
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }

    /// The bytes as text when they form a plain identifier (letters, digits, `_`, at most 40): safe to show as a field.
    private static func identifier(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard (1 ... 40).contains(bytes.count), bytes.allSatisfy({ byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
        }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A parsed number for a message: whole numbers without a decimal point.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A duration in words: `3 hours`, `30 minutes`, `1 hour 30 minutes`, `20 seconds`.
    static func hours(_ seconds: Int) -> String {
        let hours = seconds / 3600, minutes = (seconds % 3600) / 60, rest = seconds % 60
        var parts: [String] = []
        if hours > 0 { parts.append("\(hours) hour\(hours == 1 ? "" : "s")") }
        if minutes > 0 { parts.append("\(minutes) minute\(minutes == 1 ? "" : "s")") }
        if rest > 0 || parts.isEmpty { parts.append("\(rest) second\(rest == 1 ? "" : "s")") }
        return parts.joined(separator: " ")
    }
}
