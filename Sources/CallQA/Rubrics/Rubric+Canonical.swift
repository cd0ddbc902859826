extension Rubric {
    /// The rubric's content as compact JSON in a fixed order: what the
    /// rubric says, without the comments, layout or key order of its file.
    public var canonicalJSON: String {
        var json = JSONWriter(pretty: false)
        json.object { json in
            json.field("id", id)
            json.field("version", version)
            json.field("title", title)
            json.field("languages", languages.map(\.rawValue))
            json.field("pass", passMark)
            json.field("total", totalWeight)
            switch critical {
            case .score(let score): json.field("critical-score", score)
            case .cap(let cap): json.field("critical-cap", cap)
            }
            json.key("negation")
            json.object { json in
                json.field("negators", negation.negators)
                json.field("window", negation.window)
                json.field("exempt", negation.exemptLists.sorted())
            }
            json.field("wording-positive", wording.positive)
            json.field("wording-negative", wording.negative)
            json.key("lists")
            json.array { json in
                for list in lists {
                    json.object { json in
                        json.field("name", list.name)
                        json.field("phrases", list.phrases)
                    }
                }
            }
            json.key("items")
            json.array { json in
                for item in items { item.writeCanonical(to: &json) }
            }
            if metrics != ConversationMetrics.Settings() {
                json.key("metrics")
                json.object { json in
                    json.field("dead-air", metrics.deadAir)
                    json.field("interruption-overlap", metrics.interruptionOverlap)
                }
            }
        }
        return json.text
    }

    /// The SHA-256 of ``canonicalJSON``, in hexadecimal: the same for two
    /// files that say the same thing, different when any phrase, weight or
    /// setting differs.
    public var sha256: String {
        SHA256.hex(Array(canonicalJSON.utf8))
    }
}

extension RubricItem {
    fileprivate func writeCanonical(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", id)
            json.field("title", title)
            json.field("weight", weight)
            json.field("description", description)
            json.field("suggest", suggestions)
            json.field("kind", check.kind)
            switch check {
            case .phrase(let check):
                json.field("speaker", check.speaker.rawValue)
                if let window = check.window { json.field("window", "\(window)") }
                json.field("require", check.requirement.rawValue)
                json.field("partial", check.partialCredit)
                json.key("groups")
                json.array { json in check.groups.forEach { $0.writeCanonical(to: &json) } }
            case .forbid(let check):
                json.field("speaker", check.speaker.rawValue)
                json.field("critical", check.critical)
                json.key("group")
                check.group.writeCanonical(to: &json)
            case .limit(let check):
                json.field("speaker", check.speaker.rawValue)
                json.field("max", check.maximum)
                json.key("group")
                check.group.writeCanonical(to: &json)
            case .response(let check):
                json.key("trigger")
                check.trigger.writeCanonical(to: &json)
                json.key("respond")
                check.response.writeCanonical(to: &json)
                json.field("within", check.within)
                json.field("answer", check.answer.rawValue)
                json.field("partial", check.partialCredit)
            case .paraphrase(let check):
                if let cues = check.cues {
                    json.key("cues")
                    cues.writeCanonical(to: &json)
                }
                json.field("overlap", check.overlap)
                json.field("min-content", check.minimumContent)
            case .name(let check):
                json.field("titles-after", check.titlesAfter)
                json.field("titles-before", check.titlesBefore)
                json.field("introductions", check.introductions)
            case .wording(let check):
                json.key("group")
                check.group.writeCanonical(to: &json)
                switch check.target {
                case .use(let full): json.field("use-full", full)
                case .avoid(let allow, let zero):
                    json.field("avoid-allow", allow)
                    json.field("avoid-zero", zero)
                }
            case .hold(let check):
                json.field("min-silence", check.minimumSilence)
                json.key("ask")
                check.ask.writeCanonical(to: &json)
                json.key("thank")
                check.thank.writeCanonical(to: &json)
                json.field("partial", check.partialCredit)
            case .metric(let check):
                json.field("metric", check.metric.rawValue)
                json.field("min", check.minimum)
                json.field("max", check.maximum)
            }
        }
    }
}

extension PhraseGroup {
    fileprivate func writeCanonical(to json: inout JSONWriter) {
        json.object { json in
            json.field("name", name)
            json.field("lists", lists)
        }
    }
}
