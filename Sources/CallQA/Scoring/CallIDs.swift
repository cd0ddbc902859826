/// Call ids made unique within one run, so that every output can be keyed
/// by id and nothing is joined to the wrong call.
///
/// A call whose id an earlier call of the run already has — two files named
/// alike in two folders both become `call-001`, or an export that repeats an
/// id — keeps its place in the output under the id `ID#2` (then `#3`, …, the
/// first such id still free), with a warning naming both places. The id as
/// read is then *shared*: commands that join calls to something else by id
/// (human labels in `calibrate` and `rubric suggest`) pair it with neither
/// call, and say so.
///
/// ```swift
/// var ids = CallIDs()
/// ids.claim("call-001", source: Call.Source(path: "a/call-001.txt")).id  // "call-001"
/// ids.claim("call-001", source: Call.Source(path: "b/call-001.txt")).id  // "call-001#2", with a warning
/// ```
package struct CallIDs: Sendable {
    /// Where the call holding each id in use was read.
    private var holders: [String: Call.Source] = [:]
    /// The ids as read that several calls have, with every place they were read, in order.
    package private(set) var shared: [String: [Call.Source]] = [:]

    /// No id used yet.
    package init() {}

    /// The id the call read at `source` takes: `id` when no earlier call has
    /// it, else `id#N` and a warning.
    package mutating func claim(_ id: String, source: Call.Source) -> (id: String, warning: Diagnostic?) {
        guard let first = holders[id] else {
            holders[id] = source
            return (id, nil)
        }
        shared[id, default: [first]].append(source)
        var number = 2
        while holders["\(id)#\(number)"] != nil { number += 1 }
        let unique = "\(id)#\(number)"
        holders[unique] = source
        return (
            unique,
            Diagnostic(
                .warning, source: source.path, line: source.line,
                message: "call id '\(id)' is already the id of the call at \(first); this call is '\(unique)'"
                    + " in the results")
        )
    }

    /// `card` under the id its call takes in this run, and the warning when
    /// that id is not the one it was read with.
    package mutating func claim(_ card: Scorecard) -> (card: Scorecard, warning: Diagnostic?) {
        let (id, warning) = claim(card.callID, source: card.source)
        var card = card
        card.callID = id
        return (card, warning)
    }

    /// The error for a label row naming an id that the calls read at
    /// `places` all have: its labels are paired with none of them.
    package static func ambiguousLabel(callID: String, places: [Call.Source], source: String, line: Int) -> Diagnostic {
        Diagnostic(
            .error, source: source, line: line,
            message: "call '\(callID)' names \(places.count) calls read"
                + " (\(places.map(\.description).joined(separator: ", "))), so its labels are paired with none of"
                + " them; row left out: give the calls distinct ids")
    }
}
