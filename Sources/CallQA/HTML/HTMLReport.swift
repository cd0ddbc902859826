import Foundation

/// A batch of scored calls as one self-contained HTML page — what a QA lead
/// looks at: the figures of `score --by agent` and `report` drawn, and the
/// calls to review embedded with their transcripts marked.
///
/// Gathered one call at a time, in bounded memory: every call counts in the
/// score distribution, the period and the table of other calls (the worst
/// ``otherCallLimit`` kept), and only each agent's worst
/// ``embeddedCallsPerAgent`` calls are kept whole, to be embedded as call
/// sections. The figures themselves — agents, items, metrics, rubrics — are
/// the ``ScoreSummary`` the JSON output is written from, passed in at the end.
///
/// ```swift
/// var report = HTMLReport()
/// var summary = ScoreSummary()
/// for (call, card, rubric) in scored {
///     summary.add(ScoreRecord(card))
///     report.add(card, call: call, rubric: rubric)
/// }
/// let page = report.html(summary: summary, diagnostics: [])
/// ```
public struct HTMLReport: Sendable {
    /// How many calls of each agent are embedded whole: the worst, as many as
    /// an agent summary lists (``AgentSummary/worstCallCount``), chosen by the
    /// same rule (lowest score first, equal scores in call-id order), so that
    /// every worst call the agent table names links to its section.
    public static let embeddedCallsPerAgent = AgentSummary.worstCallCount
    /// How many of the calls not embedded the page lists, worst first.
    public static let otherCallLimit = 1_000

    /// A call kept to be embedded.
    struct Kept: Sendable {
        var score: Double
        var callID: String
        var card: Scorecard
        var call: Call?
        var rubric: Rubric?
        var transcriptNote: String?
    }

    /// A call as a row of the tables of calls.
    struct Row: Sendable {
        var score: Double
        var callID: String
        var agent: String
        var date: String?
        var passed: Bool
        var notMet: [String]
    }

    private var bins = [Int](repeating: 0, count: 10)
    private var agentBins: [String: [Int]] = [:]
    private var kept: [String: [Kept]] = [:]
    private var rows: [Row] = []
    private var rubrics: [RubricReference: Rubric] = [:]
    private var firstDate: CallDay?
    private var lastDate: CallDay?
    private var datedCalls = 0
    private var trendBuilders: [ReportPeriod: ScoreTrends.Builder] = [:]

    /// The period the trend section counts calls by; `nil`: chosen from the
    /// days the calls span (``automaticPeriod(first:last:)``).
    public let trendPeriod: ReportPeriod?

    /// Creates an empty report whose trend section counts calls by
    /// `trendPeriod`, or by a period suited to the days the calls span.
    public init(trendPeriod: ReportPeriod? = nil) {
        self.trendPeriod = trendPeriod
        for period in trendPeriod.map({ [$0] }) ?? ReportPeriod.allCases {
            trendBuilders[period] = ScoreTrends.Builder(grouping: .period(period))
        }
    }

    /// Counts one call, scored as `card` with `rubric`; `call` is its
    /// transcript, embedded when the call is among its agent's worst.
    public mutating func add(_ card: Scorecard, call: Call?, rubric: Rubric?) {
        // The scorecard names its rubric: no fingerprint to compute again.
        if let rubric, rubrics[card.rubric] == nil { rubrics[card.rubric] = rubric }
        count(ScoreRecord(card))
        keep(Kept(score: card.score, callID: card.callID, card: card, call: call, rubric: rubric))
    }

    /// Counts one result read back from JSON Lines (`callqa report`):
    /// `record` as summaries read it, and `line`, the result's JSON, decoded
    /// whole only when the call is among its agent's worst so far.
    public mutating func add(_ record: ScoreRecord, line: [UInt8]) {
        count(record)
        guard wouldKeep(record.score, record.callID, agent: record.agent ?? AgentSummary.unknownAgent),
            let card = try? JSONDecoder().decode(Scorecard.self, from: Data(line))
        else { return }
        keep(Kept(score: record.score, callID: record.callID, card: card, call: nil, rubric: nil))
    }

