import Foundation
import Testing
@testable import TokenGrid

/// Builds hourly CSV text for the reader tests.
enum TimeCSVFixtures {
    /// The wall-clock hours of `year` in order: (month, day, hour).
    static func hours(of year: Int) -> [(month: Int, day: Int, hour: Int)] {
        var result: [(Int, Int, Int)] = []
        for month in 1 ... 12 {
            for day in 1 ... CalendarDate.daysIn(month: month, year: year) {
                for hour in 0 ..< 24 { result.append((month, day, hour)) }
            }
        }
        return result
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `YYYY-MM-DD<separator>HH:00:00<zone>`.
    static func stamp(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, zone: String = "Z", separator: String = "T", seconds: Bool = true) -> String {
        "\(year)-\(two(month))-\(two(day))\(separator)\(two(hour)):00\(seconds ? ":00" : "")\(zone)"
    }

    /// Lines (without the header) of one year, the value of row i given by `value(i, month, day, hour)`.
    static func rows(year: Int = 2018, zone: String = "Z", separator: String = "T",
                     value: (Int, Int, Int, Int) -> String = { index, _, _, _ in "\(index + 1)" }) -> [String] {
        hours(of: year).enumerated().map { index, wall in
            "\(stamp(year, wall.month, wall.day, wall.hour, zone: zone, separator: separator)),\(value(index, wall.month, wall.day, wall.hour))"
        }
    }

    static func text(header: String = "utc_time,demand_mw", _ rows: [String]) -> String {
        ([header] + rows).joined(separator: "\n") + "\n"
    }

    /// Writes `text` to a new temporary file and returns its path.
    static func file(_ text: String, name: String = "series.csv") throws -> String {
        let directory = try TestSupport.makeTemporaryDirectory("time")
        return try TestSupport.write(text, to: name, in: directory)
    }

    /// Reads `text` as a CSV file; the series (or nil) and the log.
    static func read(_ text: String, kind: HourlySeriesKind = .loadMW, offset: Double? = nil) throws -> (HourlySeries?, DiagnosticLog) {
        let path = try file(text)
        let log = DiagnosticLog()
        let series = HourlyCSVReader.read(path: path, reportedPath: "series.csv", kind: kind, utcOffsetHours: offset, log: log)
        return (series, log)
    }
}

@Suite("Time: hourly CSV reader")
struct TimeCSVReaderTests {
    typealias F = TimeCSVFixtures

    // MARK: Accepted files

    @Test func readsAUTCYearInOrder() throws {
        let (series, log) = try F.read(F.text(F.rows()))
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        let values = try #require(series).values
        #expect(values == (0 ..< 8760).map { Double($0 + 1) })
        #expect(series?.provenance.origin == .csv)
        #expect(series?.provenance.dataYear == 2018)
        #expect(series?.provenance.sourceFile == "series.csv")
        #expect(series?.provenance.utcOffsetHours == nil)
        #expect(series?.provenance.droppedLeapDay == false)
    }

    @Test func localTimeIsRotatedToUTC() throws {
        // Local year in UTC−6 starts at 06:00 UTC: its last 6 hours wrap to the front.
        let (series, log) = try F.read(F.text(header: "local_time,demand_mw", F.rows(zone: "")), offset: -6)
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        let values = try #require(series).values
        // UTC hour h is local hour h − 6; row i holds i + 1.
        for hour in [0, 5, 6, 7, 4000, 8759] {
            #expect(values[hour] == Double((hour - 6 + 8760) % 8760 + 1), "hour \(hour)")
        }
        #expect(values[0] == 8755)   // local 31 Dec 18:00
        #expect(values[6] == 1)      // local 1 Jan 00:00 = 06:00 UTC
        #expect(series?.provenance.utcOffsetHours == -6)
    }

