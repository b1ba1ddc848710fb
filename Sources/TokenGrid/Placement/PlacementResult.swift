import LinearProgramming

/// What the placement LP decided, in planners' units: MW, MWh, tokens, $ and $ per million tokens.
public struct PlacementResult: Sendable, Codable {
    public var planName: String
    /// How the solve ended.
    public var status: SolveStatus
    /// Total discounted cost to the first planning year, incl. the penalty on unserved tokens, $.
    public var objectiveUSD: Double
    /// The objective split by component (discounted $).
    public var costBreakdownUSD: CostBreakdown
    public var solver: SolverStatistics
    /// Per site and year.
    public var sites: [SiteYear]
    /// Per site, design and year: what is built and installed.
    public var builds: [Build]
    /// Per zone and year.
    public var zones: [ZoneYear]
    /// Value of grid headroom per site and year.
    public var headroom: [HeadroomValue]
    /// Constraints that bind with a non-zero dual, aggregated by family, site and year.
    public var bindingConstraints: [BindingGroup]
    /// Where demand goes unserved, and why.
    public var shortfalls: [Shortfall]
    /// Things a planner should know (a grid already below its reserve floor, a plan that cannot be met as written).
    public var notes: [String]
    /// Unserved share, cost without the penalty, token-weighted and levelised cost per million tokens (see ``Metrics``).
    public var metrics = Metrics()
    /// How long each phase took (not encoded: outputs stay byte-identical for the same input).
    public var timings = Timings()
    /// Operation slice by slice (not encoded; see ``DispatchTable``).
    public var dispatch = DispatchTable()
    /// Per site and year, the grid-edge levers the plan uses and why; nil for a plan without any.
    public var gridEdge: [GridEdgeSiteYear]?
    /// Per deferrable zone and year, the tokens served later than asked; nil for a plan without deferrable demand.
    public var deferrals: [DeferralSummary]?
    /// What deferral saves: the same plan's total cost with no deferrable tokens less this one's, $ (nil when the plan
    /// has no deferrable demand, or the comparison was not solved).
    public var deferralSavingUSD: Double?
    /// Why a token costs what it costs: gaps in cost per million tokens between sites and countries, split among their
    /// drivers; nil when there is nothing to compare.
    public var costAttribution: CostAttribution?

    private enum CodingKeys: String, CodingKey {
        case planName, status, objectiveUSD, costBreakdownUSD, solver, sites, builds, zones, headroom, bindingConstraints, shortfalls, notes, metrics,
             gridEdge, deferrals, deferralSavingUSD, costAttribution
    }

    /// Cost components, $ (discounted totals in `costBreakdownUSD`, undiscounted per token in site results).
    public struct CostBreakdown: Sendable, Codable, Hashable {
        public var computeCapex: Double = 0
        public var fixedOM: Double = 0
        public var energy: Double = 0
        public var carbon: Double = 0
        public var renewables: Double = 0
        public var network: Double = 0
        public var unservedPenalty: Double = 0
        /// On-site generation: annuity, fixed O&M, fuel and variable O&M (its carbon is in `carbon`).
        public var onsitePower: Double = 0
        /// Batteries: annuity of power and energy, fixed O&M.
        public var storage: Double = 0
        /// Grid upgrades bought.
        public var gridUpgrade: Double = 0
        /// What deferred tokens' waiting costs (plan totals only; see ``DeferrableDemand/delayCostUSDPerMTokHour``).
        public var delay: Double = 0

        public var total: Double { computeCapex + fixedOM + energy + carbon + renewables + network + unservedPenalty + onsitePower + storage + gridUpgrade + delay }

        /// Each component scaled by `factor`.
        public func scaled(by factor: Double) -> CostBreakdown {
            CostBreakdown(computeCapex: computeCapex * factor, fixedOM: fixedOM * factor, energy: energy * factor, carbon: carbon * factor,
                          renewables: renewables * factor, network: network * factor, unservedPenalty: unservedPenalty * factor,
                          onsitePower: onsitePower * factor, storage: storage * factor, gridUpgrade: gridUpgrade * factor, delay: delay * factor)
        }

