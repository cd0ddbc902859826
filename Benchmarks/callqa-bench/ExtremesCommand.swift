import ArgumentParser
import CallQA
import CallQATestSupport
import Foundation

/// `callqa-bench extremes`: calls of a shape no corpus has — one agent turn
/// of megabytes, hundreds of thousands of timed turns — scored at growing
/// sizes, so that a cost growing faster than the input shows as a ratio
/// above 2 for each doubling.
struct ExtremesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extremes",
        abstract: "Time scoring one very long turn and very many timed turns, at doubling sizes.")

    @Option(help: "The long turn's sizes in megabytes, each double the one before.")
    var megabytes: [Int] = [1, 2, 4]
    @Option(help: "The numbers of timed turns, each double the one before.")
    var turns: [Int] = [50_000, 100_000, 200_000]
    @Option(help: "Runs per size; the median is reported.") var runs = 3
    @Option(help: "The seed of the generated text.") var seed: UInt64 = 1

    func run() throws {
        let rubric = try Rubric(contentsOf: URL(fileURLWithPath: "rubrics/en-standard.yaml"))
        let scorer = Scorer(rubric)
        var generator = CorpusGenerator(seed: seed)
        generator.languages = [(.english, 1)]
        let sample = generator.call(number: 0)
        let agentText = sample.turns.filter { $0.role == .agent }.map(\.text).joined(separator: " ")

        print("one agent turn        seconds  × the size before")
        var previous: Double?
        for size in megabytes {
            var text = ""
            while text.utf8.count < size * 1_000_000 { text += agentText + " " }
            let call = Call(
                id: "long-turn", language: .english,
                turns: [
                    Turn(role: .customer, text: "Hello, I was charged twice and I am not happy about it."),
                    Turn(role: .agent, text: text),
                ])
            let seconds = Measure.median(runs: runs) { consume(scorer.score(call)) }
            print(line("\(size) MB", seconds, previous))
            previous = seconds
        }

        print("timed turns           seconds  × the size before")
        previous = nil
        for count in turns {
            let call = Call(
                id: "many-turns", language: .english,
                turns: (0..<count).map { index in
                    // Each turn overlaps the one before: every agent turn may interrupt.
                    let start = Double(index) * 2
                    return Turn(
                        role: index % 2 == 0 ? .customer : .agent, start: start, end: start + 3,
                        text: index % 2 == 0 ? "I see, and the refund?" : "Let me check that for you.")
                })
            let seconds = Measure.median(runs: runs) { consume(scorer.score(call)) }
            print(line("\(count) turns", seconds, previous))
            previous = seconds
        }
    }

    private func line(_ size: String, _ seconds: Double, _ previous: Double?) -> String {
        let ratio = previous.map { String(format: "%.1f", seconds / $0) } ?? "—"
        return size.padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "%9.2f", seconds) + "  " + ratio
    }
}
