import CallQA
import Foundation

/// The files tests read: `Tests/Fixtures` and the shipped `corpora/`.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let corpora = root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("corpora")

    /// The shipped `rubrics/` folder.
    static let shippedRubrics = corpora.deletingLastPathComponent().appendingPathComponent("rubrics")

    /// A shipped rubric, by file name without extension.
    static func shipped(_ name: String) throws -> Rubric {
        try Rubric(contentsOf: shippedRubrics.appendingPathComponent(name + ".yaml"))
    }

    /// A fixture rubric, relative to `Tests/Fixtures/rubrics`.
    static func rubric(_ name: String) throws -> Rubric {
        try Rubric(contentsOf: root.appendingPathComponent("rubrics/" + name + ".yaml"))
    }

    /// A call read from plain-text transcript lines, as a file would hold them.
    static func call(_ text: String, id: String = "inline") -> Call {
        let events = PlainTextReader().read(Array(text.utf8), source: id + ".txt", defaultID: id)
        guard case .call(let call)? = events.last else { fatalError("not a transcript: \(events)") }
        return call
    }

    /// Every call in the shipped corpora.
    static func corpusCalls() -> [Call] {
        let loader = TranscriptLoader()
        return loader.inputs(for: [corpora.path]).inputs.flatMap { input in
            loader.events(from: input).compactMap { if case .call(let call) = $0 { call } else { nil } }
        }
    }

    /// The path of a fixture, relative to `Tests/Fixtures`.
    static func path(_ name: String) -> String {
        root.appendingPathComponent(name).path
    }

    /// Everything the loader reports for one fixture.
    static func read(_ name: String, format: TranscriptFormat? = nil, speakers: SpeakerMapping = SpeakerMapping())
        -> Outcome
    {
        Outcome(events: TranscriptLoader(format: format, speakers: speakers).events(from: .file(path(name))))
    }

    /// The events of one read, sorted by kind.
    struct Outcome {
        var events: [ReadEvent]

        var calls: [Call] {
            events.compactMap { if case .call(let call) = $0 { call } else { nil } }
        }
        var errors: [Diagnostic] { diagnostics(.error) }
        var warnings: [Diagnostic] { diagnostics(.warning) }

        /// The only call, when there is exactly one.
        var call: Call? { calls.count == 1 ? calls[0] : nil }

        private func diagnostics(_ severity: Diagnostic.Severity) -> [Diagnostic] {
            events.compactMap { if case .diagnostic(let d) = $0, d.severity == severity { d } else { nil } }
        }
    }
}
