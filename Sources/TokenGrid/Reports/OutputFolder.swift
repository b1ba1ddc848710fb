import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces an output folder's whole file set at once, so that a run killed at any moment leaves either the old set
/// or the new one, never a mix.
///
/// 1. A lock (`flock` on the parent folder, held only while writing) serialises runs into one folder: a second run
///    waits for the first. It leaves no lock file behind.
/// 2. Leftovers of killed runs (`.NAME.staging-*`, `.NAME.old-*`) are removed.
/// 3. Every file is written into a hidden sibling `.NAME.staging-TOKEN`, flushed to disk.
/// 4. The staging folder and the folder are exchanged in one step (`renameat2(RENAME_EXCHANGE)` on Linux; where it
///    is missing, two renames, and a folder found missing with an `.NAME.old-*` beside it is restored at the next run).
/// 5. The old set, now in the staging name, is removed.
///
/// SIGINT, SIGTERM and SIGHUP during steps 3–5 are held back until the swap is done or undone, so an interrupted write
/// leaves no hidden files. A folder that holds files TokenGrid did not write is refused rather than replaced.
public struct OutputFolder: Sendable {
    /// The folder, as given.
    public let path: String

    /// Names of every file a TokenGrid command may write into an output folder (a folder holding only these, or
    /// carrying the marker, may be replaced).
    public static let knownNames: Set<String> = [
        marker, "report.md", "report.html", "report.png", "plan.json", "sites.csv", "zones.csv", "builds.csv", "duals.csv", "costs.csv", "status.csv",
        "timings.csv", "dispatch.csv", "grid_edge.csv", "deferrals.csv", "sweep.csv", "sensitivity.md", "sensitivity.html", "sweep-timings.csv", "compare.md", "compare.html", "compare.png", "sensitivity.png",
    ]
    /// An empty file marking a folder as TokenGrid's output.
    public static let marker = ".tokengrid-output"

