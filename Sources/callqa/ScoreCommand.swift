import ArgumentParser
import CallQA
import Foundation

/// `callqa score`: scores calls against rubrics.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score calls against a rubric, with evidence for every verdict.",
        discussion: """
            Each call is scored with --rubric, or else with the shipped rubric for its language \
            (from the transcript, or recognised from its text). Inputs are scored in parallel; the \
            output is in input order whatever the number of jobs.

            With --store, every scored call is also kept in a SQLite results store (created when \
            missing), one transaction per chunk of calls; 'callqa report --store' reads it back.

            Exit codes: 0 every call scored; 1 an input failed, a call could not be scored (the \
            rest are still scored) or the store could not be written; 2 usage error, a rubric with \
            errors, or a store that cannot be opened (not a store, written by a newer CallQA); 3 a \
            score below --fail-under.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("A rubric file, or the id of a shipped rubric (e.g. zh-standard).", valueName: "rubric"))
    var rubric: String?

    @OptionGroup var language: LanguageOption

    @OptionGroup var format: FormatOption<OutputFormat>

    @Option(help: "Rows per call or per agent: call or agent (for table and csv output, and --fail-under).")
    var by: Grouping = .call

    @OptionGroup var jobs: JobsOption

    @OptionGroup var output: OutputFileOption<OutputFormat>

    @Option(help: ArgumentHelp("Also write every error to this file, as JSON Lines.", valueName: "file"))
    var errors: String?

    @Option(
        help: ArgumentHelp(
            "Also keep every scored call in this SQLite results store (created when missing).", valueName: "file"))
    var store: String?

    @Option(
        name: .customLong("fail-under"),
        help: ArgumentHelp(
            "Exit 3 when any call (with --by agent: any agent's mean) scores below this.", valueName: "score"))
    var failUnder: Double?

    @Option(
        name: .customLong("min-calls"),
        help: ArgumentHelp(
            "Agents with fewer calls are marked as too few to judge.", valueName: "n"))
    var minimumCalls: Int = AgentSummary.defaultMinimumCalls

    @Flag(help: "No progress line.")
    var quiet = false

    enum OutputFormat: String, TableOrJSON {
        case table, json, jsonl, csv, html

        static let formatHelp =
            "Output format: table, json, jsonl, csv or html (default: table on a terminal, json otherwise)."
        static let outputHelp = "Write the results to this file (atomically) instead of standard output."
    }

    enum Grouping: String, ExpressibleByArgument, CaseIterable {
        case call, agent
    }

    func validate() throws {
        if minimumCalls < 1 { throw ValidationError("--min-calls must be at least 1.") }
        if let failUnder, !(0...100).contains(failUnder) {
            throw ValidationError("--fail-under must be from 0 to 100.")
        }
        if store == "-" || store?.isEmpty == true { throw ValidationError("--store takes a file: the results store.") }
        if by == .agent, let format = format.format, format == .jsonl || format == .json {
            throw ValidationError("--by agent is for table and csv output; json and jsonl always hold every call.")
        }
    }

    func run() throws {
        let selection = try RubricSelection.resolve(rubric, anyLanguage: language.anyLanguage)
        let loader = try input.loader(rubrics: selection.rubrics)
        let (inputs, pathProblems) = input.inputs(loader)
        try CommandRun.checkOutputs(
            [("--output", output.output), ("--errors", errors), ("--store", store)], reading: inputs)
        let writer: StoreWriter?
        do {
            writer = try store.map { try ResultStore(path: $0).writer() }
        } catch let error as StoreError {
            switch error.kind {
            case .database, .damaged, .missing:
                // SQLite failed (locked, read-only, disk full): the store could not be written.
                StandardError.write("callqa: \(error)\n")
                throw ExitCode(1)
            case .notAStore, .newerSchema, .mixedVersions, .rubricChoice:
                throw ExitCode.usage("callqa: \(error)")
            }
        }

        let run = CommandRun()
        try run.send(to: output.output, reading: inputs)
        let format = format.resolved(toTerminal: run.toTerminal)
        let table = ScoreTable(width: min(Terminal.columns(.standardOutput) ?? 100, 100), style: run.style)
        let csv = ScoreCSV(rubrics: selection.rubrics)
        let perCall = by == .call
        let render: @Sendable (Scorecard) -> String
        switch format {
        case .json: render = ScoreJSONStream.render
        case .jsonl: render = ScoreJSONStream.line
        case .csv: render = { card in perCall ? csv.row(for: card) : "" }
        case .table: render = { card in perCall ? table.row(card) : "" }
        case .html: render = { _ in "" }
        }

        let progress = Progress(total: inputs.count, quiet: quiet)
        pathProblems.forEach(run.report)
        var summary = ScoreSummary()
        var document = ScoreJSONStream()
        var ids = CallIDs()
        var below = BelowThreshold()
        var storing = writer != nil
        var report = HTMLReport()
        switch format {
        case .json: run.write(document.opening())
        case .table where perCall: run.write(table.header())
        case .csv: run.write(perCall ? csv.header : csv.agentHeader)
        default: break
        }

        let batch = BatchScorer(
            loader: loader, jobs: jobs.threads, unscorable: selection.unscorable, scorer: selection.scorer(for:))
        // A call whose id an earlier call has is written under a unique id, with a warning.
        func scored(_ scored: Scorecard, rendered: String) -> Scorecard {
            let (card, renamed) = ids.claim(scored)
            if let renamed {
                progress.clear()
                run.report(renamed)
            }
            let text = renamed == nil ? rendered : render(card)
            summary.add(ScoreRecord(card))
            if storing, let writer {
                do {
                    try writer.add(card, line: format == .jsonl ? text : nil)
                } catch {
                    // The calls committed so far stay; the rest are scored but not stored.
                    progress.clear()
                    run.fail("callqa: \(error)")
                    storing = false
                }
            }
            if perCall, let failUnder, card.score < failUnder { below.add(card.callID, card.score) }
            run.write(format == .json ? document.call(text) : text)
            progress.callScored()
            return card
        }
        func reported(_ diagnostic: Diagnostic) {
            progress.clear()
            if diagnostic.severity == .error { progress.error() }
            run.report(diagnostic)
        }
        if format == .html {
            // The page needs each call's transcript and rubric beside its scorecard.
            batch.run(inputs) { event in
                switch event {
                case .scored(var call, let card, let rubric):
                    let card = scored(card, rendered: "")
                    call.id = card.callID
                    report.add(card, call: call, rubric: rubric)
                case .diagnostic(let diagnostic): reported(diagnostic)
                case .inputDone: progress.inputDone()
                }
            }
        } else {
            batch.run(inputs, render: render) { event in
                switch event {
                case .scored(let card, let rendered): _ = scored(card, rendered: rendered)
                case .diagnostic(let diagnostic): reported(diagnostic)
                case .inputDone: progress.inputDone()
                }
            }
        }
        progress.clear()
        if storing, let writer {
            do {
                try writer.finish()
            } catch {
                run.fail("callqa: \(error)")
            }
        }

        let agents = summary.agents(minimumCalls: minimumCalls)
        switch format {
        case .json:
            run.write(
                document.closing(summary: summary, diagnostics: run.diagnostics.diagnostics, minimumCalls: minimumCalls)
            )
        case .table: run.write(table.summary(summary, minimumCalls: minimumCalls, byAgent: !perCall))
        case .csv where !perCall: for agent in agents { run.write(csv.row(for: agent)) }
        case .html:
            run.write(
                report.html(summary: summary, diagnostics: run.diagnostics.diagnostics, minimumCalls: minimumCalls))
        default: break
        }
        try run.commit()
        if let errors { try writeErrors(run.diagnostics.diagnostics, to: errors, reading: inputs) }

        try run.finish(inputs: inputs, summary: "\(summary.calls) call\(summary.calls == 1 ? "" : "s") scored")
        if let failUnder {
            if !perCall {
                for agent in agents where agent.mean < failUnder { below.add(agent.agent, agent.mean) }
            }
            if below.count > 0 {
                StandardError.write(below.message(of: perCall ? "call" : "agent", threshold: failUnder) + "\n")
                throw ExitCode(ExitStatus.belowThreshold)
            }
        }
    }

    /// Writes every error, one JSON object a line, to the file at `path` (atomically).
    private func writeErrors(_ diagnostics: [Diagnostic], to path: String, reading inputs: [TranscriptInput]) throws {
        let file = CommandRun()
        try file.send(to: path, option: "--errors", reading: inputs)
        for diagnostic in diagnostics where diagnostic.severity == .error {
            var json = JSONWriter(pretty: false)
            diagnostic.write(to: &json)
            file.write(json.text + "\n")
        }
        try file.commit()
    }
}
