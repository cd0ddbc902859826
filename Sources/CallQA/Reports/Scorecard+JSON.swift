extension Scorecard {
    /// Writes the scorecard as a JSON object, fields in a fixed order:
    ///
    /// ```json
    /// {"id": "…", "source": {…}, "agent": "…", "language": "zh-Hans", "metadata": {"date": "…"},
    ///  "rubric": "zh-standard",
    ///  "rubricVersion": "1.0.0", "rubricSha256": "…", "score": 92.5, "passed": true, "criticalFailures": [],
    ///  "items": [{"id": "greeting", "title": "…", "status": "pass", "points": 15, "max": 15,
    ///             "critical": false, "note": "…", "missing": [],
    ///             "evidence": [{"turn": 0, "speaker": "agent", "start": 0, "text": "…", "phrase": "…",
    ///                           "offsets": [0, 4]}]}],
    ///  "wording": {"positive": 5, "negative": 0},
    ///  "metrics": {"available": true, "duration": 65, …}}
    /// ```
    ///
    /// `metrics` is written by ``ScorecardMetrics/write(to:)``, or as
    /// `{"available": false, "reason": "…"}` when the call has no times.
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", callID)
            json.key("source")
            source.write(to: &json)
            json.field("agent", agent)
            json.field("language", language.rawValue)
            json.field("metadata", metadata)
            json.field("rubric", rubric.id)
            json.field("rubricVersion", rubric.version)
            json.field("rubricSha256", rubric.sha256)
            json.field("score", score)
            json.field("passed", passed)
            json.field("criticalFailures", criticalFailures)
            json.key("items")
            json.array { json in
                for item in items { item.write(to: &json) }
            }
            json.key("wording")
            json.object { json in
                json.field("positive", wording.positive)
                json.field("negative", wording.negative)
            }
            json.key("metrics")
            if let metrics {
                metrics.write(to: &json)
            } else {
                ConversationMetrics.writeUnavailable(reason: metricsUnavailable ?? "not computed", to: &json)
            }
        }
    }
}

extension ItemResult {
    /// Writes the item result as a JSON object.
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", id)
            json.field("title", title)
            json.field("status", status.rawValue)
            json.field("points", points)
            json.field("max", maxPoints)
            json.field("critical", critical)
            json.field("note", note)
            json.field("missing", missing)
            json.key("evidence")
            json.array { json in evidence.forEach { $0.write(to: &json) } }
        }
    }
}

extension Evidence {
    /// Writes the evidence as `{"turn", "speaker", "start"?, "text", "phrase", "kind", "offsets"?}`.
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("turn", turn)
            json.field("speaker", speaker.rawValue)
            json.field("start", start)
            json.field("text", text)
            json.field("phrase", phrase)
            json.field("kind", kind.rawValue)
            if let offsets {
                json.key("offsets")
                json.array { json in
                    json.value(offsets.lowerBound)
                    json.value(offsets.upperBound)
                }
            }
        }
    }
}

extension AgentSummary {
    /// Writes the summary as a JSON object.
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("agent", agent)
            json.field("calls", calls)
            json.field("mean", mean)
            json.field("median", median)
            json.field("min", min)
            json.field("max", max)
            json.field("passRate", passRate)
            json.field("worstCalls", worstCalls)
            json.field("tooFewCalls", tooFewCalls)
            json.key("items")
            json.array { json in
                for item in items {
                    json.object { json in
                        json.field("id", item.id)
                        json.field("passRate", item.passRate)
                        json.field("applicable", item.applicable)
                    }
                }
            }
            if let metrics {
                json.key("metrics")
                json.object { json in
                    json.field("timedCalls", metrics.timedCalls)
                    json.field("agentTalkShare", metrics.agentTalkShare)
                    json.field("customerTalkShare", metrics.customerTalkShare)
                    json.field("longestSilence", metrics.longestSilence)
                    json.field("deadAir", metrics.deadAir)
                    json.field("interruptions", metrics.interruptions)
                    json.field("paceRatio", metrics.paceRatio)
                    json.field("responseLatency", metrics.responseLatency)
                }
            }
        }
    }
}

extension RubricReference {
    /// Writes the reference as `{"id": …, "version": …, "sha256": …}`.
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", id)
            json.field("version", version)
            json.field("sha256", sha256)
        }
    }
}
