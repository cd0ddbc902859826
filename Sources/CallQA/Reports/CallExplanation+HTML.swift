// An explained call as one HTML page (`callqa explain --format html`).

extension CallExplanation {
    /// The explanation as a self-contained HTML page: the transcript with the
    /// tagged words marked, then the scorecard with the evidence, what good
    /// looks like and what to say instead. It loads nothing and runs no
    /// script; every text from the call and the rubric is escaped.
    public func html() -> String {
        Self.htmlPage([self])
    }

    /// Several explained calls (the calls of one file) as one HTML page, a section each.
    public static func htmlPage(_ explanations: [CallExplanation]) -> String {
        let sections = explanations.enumerated().map { index, explanation in
            CallSection(
                scorecard: explanation.scorecard, call: explanation.call, rubric: explanation.rubric,
                anchor: "call-\(index + 1)", linkTop: false)
        }
        let title =
            explanations.count == 1
            ? "Call \(HTMLText.visible(explanations[0].call.id)) explained"
            : "\(explanations.count) calls explained"
        let lead =
            explanations.count == 1
            ? "Rubric \(HTMLText.visible(explanations[0].rubric.title)) (\(HTMLText.visible(explanations[0].scorecard.rubric.name)))"
                + " · the words that counted are marked in the transcript; every item follows with its evidence."
            : "The words that counted are marked in each transcript; every item follows with its evidence."
        let page = ExplainPage(
            head: HTMLPage(title: title, sortableTables: false).head, heading: title, lead: lead, calls: sections)
        return HTMLPage.render(page, template: "explain")
    }
}

/// What the explain template shows.
private struct ExplainPage {
    let head: HTMLPage.Head
    let heading: String
    let lead: String
    let calls: [CallSection]
}
