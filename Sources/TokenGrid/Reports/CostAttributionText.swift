import Foundation

/// The words of the report's "Why a token costs what it costs" section, generated from a ``CostComparison``: which
/// drivers make the gap, which work against it, what power and grid scarcity add. Nothing here is written per plan.
struct CostAttributionText {
    let comparison: CostComparison
    let year: Int
    let data: ReportData

    private var from: CostComparison.Side { comparison.from }
    private var to: CostComparison.Side { comparison.to }

    /// "ercot" for a site, "the US sites" for a country.
    func name(_ side: CostComparison.Side) -> String {
        comparison.kind == .site ? side.name : "the \(side.name) sites"
    }

    /// The section's subheading for the comparison.
    var title: String {
        comparison.kind == .site ? "\(from.name) → \(to.name), \(year)" : "\(from.name) sites → \(to.name) sites, \(year)"
    }

    /// The paragraph that explains the gap, largest drivers first.
    var explanation: String {
        let gap = to.costUSDPerMTok - from.costUSDPerMTok
        var sentences = ["In \(year) a million tokens cost \(usd(to.costUSDPerMTok)) at \(name(to)) against \(usd(from.costUSDPerMTok)) at \(name(from))"
            + (comparison.kind == .country ? " (each token-weighted over its producing sites)" : "")
            + (abs(gap) < Self.negligibleUSDPerMTok ? ": about the same." : ": \(usd(abs(gap))) \(gap > 0 ? "more" : "less").")]
        let ranked = comparison.contributions.filter { $0.driver != .gridTightness && abs($0.usdPerMTok) >= threshold }
            .sorted { abs($0.usdPerMTok) > abs($1.usdPerMTok) }
        let along = ranked.filter { ($0.usdPerMTok > 0) == (gap >= 0) }.prefix(3), against = ranked.filter { ($0.usdPerMTok > 0) != (gap >= 0) }.prefix(3)
        if let first = along.first {
            var sentence = "\(along.count > 1 ? "Most of the gap" : "The gap") comes from \(described(first))"
            if along.count > 1 { sentence += "; then " + Self.series(along.dropFirst().map(described)) }
            sentences.append(sentence + ".")
        }
        if !against.isEmpty {
            sentences.append(capitalised(Self.series(against.map(described))) + (against.count > 1 ? " work" : " works") + " the other way.")
        }
        let power = [CostDriver.powerPrice, .carbon, .pue].reduce(0) { $0 + comparison.contribution(of: $1) }
        var powerSentence = "Power (its price, its carbon and PUE together) \(effect(power))"
        if abs(gap) >= Self.negligibleUSDPerMTok {
            powerSentence += " (\(NumberFormat.percent(abs(power / gap))) of the gap)"
            if abs(power) < 0.1 * abs(gap) { powerSentence += ": it is not what sets the gap" }
        }
        sentences.append(powerSentence + ".")
        if let scarcity = scarcitySentence { sentences.append(scarcity) }
        return sentences.joined(separator: " ")
    }

    /// Grid tightness: where headroom binds, what firm capacity is worth there, and the scarcity charge on each side.
    private var scarcitySentence: String? {
        guard from.gridScarcityUSDPerMTok > 0 || to.gridScarcityUSDPerMTok > 0 else { return nil }
        let sites = Set(from.sites + to.sites)
        let binding = data.result.headroom.filter { $0.year == year && $0.dualUSDPerMWYear > 0 && sites.contains($0.site) }
            .sorted { ($1.dualUSDPerMWYear, $0.site) < ($0.dualUSDPerMWYear, $1.site) }
        let sides = [from, to].filter { $0.gridScarcityUSDPerMTok > 0 }.map { "\(usd($0.gridScarcityUSDPerMTok)) per million tokens at \(name($0))" }
        let tightness = comparison.contribution(of: .gridTightness)
        return "Beyond the reported cost, grid tightness \(tightness < 0 ? "takes off" : "adds") \(usd(abs(tightness))): headroom binds at "
            + Self.series(binding.map(\.site)) + ", where one more MW of firm capacity is worth " + Self.series(binding.map { usdScaled($0.dualUSDPerMWYear) })
            + " a year; charged on the peak grid draw, that scarcity comes to " + Self.series(sides) + ", a cost no site pays."
    }

    /// "accelerator price (saves $0.0394: $5.16 M per MW-year of IT against $8.68 M)".
    func described(_ contribution: CostComparison.Contribution) -> String {
        "\(contribution.driver.label) (\(effect(contribution.usdPerMTok)): \(detail(contribution.driver)))"
    }

