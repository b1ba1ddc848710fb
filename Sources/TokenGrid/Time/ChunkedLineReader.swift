import Foundation

/// Reads a file line by line in 1 MB chunks with bounded memory: each line's bytes (without `\n` and a trailing `\r`)
/// go to a closure, valid only during the call, and no `String` is made per line.
///
/// A line longer than `maximumLineBytes` is not kept: the closure gets `nil` and the line's length.
enum ChunkedLineReader {
    static let chunkBytes = 1 << 20

    enum Failure: Error, Equatable {
        case cannotOpen(errno: Int32)
        case readFailed(errno: Int32)
        /// More than `maximumTotalBytes` were read (the file grew, or is not a regular file).
        case tooLarge
    }

    /// Calls `body(lineNumber, bytes, length)` for every line, 1-based; `bytes` is nil when `length` exceeds
    /// `maximumLineBytes`. A last line without a newline counts; an empty file has no lines.
    static func forEachLine(path: String, maximumLineBytes: Int, maximumTotalBytes: Int,
                            _ body: (Int, UnsafeRawBufferPointer?, Int) -> Void) -> Failure? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .cannotOpen(errno: errno) }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkBytes, alignment: 16)
        defer { buffer.deallocate() }
        // A partial line carried from one chunk to the next: at most maximumLineBytes + 1 bytes are kept
        // (one more than allowed, for a trailing \r), the length is counted in full.
        let carry = UnsafeMutableRawBufferPointer.allocate(byteCount: maximumLineBytes + 1, alignment: 16)
        defer { carry.deallocate() }
        var carryStored = 0, carryLength = 0, lineNumber = 0, totalBytes = 0

        func emit(_ bytes: UnsafeRawBufferPointer, fullLength: Int) {
            lineNumber += 1
            var length = fullLength
            if length > 0, length == bytes.count, bytes[length - 1] == UInt8(ascii: "\r") { length -= 1 }
            if length > maximumLineBytes {
                body(lineNumber, nil, length)
            } else {
                body(lineNumber, UnsafeRawBufferPointer(rebasing: bytes[0 ..< length]), length)
            }
        }
        func append(_ bytes: UnsafeRawBufferPointer) {
            let room = min(bytes.count, carry.count - carryStored)
            if room > 0 {
                carry.baseAddress!.advanced(by: carryStored).copyMemory(from: bytes.baseAddress!, byteCount: room)
                carryStored += room
            }
            carryLength += bytes.count
        }
        func emitCarry() {
            emit(UnsafeRawBufferPointer(rebasing: carry[0 ..< carryStored]), fullLength: carryLength)
            carryStored = 0
            carryLength = 0
        }

        while true {
            let count = read(descriptor, buffer.baseAddress!, chunkBytes)
            if count < 0 {
                if errno == EINTR { continue }
                return .readFailed(errno: errno)
            }
            if count == 0 { break }
            totalBytes += count
            if totalBytes > maximumTotalBytes { return .tooLarge }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0 ..< count])
            var start = 0
            while start < count {
                let base = chunk.baseAddress!.advanced(by: start)
                guard let newline = memchr(base, 0x0A, count - start) else {
                    append(UnsafeRawBufferPointer(rebasing: chunk[start ..< count]))
                    break
                }
                let end = start + (UnsafeRawPointer(newline) - base)
                let piece = UnsafeRawBufferPointer(rebasing: chunk[start ..< end])
                if carryLength == 0 {
                    emit(piece, fullLength: piece.count)
                } else {
                    append(piece)
                    emitCarry()
                }
                start = end + 1
            }
        }
        if carryLength > 0 { emitCarry() }
        return nil
    }
}
