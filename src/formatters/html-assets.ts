// The HTML report's only style sheet and script, inlined into the page (it must work offline, from an
// e-mail attachment) and allowed by their hashes in the page's Content-Security-Policy.

export const STYLE = `
:root { color-scheme: light; --text: #1b1b1f; --muted: #55575d; --line: #c9cbd1; --soft: #f3f4f6;
  --error: #a4161a; --error-bg: #fdecec; --warning: #7a4a00; --warning-bg: #fff4d6; --info: #1d4f91; --info-bg: #e8f0fb;
  --pass: #1e6b34; --pass-bg: #e7f5ea; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--text); background: #fff; }
a { color: #0b4fa3; }
code, .value, .grid td { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; z-index: 2; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.verdict, main, footer { max-width: 78rem; margin: 0 auto; padding: 0 1.5rem; }
header.verdict { padding-top: 1.5rem; padding-bottom: 1rem; border-bottom: 4px solid var(--line); }
header.verdict.fail { border-color: var(--error); }
header.verdict.pass { border-color: var(--pass); }
.eyebrow { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; }
h1 { margin: 0.2rem 0 0.4rem; font-size: 1.8rem; line-height: 1.2; }
h2 { font-size: 1.35rem; margin: 0 0 0.75rem; overflow-wrap: anywhere; }
h2.files { margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
.totals { display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; margin: 0.5rem 0 0; list-style: none; }
.totals li { padding: 0.3rem 0.7rem; border: 1px solid var(--line); border-radius: 4px; background: var(--soft); }
.totals strong { font-size: 1.15rem; }
.badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 4px; border: 1px solid currentColor; font-size: 0.85rem; font-weight: 600; vertical-align: 0.15em; }
.badge.fail, .sev.error { color: var(--error); background: var(--error-bg); }
.badge.pass { color: var(--pass); background: var(--pass-bg); }
.sev { font-weight: 600; white-space: nowrap; padding: 0 0.35rem; border-radius: 3px; }
.sev.warning { color: var(--warning); background: var(--warning-bg); }
.sev.info { color: var(--info); background: var(--info-bg); }
section.file { margin: 2rem 0; padding: 1.25rem 1.5rem; border: 1px solid var(--line); border-radius: 6px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: 0.5rem 0; }
caption { text-align: left; color: var(--muted); padding-bottom: 0.35rem; caption-side: top; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.issues td { overflow-wrap: anywhere; }
.issues td.message { min-width: 18rem; }
.hint { display: block; color: var(--pass); }
.scroll { overflow-x: auto; max-width: 100%; position: relative; }
.scroll:focus { outline: 2px solid #0b4fa3; }
.side-by-side { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
.chart { max-width: 100%; height: auto; }
.chart-label, .chart-number { font: 12px system-ui, sans-serif; fill: var(--text); }
.bar-error { fill: var(--error); } .bar-warning { fill: #b7791f; } .bar-info { fill: var(--info); }
.legend { font-size: 0.9rem; color: var(--muted); }
.grid th, .grid td { white-space: pre-wrap; min-width: 6rem; max-width: 16rem; overflow-wrap: break-word; }
.grid .rownum { color: var(--muted); background: var(--soft); text-align: right; white-space: nowrap; min-width: 0; }
.grid .field { display: block; color: var(--muted); font-weight: normal; font-size: 0.8rem; }
th code, td.code { white-space: nowrap; }
.grid .letter { color: var(--muted); font-weight: normal; }
.grid td.unknown { color: #6b6e75; background: repeating-linear-gradient(45deg, #fff, #fff 4px, #f3f4f6 4px, #f3f4f6 8px); text-align: center; }
.grid td.bad { border: 2px solid; }
.grid td.bad.error { background: var(--error-bg); border-color: var(--error); }
.grid td.bad.warning { background: var(--warning-bg); border-color: #b7791f; }
.grid td.bad.info { background: var(--info-bg); border-color: var(--info); }
.grid td.muted { opacity: 0.45; }
.grid .why { display: block; font-family: system-ui, sans-serif; font-size: 0.75rem; color: var(--muted); }
.empty { color: var(--muted); }
.header-notes p { margin: 0.75rem 0 0.25rem; }
ul.pairs { margin: 0; padding-left: 1.25rem; columns: 2 22rem; }
#filters { margin: 1.5rem 0 0; padding: 0.75rem 1rem; border: 1px solid var(--line); border-radius: 6px; background: var(--soft); display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; align-items: center; }
#filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; }
#filters legend { float: left; margin-right: 0.75rem; font-weight: 600; }
#filters label { white-space: nowrap; }
#filters select { font: inherit; max-width: 100%; }
#filter-status { margin: 0; color: var(--muted); }
footer { color: var(--muted); font-size: 0.9rem; padding-bottom: 2rem; }
.stamp { margin: 0.5rem 0 0; color: var(--muted); font-size: 0.9rem; }
.plan { margin: 1rem 0; padding: 0.75rem 1rem; border-left: 4px solid #0b4fa3; background: #f4f7fc; }
.plan h2, .plan h3 { margin-top: 0; }
.plan ol { margin: 0; padding-left: 1.25rem; }
.plan ul.steps { padding-left: 1rem; }
.plan p { margin: 0.25rem 0; overflow-wrap: anywhere; }
.plan .example { color: var(--muted); }
pre.command { margin: 0.25rem 0 0.75rem; padding: 0.5rem 0.75rem; background: #fff; border: 1px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
.showing { font-weight: 600; }
.print-only { display: none; }
main, header.verdict, footer { overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  header.verdict, main, footer { padding-left: 0.75rem; padding-right: 0.75rem; }
  section.file { padding: 0.75rem; margin: 1.25rem 0; }
  h1 { font-size: 1.4rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.35rem; }
  .issues td.message { min-width: 12rem; }
  ul.pairs { columns: 1; }
  #filters, #filters fieldset { display: block; }
  #filters label { white-space: normal; display: inline-block; margin-right: 1rem; }
  #filters select { width: 100%; }
  .side-by-side { display: block; }
}
@media print {
  .print-only { display: block; }
  /* Paper gets the summary, the plan, and the first issues of each kind: not a thousand rows. */
  tr.issue.screen-only { display: none !important; }
  .plan { border-left-width: 2px; break-inside: avoid; }
  body { font-size: 10pt; }
  .skip, #filters { display: none !important; }
  /* Paper gets the whole report, whatever was filtered on screen. */
  tr[hidden]:not(.screen-only) { display: table-row !important; }
  .grid td.muted { opacity: 1; }
  header.verdict, main, footer { max-width: none; padding: 0; }
  section.file { border: 0; padding: 0; break-before: page; }
  section.file:first-of-type { break-before: auto; }
  .scroll { overflow: visible; }
  tr, .chart { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  .grid td.unknown { background: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * Filtering by severity and code. The controls start hidden and are shown by this script, so with scripts
 * off the page shows everything and no control that does nothing.
 */
export const SCRIPT = `
(function () {
  var panel = document.getElementById('filters');
  if (!panel) return;
  var boxes = Array.prototype.slice.call(panel.querySelectorAll('input[name="severity"]'));
  var select = document.getElementById('code-filter');
  var status = document.getElementById('filter-status');
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-issues]'));
  function apply() {
    var severities = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var code = select.value;
    var shown = 0, total = 0;
    items.forEach(function (el) {
      var match = el.getAttribute('data-issues').split(' ').some(function (pair) {
        var parts = pair.split(':');
        return severities.indexOf(parts[0]) !== -1 && (code === '' || parts[1] === code);
      });
      if (el.tagName === 'TD') el.classList.toggle('muted', !match);
      else el.hidden = !match;
      if (el.classList.contains('issue')) { total++; if (match) shown++; }
    });
    var number = function (n) { return n.toLocaleString('en-GB'); };
    status.textContent = shown === total ? 'Showing all ' + number(total) + ' listed issues.' : 'Showing ' + number(shown) + ' of ' + number(total) + ' listed issues.';
  }
  panel.hidden = false;
  panel.addEventListener('change', apply);
  apply();
})();
`;