        static func + (lhs: CostBreakdown, rhs: CostBreakdown) -> CostBreakdown {
            CostBreakdown(computeCapex: lhs.computeCapex + rhs.computeCapex, fixedOM: lhs.fixedOM + rhs.fixedOM, energy: lhs.energy + rhs.energy,
                          carbon: lhs.carbon + rhs.carbon, renewables: lhs.renewables + rhs.renewables, network: lhs.network + rhs.network,
                          unservedPenalty: lhs.unservedPenalty + rhs.unservedPenalty, onsitePower: lhs.onsitePower + rhs.onsitePower,
                          storage: lhs.storage + rhs.storage, gridUpgrade: lhs.gridUpgrade + rhs.gridUpgrade, delay: lhs.delay + rhs.delay)
        }

        private enum CodingKeys: String, CodingKey {
            case computeCapex, fixedOM, energy, carbon, renewables, network, unservedPenalty, onsitePower, storage, gridUpgrade, delay
        }

        public init(computeCapex: Double = 0, fixedOM: Double = 0, energy: Double = 0, carbon: Double = 0, renewables: Double = 0, network: Double = 0,
                    unservedPenalty: Double = 0, onsitePower: Double = 0, storage: Double = 0, gridUpgrade: Double = 0, delay: Double = 0) {
            self.computeCapex = computeCapex
            self.fixedOM = fixedOM
            self.energy = energy
            self.carbon = carbon
            self.renewables = renewables
            self.network = network
            self.unservedPenalty = unservedPenalty
            self.onsitePower = onsitePower
            self.storage = storage
            self.gridUpgrade = gridUpgrade
            self.delay = delay
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func read(_ key: CodingKeys) throws -> Double { try container.decodeIfPresent(Double.self, forKey: key) ?? 0 }
            self.init(computeCapex: try read(.computeCapex), fixedOM: try read(.fixedOM), energy: try read(.energy), carbon: try read(.carbon),
                      renewables: try read(.renewables), network: try read(.network), unservedPenalty: try read(.unservedPenalty),
                      onsitePower: try read(.onsitePower), storage: try read(.storage), gridUpgrade: try read(.gridUpgrade), delay: try read(.delay))
        }

