import CallQA

/// What one fuzz target feeds its input to: a transcript reader, the rubric
/// loader, the human-labels reader or the reader of `score --format jsonl`
/// results. Whatever is read is then scored and rendered in every output
/// form, so the target also covers the scoring and the formatters.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// CallQA's plain text transcripts.
    case text
    /// CallQA's XML (`<call>`, `<calls>`).
    case xml
    /// Transcriber `.trs` files, through the XML reader.
    case trs
    /// ELAN `.eaf` files, through the XML reader.
    case eaf
    /// WebVTT captions.
    case vtt
    /// SRT captions.
    case srt
    /// Amazon Transcribe and Contact Lens JSON.
    case json
    /// A rubric's YAML, loaded, linted, compiled and scored with.
    case rubric
    /// A human-labels CSV, as `calibrate` and `rubric suggest` read it.
    case labels
    /// Results of `score --format jsonl`, as `report` reads them.
    case results

    /// The transcript form this target reads, for the transcript readers.
    var transcriptFormat: TranscriptFormat? {
        switch self {
        case .text: .text
        case .xml, .trs, .eaf: .xml
        case .vtt: .vtt
        case .srt: .srt
        case .json: .json
        case .rubric, .labels, .results: nil
        }
    }

    /// The file name the input is given in diagnostics, so that format
    /// detection sees the extension such a file would have.
    var inputName: String {
        switch self {
        case .text: "input.txt"
        case .xml: "input.xml"
        case .trs: "input.trs"
        case .eaf: "input.eaf"
        case .vtt: "input.vtt"
        case .srt: "input.srt"
        case .json: "input.json"
        case .rubric: "input.yaml"
        case .labels: "input.csv"
        case .results: "input.jsonl"
        }
    }

    /// Runs one input through this target's code.
    ///
    /// Bad input must come back as diagnostics; a crash, a hang or a leak
    /// here is a finding.
    func run(_ bytes: [UInt8], with harness: FuzzHarness) {
        if let format = transcriptFormat {
            harness.readTranscript(bytes, as: format, name: inputName)
            return
        }
        switch self {
        case .rubric: harness.loadRubric(bytes, name: inputName)
        case .labels: harness.readLabels(bytes, name: inputName)
        case .results: harness.readResults(bytes, name: inputName)
        default: break
        }
    }
}
