/// The few lines `tokengrid plan` prints to stdout.
public enum ReportSummary {
    public static func text(_ report: Report) -> String {
        let result = report.result, metrics = result.metrics
        let plan = report.scenario.plan, lastYear = plan.lastYear
        let penalty = result.costBreakdownUSD.unservedPenalty
        var lines = ["plan \(result.planName): \(result.status.rawValue), total discounted cost (\(plan.firstYear) $) \(NumberFormat.money(metrics.discountedCostUSD))"
            + (penalty >= 0.5 ? " without the unserved penalty" : "")]
        let last = result.sites.filter { $0.year == lastYear && $0.tokens > 0 }.sorted { $0.costUSDPerMTok < $1.costUSDPerMTok }
        for site in last {
            lines.append("  \(site.site): \(NumberFormat.fixed(site.itMWInstalled, 0)) MW IT in \(lastYear), \(NumberFormat.usdPerMTok(site.costUSDPerMTok)) per million tokens")
        }
        if metrics.unservedTokens > 0 && metrics.demandTokens > 0 {
            let share = metrics.unservedShare
            lines.append("  unserved: \(share < 0.001 ? String(format: "%.2g", locale: nil, share * 100) + "%" : NumberFormat.percent(share)) of demand over the horizon"
                + (penalty >= 0.5 ? ", penalty \(NumberFormat.money(penalty)) (\(NumberFormat.usdPerMTok(plan.unservedPenaltyUSDPerMTok)) per million tokens, discounted) on top" : ""))
        }
        return lines.joined(separator: "\n")
    }
}