        /// The grid-edge components are written only when non-zero, so plans without those levers keep their files.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            for (key, value) in [(CodingKeys.computeCapex, computeCapex), (.fixedOM, fixedOM), (.energy, energy), (.carbon, carbon),
                                 (.renewables, renewables), (.network, network), (.unservedPenalty, unservedPenalty)] {
                try container.encode(value, forKey: key)
            }
            for (key, value) in [(CodingKeys.onsitePower, onsitePower), (.storage, storage), (.gridUpgrade, gridUpgrade), (.delay, delay)] where value != 0 {
                try container.encode(value, forKey: key)
            }
        }
    }

    /// Size of the LP, how it was solved, and how well the reported solution satisfies it.
    public struct SolverStatistics: Sendable, Codable, Hashable {
        public var rows: Int
        public var columns: Int
        public var nonzeros: Int
        public var iterations: Int
        /// The method that produced the reported solution, e.g. `primal`, `dual`, `benders-primal`.
        public var method: String
        /// The reported solution checked against the full LP (see `SolutionCheck`).
        public var check: SolutionCheck?
        /// Every solve tried, in order, with how it ended: a solution that fails the check is re-solved another way.
        public var attempts: [String]

        public init(rows: Int, columns: Int, nonzeros: Int, iterations: Int, method: String, check: SolutionCheck? = nil, attempts: [String] = []) {
            self.rows = rows
            self.columns = columns
            self.nonzeros = nonzeros
            self.iterations = iterations
            self.method = method
            self.check = check
            self.attempts = attempts
        }
    }

    /// Wall-clock seconds of each phase. Kept out of `plan.json` and the reports (they would differ from run to run);
    /// printed on the terminal and written to `timings.csv`.
    public struct Timings: Sendable, Hashable {
        public var buildSeconds = 0.0
        public var solveSeconds = 0.0
        public var checkSeconds = 0.0
        public var extractSeconds = 0.0
        /// Decomposed solves: of `solveSeconds`, the time in the master and in the blocks.
        public var masterSeconds = 0.0
        public var blockSeconds = 0.0

        public init() {}
    }

    /// One site in one year.
    public struct SiteYear: Sendable, Codable, Hashable {
        public var site: String
        public var year: Int
        /// IT MW commissioned this year (all designs).
        public var itMWBuilt: Double
        /// IT MW in service (new and existing).
        public var itMWInstalled: Double
        /// Tokens produced in the year.
        public var tokens: Double
        /// Energy drawn from the grid, MWh.
        public var gridMWh: Double
        /// Energy from dedicated renewables, MWh.
        public var renewableMWh: Double
        /// Highest grid draw over the slices, MW.
        public var peakGridMW: Double
        /// Dedicated renewables installed (new), MW.
        public var renewableMWInstalled: Double
        /// Reserve margin at the tightest slice before new load (background load plus the existing clusters busy): firm ÷ load − 1.
        public var reserveMarginBefore: Double
        /// … and after it.
        public var reserveMarginAfter: Double
        /// The region's reserve floor.
        public var minReserveMargin: Double
        /// Grid emissions, tCO2.
        public var emissionsTonnes: Double
        /// Undiscounted cost of the site in the year, $, by component.
        public var costUSD: CostBreakdown
        /// Cost per million tokens produced, $ (0 when it produced none).
        public var costUSDPerMTok: Double
        /// The same, by component, $ per million tokens.
        public var costUSDPerMTokBreakdown: CostBreakdown
    }

    /// One design at one site in one year.
    public struct Build: Sendable, Codable, Hashable {
        public var site: String
        public var design: String
        public var year: Int
        public var itMWBuilt: Double
        public var itMWInstalled: Double
        /// Accelerators installed.
        public var accelerators: Double
        /// Tokens produced in the year.
        public var tokens: Double
        /// Mean utilisation of the installed capacity: tokens ÷ what it would produce at full power all year
        /// (at most the design's sustainable fraction).
        public var utilisation: Double
    }

    /// One zone in one year.
    public struct ZoneYear: Sendable, Codable, Hashable {
        public var zone: String
        public var year: Int
        public var demandTokens: Double
        public var servedTokens: Double
        public var unservedTokens: Double
        /// Marginal cost of one more million tokens in the zone (token-weighted over slices), $.
        public var marginalUSDPerMTok: Double
        /// Tokens served from each site.
        public var servedBy: [SiteShare]

        /// Unserved ÷ demand (0 without demand).
        public var unservedShare: Double { demandTokens > 0 ? unservedTokens / demandTokens : 0 }
    }

    public struct SiteShare: Sendable, Codable, Hashable {
        public var site: String
        public var tokens: Double
    }

    /// The value of one more MW of firm grid capacity at a site in a year.
    public struct HeadroomValue: Sendable, Codable, Hashable {
        public var site: String
        public var year: Int
        /// $ per MW-year (0 when headroom does not bind).
        public var dualUSDPerMWYear: Double
        /// Slices in which the headroom binds.
        public var bindingSlices: Int
        /// Slices in which the region is already below its reserve floor before new load (headroom row held at zero;
        /// not counted in the value).
        public var clampedSlices: Int
        /// Headroom at the tightest slice before new load, MW.
        public var headroomMW: Double
    }

    /// A group of binding rows of one family at one site (or zone) and year.
    public struct BindingGroup: Sendable, Codable, Hashable {
        public var family: String
        /// Site or zone id ("" for plan-wide rows).
        public var place: String
        public var year: Int
        /// Rows binding in the group (e.g. slices).
        public var count: Int
        /// Largest |dual| in the group, in the row's own unit per M$ (see `docs/formulation.md`).
        public var largestDual: Double
    }

    /// Demand not served in a zone and year, and the limits that bind where it could have been served.
    public struct Shortfall: Sendable, Codable, Hashable {
        public var zone: String
        public var year: Int
        public var unservedTokens: Double
        public var unservedShare: Double
        public var reasons: [String]
    }

    /// Tokens served over all zones and years.
    public var totalServedTokens: Double { zones.reduce(0) { $0 + $1.servedTokens } }
    /// Tokens not served over all zones and years.
    public var totalUnservedTokens: Double { zones.reduce(0) { $0 + $1.unservedTokens } }
}
