import Foundation

@testable import CallQA

/// Cohen's kappa per item of one rubric on one labelled set, measured as
/// `callqa calibrate --human LABELS CALLS --rubric R` measures it, and of all
/// items pooled.
struct ValidityMeasurement: Equatable {
    /// One item's figures, or all items pooled (`id` "all").
    struct Figure: Equatable {
        var id: String
        /// Label rows, of calls scored, whose human verdict is not na.
        var applicable: Int
        /// Cohen's kappa over three classes (pass, not pass, na); `nil` when undefined.
        var kappa: Double?
    }

    /// Calls both labelled and scored.
    var labelledCalls: Int
    /// Per item, in label-column order.
    var items: [Figure]
    /// Every item's pairs pooled into one kappa.
    var all: Figure

    /// Scores every call under `calls` with `rubric` — every call, whatever its
    /// language, as `--rubric` does — and compares the verdicts with `labels`
    /// through ``CalibrationReport``, the code `callqa calibrate` prints from.
    ///
    /// - Returns: the figures, and every problem reading the labels and the calls.
    static func measure(rubric: Rubric, labels: URL, calls: URL) throws -> (Self, [Diagnostic]) {
        let text = try String(contentsOf: labels, encoding: .utf8)
        var (human, problems) = HumanLabels.parse(
            text, source: labels.path, knownItems: Set(rubric.items.map(\.id)))
        let scorer = Scorer(rubric)
        let loader = TranscriptLoader()
        let (inputs, missing) = loader.inputs(for: [calls.path])
        problems += missing
        let wanted = Set(human.labels.map(\.callID))
        var cards: [Scorecard] = []
        for input in inputs {
            loader.read(input) { event in
                switch event {
                case .call(let call): if wanted.contains(call.id) { cards.append(scorer.score(call)) }
                case .diagnostic(let problem): problems.append(problem)
                }
            }
        }
        let scored = Set(cards.map(\.callID))
        for label in human.labels where !scored.contains(label.callID) {
            problems.append(
                Diagnostic(
                    .error, source: labels.path, line: label.line,
                    message: "call '\(label.callID)' is not among the calls scored; row left out"))
        }
        human.labels.removeAll { !scored.contains($0.callID) }

        let report = CalibrationReport(scorecards: cards, labels: human)
        let byCall = Dictionary(cards.map { ($0.callID, $0) }, uniquingKeysWith: { first, _ in first })
        var pooled: [(HumanLabels.Verdict, HumanLabels.Verdict)] = []
        var applicable: [String: Int] = [:]
        for label in human.labels {
            for id in human.items {
                guard let verdict = label.verdicts[id], let status = byCall[label.callID]?.item(id)?.status else {
                    continue
                }
                pooled.append((HumanLabels.Verdict(status), verdict))
                if verdict != .na { applicable[id, default: 0] += 1 }
            }
        }
        let items = report.items.map { Figure(id: $0.id, applicable: applicable[$0.id] ?? 0, kappa: $0.kappa) }
        let measurement = ValidityMeasurement(
            labelledCalls: report.labelledCalls, items: items,
            all: Figure(id: "all", applicable: applicable.values.reduce(0, +), kappa: Agreement.kappa(pooled)))
        return (measurement, problems)
    }

    /// A table of kappa against floor and target per item, and all items.
    func table(title: String, floors: ValidityFloors.Language, targets: ValidityFloors.Targets) -> String {
        func number(_ value: Double?) -> String { NumberText.fixed(value, places: 2) }
        var output =
            "Validity guard — \(title): \(labelledCalls) labelled calls\n"
            + "item             applicable  kappa  floor  target  to target  verdict\n"
        for figure in items + [all] {
            let isAll = figure.id == "all"
            let target = targets.target(for: figure)
            let floor = floors.floor(of: figure.id)
            let gap = target.flatMap { target in figure.kappa.map { $0 - target } }
            let verdict: String
            if let floor, figure.kappa.map({ $0 < floor }) ?? true {
                verdict = "BELOW FLOOR"
            } else if figure.kappa == nil {
                verdict = "kappa undefined (one label throughout)"
            } else if target == nil {
                verdict = "too few labels for the target"
            } else if let gap, gap >= 0 {
                verdict = "target met"
            } else {
                verdict = "BELOW TARGET"
            }
            let cells = [
                (String(figure.applicable), 10), (number(figure.kappa), 5), (number(floor), 5), (number(target), 6),
                (gap.map { ($0 >= 0 ? "+" : "") + number($0) } ?? "—", 9),
            ]
            output +=
                DisplayWidth.pad(isAll ? "all items" : figure.id, to: 15) + "  "
                + cells.map { DisplayWidth.pad($0, to: $1, alignment: .right) }.joined(separator: "  ")
                + "  " + verdict + "\n"
        }
        return output
            + "kappa: Cohen's kappa over pass / not pass / na, as callqa calibrate prints it (all items: every\n"
            + "pair pooled); target: \(number(targets.item)) for an item with at least \(targets.minimumApplicable)"
            + " applicable labels (not na), \(number(targets.all)) for all items together\n"
    }
}
