import CallQA

extension FuzzHarness {
    /// Reads a transcript as `format` (as `--input-format` forces it), then
    /// scores every call read with each shipped rubric (as `--rubric` can
    /// force a rubric of another language), and renders every output of
    /// `score`, `explain`, `inspect` and `convert` for its scorecard by the
    /// rubric of its language.
    func readTranscript(_ bytes: [UInt8], as format: TranscriptFormat, name: String) {
        _ = TranscriptFormat.detect(prefix: bytes.prefix(4096), path: name)
        var diagnostics: [Diagnostic] = []
        for event in events(reading: bytes, as: format, name: name) {
            switch event {
            case .call(let call):
                let own = scorer(for: call)
                for other in scorers where other.rubric.id != own.rubric.id { _ = other.score(call) }
                OutputRendering.renderAll(call: call, card: own.score(call), rubric: own.rubric)
            case .diagnostic(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        OutputRendering.renderDiagnostics(diagnostics)
    }

    private func events(reading bytes: [UInt8], as format: TranscriptFormat, name: String) -> [ReadEvent] {
        let id = "fuzz"
        switch format {
        case .text: return PlainTextReader().read(bytes, source: name, defaultID: id)
        case .xml: return Array(XMLTranscriptReader(bytes: bytes, source: name, defaultID: id))
        case .vtt: return SubtitleReader(.webVTT).read(bytes, source: name, defaultID: id)
        case .srt: return SubtitleReader(.srt).read(bytes, source: name, defaultID: id)
        case .json: return TranscribeJSONReader().read(bytes, source: name, defaultID: id)
        }
    }
}
