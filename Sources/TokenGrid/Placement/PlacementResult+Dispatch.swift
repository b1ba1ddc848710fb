/// Operation slice by slice: what each site draws from the grid and its renewables, the tokens it serves, and the
/// headroom it may use. Held with the result but not encoded in `plan.json` (40 sites × 6 years × 8,760 hours is 2
/// million rows); written to `dispatch.csv` and drawn in the report.
public struct DispatchTable: Sendable, Hashable {
    /// One site in one year, one value per slice in the plan's slice order.
    public struct SiteYear: Sendable, Hashable {
        public var site: String
        public var year: Int
        /// Grid draw at the meter, MW.
        public var gridMW: [Double]
        /// Power from dedicated renewables used by the site, MW.
        public var renewableMW: [Double]
        /// Tokens produced (and served to zones), tokens/s.
        public var tokensPerS: [Double]
        /// Grid headroom for the site's whole draw before any of it: firm ÷ (1 + margin) − the slice's highest other
        /// load, MW (negative when the region is below its floor; the LP then allows existing idle draw only).
        public var headroomMW: [Double]
    }

    /// Slice names and the UTC hours of the typical year each stands for (its first hour), in order.
    public var sliceNames: [String]
    public var sliceFirstHours: [Int]
    /// Hours per year each slice stands for.
    public var sliceWeightHours: [Double]
    /// The slices' chronological blocks.
    public var sliceBlocks: [Int]
    public var sites: [SiteYear]

    public init(sliceNames: [String] = [], sliceFirstHours: [Int] = [], sliceWeightHours: [Double] = [], sliceBlocks: [Int] = [], sites: [SiteYear] = []) {
        self.sliceNames = sliceNames
        self.sliceFirstHours = sliceFirstHours
        self.sliceWeightHours = sliceWeightHours
        self.sliceBlocks = sliceBlocks
        self.sites = sites
    }

    /// Rows dispatch.csv would have.
    public var rowCount: Int { sites.count * sliceNames.count }
}

extension PlacementModel {
    /// The dispatch of every site, year and slice at the solution `x` (cleaned primal values).
    func dispatch(_ x: [Double]) -> DispatchTable {
        var sites: [DispatchTable.SiteYear] = []
        for s in data.sites.indices {
            for y in 0 ..< yearCount {
                var row = DispatchTable.SiteYear(site: siteID(s), year: data.years[y], gridMW: [], renewableMW: [], tokensPerS: [], headroomMW: [])
                row.gridMW.reserveCapacity(sliceCount)
                for t in 0 ..< sliceCount {
                    row.gridMW.append(gridDrawMW(s, y, t, x))
                    row.renewableMW.append(renewableUse[s].map { x[$0[y][t].index] } ?? 0)
                    row.tokensPerS.append(data.sites[s].designs.indices.reduce(0) { $0 + x[run[s][$1][y][t].index] } * 1e6)
                    row.headroomMW.append(data.headroomMW(site: s, year: y, slice: t))
                }
                sites.append(row)
            }
        }
        return DispatchTable(sliceNames: data.slices.map(\.name), sliceFirstHours: data.slices.map { $0.yearHours.first ?? 0 },
                             sliceWeightHours: data.weightHours, sliceBlocks: data.slices.map(\.block), sites: sites)
    }
}
