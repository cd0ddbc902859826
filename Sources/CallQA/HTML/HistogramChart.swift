/// The score distribution as an SVG histogram: calls per tenth of the score
/// range, the pass mark drawn as a dashed line. Geometry only — the report
/// template draws it.
struct HistogramChart {
    let chartWidth = 720
    let chartHeight = 240
    let plotLeft = Self.left
    let plotRight = Self.right
    let baseline = Self.base
    private static let left = 40
    private static let right = 700
    private static let base = 200
    let chartLabel: String
    let chartNote: String
    let bins: [Bin]
    let ticks: [Tick]
    let passMarks: [PassMark]

    struct Bin {
        let binLabel: String
        let binCount: Int
        let binX: String
        let binY: String
        let binWidth: String
        let binHeight: String
        let binMiddle: String
        let countY: String
    }

    struct Tick {
        let tickX: String
        let tickY: Int
        let tickLabel: String
    }

    struct PassMark {
        let markX: String
        let markTop: Int
        let markLabelY: Int
        let markLabel: String
    }

    /// A chart of `counts` (ten: 0–9.9, …, 90–100), with a line at each pass
    /// mark and the ids of the rubrics that have it (already made visible).
    init(counts: [Int], passMarks: [(mark: Double, rubrics: [String])], passMarkKnown: Bool) {
        let top = 34.0
        let height = Double(Self.base) - top
        let step = Double(Self.right - Self.left) / Double(counts.count)
        let highest = max(1, counts.max() ?? 1)
        func text(_ value: Double) -> String { NumberText.shortest(value, places: 1) }
        bins = counts.enumerated().map { index, count in
            let barHeight = height * Double(count) / Double(highest)
            let x = Double(Self.left) + step * Double(index)
            let low = index * 10
            return Bin(
                binLabel: index == counts.count - 1 ? "\(low)–100" : "\(low)–\(low + 9).9", binCount: count,
                binX: text(x + 3), binY: text(Double(Self.base) - barHeight), binWidth: text(step - 6),
                binHeight: text(barHeight), binMiddle: text(x + step / 2),
                countY: text(Double(Self.base) - barHeight - 5))
        }
        ticks = (0...counts.count).map { index in
            Tick(
                tickX: text(Double(Self.left) + step * Double(index)), tickY: Self.base + 18,
                tickLabel: String(index * 10))
        }
        let sortedMarks = passMarks.sorted { $0.mark < $1.mark }
        self.passMarks = sortedMarks.enumerated().map { index, passMark in
            let x = Double(Self.left) + Double(Self.right - Self.left) * min(100, max(0, passMark.mark)) / 100
            let label =
                "pass mark \(NumberText.shortest(passMark.mark, places: 2))"
                + (sortedMarks.count > 1 ? " (" + passMark.rubrics.joined(separator: ", ") + ")" : "")
            return PassMark(markX: text(x), markTop: 20 + 11 * index, markLabelY: 14 + 11 * index, markLabel: label)
        }
        let total = counts.reduce(0, +)
        chartLabel =
            "Histogram of \(total) call scores by tenths: "
            + zip(bins.map(\.binLabel), counts).map { "\($0): \($1)" }.joined(separator: ", ")
        chartNote =
            "Calls by score, in tenths of the range (the last includes 100)."
            + (passMarks.isEmpty
                ? (passMarkKnown ? "" : " The pass mark is not drawn: the rubric is not known here.")
                : " The dashed line is the pass mark.")
    }
}
