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
                        // Only when set, so rubrics without them keep their fingerprint.
                        if list.exact { json.field("exact", true) }
                        if list.near != Rubric.PhraseList.defaultNear { json.field("near", list.near) }
                        if list.asr { json.field("asr", true) }
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
            // Only when set, so rubrics without it keep their fingerprint.
            if redacts { json.field("redact", true) }
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
            check.writeCanonical(to: &json)
        }
    }
}
