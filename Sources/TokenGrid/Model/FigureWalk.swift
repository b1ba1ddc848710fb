/// Reflection over the model types: every ``Figure`` and ``Profile`` inside a value, with its dotted path
/// (`grid.peakLoadMW`, `dataCentre.existing[0].itMW`), so that new fields are covered without listing them.
public enum FigureWalk {
    /// Calls `visit` with the path of every figure and profile in `value`, depth first in declaration order.
    public static func walk(_ value: Any, path: String = "", visit: (String, Figure?, Profile?) -> Void) {
        if let figure = value as? Figure { visit(path, figure, nil); return }
        if let profile = value as? Profile { visit(path, nil, profile); return }
        let mirror = Mirror(reflecting: value)
        for (index, child) in mirror.children.enumerated() {
            let childPath: String
            switch mirror.displayStyle {
            case .collection?: childPath = "\(path)[\(index)]"
            case .optional?: childPath = path
            default:
                guard let label = child.label else { continue }
                childPath = path.isEmpty ? label : "\(path).\(label)"
            }
            walk(child.value, path: childPath, visit: visit)
        }
    }
}

extension Figure {
    /// Whether the figure carries a source and the year it refers to.
    public var isSourced: Bool { source != nil && year != nil }

    /// Whether the loader filled the figure in for a field the file leaves out (not a figure of the file).
    public var isDefault: Bool { assumption && source == nil && reason == "default" }
}
