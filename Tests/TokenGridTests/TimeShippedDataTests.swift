import Foundation
import Testing
@testable import TokenGrid

/// The shipped hourly demand of `Regions/data/eia930-2018/` reads without errors, and its peaks are where they should be.
@Suite("Time: shipped EIA-930 hourly demand")
struct TimeShippedDataTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        var region: String
        /// Months (1…12) and UTC hours of the day where the annual peak is plausible.
        var peakMonths: ClosedRange<Int>
        var peakUTCHours: [Int]
        var description: String { file }
    }

    static let folder = "Regions/data/eia930-2018"

    /// Summer afternoons for the central and eastern areas (16:00–19:00 local daylight time), a summer late afternoon
    /// in California, a winter morning in the Pacific Northwest.
    static let expectations: [Expectation] = [
        Expectation(file: "ERCO.csv", region: "ercot", peakMonths: 6 ... 8, peakUTCHours: [20, 21, 22, 23, 0]),
        Expectation(file: "PJM.csv", region: "pjm-northern-virginia", peakMonths: 6 ... 8, peakUTCHours: [19, 20, 21, 22]),
        Expectation(file: "MISO.csv", region: "miso-iowa", peakMonths: 6 ... 8, peakUTCHours: [20, 21, 22, 23]),
        Expectation(file: "SWPP.csv", region: "spp", peakMonths: 6 ... 8, peakUTCHours: [20, 21, 22, 23]),
        Expectation(file: "CISO.csv", region: "caiso", peakMonths: 7 ... 9, peakUTCHours: [22, 23, 0, 1, 2]),
        Expectation(file: "BPAT.csv", region: "pacific-northwest", peakMonths: 1 ... 2, peakUTCHours: [14, 15, 16, 17]),
    ]

    @Test(arguments: expectations)
    func readsWithoutDiagnosticsAndPeaksWhereExpected(_ expected: Expectation) throws {
        let relative = "\(Self.folder)/\(expected.file)"
        let log = DiagnosticLog()
        let read = HourlyCSVReader.read(path: TestSupport.repositoryPath(relative), reportedPath: relative, kind: .loadMW,
                                        utcOffsetHours: nil, log: log)
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.description).joined(separator: "\n"))")
        let series = try #require(read)
        let peak = series.indexOfMaximum
        let month = HourlySeries.month(ofHour: peak)
        print("\(expected.file) (\(expected.region)): peak \(Int(series.maximum)) MW at \(HourlySeries.label(ofHour: peak)), load factor \(String(format: "%.3f", series.loadFactor))")
        #expect(series.provenance.dataYear == 2018 && series.provenance.origin == .csv)
        #expect(expected.peakMonths.contains(month), "peak in month \(month)")
        #expect(expected.peakUTCHours.contains(HourlySeries.hourOfDay(ofHour: peak)), "peak at \(HourlySeries.label(ofHour: peak))")
        #expect((0.5 ... 0.7).contains(series.loadFactor), "load factor \(series.loadFactor)")
        #expect(series.minimum > 0.25 * series.maximum, "no hour below a quarter of the peak")
    }

    @Test func figuresMatchTheREADME() throws {
        // Peak MW, peak hour and load factor as stated in Regions/data/eia930-2018/README.md.
        let stated: [(String, Double, Int, Double)] = [
            ("ERCO.csv", 73584, HourlySeries.hourIndex(month: 6, day: 30, hour: 23), 0.585),
            ("PJM.csv", 151_479, HourlySeries.hourIndex(month: 8, day: 28, hour: 20), 0.619),
            ("MISO.csv", 119_733, HourlySeries.hourIndex(month: 6, day: 29, hour: 21), 0.637),
            ("SWPP.csv", 49493, HourlySeries.hourIndex(month: 7, day: 11, hour: 21), 0.627),
            ("CISO.csv", 46133, HourlySeries.hourIndex(month: 7, day: 26, hour: 0), 0.558),
            ("BPAT.csv", 10243, HourlySeries.hourIndex(month: 2, day: 23, hour: 15), 0.617),
        ]
        for (file, peakMW, peakHour, loadFactor) in stated {
            let series = try #require(HourlyCSVReader.read(path: TestSupport.repositoryPath("\(Self.folder)/\(file)"), kind: .loadMW,
                                                           utcOffsetHours: nil, log: DiagnosticLog()))
            #expect(series.maximum == peakMW, "\(file)")
            #expect(series.indexOfMaximum == peakHour, "\(file): \(HourlySeries.label(ofHour: series.indexOfMaximum))")
            #expect(abs(series.loadFactor - loadFactor) < 0.0005, "\(file): \(series.loadFactor)")
        }
    }

    @Test func mappedRegionsExistAndTheShapeScalesToTheirPeak() throws {
        let catalogue = try RegionCatalogue.load(directory: TestSupport.repositoryPath("Regions"))
        for expected in Self.expectations {
            let region = try #require(catalogue.regions.first { $0.id == expected.region }, "region \(expected.region)")
            let series = try #require(HourlyCSVReader.read(path: TestSupport.repositoryPath("\(Self.folder)/\(expected.file)"),
                                                           kind: .loadMW, utcOffsetHours: nil, log: DiagnosticLog()))
            let scaled = series.scaled(toMaximum: region.grid.peakLoadMW.value)
            #expect(TestSupport.close(scaled.maximum, region.grid.peakLoadMW.value, relative: 1e-12))
            #expect(TestSupport.close(scaled.loadFactor, series.loadFactor, relative: 1e-12))
        }
    }

    @Test func shippedDataStaysSmall() throws {
        let directory = TestSupport.repositoryPath(Self.folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".csv") }
        #expect(files.sorted() == Self.expectations.map(\.file).sorted())
        let bytes = try files.reduce(0) { total, file in
            total + ((try FileManager.default.attributesOfItem(atPath: "\(directory)/\(file)")[.size] as? Int) ?? 0)
        }
        #expect(bytes < 1_500_000, "\(bytes) bytes")
    }
}