    /// Finds what results read back lack for the calls to be embedded: the
    /// rubric, among `catalog`'s, whose fingerprint is the one the call was
    /// scored with (for what good looks like and what to say instead), and
    /// the transcript, read again with `loader` from the file the result
    /// names, masked as `loader` reads it — used only when that file still
    /// holds the call, with the same words at every piece of evidence.
    public mutating func attachTranscripts(loader: TranscriptLoader, catalog: RubricCatalog) {
        for rubric in catalog.rubrics { rubrics[RubricReference(rubric)] = rubric }
        // Each file once, however many of its calls are embedded.
        var wanted: [String: Set<Int>] = [:]
        for list in kept.values {
            for entry in list where entry.call == nil {
                wanted[entry.card.source.path, default: []].insert(entry.card.source.index)
            }
        }
        var found: [String: [Int: Call]] = [:]
        for path in wanted.keys.sorted() {
            loader.read(.file(path)) { event in
                if case .call(let call) = event, wanted[path]!.contains(call.source.index) {
                    found[path, default: [:]][call.source.index] = call
                }
            }
        }
        for agent in kept.keys {
            for index in kept[agent]!.indices where kept[agent]![index].call == nil {
                var entry = kept[agent]![index]
                entry.rubric = rubrics[entry.card.rubric]
                let source = entry.card.source
                if let call = found[source.path]?[source.index],
                    call.id == entry.card.callID || entry.card.callID.hasPrefix(call.id + "#"),
                    Self.evidenceMatches(entry.card, call)
                {
                    entry.call = call
                } else {
                    entry.transcriptNote =
                        "The transcript is not part of the results, and \(HTMLText.visible(source.description))"
                        + " could not be read or no longer holds the words of its evidence: the scorecard follows."
                }
                kept[agent]![index] = entry
            }
        }
    }

    /// The page: the summaries of `summary` (the one the JSON output is
    /// written from), the errors and warnings of `diagnostics`, and the calls
    /// gathered.
    public func html(
        summary: ScoreSummary, diagnostics: [Diagnostic], minimumCalls: Int = AgentSummary.defaultMinimumCalls
    ) -> String {
        let page = HTMLReportPage(
            report: self, summary: summary, diagnostics: diagnostics, minimumCalls: minimumCalls)
        return HTMLPage.render(page, template: "report")
    }

    // MARK: - Gathering

    private mutating func count(_ record: ScoreRecord) {
        let bin = Self.bin(record.score)
        bins[bin] += 1
        let agent = record.agent ?? AgentSummary.unknownAgent
        agentBins[agent, default: [Int](repeating: 0, count: 10)][bin] += 1
        let day = CallDay(of: record.metadata)
        if let day {
            datedCalls += 1
            firstDate = min(firstDate ?? day, day)
            lastDate = max(lastDate ?? day, day)
            for period in trendBuilders.keys { trendBuilders[period]!.add(record) }
        }
        let date = day?.text
        rows.append(
            Row(
                score: record.score, callID: record.callID, agent: agent, date: date, passed: record.passed,
                notMet: record.items.filter { $0.status == .fail || $0.status == .partial }.map(\.id)))
        // Keep the worst rows only: enough for the table once the embedded calls are taken out.
        let room = Self.otherCallLimit + Self.embeddedCallsPerAgent * agentBins.count
        if rows.count > 2 * room {
            rows.sort { ($0.score, $0.callID) < ($1.score, $1.callID) }
            rows.removeLast(rows.count - room)
        }
    }

    private func wouldKeep(_ score: Double, _ callID: String, agent: String) -> Bool {
        guard let list = kept[agent], list.count >= Self.embeddedCallsPerAgent else { return true }
        return (score, callID) < (list.last!.score, list.last!.callID)
    }

    private mutating func keep(_ entry: Kept) {
        let agent = entry.card.agent ?? AgentSummary.unknownAgent
        guard wouldKeep(entry.score, entry.callID, agent: agent) else { return }
        var list = kept[agent] ?? []
        let position = list.firstIndex { (entry.score, entry.callID) < ($0.score, $0.callID) } ?? list.count
        list.insert(entry, at: position)
        if list.count > Self.embeddedCallsPerAgent { list.removeLast() }
        kept[agent] = list
    }

