import Foundation

/// A progress line on standard error for batches that take more than a
/// moment: inputs done of all, calls per second, errors so far. Shown only on
/// a terminal, and never with `--quiet`.
final class Progress {
    private let enabled: Bool
    private let total: Int
    private let start = Date()
    private var lastDrawn = Date.distantPast
    private var shown = false
    private(set) var inputsDone = 0
    private(set) var calls = 0
    private(set) var errors = 0

    init(total: Int, quiet: Bool) {
        self.total = total
        enabled = !quiet && Terminal.isTerminal(.standardError)
    }

    func callScored() {
        calls += 1
        draw()
    }
    func inputDone() {
        inputsDone += 1
        draw()
    }
    func error() { errors += 1 }

    /// Removes the line, before other text goes to standard error.
    func clear() {
        guard shown else { return }
        StandardError.writeControl("\r\u{1B}[K")
        shown = false
    }

    private func draw() {
        guard enabled else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed > 0.5, now.timeIntervalSince(lastDrawn) > 0.2 else { return }
        lastDrawn = now
        let rate = Int((Double(calls) / elapsed).rounded())
        StandardError.writeControl(
            "\r\u{1B}[K  \(inputsDone)/\(total) inputs · \(calls) calls · \(rate) calls/s"
                + " · \(errors) error\(errors == 1 ? "" : "s")"
        )
        shown = true
    }
}
