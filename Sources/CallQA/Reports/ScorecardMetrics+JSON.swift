extension ScorecardMetrics {
    /// Writes the metrics as the `metrics` object of a scorecard, figures
    /// rounded to the millisecond (percentages and rates to 0.01):
    ///
    /// ```json
    /// {"available": true, "duration": 65, "agentTalkShare": 35.54, "customerTalkShare": 14.15,
    ///  "nonTalkShare": 52.62, "longestSilence": {"start": 20.5, "end": 52.5, "duration": 32,
    ///  "afterTurn": 4, "beforeTurn": 5}, "deadAir": {"seconds": 32, "count": 1, "silences": [...]},
    ///  "interruptions": {"count": 1, "list": [{"turn": 2, "interruptedTurn": 1, "at": 9.5, "overlap": 1.5}]},
    ///  "rateUnit": "words/min", "agentRate": 161.04, "customerRate": 158.7, "paceRatio": 1.01,
    ///  "responseLatency": {"count": 3, "mean": 0.333, "longest": 0.6, "longestTurn": 7}}
    /// ```
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("available", true)
            json.field("duration", NumberText.rounded(duration, places: 3))
            json.field("agentTalkShare", NumberText.rounded(agentTalkShare, places: 2))
            json.field("customerTalkShare", NumberText.rounded(customerTalkShare, places: 2))
            json.field("nonTalkShare", NumberText.rounded(nonTalkShare, places: 2))
            if let longestSilence {
                json.key("longestSilence")
                longestSilence.write(to: &json)
            }
            json.key("deadAir")
            json.object { json in
                json.field("seconds", NumberText.rounded(deadAirSeconds, places: 3))
                json.field("count", deadAir.count)
                json.key("silences")
                json.array { json in deadAir.forEach { $0.write(to: &json) } }
            }
            json.key("interruptions")
            json.object { json in
                json.field("count", interruptions.count)
                json.key("list")
                json.array { json in
                    for interruption in interruptions {
                        json.object { json in
                            json.field("turn", interruption.turn)
                            json.field("interruptedTurn", interruption.interruptedTurn)
                            json.field("at", NumberText.rounded(interruption.at, places: 3))
                            json.field("overlap", NumberText.rounded(interruption.overlap, places: 3))
                        }
                    }
                }
            }
            json.field("rateUnit", rateUnit)
            json.field("agentRate", agentRate.map { NumberText.rounded($0, places: 2) })
            json.field("customerRate", customerRate.map { NumberText.rounded($0, places: 2) })
            json.field("paceRatio", paceRatio.map { NumberText.rounded($0, places: 2) })
            json.key("responseLatency")
            json.object { json in
                json.field("count", responseLatency.count)
                json.field("mean", responseLatency.mean.map { NumberText.rounded($0, places: 3) })
                json.field("longest", responseLatency.longest.map { NumberText.rounded($0, places: 3) })
                json.field("longestTurn", responseLatency.longestTurn)
            }
        }
    }
}

extension ConversationMetrics {
    /// Writes `{"available": false, "reason": …}` for a call without metrics.
    package static func writeUnavailable(reason: String, to json: inout JSONWriter) {
        json.object { json in
            json.field("available", false)
            json.field("reason", reason)
        }
    }
}

extension ConversationMetrics.Silence {
    /// Writes `{"start", "end", "duration", "afterTurn", "beforeTurn"}`.
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("start", NumberText.rounded(start, places: 3))
            json.field("end", NumberText.rounded(end, places: 3))
            json.field("duration", NumberText.rounded(duration, places: 3))
            json.field("afterTurn", afterTurn)
            json.field("beforeTurn", beforeTurn)
        }
    }
}
