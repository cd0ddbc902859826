import Mustache

/// The frame every HTML page of CallQA shares: one self-contained file, its
/// style and script inline, and a Content-Security-Policy that lets the
/// browser load nothing else.
///
/// The policy is `default-src 'none'` — no request for an image, a font, a
/// style sheet, a script, a frame or a connection leaves the page — with the
/// page's own `<style>` and `<script>` elements allowed by the SHA-256 of
/// their text, computed here as the page is written. No `'unsafe-inline'`:
/// an inline event handler (`onerror=…`), a `style` attribute or a
/// `javascript:` URL would be refused by the browser even if one reached the
/// page, and none can, since the templates escape every value they insert.
struct HTMLPage {
    /// The page's title (plain text; escaped by the template).
    var title: String
    /// Whether the page carries the table-sorting script.
    var sortableTables: Bool

    /// The `<head>` fields the templates insert.
    struct Head {
        let pageTitle: String
        let policy: String
        let style: String
        let script: String?
    }

    /// The head of this page.
    var head: Head {
        let script = sortableTables ? Self.script : nil
        return Head(
            pageTitle: title, policy: Self.policy(script: script), style: Self.style, script: script)
    }

    /// The page's Content-Security-Policy: nothing from anywhere, but the
    /// page's own style and script by their hashes.
    static func policy(script: String?) -> String {
        [
            "default-src 'none'",
            "style-src " + HTMLText.hashSource(style),
            "script-src " + (script.map(HTMLText.hashSource) ?? "'none'"),
            "img-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ].joined(separator: "; ")
    }

    /// Renders `model` with the named template of ``templates``.
    static func render(_ model: Any, template name: String) -> String {
        templates.render(model, withTemplate: name) ?? ""
    }

    /// The templates, parsed once. They are constants of CallQA: a parse
    /// error is a programming error, caught by the tests.
    static let templates: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in HTMLTemplates.all {
            do {
                try library.register(text, named: name)
            } catch {
                preconditionFailure("HTML template '\(name)' does not parse: \(error)")
            }
        }
        return library
    }()

    /// Sorts a table of class `sortable` by the column whose header button
    /// is pressed (again: the other way), numbers by their `data-sort`
    /// value when a cell has one. It marks the page `script-on` once it has
    /// run, which shows the sort arrows.
    static let script = """
        (function () {
          document.documentElement.classList.add("script-on");
          function key(cell) {
            var value = cell.getAttribute("data-sort");
            if (value !== null && value !== "" && !isNaN(Number(value))) { return Number(value); }
            return (value === null ? cell.textContent : value).trim().toLowerCase();
          }
          document.querySelectorAll("table.sortable").forEach(function (table) {
            var heads = table.tHead.rows[0].cells;
            Array.prototype.forEach.call(heads, function (head, column) {
              var button = head.querySelector("button");
              if (!button) { return; }
              button.addEventListener("click", function () {
                var ascending = head.getAttribute("aria-sort") !== "ascending";
                Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
                head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = key(a.cells[column]), y = key(b.cells[column]);
                  if (typeof x !== typeof y) { return (typeof x === "string" ? -1 : 1) * (ascending ? 1 : -1); }
                  return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
                });
                rows.forEach(function (row) { body.appendChild(row); });
              });
            });
          });
        })();
        """

