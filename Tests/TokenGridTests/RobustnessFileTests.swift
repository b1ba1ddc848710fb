import Foundation
import Testing
@testable import TokenGrid

/// Paths that name something other than a readable TokenGrid file: plain-words errors at the path's reference,
/// and never a word of the file's content.
@Suite("Robustness: files and paths")
struct RobustnessFileTests {
    typealias Fix = InputFixtures

    /// The fixture plan with `designs_file: <path>` as its second line.
    static func plan(designsFile path: String) -> String {
        Fix.plan.edited("name: test-plan\n", "name: test-plan\ndesigns_file: \(path)\n")
    }

    /// `designs_file: /etc/shadow` once printed the file's first line in the error: now a path that does not end in
    /// .yaml or .yml is refused before it is opened.
    @Test func designsFileMustBeYAML() throws {
        let workspace = try InputWorkspace()
        let error = try workspace.loadError(plan: Self.plan(designsFile: "/etc/shadow"))
        expectError(error, fieldPath: "designs_file", file: workspace.planPath, line: 2, column: 15,
                    containing: ["'/etc/shadow' is not a YAML file", ".yaml or .yml"])
    }

    /// A .yaml file that is not a design catalogue (the plan itself; a secret) gives one error that quotes none of its keys.
    @Test func foreignFileIsNotQuoted() throws {
        let workspace = try InputWorkspace()
        let secret = try TestSupport.write("canary-4711:x:19000:0:99999:7:::\ncanary-4712:y:19000:0:99999:7:::\n", to: "secret.yaml", in: workspace.root)
        let error = try workspace.loadError(plan: Self.plan(designsFile: secret))
        #expect(!error.description.contains("canary"), "\(error)")
        expectError(error, fieldPath: "", file: secret, line: 1, column: 1, containing: ["this is not a design catalogue", "none of its 2 top-level keys"])
        let itself = try workspace.loadError(plan: Self.plan(designsFile: workspace.planPath))
        expectError(itself, fieldPath: "", file: workspace.planPath, line: 1, column: 1, containing: ["this is not a design catalogue"])
    }

    /// The plan file itself may be any path: a non-plan is reported the same way.
    @Test func foreignPlanIsNotQuoted() throws {
        let workspace = try InputWorkspace()
        let error = try workspace.loadError(plan: "canary-1: 1\ncanary-2: 2\n")
        #expect(!error.description.contains("canary"), "\(error)")
        expectError(error, fieldPath: "", file: workspace.planPath, line: 1, column: 1, containing: ["this is not a plan"])
    }

    /// Missing file, a folder, a device: plain words with the path, reported at the `designs_file` line.
    @Test func unreadableDesignsFile() throws {
        let workspace = try InputWorkspace()
        let folder = workspace.root + "/folder.yaml"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let device = workspace.root + "/zero.yaml"
        try FileManager.default.createSymbolicLink(atPath: device, withDestinationPath: "/dev/zero")
        for (path, words) in [(workspace.root + "/absent.yaml", "no such file"), (folder, "it is a folder, not a file"),
                              (device, "it is not a regular file")] {
            let error = try workspace.loadError(plan: Self.plan(designsFile: path))
            expectError(error, fieldPath: "designs_file", file: workspace.planPath, line: 2, column: 15, containing: ["cannot read \(path): \(words)"])
        }
    }

    /// A named pipe does not block the read: it is not a regular file.
    @Test func namedPipeDoesNotBlock() throws {
        let workspace = try InputWorkspace()
        let pipe = workspace.root + "/pipe.yaml"
        #expect(mkfifo(pipe, 0o600) == 0)
        let error = try workspace.loadError(plan: Self.plan(designsFile: pipe))
        expectError(error, fieldPath: "designs_file", file: workspace.planPath, line: 2, column: 15, containing: ["it is not a regular file"])
    }

    /// A region file that cannot be read is reported at its element of `regions`; a missing one is an unknown region.
    @Test func unreadableRegionFile() throws {
        let workspace = try InputWorkspace()
        try FileManager.default.removeItem(atPath: workspace.regionPath("beta"))
        try FileManager.default.createDirectory(atPath: workspace.regionPath("beta"), withIntermediateDirectories: true)
        let error = try workspace.loadError()
        expectError(error, fieldPath: "regions[1]", file: workspace.planPath, line: 6, column: 18, containing: ["cannot read", "beta.yaml: it is a folder"])
    }

    /// An unreadable file without a reference (the plan itself) is reported at the file, in plain words.
    @Test func unreadablePlan() throws {
        let workspace = try InputWorkspace()
        let error = try #require(throws: InputError.self) { try PlanLoader.load(planAt: workspace.root) }
        #expect(error.errors.first?.message == "cannot read \(workspace.root): it is a folder, not a file", "\(error)")
    }

    /// Permission denied, in those words (root reads everything, so only checked for other users).
    @Test(.enabled(if: getuid() != 0)) func permissionDenied() throws {
        let workspace = try InputWorkspace()
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: workspace.regionPath("alpha"))
        let error = try workspace.loadError()
        expectError(error, fieldPath: "regions[0]", file: workspace.planPath, line: 6, column: 11, containing: ["alpha.yaml: permission denied"])
    }

    /// A path with a control character is refused before use.
    @Test func pathWithAControlCharacter() throws {
        let workspace = try InputWorkspace()
        let error = try workspace.loadError(plan: Fix.plan.edited("name: test-plan\n", "name: test-plan\nregions_dir: \"../Re\\0gions\"\n"))
        expectError(error, fieldPath: "regions_dir", file: workspace.planPath, line: 2, column: 14, containing: ["not a usable path"])
    }
}
