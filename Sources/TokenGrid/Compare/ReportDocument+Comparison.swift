import Foundation

extension ReportDocument {
    /// The comparison of two runs, A and B: the plans, the headline figures, the inputs that differ, then the results.
    init(comparing a: PlanSnapshot, _ b: PlanSnapshot) {
        title = "TokenGrid comparison: \(a.planName) (A) and \(b.planName) (B)"
        byline = ["A: \(a.source), \(a.tool), \(a.status). B: \(b.source), \(b.tool), \(b.status)."]
        sections = [Self.headline(a, b), Self.inputs(a, b), Self.capacityChange(a, b), Self.costChange(a, b), Self.marginalChange(a, b),
                    Self.bindingChange(a, b), Self.unservedChange(a, b)]
    }

    /// One headline figure: its name, A and B as text, and the change ("" when there is none to show).
    struct HeadlineRow {
        var name: String, a: String, b: String, change: String
    }

    static func headlineRows(_ a: PlanSnapshot, _ b: PlanSnapshot) -> [HeadlineRow] {
        let years = a.firstYear == b.firstYear ? "\(a.firstYear) $" : "first-year $"
        let lastA = a.lastYear, lastB = b.lastYear, last = lastA == lastB ? "\(lastA)" : "last year"
        func money(_ name: String, _ x: Double?, _ y: Double?) -> HeadlineRow {
            row(name, x, y, NumberFormat.money) { d, relative in (d >= 0 ? "+" : "−") + NumberFormat.money(abs(d)) + relative }
        }
        func perMTok(_ name: String, _ x: Double?, _ y: Double?) -> HeadlineRow {
            row(name, x, y, NumberFormat.usdPerMTok) { d, relative in (d >= 0 ? "+" : "−") + NumberFormat.usdPerMTok(abs(d)) + relative }
        }
        return [
            HeadlineRow(name: "status", a: a.status, b: b.status, change: ""),
            money("total discounted cost (\(years)), without the unserved penalty", a.metric(["discounted_cost_usd"]), b.metric(["discounted_cost_usd"])),
            money("penalty on unserved tokens (discounted)", a.unservedPenaltyUSD, b.unservedPenaltyUSD),
            row("unserved share of demand over the horizon", a.metric(["unserved_share"]), b.metric(["unserved_share"]), NumberFormat.percent) { d, _ in
                (d >= 0 ? "+" : "−") + NumberFormat.fixed(abs(d) * 100, 1) + " pp"
            },
            perMTok("cost per million tokens in \(last), all sites (token-weighted)", a.yearMetric(lastA, ["token_weighted", "cost_usd_per_mtok"]),
                    b.yearMetric(lastB, ["token_weighted", "cost_usd_per_mtok"])),
            perMTok("levelised cost per million tokens, all sites", a.metric(["levelised", "cost_usd_per_mtok"]), b.metric(["levelised", "cost_usd_per_mtok"])),
            row("IT capacity in service in \(last) (MW)", a.installedMW(in: lastA), b.installedMW(in: lastB), { ReportCell.mwText($0) }) { d, relative in
                (d >= 0 ? "+" : "−") + ReportCell.mwText(abs(d)) + relative
            },
            row("grid emissions over the horizon (tCO2)", a.emissionsTonnes, b.emissionsTonnes, { NumberFormat.scaled($0) }) { d, relative in
                (d >= 0 ? "+" : "−") + NumberFormat.scaled(abs(d)) + relative
            },
        ]
    }

    /// A row of two numbers; `change` writes B − A and the relative change (" (+4.1%)", empty when A is 0).
    private static func row(_ name: String, _ x: Double?, _ y: Double?, _ format: (Double) -> String,
                            change: (Double, String) -> String) -> HeadlineRow {
        func text(_ value: Double?) -> String { value.map { format($0) } ?? "–" }
        guard let x, let y, x.isFinite, y.isFinite else { return HeadlineRow(name: name, a: text(x), b: text(y), change: "") }
        let d = y - x
        if abs(d) <= 1e-9 * max(abs(x), abs(y)) { return HeadlineRow(name: name, a: text(x), b: text(y), change: "same") }
        let relative = x != 0 ? " (" + (d >= 0 ? "+" : "−") + NumberFormat.fixed(abs(d / x) * 100, 1) + "%)" : ""
        return HeadlineRow(name: name, a: text(x), b: text(y), change: change(d, relative))
    }

    private static func headline(_ a: PlanSnapshot, _ b: PlanSnapshot) -> ReportSection {
        var blocks: [ReportBlock] = [.table(ReportTable(["figure", "A", "B", "change (B − A)"], labels: 1,
                                                        rows: headlineRows(a, b).map { [ReportCell($0.name), ReportCell($0.a), ReportCell($0.b), ReportCell($0.change)] }))]
        if a.metrics == nil || b.metrics == nil {
            blocks.append(.paragraph("\(a.metrics == nil ? "A" : "B")'s plan.json has no metrics (an older tokengrid wrote it): run the plan again for the figures marked –."))
        }
        return ReportSection(id: "headline", title: "Headline", blocks: blocks)
    }
}
