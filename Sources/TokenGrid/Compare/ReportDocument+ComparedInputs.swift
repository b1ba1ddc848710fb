extension ReportDocument {
    /// Fields of the scenario left out of the value-by-value comparison: shown elsewhere (overrides, the plan file),
    /// paths that differ from machine to machine, or slices that follow from the time representation.
    static func skipsInComparison(_ path: String) -> Bool {
        path == "plan.overrides_applied" || path == "plan.file" || path == "plan.time_slices" || path.hasSuffix(".file")
            || path.hasSuffix(".load_shape_file") || path.hasSuffix(".shape_file")
    }

    /// At most this many differing values are listed.
    static let maximumListedDifferences = 200

    /// The inputs that differ: files (by role and path, compared by SHA-256), overrides, and every value of the loaded
    /// scenario (plan, regions, designs, with overrides applied).
    static func inputs(_ a: PlanSnapshot, _ b: PlanSnapshot) -> ReportSection {
        var blocks: [ReportBlock] = [.subheading("Files")]
        let files = fileRows(a, b)
        let same = Set(a.inputs).intersection(b.inputs).count
        if files.isEmpty {
            blocks.append(.paragraph(a.inputs.isEmpty ? "Neither plan.json records its input files (an older tokengrid wrote them)." : "Both runs read the same \(same) files, byte for byte."))
        } else {
            blocks.append(.paragraph("Files read by one run only, or with other contents (SHA-256); paths are relative to each plan file's folder. \(same) file(s) are the same in both."))
            blocks.append(.table(ReportTable(["role", "file", "A", "B"], labels: 4, rows: files)))
        }
        blocks.append(.subheading("Overrides"))
        let onlyA = a.overrides.filter { !b.overrides.contains($0) }, onlyB = b.overrides.filter { !a.overrides.contains($0) }
        if onlyA.isEmpty && onlyB.isEmpty {
            blocks.append(.paragraph(a.overrides.isEmpty ? "Neither run applies overrides." : "Both runs apply the same \(a.overrides.count) override(s)."))
        } else {
            if !onlyA.isEmpty { blocks += [.paragraph("Only in A:"), .list(onlyA, code: true)] }
            if !onlyB.isEmpty { blocks += [.paragraph("Only in B:"), .list(onlyB, code: true)] }
        }
        blocks.append(.subheading("Values that differ"))
        let differences = JSONDifference.between(a.scenario, b.scenario, path: "", skip: skipsInComparison)
        if differences.isEmpty {
            blocks.append(.paragraph("The loaded scenarios (plan, regions, designs, after overrides) are the same."))
        } else {
            blocks.append(.paragraph("The scenario as loaded (plan, regions, designs, after overrides), field by field; lists are matched by id. \(differences.count) field(s) differ"
                + (differences.count > maximumListedDifferences ? "; the first \(maximumListedDifferences) are listed." : ".")))
            let rows: [[ReportCell]] = differences.prefix(maximumListedDifferences).map { difference in
                [ReportCell("`\(difference.path)`"), ReportCell(difference.a.map { $0.text() } ?? "(absent)"), ReportCell(difference.b.map { $0.text() } ?? "(absent)")]
            }
            blocks.append(.table(ReportTable(["field", "A", "B"], labels: 3, rows: rows)))
        }
        return ReportSection(id: "inputs", title: "Inputs that differ", blocks: blocks)
    }

    /// Files in one run only or with other digests, the plan files first, then by path.
    private static func fileRows(_ a: PlanSnapshot, _ b: PlanSnapshot) -> [[ReportCell]] {
        func key(_ file: InputFileRecord) -> String { file.role == .plan ? "plan" : "\(file.role.rawValue):\(file.path)" }
        func describe(_ file: InputFileRecord?) -> ReportCell {
            guard let file else { return "(not read)" }
            return ReportCell("\(NumberFormat.grouped(Double(file.bytes), 0)) bytes, sha256 \(file.sha256.prefix(12))…")
        }
        let left = Dictionary(a.inputs.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let right = Dictionary(b.inputs.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let keys = Set(left.keys).union(right.keys).sorted { ($0 == "plan" ? 0 : 1, $0) < ($1 == "plan" ? 0 : 1, $1) }
        return keys.compactMap { key in
            let x = left[key], y = right[key]
            guard x?.sha256 != y?.sha256 || x?.path != y?.path else { return nil }
            let role = (x ?? y)!.role.rawValue
            let path = x?.path == y?.path || y == nil ? x!.path : x == nil ? y!.path : "\(x!.path) / \(y!.path)"
            return [ReportCell(role), ReportCell(path), describe(x), describe(y)]
        }
    }
}
