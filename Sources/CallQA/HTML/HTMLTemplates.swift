/// The Mustache templates of CallQA's HTML pages.
///
/// Every `{{name}}` is escaped by the template engine; the only unescaped
/// insertions (`{{{…}}}`) are the page's own style sheet and script,
/// constants of CallQA. Names are distinct across nesting levels, because a
/// name missing at one level is looked up in the levels around it.
enum HTMLTemplates {
    /// Each template by name; `head`, `foot` and `call` are partials of the pages.
    static let all: [(String, String)] = [
        ("head", head), ("foot", foot), ("call", call), ("report", report), ("explain", explain),
    ]

    static let head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="{{head.policy}}">
        <meta name="referrer" content="no-referrer">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="CallQA">
        <title>{{head.pageTitle}}</title>
        <style>{{{head.style}}}</style>
        </head>
        <body>
        <main>

        """

    static let foot = """
        <footer>Written by CallQA: one self-contained file; it loads nothing from the network.</footer>
        </main>
        {{#head.script}}<script>{{{head.script}}}</script>{{/head.script}}
        </body>
        </html>

        """

    static let call = """
        <section class="call" id="{{anchor}}">
        <div class="call-head"><h3>Call {{callID}}</h3><span class="badge {{verdictClass}}">{{verdict}}</span></div>
        <p class="about">{{about}}</p>
        <p>Rubric {{rubricName}} · score <strong data-field="score" data-value="{{scoreValue}}">{{scoreText}}</strong> / 100\
        {{#critical}} · <span class="fail">critical: {{critical}}</span>{{/critical}}</p>
        {{#hasTranscript}}
        <p class="legend">Marks: <mark class="evidence">evidence</mark> <mark class="positive">positive wording</mark> \
        <mark class="negative">negative wording</mark> <mark class="forbidden">forbidden</mark></p>
        <div class="table-wrap"><table class="transcript"><tbody>
        {{#turns}}
        <tr class="{{role}}"><td class="index num">{{turnIndex}}</td><td class="time">{{time}}</td>\
        <td class="role">{{role}}</td><td class="text">{{#segments}}{{#marked}}<mark class="{{markClass}}" \
        title="{{markLegend}}">{{piece}}</mark>{{/marked}}{{^marked}}{{piece}}{{/marked}}{{/segments}}</td></tr>
        {{/turns}}
        </tbody></table></div>
        {{/hasTranscript}}
        {{#transcriptNote}}<p class="note">{{transcriptNote}}</p>{{/transcriptNote}}
        <h4>Conversation</h4>
        <ul class="conversation">{{#conversation}}<li>{{.}}</li>{{/conversation}}</ul>
        <h4>Scorecard</h4>
        <ol class="items">
        {{#items}}
        <li class="item" data-item="{{itemID}}" data-status="{{status}}"><span class="symbol {{status}}">{{symbol}}</span>\
        <strong>{{itemTitle}}</strong> ({{itemID}}) · {{points}}/{{maxPoints}} · <span class="{{status}}">{{status}}</span>\
        {{#criticalFail}} · <span class="fail">critical</span>{{/criticalFail}}
        <p class="detail">{{note}}</p>
        {{#evidenceLines}}<p class="detail">{{.}}</p>{{/evidenceLines}}
        {{#good}}<p class="good"><strong>What good looks like:</strong> {{good}}</p>{{/good}}
        {{#hasSuggestions}}<p class="instead"><strong>Say instead:</strong> \
        {{suggestionText}}</p>{{/hasSuggestions}}
        </li>
        {{/items}}
        </ol>
        {{#linkTop}}<p class="top"><a href="#top">↑ back to the summary</a></p>{{/linkTop}}
        </section>

        """

    static let explain = """
        {{> head}}
        <h1 id="top">{{heading}}</h1>
        <p class="lead">{{lead}}</p>
        {{#calls}}
        {{> call}}
        {{/calls}}
        {{> foot}}
        """

    static let report = """
        {{> head}}
        <h1 id="top">{{heading}}</h1>
        <p class="lead">{{lead}}</p>
        <dl class="facts">
        {{#facts}}<div data-fact="{{factKey}}"><dt>{{factLabel}}</dt><dd data-value="{{factValue}}">{{factText}}\
        {{#factDetail}}<small>{{factDetail}}</small>{{/factDetail}}</dd></div>
        {{/facts}}
        </dl>
        <div class="table-wrap"><table class="rubrics">
        <thead><tr><th>rubric</th><th>version</th><th class="num">pass mark</th><th>fingerprint (SHA-256)</th></tr></thead>
        <tbody>
        {{#rubrics}}<tr><td>{{rubricID}}</td><td>{{rubricVersion}}</td><td class="num">{{passMark}}</td>\
        <td class="fingerprint">{{fingerprint}}</td></tr>
        {{/rubrics}}
        </tbody></table></div>
        {{#hasErrors}}
        <details><summary>{{errorSummary}}</summary><ul>{{#errorLines}}<li>{{.}}</li>{{/errorLines}}</ul></details>
        {{/hasErrors}}

        <h2 id="distribution">Score distribution</h2>
        {{#histogram}}
        <svg class="chart" viewBox="0 0 {{chartWidth}} {{chartHeight}}" role="img" aria-label="{{chartLabel}}">
        <line class="axis" x1="{{plotLeft}}" y1="{{baseline}}" x2="{{plotRight}}" y2="{{baseline}}"/>
        {{#bins}}<rect class="bin" data-bin="{{binLabel}}" data-count="{{binCount}}" x="{{binX}}" y="{{binY}}" \
        width="{{binWidth}}" height="{{binHeight}}"><title>{{binLabel}}: {{binCount}}</title></rect>\
        <text class="bin-count" x="{{binMiddle}}" y="{{countY}}" text-anchor="middle">{{binCount}}</text>
        {{/bins}}
        {{#ticks}}<text x="{{tickX}}" y="{{tickY}}" text-anchor="middle">{{tickLabel}}</text>
        {{/ticks}}
        {{#passMarks}}<line class="passmark" x1="{{markX}}" y1="{{markTop}}" x2="{{markX}}" y2="{{baseline}}"/>\
        <text class="passmark-label" x="{{markX}}" y="{{markLabelY}}" text-anchor="middle">{{markLabel}}</text>
        {{/passMarks}}
        </svg>
        <p class="note">{{chartNote}}</p>
        {{/histogram}}

        {{#trend}}
        <h2 id="trend">{{trendHeading}}</h2>
        <svg class="chart trend" viewBox="0 0 {{trendWidth}} {{trendHeight}}" role="img" aria-label="{{trendChartLabel}}">
        {{#gridLines}}<line class="grid" x1="{{trendLeft}}" y1="{{gridY}}" x2="{{trendRight}}" y2="{{gridY}}"/>\
        <text x="{{trendLeft}}" dx="-6" y="{{gridLabelY}}" text-anchor="end">{{gridLabel}}</text>
        {{/gridLines}}
        {{#trendBars}}<rect class="pass-bar" x="{{barX}}" y="{{barY}}" width="{{barWidth}}" height="{{barHeight}}">\
        <title>{{barTitle}}</title></rect>
        {{/trendBars}}
        {{#trendPassMark}}<line class="passmark" x1="{{trendLeft}}" y1="{{passY}}" x2="{{trendRight}}" y2="{{passY}}"/>\
        <text class="passmark-label" x="{{trendRight}}" y="{{passTextY}}" text-anchor="end">{{passText}}</text>
        {{/trendPassMark}}
        <polyline class="mean-line" points="{{meanLine}}"/>
        {{#trendPoints}}<circle class="mean-point" cx="{{pointX}}" cy="{{pointY}}" r="4"><title>{{pointTitle}}</title>\
        </circle>
        {{/trendPoints}}
        <line class="axis" x1="{{trendLeft}}" y1="{{trendBase}}" x2="{{trendRight}}" y2="{{trendBase}}"/>
        {{#trendTicks}}<text x="{{tickX2}}" y="{{tickY2}}" text-anchor="middle">{{tickText}}</text>
        {{/trendTicks}}
        </svg>
        <p class="note">{{trendNote}}</p>
        <div class="table-wrap"><table class="sortable trend-periods">
        <thead><tr><th><button type="button">period</button></th><th class="num"><button type="button">calls</button></th>\
        <th class="num"><button type="button">mean</button></th><th class="num"><button type="button">change</button></th>\
        <th class="num"><button type="button">pass rate</button></th>\
        <th class="num"><button type="button">change</button></th></tr></thead>
        <tbody>
        {{#periodRows}}
        <tr class="period-row" data-period="{{periodLabel}}"><td>{{periodLabel}}</td>\
        <td class="num" data-field="calls" data-value="{{periodCalls}}" data-sort="{{periodCalls}}">{{periodCalls}}</td>\
        <td class="num" data-field="mean" data-value="{{periodMeanValue}}" data-sort="{{periodMeanValue}}">\
        {{periodMeanText}}</td>\
        <td class="num change{{periodMeanChangeClass}}" data-field="meanChange" data-value="{{periodMeanChangeValue}}" \
        data-sort="{{periodMeanChangeValue}}">{{periodMeanChangeText}}</td>\
        <td class="num" data-field="passRate" data-value="{{periodPassValue}}" data-sort="{{periodPassValue}}">\
        {{periodPassText}}</td>\
        <td class="num change{{periodPassChangeClass}}" data-field="passRateChange" data-value="{{periodPassChangeValue}}" \
        data-sort="{{periodPassChangeValue}}">{{periodPassChangeText}}</td></tr>
        {{/periodRows}}
        </tbody></table></div>
        <h3 class="sub">Agents by period</h3>
        <div class="table-wrap"><table class="sortable trend-agents">
        <thead><tr><th><button type="button">agent</button></th>\
        {{#agentHeads}}<th class="num"><button type="button">{{.}}</button></th>{{/agentHeads}}</tr></thead>
        <tbody>
        {{#agentSeries}}
        <tr class="series-row" data-agent="{{seriesAgent}}"><td>{{seriesAgent}}</td>{{#seriesCells}}\
        {{#hasCalls}}<td class="num cell" data-period="{{cellPeriod}}" data-calls="{{cellCalls}}" \
        data-mean="{{cellMeanValue}}" data-pass-rate="{{cellPassValue}}" data-mean-change="{{cellChangeValue}}" \
        data-sort="{{cellMeanValue}}" title="{{cellTitle}}">{{cellMeanText}}\
        <small class="change{{cellChangeClass}}">{{cellChangeText}}</small>\
        <small>{{cellCalls}} · {{cellPassText}}</small></td>{{/hasCalls}}\
        {{^hasCalls}}<td class="num none" data-period="{{cellPeriod}}" data-sort="">—</td>{{/hasCalls}}{{/seriesCells}}</tr>
        {{/agentSeries}}
        </tbody></table></div>
        <p class="note">{{agentNote}}</p>
        {{/trend}}

        <h2 id="agents">Agents</h2>
        <div class="table-wrap"><table class="sortable agents">
        <thead><tr><th><button type="button">agent</button></th><th class="num"><button type="button">calls</button></th>\
        <th class="num"><button type="button">mean</button></th><th class="num hide-narrow"><button type="button">median</button></th>\
        <th class="num hide-narrow"><button type="button">min</button></th>\
        <th class="num hide-narrow"><button type="button">max</button></th>\
        <th class="num"><button type="button">pass rate</button></th><th class="hide-narrow">scores</th>\
        <th>worst calls</th></tr></thead>
        <tbody>
        {{#agents}}
        <tr class="agent-row{{#tooFew}} few{{/tooFew}}" data-agent="{{agentName}}">\
        <td>{{agentName}}</td>\
        <td class="num" data-field="calls" data-value="{{callCount}}" data-sort="{{callCount}}">{{callCount}}\
        {{#tooFew}}*{{/tooFew}}</td>\
        <td class="num" data-field="mean" data-value="{{meanValue}}" data-sort="{{meanValue}}">{{meanText}}</td>\
        <td class="num hide-narrow" data-field="median" data-value="{{medianValue}}" data-sort="{{medianValue}}">{{medianText}}</td>\
        <td class="num hide-narrow" data-field="min" data-value="{{minValue}}" data-sort="{{minValue}}">{{minText}}</td>\
        <td class="num hide-narrow" data-field="max" data-value="{{maxValue}}" data-sort="{{maxValue}}">{{maxText}}</td>\
        <td class="num" data-field="passRate" data-value="{{passRateValue}}" data-sort="{{passRateValue}}">\
        {{passRateText}}</td>\
        <td class="hide-narrow"><svg class="spark" viewBox="0 0 100 24" role="img" aria-label="{{sparkLabel}}">\
        <rect class="base" x="0" y="23" width="100" height="1"/>{{#spark}}<rect x="{{sparkX}}" y="{{sparkY}}" \
        width="9" height="{{sparkHeight}}"/>{{/spark}}</svg></td>\
        <td>{{#worst}}{{#worstAnchor}}<a href="#{{worstAnchor}}">{{worstID}}</a>{{/worstAnchor}}\
        {{^worstAnchor}}{{worstID}}{{/worstAnchor}}{{^worstLast}}, {{/worstLast}}{{/worst}}</td></tr>
        {{/agents}}
        </tbody></table></div>
        {{#anyTooFew}}<p class="note">* fewer than {{minimumCalls}} calls: too few to judge</p>{{/anyTooFew}}

        <h2 id="items">Item pass rates</h2>
        <div class="table-wrap"><table class="sortable item-rates">
        <thead><tr><th><button type="button">item</button></th><th class="hide-narrow">pass rate</th>\
        <th class="num"><button type="button">passed</button></th><th class="num"><button type="button">pass</button></th>\
        <th class="num"><button type="button">partial</button></th><th class="num"><button type="button">fail</button></th>\
        <th class="num"><button type="button">n/a</button></th></tr></thead>
        <tbody>
        {{#items}}
        <tr class="item-row" data-item="{{rateID}}"><td>{{rateTitle}}</td><td class="hide-narrow">\
        <svg class="rate" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="{{rateText}}">\
        <rect class="back" x="0" y="0" width="100" height="10"/><rect class="fill{{rateBand}}" x="0" y="0" \
        width="{{rateWidth}}" height="10"/></svg></td>\
        <td class="num" data-field="passRate" data-value="{{rateValue}}" data-sort="{{rateValue}}">{{rateText}}</td>\
        <td class="num" data-field="pass" data-value="{{passCount}}">{{passCount}}</td>\
        <td class="num" data-field="partial" data-value="{{partialCount}}">{{partialCount}}</td>\
        <td class="num" data-field="fail" data-value="{{failCount}}">{{failCount}}</td>\
        <td class="num" data-field="na" data-value="{{naCount}}">{{naCount}}</td></tr>
        {{/items}}
        </tbody></table></div>
        {{#hasAgentItems}}
        <details><summary>Pass rates per agent</summary>
        <div class="table-wrap"><table class="sortable agent-items">
        <thead><tr><th><button type="button">agent</button></th>\
        {{#itemColumns}}<th class="num"><button type="button">{{.}}</button></th>{{/itemColumns}}</tr></thead>
        <tbody>
        {{#agentItems}}
        <tr data-agent="{{rowAgent}}"><td>{{rowAgent}}</td>{{#cells}}<td class="num{{cellBand}}" \
        data-item="{{cellItem}}" data-value="{{cellValue}}" data-sort="{{cellValue}}">{{cellText}}</td>{{/cells}}</tr>
        {{/agentItems}}
        </tbody></table></div>
        <p class="note">The share of each agent's calls, among those the item applied to, where it passed.</p>
        </details>
        {{/hasAgentItems}}

        {{#hasConversation}}
        <h2 id="conversation">Conversation</h2>
        <p class="note">{{conversationNote}}</p>
        <div class="table-wrap"><table class="sortable metrics">
        <thead><tr><th><button type="button">agent</button></th>\
        <th class="num"><button type="button">timed calls</button></th>\
        <th class="num"><button type="button">agent talk</button></th>\
        <th class="num"><button type="button">customer talk</button></th>\
        <th class="num"><button type="button">longest silence</button></th>\
        <th class="num"><button type="button">dead air</button></th>\
        <th class="num"><button type="button">interruptions</button></th>\
        <th class="num"><button type="button">pace ratio</button></th>\
        <th class="num"><button type="button">response latency</button></th></tr></thead>
        <tbody>
        {{#conversation}}
        <tr data-agent="{{metricAgent}}"><td>{{metricAgent}}</td>{{#metricCells}}<td class="num" \
        data-field="{{metricField}}" data-value="{{metricValue}}" data-sort="{{metricValue}}">{{metricText}}</td>\
        {{/metricCells}}</tr>
        {{/conversation}}
        </tbody></table></div>
        {{/hasConversation}}

        <h2 id="review">Calls to review</h2>
        <p class="note">{{reviewNote}}</p>
        <div class="table-wrap"><table class="sortable review">
        <thead><tr><th><button type="button">call</button></th><th><button type="button">agent</button></th>\
        <th class="hide-narrow"><button type="button">date</button></th>\
        <th class="num"><button type="button">score</button></th><th><button type="button">result</button></th>\
        <th>not met</th></tr></thead>
        <tbody>
        {{#review}}
        <tr><td>{{#rowAnchor}}<a href="#{{rowAnchor}}">{{rowID}}</a>{{/rowAnchor}}{{^rowAnchor}}{{rowID}}{{/rowAnchor}}\
        </td><td>{{rowAgentName}}</td><td class="hide-narrow">{{rowDate}}</td>\
        <td class="num" data-sort="{{rowScoreValue}}">{{rowScore}}</td><td class="{{rowResultClass}}">{{rowResult}}</td>\
        <td>{{rowNotMet}}</td></tr>
        {{/review}}
        </tbody></table></div>
        {{#hasOthers}}
        <details><summary>{{othersSummary}}</summary>
        <div class="table-wrap"><table class="sortable others">
        <thead><tr><th><button type="button">call</button></th><th><button type="button">agent</button></th>\
        <th class="hide-narrow"><button type="button">date</button></th>\
        <th class="num"><button type="button">score</button></th><th><button type="button">result</button></th>\
        <th>not met</th></tr></thead>
        <tbody>
        {{#others}}
        <tr><td>{{rowID}}</td><td>{{rowAgentName}}</td><td class="hide-narrow">{{rowDate}}</td>\
        <td class="num" data-sort="{{rowScoreValue}}">{{rowScore}}</td><td class="{{rowResultClass}}">{{rowResult}}</td>\
        <td>{{rowNotMet}}</td></tr>
        {{/others}}
        </tbody></table></div>
        {{#othersLeftOut}}<p class="note">{{othersLeftOut}}</p>{{/othersLeftOut}}
        </details>
        {{/hasOthers}}

        {{#calls}}
        {{> call}}
        {{/calls}}
        {{> foot}}
        """
}