    @Test func explicitOffsetsEqualADeclaredOffset() throws {
        let (explicit, log1) = try F.read(F.text(F.rows(zone: "+08:00")))
        let (declared, log2) = try F.read(F.text(header: "local_time,demand_mw", F.rows(zone: "", separator: " ")), offset: 8)
        #expect(log1.diagnostics.isEmpty && log2.diagnostics.isEmpty, "\(log1.diagnostics) \(log2.diagnostics)")
        #expect(try #require(explicit).values == (try #require(declared)).values)
        #expect(explicit?.values[8760 - 8] == 1)   // local 1 Jan 00:00 = 31 Dec 16:00 UTC
        #expect(explicit?.provenance.utcOffsetHours == nil)
    }

    @Test func compactOffsetsAndSpaceSeparatorsAndShortTimes() throws {
        let rows = F.hours(of: 2018).enumerated().map { index, wall in
            "\(F.stamp(2018, wall.month, wall.day, wall.hour, zone: "-0600", separator: " ", seconds: false)),\(index + 1)"
        }
        let (series, log) = try F.read(F.text(rows))
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        #expect(series?.values[6] == 1)
    }

    @Test func daylightSavingOffsetsInEachStampGiveTheSameUTCYear() throws {
        // US Central: −06:00, and −05:00 from 11 Mar 2018 08:00 UTC to 4 Nov 2018 07:00 UTC.
        let start = CSVTimeStamp.daysSinceEpoch(year: 2018, month: 1, day: 1) * 86400 + 6 * 3600
        let dstStart = CSVTimeStamp.daysSinceEpoch(year: 2018, month: 3, day: 11) * 86400 + 8 * 3600
        let dstEnd = CSVTimeStamp.daysSinceEpoch(year: 2018, month: 11, day: 4) * 86400 + 7 * 3600
        let rows = (0 ..< 8760).map { index -> String in
            let utc = start + index * 3600
            let offset = (dstStart ..< dstEnd).contains(utc) ? -5 : -6
            let wall = utc + offset * 3600
            let days = wall / 86400
            var (year, month, day) = (1970, 1, 1)
            var remaining = days
            while remaining >= (CalendarDate.isLeap(year) ? 366 : 365) { remaining -= CalendarDate.isLeap(year) ? 366 : 365; year += 1 }
            while remaining >= CalendarDate.daysIn(month: month, year: year) { remaining -= CalendarDate.daysIn(month: month, year: year); month += 1 }
            day += remaining
            return "\(F.stamp(year, month, day, (wall % 86400) / 3600, zone: "-0\(-offset):00")),\(index + 1)"
        }
        let (dst, log) = try F.read(F.text(rows))
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics.prefix(3))")
        let (fixed, _) = try F.read(F.text(header: "local_time,x", F.rows(zone: "")), offset: -6)
        #expect(try #require(dst).values == (try #require(fixed)).values)
    }

    @Test func halfHourOffsetsSplitEachRowBetweenTwoUTCHours() throws {
        // A single hot hour at local 17:00 on 1 July, +05:30: UTC 11:00–12:00 and 12:00–13:00 get half each.
        let hot = (7, 1, 17)
        let rows = F.rows(zone: "+05:30") { _, month, day, hour in (month, day, hour) == hot ? "100" : "0" }
        let (series, log) = try F.read(F.text(rows), kind: .demandShape)
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        let values = try #require(series).values
        let eleven = HourlySeries.hourIndex(month: 7, day: 1, hour: 11)
        #expect(values[eleven] == 50 && values[eleven + 1] == 50)
        #expect(values.reduce(0, +) == 100)
        #expect(series?.indexOfMaximum == eleven)
        // The same with a declared offset of 5.5.
        let (declared, _) = try F.read(F.text(header: "local_time,x", F.rows(zone: "") { _, m, d, h in (m, d, h) == hot ? "100" : "0" }),
                                       kind: .demandShape, offset: 5.5)
        #expect(declared?.values == values)
    }

