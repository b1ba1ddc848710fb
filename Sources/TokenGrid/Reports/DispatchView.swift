/// What the report shows of the dispatch in the last planning year: the sites with capacity in service, each one's
/// **peak day** (the block holding the slice of its highest grid draw) and a **stretch** of blocks to read it against:
/// a typical week of the `hours` representation, or the blocks in order otherwise (the season- or month-days, the
/// representative days). Slices are grouped by the plan's blocks.
struct DispatchView {
    /// Most sites the HTML report draws (the largest by MW of IT in service).
    static let maxSitesCharted = 6
    /// Most blocks a stretch other than a week shows (the first ones, in order).
    static let maxStretchBlocks = 14
    /// Days of the typical week (`hours` representation).
    static let weekDays = 7

    /// One site in the last year.
    struct Site {
        let dispatch: DispatchTable.SiteYear
        /// IT capacity in service, MW.
        let installedMW: Double
        /// The slice of the highest grid draw (the first of equals).
        let peakSlice: Int
        /// Index into ``DispatchView/blocks`` of the block holding it.
        let peakBlock: Int
        /// Indices into ``DispatchView/blocks`` of the stretch drawn beside the peak day.
        let stretch: [Int]
        var peakGridMW: Double { dispatch.gridMW[peakSlice] }
    }

    /// How the stretch is chosen.
    enum Stretch {
        /// 7 consecutive days whose mean grid draw is closest to the site's mean over the year.
        case typicalWeek
        /// The first blocks in order (all of them up to ``maxStretchBlocks``): `noun` names them, e.g. "season-days".
        case blocksInOrder(noun: String)
    }

    let year: Int
    let table: DispatchTable
    /// Slice indices of each block, blocks in order.
    let blocks: [[Int]]
    let stretchKind: Stretch
    /// Every site with capacity in service in `year`, in plan order.
    let sites: [Site]

    /// The view of `data`'s dispatch in its last year; nil when the result carries no dispatch for the plan's slices.
    init?(_ data: ReportData) {
        let table = data.result.dispatch, slices = data.plan.timeSlices
        guard !slices.isEmpty, table.sliceNames.count == slices.count else { return nil }
        year = data.lastYear
        self.table = table
        blocks = slices.blocks
        let blockOfSlice = Dictionary(blocks.enumerated().flatMap { index, members in members.map { ($0, index) } }, uniquingKeysWith: { first, _ in first })
        stretchKind = Self.stretch(data.plan.timeRepresentation)
        let rows = Dictionary(table.sites.filter { $0.year == data.lastYear }.map { ($0.site, $0) }, uniquingKeysWith: { first, _ in first })
        var sites: [Site] = []
        for result in data.sites(in: data.lastYear) where result.itMWInstalled > ReportCell.epsilon {
            guard let row = rows[result.site], row.gridMW.count == slices.count else { continue }
            let peak = row.gridMW.indices.max { (row.gridMW[$0], -$0) < (row.gridMW[$1], -$1) } ?? 0
            let peakBlock = blockOfSlice[peak] ?? 0
            sites.append(Site(dispatch: row, installedMW: result.itMWInstalled, peakSlice: peak, peakBlock: peakBlock,
                              stretch: Self.stretch(stretchKind, gridMW: row.gridMW, weightHours: table.sliceWeightHours, blocks: blocks)))
        }
        self.sites = sites
    }

    /// The sites the HTML report draws: the ``maxSitesCharted`` largest by MW in service, largest first (plan order
    /// among equals).
    var charted: [Site] {
        Array(sites.enumerated().sorted { ($1.element.installedMW, $0.offset) < ($0.element.installedMW, $1.offset) }.map(\.element).prefix(Self.maxSitesCharted))
    }

    /// A block's label: its date for days of the chronological year, else its first slice's name without the hour
    /// part ("djf", "jan", "rd03-d187").
    func label(ofBlock index: Int) -> String {
        let first = blocks[index][0]
        if case .typicalWeek = stretchKind {
            return HourlySeries.label(ofHour: table.sliceFirstHours[first]).split(separator: " ").prefix(2).joined(separator: " ")
        }
        let name = table.sliceNames[first]
        guard let hourPart = name.range(of: "-h", options: .backwards), hourPart.lowerBound > name.startIndex else { return name }
        return String(name[..<hourPart.lowerBound])
    }

    /// A slice as a reader names it: date and hour in the chronological year ("6 Jul 17:00 UTC"), else its name
    /// ("jja-h16-20": UTC hours 16 to 20).
    func sliceLabel(_ t: Int) -> String {
        if case .typicalWeek = stretchKind { return HourlySeries.label(ofHour: table.sliceFirstHours[t]) }
        return table.sliceNames[t]
    }

    /// What one block is: "day", "season-day", "month-day", "representative day", "slice".
    var blockNoun: String {
        switch stretchKind {
        case .typicalWeek: return "day"
        case .blocksInOrder(let noun): return String(noun.dropLast())
        }
    }

    /// The stretch in words, for any site.
    var stretchDescription: String {
        switch stretchKind {
        case .typicalWeek: return "a typical week (the \(Self.weekDays) days whose mean grid draw is closest to the year's)"
        case .blocksInOrder(let noun):
            return blocks.count > Self.maxStretchBlocks ? "the first \(Self.maxStretchBlocks) of the \(blocks.count) \(noun) in order" : "the \(blocks.count) \(noun) in order"
        }
    }

    /// The hour of the day (UTC) a slice starts at.
    func hourOfDay(ofSlice t: Int) -> Int { HourlySeries.hourOfDay(ofHour: table.sliceFirstHours[t]) }

    private static func stretch(_ representation: TimeRepresentation) -> Stretch {
        switch representation {
        case .preset(.hours): return .typicalWeek
        case .preset(.seasons4x6), .preset(.seasons4x24): return .blocksInOrder(noun: "season-days")
        case .preset(.months12x24): return .blocksInOrder(noun: "month-days")
        case .preset(.annual): return .blocksInOrder(noun: "slices")
        case .representativeDays: return .blocksInOrder(noun: "representative days")
        case .cells: return .blocksInOrder(noun: "slices")
        }
    }

    /// The blocks of a site's stretch.
    private static func stretch(_ kind: Stretch, gridMW: [Double], weightHours: [Double], blocks: [[Int]]) -> [Int] {
        guard case .typicalWeek = kind, blocks.count > weekDays else { return Array(blocks.indices.prefix(maxStretchBlocks)) }
        // Energy and hours per block, then the window of 7 whose mean draw is closest to the year's (the first of equals).
        let energy = blocks.map { $0.reduce(0) { $0 + gridMW[$1] * weightHours[$1] } }
        let hours = blocks.map { $0.reduce(0) { $0 + weightHours[$1] } }
        let mean = energy.reduce(0, +) / max(hours.reduce(0, +), 1e-12)
        var best = 0, bestGap = Double.infinity
        for start in 0 ... blocks.count - weekDays {
            let window = start ..< start + weekDays
            let gap = abs(energy[window].reduce(0, +) / max(hours[window].reduce(0, +), 1e-12) - mean)
            if gap < bestGap - 1e-9 * max(1, abs(mean)) { (best, bestGap) = (start, gap) }
        }
        return Array(best ..< best + weekDays)
    }
}