    /// "adds $0.1200", "saves $0.0394": a share in words (a sign before "$" may wrap onto its own line in prose).
    func effect(_ value: Double) -> String { "\(value < 0 ? "saves" : "adds") \(usd(abs(value)))" }

    /// The driver's values on the two sides, in words.
    func detail(_ driver: CostDriver) -> String {
        let a = from.drivers, b = to.drivers
        switch driver {
        case .throughput:
            let tokens = "\(NumberFormat.scaled(b.mtokPerMWYear * 1e6)) tokens per MW-year at \(name(to)) against \(NumberFormat.scaled(a.mtokPerMWYear * 1e6)) at \(name(from))"
            if to.designs == from.designs && abs(to.designMTokPerMWYear - from.designMTokPerMWYear) <= 1e-9 * from.designMTokPerMWYear {
                return "\(tokens): the same \(accelerators(to)), run at \(utilisation(to)) of full power against \(utilisation(from))"
            }
            return "\(tokens): \(accelerators(to)) at \(utilisation(to)) of full power against \(accelerators(from)) at \(utilisation(from))"
        case .acceleratorPrice: return "\(usdScaled(b.acceleratorUSDPerMWYear)) per MW-year of IT against \(usdScaled(a.acceleratorUSDPerMWYear))"
        case .facilityCapex: return "\(usdScaled(b.facilityUSDPerMWYear)) per MW-year of IT against \(usdScaled(a.facilityUSDPerMWYear))"
        case .fixedOM: return "\(usdScaled(b.fixedOMUSDPerMWYear)) per MW-year of IT against \(usdScaled(a.fixedOMUSDPerMWYear))"
        case .powerPrice: return "$\(NumberFormat.fixed(b.powerPriceUSDPerMWh, 2)) per MWh against $\(NumberFormat.fixed(a.powerPriceUSDPerMWh, 2))"
        case .pue: return "\(NumberFormat.fixed(b.pue, 3)) against \(NumberFormat.fixed(a.pue, 3))"
        case .carbon: return "$\(NumberFormat.fixed(b.carbonUSDPerMWh, 2)) per MWh against $\(NumberFormat.fixed(a.carbonUSDPerMWh, 2))"
        case .gridTightness: return "\(usdScaled(b.gridScarcityUSDPerMWYear)) per MW-year of facility power against \(usdScaled(a.gridScarcityUSDPerMWYear))"
        case .ownSupply:
            return "\(usdScaled(b.ownSupplyUSDPerMWYear)) per MW-year of IT with \(NumberFormat.percent(b.gridShare)) of the energy from the grid, against \(usdScaled(a.ownSupplyUSDPerMWYear)) and \(NumberFormat.percent(a.gridShare))"
        case .network: return "\(usd(b.networkUSDPerMTok)) per million tokens against \(usd(a.networkUSDPerMTok))"
        }
    }

    /// The accelerators producing on a side, most tokens first: "Ascend 910C", "B200 and H100".
    func accelerators(_ side: CostComparison.Side) -> String {
        var names: [String] = []
        for design in side.designs {
            // "Huawei Ascend 910C (CloudMatrix 384 supernode)" reads as "Huawei Ascend 910C" in a sentence.
            let full = data.report.scenario.design(design)?.accelerator ?? design
            let name = full.components(separatedBy: " (")[0]
            if !names.contains(name) { names.append(name) }
        }
        return Self.series(names)
    }

    /// Tokens produced ÷ what the installed IT would produce at full power all year.
    func utilisation(_ side: CostComparison.Side) -> String {
        side.designMTokPerMWYear > 0 ? NumberFormat.percent(side.drivers.mtokPerMWYear / side.designMTokPerMWYear) : "n/a"
    }

    /// Gaps below this read as "about the same", $ per million tokens.
    static let negligibleUSDPerMTok = 0.00005

    /// Contributions below this are left out of the words (the table lists them all), $ per million tokens.
    private var threshold: Double {
        max(Self.negligibleUSDPerMTok, 0.01 * comparison.contributions.reduce(0) { $0 + abs($1.usdPerMTok) })
    }

    func usd(_ value: Double) -> String { "$" + ReportCell.usdPerMTokText(value) }
    func signed(_ value: Double) -> String { (value < 0 ? "−" : "+") + usd(abs(value)) }
    private func usdScaled(_ value: Double) -> String { "$" + NumberFormat.scaled(value) }

    private func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// "a", "a and b", "a, b and c".
    static func series(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
