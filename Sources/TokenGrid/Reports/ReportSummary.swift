/// The few lines `tokengrid plan` prints to stdout.
public enum ReportSummary {
    public static func text(_ report: Report) -> String {
        let result = report.result
        let lastYear = report.scenario.plan.lastYear
        var lines = ["plan \(result.planName): \(result.status.rawValue), total discounted cost $\(NumberFormat.scaled(result.objectiveUSD))"]
        let last = result.sites.filter { $0.year == lastYear && $0.tokens > 0 }.sorted { $0.costUSDPerMTok < $1.costUSDPerMTok }
        for site in last {
            lines.append("  \(site.site): \(NumberFormat.fixed(site.itMWInstalled, 0)) MW IT in \(lastYear), \(NumberFormat.usdPerMTok(site.costUSDPerMTok)) per million tokens")
        }
        if result.metrics.unservedTokens > 0 && result.metrics.demandTokens > 0 {
            let share = result.metrics.unservedShare
            lines.append("  unserved: \(share < 0.001 ? String(format: "%.2g", locale: nil, share * 100) + "%" : NumberFormat.percent(share)) of demand over the horizon")
        }
        return lines.joined(separator: "\n")
    }
}