    @Test func leapYearDropsTwentyNinthFebruary() throws {
        let rows = F.rows(year: 2020) { _, month, day, _ in month == 2 && day == 29 ? "999" : "\(month)" }
        #expect(rows.count == 8784)
        let (series, log) = try F.read(F.text(rows))
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        let values = try #require(series).values
        #expect(!values.contains(999))
        #expect(values[HourlySeries.hourIndex(month: 2, day: 28, hour: 23)] == 2)
        #expect(values[HourlySeries.hourIndex(month: 3, day: 1, hour: 0)] == 3)
        #expect(values[8759] == 12)
        #expect(series?.provenance.droppedLeapDay == true)
        #expect(series?.provenance.dataYear == 2020)
    }

    @Test func leapYearInLocalTimeDropsItsOwnTwentyNinthFebruary() throws {
        // Local UTC+8: local 29 Feb is 28 Feb 16:00 … 29 Feb 16:00 UTC; it is dropped, the rest shifts by a day.
        let rows = F.rows(year: 2020, zone: "+08:00") { _, month, day, _ in month == 2 && day == 29 ? "999" : "\(month)" }
        let (series, log) = try F.read(F.text(rows))
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        let values = try #require(series).values
        #expect(!values.contains(999))
        #expect(values[HourlySeries.hourIndex(month: 2, day: 28, hour: 15)] == 2)   // local 28 Feb 23:00
        #expect(values[HourlySeries.hourIndex(month: 2, day: 28, hour: 16)] == 3)   // local 1 Mar 00:00
    }

    @Test func crlfByteOrderMarkQuotesAndBlanksAreAccepted() throws {
        let rows = F.hours(of: 2018).enumerated().map { index, wall in
            "\"\(F.stamp(2018, wall.month, wall.day, wall.hour))\" , \"\(index + 1).0\""
        }
        let text = "\u{FEFF}utc_time,demand_mw\r\n" + rows.joined(separator: "\r\n") + "\r\n\r\n  \r\n"
        let (series, log) = try F.read(text)
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        #expect(series?.values[100] == 101)
    }

