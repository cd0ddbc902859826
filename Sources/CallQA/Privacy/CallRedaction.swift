/// What a ``Redactor`` masked in a call, and what was there before: kept
/// with the redacted call so that it is scored on what was said, never
/// written out (a call's `Codable` form and every writer leave it out).
struct CallRedaction: Sendable, Hashable {
    /// A text before and after masking.
    struct Masked: Sendable, Hashable {
        var original: String
        var masked: String
    }

    /// The redactor that masked the call, for the notes its scorecard writes.
    var redactor: Redactor
    /// The turns whose text was masked, by index.
    var turns: [Int: Masked] = [:]
    /// The metadata values that were masked, by key.
    var metadata: [String: Masked] = [:]
}

extension Redactor {
    /// `call` with personal data masked in every turn's text and every
    /// metadata value (the id, agent and customer are kept as they are). A
    /// call already redacted is returned as it is.
    public func redact(_ call: Call) -> Call {
        guard call.redaction == nil else { return call }
        var redacted = call
        var redaction = CallRedaction(redactor: self)
        for (index, turn) in call.turns.enumerated() {
            guard let masked = masked(turn.text) else { continue }
            redacted.turns[index].text = masked
            redaction.turns[index] = CallRedaction.Masked(original: turn.text, masked: masked)
        }
        for (key, value) in call.metadata {
            guard let masked = masked(value) else { continue }
            redacted.metadata[key] = masked
            redaction.metadata[key] = CallRedaction.Masked(original: value, masked: masked)
        }
        redacted.redaction = redaction
        return redacted
    }

    /// A read event with its call, if any, redacted.
    func redact(_ event: ReadEvent) -> ReadEvent {
        guard case .call(let call) = event else { return event }
        return .call(redact(call))
    }
}

extension Call {
    /// Whether a ``Redactor`` masked the call's personal data: its turns and
    /// metadata show the masks, and scoring still reads what was said.
    public var isRedacted: Bool { redaction != nil }

    /// The call as it was said: the words a redactor masked put back where
    /// they are unchanged since. The call itself when it was never redacted.
    var unredacted: Call {
        guard let redaction else { return self }
        var call = self
        call.redaction = nil
        for (index, texts) in redaction.turns where call.turns.indices.contains(index) {
            if call.turns[index].text == texts.masked { call.turns[index].text = texts.original }
        }
        for (key, texts) in redaction.metadata where call.metadata[key] == texts.masked {
            call.metadata[key] = texts.original
        }
        return call
    }
}