    // MARK: - What the page reads

    /// The calls kept whole, worst first (equal scores in call-id order).
    var embedded: [Kept] {
        kept.values.joined().sorted {
            ($0.score, $0.callID, $0.card.agent ?? "") < ($1.score, $1.callID, $1.card.agent ?? "")
        }
    }

    /// The calls not embedded, worst first, at most ``otherCallLimit``; and
    /// how many more there are.
    func others(total: Int) -> (rows: [Row], leftOut: Int) {
        let embeddedKeys = Set(kept.flatMap { agent, list in list.map { agent + "\u{0}" + $0.callID } })
        let sorted = rows.sorted { ($0.score, $0.callID) < ($1.score, $1.callID) }
            .filter { !embeddedKeys.contains($0.agent + "\u{0}" + $0.callID) }
        let shown = Array(sorted.prefix(Self.otherCallLimit))
        let embeddedCount = embeddedKeys.count
        return (shown, max(0, total - embeddedCount - shown.count))
    }

    /// The rows of the embedded calls, keyed like ``others(total:)``'s.
    func row(of entry: Kept) -> Row {
        let record = ScoreRecord(entry.card)
        return Row(
            score: entry.score, callID: entry.callID, agent: entry.card.agent ?? AgentSummary.unknownAgent,
            date: CallDay(of: entry.card.metadata)?.text, passed: entry.card.passed,
            notMet: record.items.filter { $0.status == .fail || $0.status == .partial }.map(\.id))
    }

    /// Calls per tenth of the score range: 0–9.9, 10–19.9, …, 90–100.
    var distribution: [Int] { bins }
    /// Each agent's calls per tenth of the score range.
    var agentDistributions: [String: [Int]] { agentBins }
    /// The rubrics known, by reference.
    var knownRubrics: [RubricReference: Rubric] { rubrics }
    /// The first and last day of the calls that carry a date, and how many do.
    var period: (first: String, last: String, dated: Int)? {
        guard let firstDate, let lastDate else { return nil }
        return (firstDate.text, lastDate.text, datedCalls)
    }

    /// The trends of the dated calls, by ``trendPeriod`` or the period suited
    /// to their span; `nil` when no call is dated.
    var trends: ScoreTrends? {
        guard let firstDate, let lastDate else { return nil }
        let period = trendPeriod ?? Self.automaticPeriod(first: firstDate, last: lastDate)
        return trendBuilders[period]?.trends
    }

    /// The period a report's trend is counted by when none is asked for:
    /// days for up to two weeks of calls, ISO weeks for up to half a year,
    /// months beyond — a few to a few dozen points.
    public static func automaticPeriod(first: CallDay, last: CallDay) -> ReportPeriod {
        let days = last.number - first.number + 1
        return days <= 14 ? .day : days <= 183 ? .week : .month
    }

    /// The tenth of the score range a score falls in.
    static func bin(_ score: Double) -> Int {
        min(9, max(0, Int((score / 10).rounded(.down))))
    }

    /// Whether every quoted piece of evidence of `card` is, word for word,
    /// where it says in `call` — but where `call` has a mask character
    /// (the call is read masked; the result may not have been).
    static func evidenceMatches(_ card: Scorecard, _ call: Call) -> Bool {
        for item in card.items {
            for evidence in item.evidence {
                guard evidence.turn < call.turns.count else { return false }
                guard evidence.kind == .quote, let offsets = evidence.offsets else { continue }
                let scalars = Array(call.turns[evidence.turn].text.unicodeScalars)
                let quoted = Array(evidence.text.unicodeScalars)
                guard offsets.upperBound <= scalars.count, quoted.count == offsets.count else { return false }
                for (said, quote) in zip(scalars[offsets], quoted) where said != quote {
                    guard said == Redactor.narrowMask || said == Redactor.wideMask else { return false }
                }
            }
        }
        return true
    }
}