    /// The style sheet: readable on a phone, printable on paper.
    static let style = """
        :root { --ink: #1c2330; --muted: #5a6473; --line: #dde2e8; --soft: #f3f5f8; --accent: #2e5c9a;
          --pass: #1d7648; --fail: #b3261e; --partial: #9a5b00; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #fff;
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC",
            "WenQuanYi Micro Hei", sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 28px 24px 56px; }
        h1 { font-size: 1.65rem; margin: 0 0 4px; letter-spacing: -0.01em; }
        h2 { font-size: 1.2rem; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
        h3 { font-size: 1.08rem; margin: 0; overflow-wrap: anywhere; }
        h4 { font-size: 0.95rem; margin: 20px 0 8px; }
        p { margin: 6px 0; }
        a { color: var(--accent); }
        .lead { color: var(--muted); margin: 0; }
        .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 10px;
          margin: 18px 0 8px; }
        .facts div { background: var(--soft); border-radius: 8px; padding: 10px 14px; min-width: 0; }
        .facts dt { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
        .facts dd { margin: 2px 0 0; font-size: 1.1rem; font-weight: 600; overflow-wrap: anywhere; }
        .facts dd small { display: block; font-size: 0.78rem; font-weight: 400; color: var(--muted); }
        .fingerprint { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.8rem;
          word-break: break-all; }
        .rubrics td { overflow-wrap: normal; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
        th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { font-size: 0.78rem; color: var(--muted); font-weight: 600; white-space: nowrap; }
        td { overflow-wrap: anywhere; }
        .num { text-align: right; white-space: nowrap; }
        th button { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
        .script-on th button::after { content: " \\2195"; color: #a3abb7; }
        th[aria-sort="ascending"] button::after { content: " \\2191"; color: var(--ink); }
        th[aria-sort="descending"] button::after { content: " \\2193"; color: var(--ink); }
        .few { color: var(--muted); }
        .pass { color: var(--pass); }
        .fail { color: var(--fail); }
        .partial { color: var(--partial); }
        .na { color: var(--muted); }
        .badge { display: inline-block; font-size: 0.78rem; font-weight: 700; padding: 2px 8px; border-radius: 99px;
          border: 1px solid currentColor; }
        .note { color: var(--muted); font-size: 0.88rem; }
        svg { display: block; }
        svg text { font-family: system-ui, sans-serif; font-size: 11px; fill: var(--muted); }
        .chart { width: 100%; max-width: 720px; height: auto; }
        .bin { fill: var(--accent); }
        .bin-count { fill: var(--ink); font-weight: 600; }
        .axis { stroke: #8a93a0; stroke-width: 1; }
        .passmark { stroke: var(--fail); stroke-width: 2; stroke-dasharray: 5 4; }
        text.passmark-label { fill: var(--fail); font-weight: 600; }
        .grid { stroke: var(--line); stroke-width: 1; }
        .pass-bar { fill: #cfe3d7; }
        .mean-line { fill: none; stroke: var(--accent); stroke-width: 2.5; }
        .mean-point { fill: #fff; stroke: var(--accent); stroke-width: 2; }
        h3.sub { margin: 22px 0 8px; font-size: 1rem; }
        .trend-periods td:first-child, .trend-agents th { white-space: nowrap; overflow-wrap: normal; }
        .trend-agents td.cell small { display: block; font-size: 0.75rem; color: var(--muted); }
        .trend-agents td.cell small.change { display: inline; margin-left: 4px; }
        .change.up { color: var(--pass); }
        .change.down { color: var(--fail); }
        .trend-agents td.cell small.change.up { color: var(--pass); }
        .trend-agents td.cell small.change.down { color: var(--fail); }
        .spark { width: 100px; height: 24px; }
        .spark rect { fill: var(--accent); }
        .spark .base { fill: var(--line); }
        .rate { width: 160px; height: 12px; }
        .rate .back { fill: var(--soft); stroke: var(--line); }
        .rate .fill { fill: var(--pass); }
        .rate .fill.low { fill: var(--fail); }
        .rate .fill.mid { fill: var(--partial); }
        details { margin: 12px 0; }
        summary { cursor: pointer; font-weight: 600; }
        .call { border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin: 24px 0; }
        .call-head { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; }
        .about { color: var(--muted); font-size: 0.9rem; overflow-wrap: anywhere; }
        .legend mark { margin-right: 6px; }
        .transcript td { border-bottom: 1px solid var(--soft); }
        .transcript .text { white-space: pre-wrap; width: 100%; }
        .transcript .role { color: var(--muted); font-size: 0.85rem; white-space: nowrap; }
        .transcript tr.agent .role { color: var(--accent); font-weight: 600; }
        .transcript .time, .transcript .index { color: var(--muted); font-size: 0.85rem; white-space: nowrap;
          overflow-wrap: normal; }
        .agents td:first-child, .metrics td:first-child, .agent-items td:first-child, .review td:first-child,
        .others td:first-child { min-width: 8em; }
        mark { color: inherit; border-radius: 3px; padding: 0 1px; -webkit-print-color-adjust: exact;
          print-color-adjust: exact; }
        mark.evidence { background: #e3ecfa; box-shadow: inset 0 -2px 0 var(--accent); }
        mark.positive { background: #d5f0df; box-shadow: inset 0 -2px 0 var(--pass); }
        mark.negative { background: #fdebc8; box-shadow: inset 0 -2px 0 var(--partial); }
        mark.forbidden { background: #fbd3cf; box-shadow: inset 0 -2px 0 var(--fail); font-weight: 600; }
        .items { list-style: none; padding: 0; margin: 0; }
        .items > li { padding: 10px 0 10px 28px; border-top: 1px solid var(--soft); position: relative; }
        .items .symbol { position: absolute; left: 4px; top: 10px; font-weight: 700; }
        .items .detail { margin: 4px 0 0; font-size: 0.92rem; }
        .items .good, .items .instead { margin: 6px 0 0; padding: 6px 10px; border-left: 3px solid var(--line);
          background: var(--soft); font-size: 0.92rem; }
        .items .instead { border-left-color: var(--pass); }
        .top { font-size: 0.85rem; }
        footer { margin-top: 40px; color: var(--muted); font-size: 0.8rem; }
        @media (max-width: 640px) {
          body { font-size: 14px; }
          main { padding: 16px 10px 40px; }
          th, td { padding: 5px 4px; }
          th { white-space: normal; }
          .agents td:first-child, .metrics td:first-child, .agent-items td:first-child, .review td:first-child,
          .others td:first-child { min-width: 5.5em; }
          svg.chart text { font-size: 20px; }
          .transcript .time { display: none; }
          .rate { width: 90px; }
          .hide-narrow { display: none; }
        }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          .script-on th button::after, th button::after { content: none; }
          .table-wrap { overflow: visible; }
          table { font-size: 8.5pt; }
          table.transcript { font-size: 10pt; }
          th, td { padding: 3px 5px; }
          .spark { width: 60px; }
          .rate { width: 90px; }
          details:not([open]) { display: none; }
          .call { break-inside: avoid-page; border-color: #999; }
          .top { display: none; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
