/// The Mustache templates the HTML report is built from. Every value goes through `{{ }}`, which
/// escapes `<`, `>`, `&`, `"` and `'`; no template uses the unescaped `{{{ }}}` form, so trainee text
/// (names, notes, scenario titles) can never become markup. Charts are inline SVG drawn from numbers,
/// and the style sheet is inline, so the file loads nothing from anywhere.
enum HTMLTemplates {
    static let page = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="CallDojo">
    <title>CallDojo report: {{title}}</title>
    <style>
    {{css}}
    </style>
    </head>
    <body>
    <header>
    <h1>CallDojo report: {{title}}</h1>
    <p class="meta">{{summary}}</p>
    {{#hasDamaged}}
    <div class="warning"><p>These files could not be read and are not included:</p>
    <ul>{{#damaged}}<li>{{.}}</li>{{/damaged}}</ul></div>
    {{/hasDamaged}}
    </header>
    <main>
    {{^trainees}}<p>No trainees match; nothing to report.</p>{{/trainees}}
    {{#group}}
    <section class="group">
    <h2>Trainees side by side</h2>
    <p class="hint">Averages per call. Trend: points gained or lost per call over the latest calls. Pass rate at a pass mark of {{passMark}}.</p>
    <table class="side">
    <thead><tr><th scope="col">Trainee</th><th scope="col">Calls</th><th scope="col">Time</th><th scope="col">Overall</th>{{#skillHeads}}<th scope="col">{{.}}</th>{{/skillHeads}}<th scope="col">Trend</th><th scope="col">Pass rate</th><th scope="col">Weakest skill</th></tr></thead>
    <tbody>
    {{#trainees}}<tr><th scope="row"><a href="#{{anchor}}">{{name}}</a></th><td>{{sessions}}</td><td>{{time}}</td><td>{{overallAverage}}</td>{{#skills}}<td class="{{band}}">{{average}}</td>{{/skills}}<td class="trend {{trendDirection}}">{{trendText}}</td><td>{{passRate}}</td><td>{{weakest}}</td></tr>
    {{/trainees}}
    </tbody>
    </table>
    <h2>Skills across the group</h2>
    <p class="hint">Each trainee's average counts once. The bar runs from the lowest to the highest average; the box holds the middle half (first to third quartile); the thick mark is the median; the dashed line is the pass mark.</p>
    <svg class="chart" role="img" aria-label="Spread of each skill across the group" viewBox="0 0 {{bars.width}} {{bars.height}}" width="100%">
    {{#bars.grid}}<line x1="{{x}}" y1="{{top}}" x2="{{x}}" y2="{{bottom}}" class="grid"/><text x="{{x}}" y="{{label}}" class="axis" text-anchor="middle">{{value}}</text>
    {{/bars.grid}}
    {{#bars.rows}}<text x="8" y="{{textY}}" class="label">{{title}}</text>
    <line x1="{{minX}}" y1="{{midY}}" x2="{{maxX}}" y2="{{midY}}" class="whisker"/>
    <rect x="{{q1X}}" y="{{boxY}}" width="{{boxW}}" height="{{boxH}}" class="box {{skill}}"/>
    <line x1="{{medX}}" y1="{{boxY}}" x2="{{medX}}" y2="{{boxBottom}}" class="median"/>
    <text x="{{valueX}}" y="{{textY}}" class="value">median {{median}} · {{trainees}} trainees</text>
    {{/bars.rows}}
    <line x1="{{bars.passX}}" y1="{{bars.top}}" x2="{{bars.passX}}" y2="{{bars.bottom}}" class="pass"/>
    </svg>
    <h3>Trainees per band of average score</h3>
    <div class="histograms">
    {{#histograms}}<figure class="histogram">
    <svg role="img" aria-label="{{title}}: trainees per band of average score" viewBox="0 0 {{width}} {{height}}" width="100%">
    {{#bars}}<rect x="{{x}}" y="{{y}}" width="{{w}}" height="{{h}}" class="bar {{skill}}"/>{{#showCount}}<text x="{{cx}}" y="{{ty}}" class="count" text-anchor="middle">{{count}}</text>{{/showCount}}<text x="{{cx}}" y="{{ly}}" class="axis" text-anchor="middle">{{label}}</text>
    {{/bars}}
    </svg>
    <figcaption>{{title}}</figcaption>
    </figure>
    {{/histograms}}
    </div>
    </section>
    {{/group}}
    {{#trainees}}
    <section class="trainee" id="{{anchor}}">
    <h2>{{name}}</h2>
    <p class="meta">{{summary}}</p>
    {{#hasCalls}}
    <figure class="trend-chart">
    <svg class="chart" role="img" aria-label="{{name}}: skill scores call by call" viewBox="0 0 {{chart.width}} {{chart.height}}" width="100%">
    {{#chart.grid}}<line x1="{{left}}" y1="{{y}}" x2="{{right}}" y2="{{y}}" class="grid"/><text x="{{labelX}}" y="{{labelY}}" class="axis" text-anchor="end">{{value}}</text>
    {{/chart.grid}}
    <line x1="{{chart.left}}" y1="{{chart.passY}}" x2="{{chart.right}}" y2="{{chart.passY}}" class="pass"/>
    {{#chart.lines}}<polyline points="{{points}}" class="line {{skill}}"/>{{#dots}}<circle cx="{{x}}" cy="{{y}}" r="3.5" class="dot {{skill}}"/>{{/dots}}
    {{/chart.lines}}
    <text x="{{chart.left}}" y="{{chart.captionY}}" class="axis">{{chart.caption}}</text>
    </svg>
    <figcaption class="legend">{{#chart.lines}}<span class="key {{skill}}"><svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" class="line {{skill}}"/></svg> {{title}}</span> {{/chart.lines}}<span class="key"><svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" class="pass"/></svg> pass mark</span></figcaption>
    </figure>
    <table class="skills">
    <thead><tr><th scope="col">Skill</th><th scope="col">Latest</th><th scope="col">Average</th><th scope="col">Trend</th></tr></thead>
    <tbody>
    {{#stats}}<tr{{#weakest}} class="weakest"{{/weakest}}><th scope="row">{{title}}{{#weakest}} (weakest){{/weakest}}</th><td>{{latest}}</td><td>{{average}}</td><td class="trend {{trendDirection}}">{{trendText}}</td></tr>
    {{/stats}}
    </tbody>
    </table>
    {{/hasCalls}}
    {{#hasGoals}}
    <h3>Goals</h3>
    <ul class="goals">
    {{#goals}}<li class="{{status}}"><strong>{{title}} {{target}}</strong> by {{by}}: {{current}}, {{status}}
    <svg class="progress" width="160" height="14" role="img" aria-label="{{percent}} of target"><rect x="0" y="2" width="160" height="10" class="track"/><rect x="0" y="2" width="{{barWidth}}" height="10" class="fill"/></svg> {{percent}}
    {{#hasNote}}<br><span class="note">{{note}}</span>{{/hasNote}}</li>
    {{/goals}}
    </ul>
    {{/hasGoals}}
    {{#hasLastCalls}}
    <h3>Last calls</h3>
    <table class="calls">
    <thead><tr><th scope="col">When</th><th scope="col">Scenario</th><th scope="col">Ending</th><th scope="col">Overall</th><th scope="col">Result</th><th scope="col">Session id</th></tr></thead>
    <tbody>
    {{#lastCalls}}<tr><td>{{when}}</td><td>{{scenario}}</td><td>{{ending}}</td><td>{{overall}}</td><td class="{{result}}">{{result}}</td><td class="id">{{id}}</td></tr>
    {{/lastCalls}}
    </tbody>
    </table>
    {{/hasLastCalls}}
    </section>
    {{/trainees}}
    </main>
    <footer><p>Made by CallDojo. Review any call turn by turn with <code>calldojo replay SESSION_ID</code>.</p></footer>
    </body>
    </html>

    """

    static let css = """
    :root { --ink: #111; --muted: #555; --rule: #bbb; --bg: #fff; --good: #0a6b2e; --bad: #a11;
      --s1: #1f5fbf; --s2: #c2410c; --s3: #6d28d9; --s4: #0f766e; --s0: #111; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 1200px; padding: 1.5rem; font: 18px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: var(--bg); }
    h1 { font-size: 2rem; margin: 0 0 .3rem; }
    h2 { font-size: 1.5rem; margin: 2rem 0 .5rem; border-bottom: 3px solid var(--ink); padding-bottom: .2rem; }
    h3 { font-size: 1.15rem; margin: 1.2rem 0 .4rem; }
    .meta, .hint { color: var(--muted); margin: .2rem 0 .8rem; }
    .warning { border: 2px solid var(--bad); padding: .5rem 1rem; margin: 1rem 0; }
    table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
    th, td { padding: .35rem .7rem; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }
    th:first-child, td:first-child { text-align: left; }
    .calls td:nth-child(2), .calls td:nth-child(3) { text-align: left; }
    thead th { border-bottom: 2px solid var(--ink); }
    .side { width: 100%; }
    td.low { color: var(--bad); font-weight: 600; }
    td.high { color: var(--good); }
    .trend.up { color: var(--good); } .trend.down { color: var(--bad); }
    tr.weakest th, tr.weakest td { background: #fdf0e6; }
    td.pass { color: var(--good); } td.fail { color: var(--bad); }
    .id { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .8rem; color: var(--muted); }
    a { color: inherit; }
    .chart { max-width: 100%; height: auto; display: block; }
    .chart text, figure svg text { font-family: inherit; }
    .grid { stroke: #ddd; stroke-width: 1; }
    .axis { fill: var(--muted); font-size: 13px; }
    .label { fill: var(--ink); font-size: 16px; font-weight: 600; }
    .value { fill: var(--ink); font-size: 14px; }
    .count { fill: var(--ink); font-size: 13px; }
    .pass { stroke: var(--bad); stroke-width: 2; stroke-dasharray: 6 4; }
    .whisker { stroke: var(--ink); stroke-width: 2; }
    .median { stroke: var(--ink); stroke-width: 4; }
    .box { stroke: var(--ink); stroke-width: 1; fill-opacity: .35; }
    .line { fill: none; stroke-width: 3; }
    .line.overall { stroke: var(--s0); stroke-width: 4; }
    .line.active_listening { stroke: var(--s1); }
    .line.paraphrasing { stroke: var(--s2); stroke-dasharray: 8 4; }
    .line.next_steps { stroke: var(--s3); stroke-dasharray: 2 3; }
    .line.forward_resolution { stroke: var(--s4); stroke-dasharray: 10 3 2 3; }
    .dot.overall { fill: var(--s0); } .dot.active_listening { fill: var(--s1); } .dot.paraphrasing { fill: var(--s2); }
    .dot.next_steps { fill: var(--s3); } .dot.forward_resolution { fill: var(--s4); }
    .box.overall, .bar.overall { fill: var(--s0); } .box.active_listening, .bar.active_listening { fill: var(--s1); }
    .box.paraphrasing, .bar.paraphrasing { fill: var(--s2); } .box.next_steps, .bar.next_steps { fill: var(--s3); }
    .box.forward_resolution, .bar.forward_resolution { fill: var(--s4); }
    .legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; font-size: .95rem; margin-top: .3rem; }
    .histograms { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 1rem; }
    figure { margin: 0; }
    figcaption { text-align: center; font-weight: 600; }
    .legend { justify-content: flex-start; font-weight: normal; }
    .trend-chart { max-width: 900px; }
    .goals { padding-left: 1.2rem; }
    .goals li { margin: .4rem 0; }
    .goals .achieved strong { color: var(--good); }
    .progress .track { fill: #e5e5e5; } .progress .fill { fill: var(--good); }
    .goals .missed .progress .fill { fill: var(--bad); }
    .note { color: var(--muted); }
    footer { margin-top: 3rem; color: var(--muted); font-size: .9rem; }
    @media print {
      body { font-size: 11pt; max-width: none; padding: 0; }
      h2 { break-after: avoid; }
      section.trainee, figure, table { break-inside: avoid; }
      section.trainee { break-before: page; }
      a { text-decoration: none; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
