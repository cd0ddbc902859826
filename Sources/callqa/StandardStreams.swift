import CallQA

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffered writing to standard output, remembering the first error: once
/// writing failed, nothing more is written, and ``failure`` says why.
final class StandardOutput {
    private var buffer: [UInt8] = []
    private let threshold = 1 << 16
    /// The error number of the first write that failed; 0 while none has.
    private(set) var failure: Int32 = 0

    func write(_ text: String) {
        guard failure == 0 else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= threshold { flush() }
    }

    func flush() {
        if failure == 0 { failure = Descriptor.writeAll(buffer, to: 1) }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

/// Unbuffered writing to standard error: diagnostics appear as they happen.
/// They quote paths, call ids and words from inputs, so every control
/// character but the line break is shown visibly (``TerminalText``).
enum StandardError {
    static func write(_ text: String) {
        // Nothing is left to tell of a failure to write standard error.
        _ = Descriptor.writeAll(Array(TerminalText.visible(text, keepingLineBreaks: true).utf8), to: 2)
    }

    /// Writes the terminal control sequences of the progress line as they are.
    static func writeControl(_ text: String) {
        _ = Descriptor.writeAll(Array(text.utf8), to: 2)
    }
}

enum Descriptor {
    /// Writes every byte, retrying on interruption and short writes.
    ///
    /// - Returns: 0, or the error number of the write that failed (`ENOSPC`
    ///   on a full disk, `EPIPE` when the reader of a pipe has gone).
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                // Nothing written for a non-empty request: the device takes no more.
                if written == 0 { return EIO }
                offset += written
            }
            return 0
        }
    }
}

/// Facts about the terminal, if there is one.
enum Terminal {
    enum Stream: Int32 {
        case standardOutput = 1
        case standardError = 2
    }

    static func isTerminal(_ stream: Stream) -> Bool {
        isatty(stream.rawValue) == 1
    }

    /// Whether to colour output: only on a terminal, and never when `NO_COLOR` is set.
    static func colour(toTerminal: Bool) -> Bool {
        toTerminal && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
    }

    /// The terminal's width in columns, when the stream is a terminal.
    static func columns(_ stream: Stream) -> Int? {
        guard isTerminal(stream) else { return nil }
        var size = winsize()
        guard ioctl(stream.rawValue, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
