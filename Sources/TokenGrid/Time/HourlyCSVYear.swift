/// The whole-file part of ``HourlyCSVReader``: checks that the rows make one calendar year, then turns them into the
/// typical UTC year.
///
/// - The year is the year of the first stamp in the file's own clock; every stamp must be in it, the first at
///   1 January 00:00, and there must be 8,760 rows (8,784 in a leap year, whose 29 February is dropped).
/// - Each row's instant is placed at its offset from 1 January 00:00 UTC of that year (24 hours earlier after a
///   dropped 29 February) and wrapped cyclically into 0 ..< 8,760: a local year that starts at 06:00 UTC puts its last
///   6 hours at the front. When the offset is not whole hours (+05:30), each row is split between the two UTC hours it
///   overlaps, in proportion.
enum HourlyCSVYear {
    static func assemble(_ parser: HourlyCSVParser, kind: HourlySeriesKind, file: String,
                         diagnostics: CappedDiagnostics) -> HourlySeries? {
        let hoursPerYear = HourlySeries.hoursPerYear
        guard parser.clock != nil else {
            diagnostics.error(line: nil, "the file has no header; expected a header line utc_time,<name> or local_time,<name>, then one row per hour")
            return nil
        }
        guard parser.dataRowCount > 0 else {
            diagnostics.error(line: nil, "no rows after the header; expected 8,760 hourly rows (8,784 for a leap year)")
            return nil
        }
        guard let year = parser.firstYear else { return nil }   // no stamp could be read: already reported
        let leap = CalendarDate.isLeap(year)
        let expected = leap ? 8784 : hoursPerYear
        if parser.dataRowCount != expected {
            let rule = leap
                ? "\(year) is a leap year: 8,784 rows, of which the 24 of 29 February are dropped"
                : "\(year) is not a leap year; a leap year has 8,784, of which the 24 of 29 February are dropped"
            diagnostics.error(line: parser.lastDataLine, always: true,
                              "found \(parser.dataRowCount) hourly rows; expected \(expected), one calendar year of hours (\(rule))")
        }
        if let first = parser.rows.first, first.line == parser.firstDataLine,
           !(first.stamp.month == 1 && first.stamp.day == 1 && first.stamp.hour == 0) {
            diagnostics.error(line: first.line, column: 1, field: parser.clock?.rawValue ?? "", always: true,
                              "first time stamp is \(first.stamp.wallDescription); expected \(year)-01-01 00:00, the start of the year (each stamp is the start of its hour: shift hour-ending data one hour earlier)")
        }
        if let other = parser.firstOtherYear {
            let more = parser.otherYearRows - 1
            diagnostics.error(line: other.line, column: 1, field: parser.clock?.rawValue ?? "", always: true,
                              "time stamp is in \(other.year) but the file starts in \(year); a file holds one calendar year in its own clock\(more > 0 ? " (\(more) more row\(more == 1 ? "" : "s") outside \(year))" : "")")
        }
        guard !diagnostics.hasErrors else { return nil }

        // Every row has a stamp and a value here (otherwise an error was reported).
        var rows = parser.rows
        let maximum = rows.reduce(0) { max($0, $1.value ?? 0) }
        if kind.needsPositiveValue, maximum == 0 {
            diagnostics.error(line: nil, "every value is 0; expected at least one positive \(kind.noun)")
            return nil
        }
        if maximum == 0 { diagnostics.warning(line: nil, "every \(kind.noun) is 0") }
        let threshold = kind.tinyValueThreshold(maximum: maximum)
        var flushed = 0, firstFlushedLine: Int?
        for index in rows.indices {
            guard let value = rows[index].value, value > 0, value < threshold else { continue }
            rows[index].value = 0
            flushed += 1
            if firstFlushedLine == nil { firstFlushedLine = rows[index].line }
        }
        if flushed > 0 {
            diagnostics.warning(line: firstFlushedLine,
                                "\(flushed) value\(flushed == 1 ? "" : "s") between 0 and \(threshold) set to 0 (first on this line): the LP solver mishandles such tiny numbers")
        }

        let yearStart = CSVTimeStamp.daysSinceEpoch(year: year, month: 1, day: 1) * 86400
        var values = [Double](repeating: 0, count: hoursPerYear)
        var weights = [Double](repeating: 0, count: hoursPerYear)
        for row in rows {
            if leap, row.stamp.isLeapDay { continue }
            var seconds = row.utcSeconds - yearStart
            if leap, row.stamp.month > 2 { seconds -= 86400 }
            let hour = seconds >= 0 ? seconds / 3600 : -((-seconds + 3599) / 3600)
            let fraction = Double(seconds - hour * 3600) / 3600
            let value = row.value ?? 0
            let here = wrap(hour, hoursPerYear), next = wrap(hour + 1, hoursPerYear)
            if fraction == 0 {
                values[here] += value
                weights[here] += 1
            } else {
                values[here] += (1 - fraction) * value
                weights[here] += 1 - fraction
                values[next] += fraction * value
                weights[next] += fraction
            }
        }
        guard weights.allSatisfy({ abs($0 - 1) < 1e-9 }) else {
            diagnostics.error(line: nil, "after conversion to UTC the rows do not cover each hour of the year exactly once; do the stamps' UTC offsets change during the year?")
            return nil
        }
        let provenance = HourlySeries.Provenance(
            origin: .csv, sourceFile: file, dataYear: year,
            utcOffsetHours: parser.usedDeclaredOffset ? parser.declaredOffsetHours : nil,
            droppedLeapDay: leap, flushedTinyValues: flushed)
        return HourlySeries(values: values, provenance: provenance)
    }

    private static func wrap(_ index: Int, _ count: Int) -> Int { ((index % count) + count) % count }
}
