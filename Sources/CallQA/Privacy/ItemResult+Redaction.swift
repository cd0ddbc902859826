extension ItemResult {
    /// Masks personal data in what the result says in words of its own: the
    /// note, what is missing and what each piece of evidence matched or
    /// found (a restatement's repeated numbers). The evidence's text is
    /// quoted from the masked turn already.
    mutating func redactText(with redactor: Redactor) {
        note = redactor.redact(note)
        missing = missing.map(redactor.redact)
        for index in evidence.indices {
            evidence[index].phrase = redactor.redact(evidence[index].phrase)
        }
    }
}
