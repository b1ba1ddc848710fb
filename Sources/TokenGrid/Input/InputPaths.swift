/// The paths a plan names (`regions_dir`, `designs_file`), checked before anything is read through them.
enum InputPaths {
    /// A folder path: text without control characters. Returns `fallback` when the field is absent, nil after an error.
    static func folder(_ field: YAMLField, default fallback: String) -> String? {
        guard field.isPresent else { return fallback }
        return path(field)
    }

    /// A YAML file path: text without control characters, ending in `.yaml` or `.yml`; nil after an error.
    ///
    /// Only YAML files are read, so that a path pointing at any other file (`/etc/shadow`) is refused before it is opened.
    static func yamlFile(_ field: YAMLField) -> String? {
        guard let path = path(field) else { return nil }
        guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else {
            field.error("\(TextQuote.quoted(path)) is not a YAML file; expected a path ending in .yaml or .yml")
            return nil
        }
        return path
    }

    private static func path(_ field: YAMLField) -> String? {
        guard let path = field.string() else { return nil }
        guard !path.isEmpty, !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            field.error("\(TextQuote.quoted(path)) is not a usable path; expected a non-empty path without control characters")
            return nil
        }
        return path
    }
}
