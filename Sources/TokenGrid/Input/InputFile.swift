#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading one input file as UTF-8 text, with what went wrong in plain words.
///
/// Opens without blocking (a named pipe does not stall the read), refuses what is not a regular file (a folder,
/// `/dev/zero`) and files over ``InputLimits/maximumFileBytes``, and never reads more than that limit.
enum InputFile {
    /// Why a file could not be read; `message` names the path.
    enum Failure: Error, Equatable {
        /// The file cannot be opened or read, or is not a regular file or too large: nothing of it was read.
        case unreadable(message: String)
        /// The file was read but is not UTF-8 text, at this 1-based line and column.
        case notText(line: Int, column: Int, message: String)
    }

    /// The file's text.
    static func contents(of path: String) -> Result<String, Failure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(message: "cannot read \(path): \(reason(errno))")) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(message: "cannot read \(path): \(reason(errno))")) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.unreadable(message: "cannot read \(path): it is a folder, not a file"))
        default: return .failure(.unreadable(message: "cannot read \(path): it is not a regular file"))
        }
        let limit = InputLimits.maximumFileBytes
        guard Int(status.st_size) <= limit else { return .failure(.unreadable(message: tooLarge(path, bytes: Int(status.st_size)))) }
        // Read up to one byte past the limit: a file that grew since fstat is caught too.
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count <= limit else { return .failure(.unreadable(message: tooLarge(path, bytes: bytes.count))) }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: min(bytes.count, limit + 1 - bytes.count) + 1))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(message: "cannot read \(path): \(reason(errno))"))
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return text(bytes, path: path)
    }

    /// The bytes as UTF-8 text, or where the first byte that is not UTF-8 lies.
    static func text(_ bytes: [UInt8], path: String) -> Result<String, Failure> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var line = 1, column = 1
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return .failure(.notText(line: line, column: column, message: "\(path) is not UTF-8 text: a byte here is not UTF-8"))
    }

    private static func tooLarge(_ path: String, bytes: Int) -> String {
        "cannot read \(path): it is larger than \(InputLimits.maximumFileBytes >> 20) MB (\(bytes) bytes); input files are a few kilobytes"
    }

    /// The system's reason, in lower case: "no such file or directory", "permission denied".
    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case ENOTDIR: return "a part of the path is not a folder"
        case EISDIR: return "it is a folder, not a file"
        case ENAMETOOLONG: return "the path is too long"
        case ELOOP: return "too many symbolic links"
        default:
            let text = String(cString: strerror(code))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }
}
