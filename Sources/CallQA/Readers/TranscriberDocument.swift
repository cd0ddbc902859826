/// Reads Transcriber's `.trs` form (the Transcriber and TranscriberAG tools).
///
/// ```xml
/// <!DOCTYPE Trans SYSTEM "trans-14.dtd">
/// <Trans audio_filename="call-0042" version="3">
///   <Speakers>
///     <Speaker id="spk1" name="Agent Maria"/>
///     <Speaker id="spk2" name="Customer"/>
///   </Speakers>
///   <Episode>
///     <Section type="report" startTime="0" endTime="9.8">
///       <Turn speaker="spk1" startTime="0" endTime="4.2">
///         <Sync time="0"/>Thank you for calling Acme, this is Maria.
///         <Sync time="2.6"/>How can I help?
///       </Turn>
///       <Turn speaker="spk1 spk2" startTime="4.2" endTime="5.0">
///         <Sync time="4.2"/><Who nb="1"/>right <Who nb="2"/>yes
///       </Turn>
///     </Section>
///   </Episode>
/// </Trans>
/// ```
///
/// Each `<Sync>` starts a new turn that ends at the next `<Sync>` or at the
/// `<Turn>`'s `endTime`; in a turn with several speakers, `<Who nb="N"/>`
/// hands the words to the Nth of them, and their turns overlap. Speakers are
/// named by `<Speakers>`; their names (or IDs) map to roles like any label.
/// `<Event>`, `<Comment>` and `<Background>` are notes, not speech.
struct TranscriberDocument {
    let root: MarkupElement

    /// Reads the speakers and every turn into `call`.
    func read(into call: inout CallAssembler) throws(TranscriptError) {
        for key in ["lang", "language"] {
            guard let value = root[key] else { continue }
            var problem: String?
            call.header.set(key: "language", value: value, line: 0) { _, message in problem = message }
            if let problem { call.warn(root.line, problem) }
        }
        for (key, value) in root.attributes.sorted(by: { $0.key < $1.key })
        where ["audio_filename", "scribe", "version_date", "elapsed_time"].contains(key) {
            call.header.metadata[key] = value
        }

        var names: [String: String] = [:]
        for speaker in root.child("Speakers")?.children("Speaker") ?? [] {
            guard let id = speaker["id"] else {
                call.warn(speaker.line, "<Speaker> without an 'id' ignored")
                continue
            }
            names[id] = speaker["name"] ?? id
        }
        let episodes = root.children("Episode")
        guard !episodes.isEmpty else {
            throw .invalidForm(format: "Transcriber", line: root.line, detail: "<Trans> holds no <Episode>")
        }
        for episode in episodes {
            for section in episode.children("Section") {
                for turn in section.children("Turn") { read(turn, names: names, into: &call) }
            }
            for other in episode.children where other.name != "Section" {
                call.warnOnce(
                    "episode \(other.name)", other.line, "unknown element <\(other.name)> in <Episode> skipped")
            }
        }
    }

    /// One `<Turn>`: a turn per `<Sync>` segment and speaker.
    private func read(_ turn: MarkupElement, names: [String: String], into call: inout CallAssembler) {
        let ids = turn["speaker"]?.split(separator: " ").map(String.init) ?? []
        let turnStart = time(turn, "startTime", into: &call)
        let turnEnd = time(turn, "endTime", into: &call)

        struct Segment {
            var speaker: Int
            var start: Double?
            var line: Int?
            var text = ""
        }
        // Segments in order; each Sync closes the ones before it.
        var segments: [Segment] = []
        var syncTimes: [Double] = []
        var speaker = 0
        var current = Segment(speaker: 0, start: turnStart, line: turn.line)
        func close() {
            if !current.text.trimmingWhitespace().isEmpty { segments.append(current) }
        }
        for piece in turn.content {
            switch piece {
            case .text(let text):
                current.text += text
            case .element(let element) where element.name == "Sync":
                close()
                let at = time(element, "time", into: &call) ?? current.start
                if let at { syncTimes.append(at) }
                current = Segment(speaker: speaker, start: at, line: element.line)
            case .element(let element) where element.name == "Who":
                close()
                speaker = max(0, (Int(element["nb"] ?? "") ?? 1) - 1)
                current = Segment(speaker: speaker, start: current.start, line: element.line ?? current.line)
            case .element(let element) where ["Event", "Comment", "Background"].contains(element.name):
                current.text += " "
            case .element(let element):
                call.warnOnce(
                    "turn \(element.name)", element.line,
                    "unknown element <\(element.name)> inside <Turn>: its text is kept")
                current.text += element.text
            }
        }
        close()

        for segment in segments {
            // A segment ends where the next Sync starts, or with the turn.
            let end = segment.start.flatMap { start in syncTimes.first { $0 > start } } ?? turnEnd
            let id = segment.speaker < ids.count ? ids[segment.speaker] : nil
            let text = SpacedJoin.collapsingWhitespace(segment.text)
            guard let id else {
                call.warnOnce(
                    "no speaker", segment.line,
                    ids.isEmpty
                        ? "text in a <Turn> without a speaker is read as other"
                        : "<Who nb=\"\(segment.speaker + 1)\"> names no speaker of the turn; read as other")
                call.add(
                    label: SpeakerRoles.noSpeaker, role: .other, start: segment.start, end: end, text: text,
                    line: segment.line)
                continue
            }
            if names[id] == nil {
                call.warnOnce("speaker \(id)", turn.line, "speaker \"\(id)\" is not declared in <Speakers>")
            }
            let name = names[id] ?? id
            call.add(
                label: name, role: call.role(of: [name, id]), start: segment.start, end: end, text: text,
                line: segment.line)
        }
    }

    /// A time attribute in seconds: text that is no number is ignored with a
    /// warning; a number that is not a valid time rejects the call.
    private func time(_ element: MarkupElement, _ attribute: String, into call: inout CallAssembler) -> Double? {
        guard let text = element[attribute] else { return nil }
        guard let seconds = Double(text.trimmingWhitespace()) else {
            call.warn(element.line, "invalid \(attribute) \"\(text)\" on <\(element.name)> ignored")
            return nil
        }
        return call.time(seconds, attribute, line: element.line, of: "<\(element.name)>")
    }
}
