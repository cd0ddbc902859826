/// Reads ELAN's `.eaf` annotation form (EAF 2.x and 3.0).
///
/// ```xml
/// <ANNOTATION_DOCUMENT FORMAT="3.0" VERSION="3.0">
///   <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
///   <TIME_ORDER>
///     <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="0"/>
///     <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="3100"/>
///   </TIME_ORDER>
///   <TIER TIER_ID="Agent" PARTICIPANT="Maria" LINGUISTIC_TYPE_REF="default-lt">
///     <ANNOTATION>
///       <ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
///         <ANNOTATION_VALUE>Thank you for calling Acme.</ANNOTATION_VALUE>
///       </ALIGNABLE_ANNOTATION>
///     </ANNOTATION>
///   </TIER>
/// </ANNOTATION_DOCUMENT>
/// ```
///
/// Every independent tier is one speaker: its `TIER_ID`, then its
/// `PARTICIPANT`, map to a role like any label (`Agent`, `Customer`, `客服`,
/// or a user's mapping). Each time-aligned annotation is a turn; turns of all
/// tiers are merged in time order. Dependent tiers (`PARENT_REF`:
/// translations, glosses) annotate speech rather than record it, and are
/// skipped with a warning. A time slot without a value (unaligned) leaves the
/// turn's time unknown.
struct ELANDocument {
    let root: MarkupElement

    /// Reads the time slots and every tier's annotations into `call`.
    func read(into call: inout CallAssembler) throws(TranscriptError) {
        let header = root.child("HEADER")
        switch header?["TIME_UNITS"] ?? "milliseconds" {
        case "milliseconds": break
        default:
            throw .invalidForm(
                format: "ELAN", line: header?.line,
                detail: "TIME_UNITS \"\(header?["TIME_UNITS"] ?? "")\" is not supported (ELAN writes milliseconds)")
        }
        if let date = root["DATE"] { call.header.metadata["date"] = date }
        if let media = header?.child("MEDIA_DESCRIPTOR")?["MEDIA_URL"] { call.header.metadata["media"] = media }
        if let language = root.child("LANGUAGE")?["LANG_ID"], Language.parse(tag: language) != nil {
            call.header.set(key: "language", value: language, line: 0, warn: { _, _ in })
        }

        // Each slot's time (nil: unaligned, or invalid and the call rejected) and the line that defines it.
        var slots: [String: (time: Double?, line: Int?, isValid: Bool)] = [:]
        for slot in root.child("TIME_ORDER")?.children("TIME_SLOT") ?? [] {
            guard let id = slot["TIME_SLOT_ID"] else { continue }
            if let first = slots[id] {
                throw .invalidForm(
                    format: "ELAN", line: slot.line,
                    detail: "TIME_SLOT_ID \"\(id)\" is defined twice"
                        + (first.line.map { " (first on line \($0))" } ?? "")
                        + ": which time its annotations have is ambiguous")
            }
            var time: Double?
            var isValid = true
            if let text = slot["TIME_VALUE"] {
                if let value = Double(text.trimmingWhitespace()) {
                    time = call.time(
                        value / 1000, "TIME_VALUE", line: slot.line, of: "time slot \(id)",
                        written: "\(text.trimmingWhitespace()) ms")
                    isValid = time != nil
                } else {
                    call.warn(slot.line, "time slot \(id) has an invalid TIME_VALUE \"\(text)\"; its time is unknown")
                }
            }
            slots[id] = (time, slot.line, isValid)
        }

        let tiers = root.children("TIER")
        guard !tiers.isEmpty else {
            throw .invalidForm(format: "ELAN", line: root.line, detail: "the document has no <TIER>")
        }
        var unaligned = 0
        for tier in tiers {
            let id = tier["TIER_ID"] ?? ""
            let annotations = tier.children("ANNOTATION")
            if let parent = tier["PARENT_REF"] {
                if !annotations.isEmpty {
                    call.warn(
                        tier.line,
                        "dependent tier \"\(id)\" (of \"\(parent)\") skipped:"
                            + " it annotates speech rather than records it"
                    )
                }
                continue
            }
            let participant = tier["PARTICIPANT"] ?? ""
            // The label the speaker is known by: the tier's ID when it names the role, else the person's name.
            let tierRole = call.role(of: [id])
            let role = tierRole ?? call.role(of: [participant])
            let speaker = tierRole != nil || participant.isEmpty ? id : participant
            if role == .agent, call.header.agent == nil, let name = SpeakerLabels.personName(in: participant) {
                call.header.agent = name
            }
            for annotation in annotations {
                guard let aligned = annotation.child("ALIGNABLE_ANNOTATION") else {
                    call.warnOnce(
                        "ref \(id)", annotation.line,
                        "tier \"\(id)\" holds annotations not aligned to time (REF_ANNOTATION); skipped")
                    continue
                }
                let text = SpacedJoin.collapsingWhitespace(aligned.child("ANNOTATION_VALUE")?.text ?? "")
                if text.isEmpty { continue }
                var times: [Double?] = []
                var rejected = false
                for key in ["TIME_SLOT_REF1", "TIME_SLOT_REF2"] {
                    guard let ref = aligned[key], let slot = slots[ref] else {
                        call.warn(
                            aligned.line,
                            "annotation \(aligned["ANNOTATION_ID"] ?? "?") refers to no time slot by \(key);"
                                + " its time is unknown"
                        )
                        times.append(nil)
                        continue
                    }
                    times.append(slot.time)
                    rejected = rejected || !slot.isValid
                }
                if !rejected, times.contains(where: { $0 == nil }) { unaligned += 1 }
                call.add(label: speaker, role: role, start: times[0], end: times[1], text: text, line: aligned.line)
            }
        }
        if unaligned > 0 {
            call.warn(
                root.line,
                "\(counted(unaligned, "annotation")) without a time value: timing metrics need every turn timed")
        }
        call.sortByStart()
    }
}