    /// Why an output folder could not be written, in plain words with the path.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public init(_ path: String) {
        self.path = path
    }

    private var parent: String {
        let directory = (standardised as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }
    private var name: String { (standardised as NSString).lastPathComponent }
    private var standardised: String {
        var text = path
        while text.count > 1 && text.hasSuffix("/") { text.removeLast() }
        return text
    }
    private func sibling(_ suffix: String) -> String { (parent as NSString).appendingPathComponent(".\(name).\(suffix)") }

    /// Writes `files` as the folder's whole content and returns their names.
    /// - Parameters:
    ///   - files: each file's name in the folder and its bytes.
    ///   - onWait: called once if another run holds the folder's lock (this one then waits for it).
    /// - Throws: ``WriteError`` (in plain words, with the path) when the folder cannot be written; the folder is then as it was.
    @discardableResult
    public func replace(with files: [(name: String, data: Data)], onWait: (() -> Void)? = nil) throws -> [String] {
        guard name != "." && name != ".." && name != "/" && !name.isEmpty else {
            throw WriteError(description: "cannot use \(path) as an output folder; name a folder of its own, e.g. out/my-plan")
        }
        try createParent()
        let lock = try Lock(folder: parent, onWait: onWait)
        defer { lock.release() }
        let signals = SignalHold()
        defer { signals.release() }
        try recoverAndClean()
        try checkReplaceable()
        let token = String(UUID().uuidString.prefix(8)).lowercased()
        let staging = sibling("staging-\(token)")
        do {
            try Self.makeDirectory(staging)
            for (fileName, data) in files + [(Self.marker, Data())] {
                try Self.write(data, to: (staging as NSString).appendingPathComponent(fileName))
            }
            try swapIn(staging, token: token)
        } catch {
            Self.removeTree(staging)
            throw error
        }
        Self.removeTree(staging)
        return files.map(\.name)
    }

    private func createParent() throws {
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError(description: "cannot create the folder \(parent): \(Self.reason(error))")
        }
    }

    /// Puts back a folder lost between the two renames of a killed run, then removes stale staging and old folders.
    private func recoverAndClean() throws {
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: parent)) ?? []
        let stagingPrefix = ".\(name).staging-", oldPrefix = ".\(name).old-"
        if !manager.fileExists(atPath: standardised), let old = entries.filter({ $0.hasPrefix(oldPrefix) }).sorted().last {
            _ = rename((parent as NSString).appendingPathComponent(old), standardised)
        }
        for entry in entries where entry.hasPrefix(stagingPrefix) || entry.hasPrefix(oldPrefix) {
            Self.removeTree((parent as NSString).appendingPathComponent(entry))
        }
    }

    /// Refuses to replace a folder that holds anything TokenGrid did not write.
    private func checkReplaceable() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: standardised, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw WriteError(description: "cannot write reports into \(path): it is a file, not a folder")
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: standardised)
        } catch {
            throw WriteError(description: "cannot read the folder \(path): \(Self.reason(error))")
        }
        // Temporary files of the writer before this one (".NAME.TOKEN.tmp") are leftovers too.
        let foreign = entries.filter { !Self.knownNames.contains($0) && !($0.hasPrefix(".") && $0.hasSuffix(".tmp")) }.sorted()
        if !foreign.isEmpty {
            let shown = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? " and \(foreign.count - 3) more" : "")
            throw WriteError(description: "\(path) holds files TokenGrid did not write (\(shown)); reports replace the whole folder, so choose a new or empty folder")
        }
    }

    private func swapIn(_ staging: String, token: String) throws {
        guard FileManager.default.fileExists(atPath: standardised) else {
            guard rename(staging, standardised) == 0 else { throw WriteError(description: "cannot create \(path): \(Self.errnoReason())") }
            return
        }
        if Self.exchange(staging, standardised) { return }
        // No atomic exchange here: move the old set aside, then the new one in (a kill between the two is repaired
        // by recoverAndClean at the next run).
        let old = sibling("old-\(token)")
        guard rename(standardised, old) == 0 else { throw WriteError(description: "cannot replace \(path): \(Self.errnoReason())") }
        guard rename(staging, standardised) == 0 else {
            let reason = Self.errnoReason()
            _ = rename(old, standardised)
            throw WriteError(description: "cannot replace \(path): \(reason)")
        }
        Self.removeTree(old)
    }

    /// Exchanges two paths atomically with Linux's renameat2(RENAME_EXCHANGE), looked up at run time.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCurrentDirectory: Int32 = -100, exchangeFlag: UInt32 = 2
        return renameat2(atCurrentDirectory, a, atCurrentDirectory, b, exchangeFlag) == 0
        #else
        return false
        #endif
    }

    private static func makeDirectory(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 else { throw WriteError(description: "cannot create the folder \(path): \(errnoReason())") }
    }

    /// Writes and flushes one file (a crash after the swap must not leave empty files behind).
    private static func write(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw WriteError(description: "cannot write \(path): \(errnoReason())") }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(description: "cannot write \(path): \(errnoReason())")
                }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else { throw WriteError(description: "cannot write \(path): \(errnoReason())") }
    }

    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    static func errnoReason() -> String { String(cString: strerror(errno)).lowercased() }

    /// A Foundation error in plain words (its POSIX cause when it has one).
    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))).lowercased() }
        switch nsError.code {
        case CocoaError.fileWriteNoPermission.rawValue, CocoaError.fileReadNoPermission.rawValue: return "permission denied"
        case CocoaError.fileWriteOutOfSpace.rawValue: return "no space left on the device"
        case CocoaError.fileWriteVolumeReadOnly.rawValue: return "the file system is read-only"
        case CocoaError.fileWriteFileExists.rawValue: return "a file of that name is in the way"
        default: return "the operating system refused it"
        }
    }
}

/// An exclusive `flock` on a folder; waits when another process holds it.
private struct Lock {
    let descriptor: Int32

    init(folder path: String, onWait: (() -> Void)?) throws {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputFolder.WriteError(description: "cannot open the folder \(path): \(OutputFolder.errnoReason())")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            onWait?()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw OutputFolder.WriteError(description: "cannot lock \(path): \(OutputFolder.errnoReason())")
                }
            }
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Holds back SIGINT, SIGTERM and SIGHUP while the folder is being swapped: a handler (on whichever thread the
/// signal lands) only records it; on release the previous handling is restored and a recorded signal is raised
/// again, so it takes its usual effect once the folder is consistent.
private struct SignalHold {
    private static let held: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private var previous: [sigaction] = []

    init() {
        pendingSignal.pointee = 0
        for signal in Self.held {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { pendingSignal.pointee = $0 }
            sigemptyset(&action.sa_mask)
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous.append(old)
        }
    }

    func release() {
        for (signal, old) in zip(Self.held, previous) {
            var restore = old
            sigaction(signal, &restore, nil)
        }
        let pending = pendingSignal.pointee
        if pending != 0 { raise(pending) }
    }
}

/// The signal recorded while held, 0 for none (storage allocated once, so that the handler only stores into it).
nonisolated(unsafe) private let pendingSignal: UnsafeMutablePointer<Int32> = {
    let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    pointer.initialize(to: 0)
    return pointer
}()