    @Test func linesAcrossChunkBoundariesAreRead() throws {
        // ~160-byte lines: the file is over 1 MB, so many lines span two read chunks.
        let padding = String(repeating: " ", count: 130)
        let rows = F.rows { index, _, _, _ in padding + "\(index + 1)" }
        let text = F.text(rows)
        #expect(text.utf8.count > 1 << 20)
        let (series, log) = try F.read(text)
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics.prefix(3))")
        #expect(series?.values == (0 ..< 8760).map { Double($0 + 1) })
    }

    @Test func lastLineWithoutNewline() throws {
        var text = F.text(F.rows())
        text.removeLast()
        let (series, log) = try F.read(text)
        #expect(log.diagnostics.isEmpty && series != nil, "\(log.diagnostics)")
    }

    // MARK: Rows and stamps

    @Test func rowCountRuleStatesFoundAndExpected() throws {
        var rows = F.rows()
        rows.removeLast()
        let (series, log) = try F.read(F.text(rows))
        #expect(series == nil)
        #expect(log.errors.count == 1)
        let message = log.errors.first?.message ?? ""
        #expect(message.contains("found 8759 hourly rows") && message.contains("expected 8760"), "\(message)")

        let (_, leapLog) = try F.read(F.text(F.rows(year: 2020).prefix(8760).map { $0 }))
        #expect(leapLog.errors.contains { $0.message.contains("found 8760") && $0.message.contains("expected 8784") && $0.message.contains("leap year") },
                "\(leapLog.errors)")

        let extra = F.rows() + ["2018-12-31T23:00:00Z,1"]
        let (_, extraLog) = try F.read(F.text(extra))
        #expect(extraLog.errors.contains { $0.message.contains("found 8761") }, "\(extraLog.errors)")
    }

    @Test func gapSaysHowManyHoursAreMissing() throws {
        var rows = F.rows()
        rows.removeSubrange(100 ..< 103)   // rows 100, 101, 102 (lines 102…104)
        let (series, log) = try F.read(F.text(rows))
        #expect(series == nil)
        let gap = try #require(log.errors.first { $0.message.contains("gap") })
        #expect(gap.message.contains("3 hours missing after line 101"), "\(gap.message)")
        #expect(gap.line == 102 && gap.column == 1 && gap.fieldPath == "utc_time")
        #expect(log.errors.contains { $0.message.contains("found 8757") })
    }

    @Test func duplicateAndOutOfOrderStamps() throws {
        var rows = F.rows()
        rows.insert(rows[10], at: 11)   // line 13 repeats line 12
        let (_, log) = try F.read(F.text(rows))
        let duplicate = try #require(log.errors.first { $0.message.contains("duplicate") })
        #expect(duplicate.line == 13 && duplicate.message.contains("line 12"), "\(duplicate)")
        #expect(!log.errors.contains { $0.message.contains("gap") }, "\(log.errors)")

        var swapped = F.rows()
        swapped.swapAt(20, 21)   // lines 22 and 23
        let (_, swapLog) = try F.read(F.text(swapped))
        #expect(swapLog.errors.contains { $0.line == 23 && $0.message.contains("out of order") }, "\(swapLog.errors)")
        #expect(swapLog.errors.count == 2, "a gap at line 22 and out of order at line 23: \(swapLog.errors)")
    }

    @Test func stampsNotOnTheHourOrNotOneHourApart() throws {
        var rows = F.rows()
        rows[5] = "2018-01-01T05:30:00Z,6"
        let (_, log) = try F.read(F.text(rows))
        #expect(log.errors.contains { $0.line == 7 && $0.message.contains("not on the hour") }, "\(log.errors)")

        var mixed = F.rows()
        mixed[50] = "2018-01-03T02:00:00+00:30,51"   // 30 minutes before the expected instant
        let (_, mixedLog) = try F.read(F.text(mixed))
        #expect(mixedLog.errors.contains { $0.line == 52 && $0.message.contains("expected exactly one hour") }, "\(mixedLog.errors)")
    }

    @Test func unparsableStampsAreReportedWithTheirColumn() throws {
        var rows = F.rows()
        rows[0] = "2018-13-01T00:00:00Z,1"
        rows[1] = "  yesterday,2"
        rows[2] = "2018-02-30T00:00:00Z,3"
        rows[3] = "2018-01-01T03:00:00+25:00,4"
        let (series, log) = try F.read(F.text(rows))
        #expect(series == nil)
        let lines = log.errors.filter { $0.message.contains("not a date and time") }.map(\.line)
        #expect(lines == [2, 3, 4, 5], "\(log.errors)")
        #expect(log.errors.first { $0.line == 3 }?.column == 3)
    }

    @Test func stampsSpanningTwoYearsAndHourEndingData() throws {
        // Hour-ending stamps: 01:00 on 1 January … 00:00 on 1 January of the next year.
        let rows = (1 ... 8760).map { index -> String in
            let (day, hour) = (index / 24, index % 24)
            let (month, dayOfMonth) = HourlySeries.monthAndDay(ofDay: day % 365)
            return "\(F.stamp(day == 365 ? 2019 : 2018, month, dayOfMonth, hour)),\(index)"
        }
        let (series, log) = try F.read(F.text(rows))
        #expect(series == nil)
        #expect(log.errors.contains { $0.line == 2 && $0.message.contains("first time stamp is 2018-01-01 01:00") && $0.message.contains("hour-ending") },
                "\(log.errors)")
        #expect(log.errors.contains { $0.line == 8761 && $0.message.contains("in 2019 but the file starts in 2018") }, "\(log.errors)")
    }

    @Test func localTimeWithoutOffsetIsReportedOnce() throws {
        let (series, log) = try F.read(F.text(header: "local_time,demand_mw", F.rows(zone: "")), offset: nil)
        #expect(series == nil)
        #expect(log.errors.count == 1, "\(log.errors)")
        #expect(log.errors.first?.message.contains("no UTC offset was declared") == true)
        #expect(log.errors.first?.line == 2)
    }

    @Test func naiveStampsUnderUTCHeaderAreUTC() throws {
        let (series, log) = try F.read(F.text(F.rows(zone: "")), offset: 8)
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        #expect(series?.values[0] == 1)
    }

    // MARK: Values

    @Test func badValuesAreReportedPerLine() throws {
        var rows = F.rows()
        rows[0] = "2018-01-01T00:00:00Z,"
        rows[1] = "2018-01-01T01:00:00Z,NaN"
        rows[2] = "2018-01-01T02:00:00Z,-inf"
        rows[3] = "2018-01-01T03:00:00Z,12a"
        rows[4] = "2018-01-01T04:00:00Z,-5"
        rows[5] = "2018-01-01T05:00:00Z,1e400"
        rows[6] = "2018-01-01T06:00:00Z,0x10"
        rows[7] = "2018-01-01T07:00:00Z,1,5"
        let (series, log) = try F.read(F.text(rows))
        #expect(series == nil)
        let byLine = Dictionary(log.errors.compactMap { error in error.line.map { ($0, error.message) } }, uniquingKeysWith: { a, _ in a })
        #expect(byLine[2]?.contains("value is empty") == true)
        #expect(byLine[3]?.contains("NaN or infinite") == true)
        #expect(byLine[4]?.contains("NaN or infinite") == true)
        #expect(byLine[5]?.contains("not a number") == true)
        #expect(byLine[6]?.contains("value -5 is negative") == true)
        #expect(byLine[7]?.contains("too large") == true)
        #expect(byLine[8]?.contains("not a number") == true)
        #expect(byLine[9]?.contains("3 columns") == true && byLine[9]?.contains("decimal point") == true)
        #expect(log.errors.first { $0.line == 5 }?.column == 22)
        #expect(log.errors.first { $0.line == 5 }?.fieldPath == "demand_mw")
        #expect(byLine[2]?.contains("expected a load in MW from 0 to 1e9 MW") == true, "\(byLine[2] ?? "")")
    }

    @Test func capacityFactorsAboveOneAreErrors() throws {
        let rows = F.rows { index, _, _, _ in index == 30 ? "1.2" : "0.5" }
        let (series, log) = try F.read(F.text(header: "utc_time,capacity_factor", rows), kind: .capacityFactor)
        #expect(series == nil)
        #expect(log.errors.count == 1)
        #expect(log.errors.first?.line == 32 && log.errors.first?.message.contains("value 1.2 is above 1") == true, "\(log.errors)")
    }

    @Test func zeroEverywhere() throws {
        let zeros = F.rows { _, _, _, _ in "0" }
        let (load, loadLog) = try F.read(F.text(zeros), kind: .loadMW)
        #expect(load == nil && loadLog.errors.first?.message.contains("every value is 0") == true)
        let (shape, shapeLog) = try F.read(F.text(zeros), kind: .demandShape)
        #expect(shape == nil && shapeLog.errors.count == 1)
        let (factor, factorLog) = try F.read(F.text(zeros), kind: .capacityFactor)
        #expect(factor != nil && factorLog.errors.isEmpty && factorLog.warnings.count == 1)
    }

    @Test func tinyValuesAreSetToZeroWithOneWarning() throws {
        let rows = F.rows { index, _, _, _ in index == 3 ? "1e-300" : index == 9 ? "4.9e-324" : index == 12 ? "1e-9" : "50000" }
        let (series, log) = try F.read(F.text(rows))
        #expect(log.errors.isEmpty)
        #expect(log.warnings.count == 1)
        #expect(log.warnings.first?.line == 5 && log.warnings.first?.message.contains("3 values") == true, "\(log.warnings)")
        #expect(series?.values[3] == 0 && series?.values[9] == 0 && series?.values[12] == 0)
        #expect(series?.provenance.flushedTinyValues == 3)
        let cf = F.rows { index, _, _, _ in index == 3 ? "1e-13" : "0.5" }
        let (factors, cfLog) = try F.read(F.text(cf), kind: .capacityFactor)
        #expect(factors?.values[3] == 0 && cfLog.warnings.count == 1)
    }

    // MARK: Whole files

    @Test func headerErrorsStopReading() throws {
        for header in ["time,demand_mw", "utc_time,demand_mw,extra", "utc_time", "utc_time,"] {
            let (series, log) = try F.read(F.text(header: header, F.rows()))
            #expect(series == nil)
            #expect(log.errors.count == 1, "\(header): \(log.errors)")
            #expect(log.errors.first?.line == 1 && log.errors.first?.message.contains("utc_time,<name>") == true, "\(header): \(log.errors)")
        }
        let (_, noHeader) = try F.read(F.rows().joined(separator: "\n"))
        #expect(noHeader.errors.count == 1 && noHeader.errors.first?.line == 1)
    }

    @Test func messagesNeverQuoteTheFile() throws {
        let secret = "root:$6$S3CR3T-HASH-VALUE:19000:0:99999:7:::"
        let texts = [
            ([secret, "daemon:*:19000:0:99999:7:::"].joined(separator: "\n") + "\n"),
            "utc_time,S3CR3T-HASH-VALUE\n2018-01-01T00:00:00Z,S3CR3T-HASH-VALUE\nS3CR3T-HASH-VALUE,1\n",
            "S3CR3T-HASH-VALUE,S3CR3T\n",
        ]
        for text in texts {
            let (series, log) = try F.read(text)
            #expect(series == nil)
            #expect(!log.diagnostics.isEmpty)
            for diagnostic in log.diagnostics {
                #expect(!diagnostic.description.contains("S3CR3T"), "\(diagnostic)")
            }
        }
    }

    @Test func errorsAreCappedWithACount() throws {
        let rows = F.rows { _, _, _, _ in "x" }
        let (series, log) = try F.read(F.text(rows))
        #expect(series == nil)
        #expect(log.errors.count == 21)
        #expect(log.errors.last?.message.contains("and 8740 more errors") == true, "\(log.errors.last?.message ?? "")")
    }

    @Test func longLinesEmptyFilesDirectoriesAndMissingFiles() throws {
        var rows = F.rows()
        rows[7] = "2018-01-01T07:00:00Z," + String(repeating: "9", count: 5000)
        let (_, longLog) = try F.read(F.text(rows))
        #expect(longLog.errors.contains { $0.line == 9 && $0.message.contains("5021 bytes long") && $0.message.contains("4096") }, "\(longLog.errors)")
        #expect(!longLog.errors.contains { $0.message.contains("gap") }, "\(longLog.errors)")

        let (_, emptyLog) = try F.read("")
        #expect(emptyLog.errors.count == 1 && emptyLog.errors.first?.message.contains("empty") == true)

        let (_, headerOnly) = try F.read("utc_time,demand_mw\n")
        #expect(headerOnly.errors.first?.message.contains("no rows after the header") == true, "\(headerOnly.errors)")

        let directory = try TestSupport.makeTemporaryDirectory("time")
        let log = DiagnosticLog()
        #expect(HourlyCSVReader.read(path: directory, kind: .loadMW, utcOffsetHours: nil, log: log) == nil)
        #expect(log.errors.first?.message.contains("not a regular file") == true)
        let missing = DiagnosticLog()
        #expect(HourlyCSVReader.read(path: directory + "/none.csv", reportedPath: "none.csv", kind: .loadMW, utcOffsetHours: nil, log: missing) == nil)
        #expect(missing.errors.first?.description.hasPrefix("none.csv: error: cannot read the file") == true, "\(missing.errors)")
    }

    @Test func filesAbove64MBAreRejectedUpFront() throws {
        let path = try F.file("utc_time,demand_mw\n", name: "huge.csv")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 65 << 20)   // sparse: no 65 MB written
        try handle.close()
        let log = DiagnosticLog()
        let start = Date()
        #expect(HourlyCSVReader.read(path: path, kind: .loadMW, utcOffsetHours: nil, log: log) == nil)
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(log.errors.count == 1 && log.errors.first?.message.contains("65 MB") == true, "\(log.errors)")
    }

    @Test func declaredOffsetOutOfRange() throws {
        let (series, log) = try F.read(F.text(header: "local_time,x", F.rows(zone: "")), offset: 30)
        #expect(series == nil && log.errors.count == 1 && log.errors.first?.message.contains("−18 to +18") == true, "\(log.errors)")
    }
}
