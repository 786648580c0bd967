// One self-contained HTML page to open, read, print and forward: the verdict, then per file its facts,
// issues by column (table and chart) and by code, the first failing rows as a spreadsheet with the bad
// cells marked, and every listed issue. No request leaves the page; its own style and script are allowed
// by hash and nothing else may run.
import { createHash } from 'node:crypto';
import { CATALOG } from '../issues/catalog.js';
import type { FileReport, IssueCode, Report, Severity } from '../types.js';
import type { Formatter } from './formatter.js';
import { SCRIPT, STYLE } from './html-assets.js';
import { columnChart, type ColumnCounts } from './html-chart.js';
import { esc } from './html-escape.js';
import { failingRowsGrid } from './html-grid.js';
import { overviewSection } from './html-overview.js';
import type { FixPlan, IssueGroup } from '../types.js';
import { groupsOf, planOf, runPlanOf, showingText, totalIssues } from './groups-view.js';
import { codesOf, codeTotal, columnLabel, count, locationText, n, SEVERITIES } from './where.js';
import { inWords } from './words.js';

/** Kinds of issue for a person shown in a plan. */
const PLAN_STEPS = 10;
/** Issues of each kind printed on paper; the screen lists every one. */
const PRINTED_PER_KIND = 5;

const SEVERITY_HEADING: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };
const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

export const html: Formatter = (report) => {
  const csp = ["default-src 'none'", `style-src '${hash(STYLE)}'`, `script-src '${hash(SCRIPT)}'`, "img-src 'none'", "base-uri 'none'", "form-action 'none'"].join('; ');
  const title = `${report.passed ? 'Passed' : 'Failed'}: ${report.files.length === 1 ? esc(report.files[0]!.path) : `${n(report.files.length)} files`} — conform report`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to the findings</a>',
    verdictHeader(report),
    '<main id="main">',
    report.files.length > 1 ? planSection(runPlanOf(report), 'plan', true) : '',
    filters(report),
    report.files.length > 1 ? filesTable(report) : '',
    ...(report.files.length > 1 && report.overview ? [overviewSection(report.overview)] : []),
    ...report.files.map((file, i) => fileSection(file, i + 1)),
    '</main>',
    `<footer><p>Made by conform ${esc(report.tool.version)} from report version ${esc(report.reportVersion)}. A file fails when it has an issue at or above “${esc(report.failOn)}”.</p></footer>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
};

function hash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function verdictHeader(report: Report): string {
  const s = report.summary;
  const headline = report.passed
    ? s.files === 1
      ? 'The file conforms'
      : `All ${n(s.files)} files conform`
    : s.files === 1
      ? 'The file does not conform'
      : `${n(s.failedFiles)} of ${n(s.files)} files ${s.failedFiles === 1 ? 'does' : 'do'} not conform`;
  const totals: [string, number][] = [
    ['file', s.files],
    ['row', s.rows],
    ['error', s.errors],
    ['warning', s.warnings],
    ['note', s.infos],
  ];
  return [
    `<header class="verdict ${report.passed ? 'pass' : 'fail'}">`,
    '<p class="eyebrow">conform data conformance report</p>',
    `<h1><span class="badge ${report.passed ? 'pass' : 'fail'}">${report.passed ? 'Passed' : 'Failed'}</span> ${esc(headline)}</h1>`,
    `<ul class="totals" aria-label="Totals">${totals.map(([word, value]) => `<li><strong>${n(value)}</strong> ${value === 1 ? word : `${word}s`}</li>`).join('')}</ul>`,
    `<p class="stamp">${stamp(report)}</p>`,
    '</header>',
  ].join('\n');
}

/** When the check was made, by which conform, against which standards. */
function stamp(report: Report): string {
  const when = typeof report.checkedAt === 'string' ? report.checkedAt : undefined;
  const date = when ? `Checked <time datetime="${esc(when)}">${esc(when.slice(0, 16).replace('T', ' '))} UTC</time>` : 'Checked';
  const standards = [...new Set(report.files.filter((f) => f.standard).map((f) => `${f.standard!.id} ${f.standard!.version}`))];
  const against = standards.length
    ? ` against ${standards
        .slice(0, 5)
        .map((s) => `<code>${esc(s)}</code>`)
        .join(', ')}${standards.length > 5 ? ` and ${n(standards.length - 5)} more` : ''}`
    : '';
  return `${date} with conform ${esc(report.tool.version)}${against}.`;
}

/** What to do first: what conform fix repairs and the command, then the kinds left for a person. */
function planSection(plan: FixPlan, id: string, run: boolean): string {
  if (!plan.issues) return '';
  const out = [`<section class="plan" aria-labelledby="${id}">`, `<h${run ? 2 : 3} id="${id}">What to do first</h${run ? 2 : 3}>`, '<ol>'];
  if (plan.fixable) {
    out.push(
      `<li><p><code>conform fix</code> repairs <strong>${n(plan.fixable)}</strong> of the ${esc(count(plan.issues, 'issue'))}${plan.command ? ':' : ' (run it on each file: the command is in each file’s plan).'}</p>${plan.command ? `<pre class="command"><code>${esc(plan.command)}</code></pre>` : ''}</li>`,
    );
  }
  if (plan.manual.length) {
    const left = plan.manual.reduce((sum, s) => sum + s.count, 0);
    const steps = plan.manual.slice(0, PLAN_STEPS).map((s) => {
      const where = [run && s.example.path ? s.example.path : '', locationText(s.example)].filter(Boolean).join(' ');
      const files = s.files && s.files > 1 ? ` in ${n(s.files)} files` : '';
      return `<li><p><strong>${n(s.count)}</strong>${files} × ${esc(s.label)} ${severityTag(s.severity)} <code>${esc(s.code)}</code></p><p class="example">${where ? `${esc(where)}: ` : ''}${esc(inWords(s.example.message))}</p>${s.action ? `<p class="hint">→ ${esc(inWords(s.action))}</p>` : ''}</li>`;
    });
    const rest = plan.manual.slice(PLAN_STEPS);
    const more = rest.length
      ? `<p class="legend">… and ${esc(
          count(
            rest.reduce((sum, s) => sum + s.count, 0),
            'issue',
          ),
        )} of ${esc(count(rest.length, 'more kind'))}.</p>`
      : '';
    out.push(
      `<li><p>${plan.fixable ? 'Then ' : ''}<strong>${n(left)}</strong> ${left === 1 ? 'issue needs' : 'issues need'} a person, the largest kinds first:</p><ul class="steps">${steps.join('')}</ul>${more}</li>`,
    );
  }
  out.push('</ol>', '</section>');
  return out.join('\n');
}

/** Severity boxes and a code list; the script shows them (see html-assets.ts). */
function filters(report: Report): string {
  const issues = report.files.flatMap((f) => f.issues);
  if (!issues.length) return '';
  const bySeverity = (s: Severity) => issues.filter((i) => i.severity === s).length;
  const codes = [...new Set(issues.map((i) => i.code))].sort();
  const listed = report.files.some((f) => f.truncated) ? ' listed' : '';
  const boxes = SEVERITIES.filter((s) => bySeverity(s) > 0).map(
    (s) => `<label><input type="checkbox" name="severity" value="${s}" checked> ${SEVERITY_HEADING[s]}s (${n(bySeverity(s))}${listed})</label>`,
  );
  const options = codes.map((code) => {
    const listed = issues.filter((i) => i.code === code).length;
    return `<option value="${esc(code)}">${esc(code)}: ${esc(CATALOG[code]?.title ?? code)} (${n(listed)})</option>`;
  });
  return [
    '<section id="filters" aria-label="Filter the listed issues" hidden>',
    `<fieldset><legend>Show</legend>${boxes.join('')}</fieldset>`,
    `<p><label for="code-filter">Issue</label> <select id="code-filter"><option value="">all issues</option>${options.join('')}</select></p>`,
    '<p id="filter-status" role="status" aria-live="polite"></p>',
    '</section>',
  ].join('\n');
}

function filesTable(report: Report): string {
  const rows = report.files.map(
    (file, i) =>
      `<tr><td>${passBadge(file.passed)}</td><td><a href="#file-${i + 1}"><code>${esc(file.path)}</code></a></td><td>${standardText(file)}</td><td class="num">${n(file.rows)}</td><td class="num">${n(file.counts.error)}</td><td class="num">${n(file.counts.warning)}</td><td class="num">${n(file.counts.info)}</td></tr>`,
  );
  return [
    '<h2 class="files">Files</h2>',
    '<div class="scroll" role="region" aria-label="Files checked" tabindex="0"><table>',
    '<thead><tr><th scope="col">Result</th><th scope="col">File</th><th scope="col">Standard</th><th scope="col" class="num">Rows</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th><th scope="col" class="num">Notes</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table></div>`,
  ].join('\n');
}

function fileSection(file: FileReport, number: number): string {
  const id = `file-${number}`;
  const out = [
    `<section class="file" id="${id}" aria-labelledby="${id}-title">`,
    `<h2 id="${id}-title">${passBadge(file.passed)} <code>${esc(file.path)}</code></h2>`,
    facts(file),
    planSection(planOf(file), `${id}-plan`, false),
    headerNotes(file),
  ];
  if (!file.issues.length && !file.truncated) {
    out.push('<p>No issues found.</p>', '</section>');
    return out.join('\n');
  }
  const records = file.format === 'json' || file.format === 'ndjson';
  out.push(
    `<h3 id="${id}-columns">Issues by ${records ? 'field' : 'column'}</h3>`,
    `<div class="side-by-side">${byColumnTable(file, id, records ? 'Field' : 'Column')}${columnChart(`${id}-chart`, cellCounts(file))}</div>`,
    `<h3 id="${id}-codes">Issues by kind</h3>`,
    byCodeTable(file, id),
  );
  const grid = failingRowsGrid(file, `${id}-grid`, `${id}-title`);
  if (grid) out.push(`<h3 id="${id}-rows">First failing rows</h3>`, grid);
  const showing = showingText(file, n);
  out.push(`<h3 id="${id}-list">${file.truncated ? 'Listed issues' : 'All issues'}</h3>`);
  if (showing) out.push(`<p class="showing">${esc(showing)}</p>`);
  out.push(`<p class="print-only legend">On paper: the first ${n(PRINTED_PER_KIND)} of each kind; every one is on screen.</p>`, issueTable(file, id));
  out.push('</section>');
  return out.join('\n');
}

function facts(file: FileReport): string {
  const items: [string, string][] = [
    ['Standard', standardText(file)],
    ['Rows', `${n(file.rows)}${file.rows ? ` (${n(file.validRows)} without errors, ${n(file.invalidRows)} with errors)` : ''}`],
    [
      'Issues',
      esc(
        `${count(file.counts.error, 'error')}, ${count(file.counts.warning, 'warning')}, ${count(file.counts.info, 'note')}${file.truncated ? ` (showing ${n(totalIssues(file) - file.truncated)} of ${n(totalIssues(file))})` : ''}`,
      ),
    ],
    ['Format', esc(file.format === 'unknown' ? 'not recognised' : file.format.toUpperCase())],
    ['Encoding', esc(file.encoding)],
  ];
  if (file.delimiter !== undefined) items.push(['Delimiter', delimiterText(file.delimiter)]);
  if (file.sheet !== undefined) items.push(['Sheet', esc(file.sheet)]);
  return `<dl class="facts">${items.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

function standardText(file: FileReport): string {
  if (!file.standard) return 'none';
  return `${esc(file.standard.title)} <code>${esc(file.standard.id)} ${esc(file.standard.version)}</code>`;
}

function delimiterText(delimiter: string): string {
  const names: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
  return `${names[delimiter] ?? 'other'} <code>${esc(delimiter === '\t' ? '\\t' : delimiter)}</code>`;
}

interface ColumnGroup {
  label: string;
  counts: Record<Severity, number>;
  codes: IssueCode[];
  order: number;
}

/** Every issue of each column (or JSON place), in file order; findings about the file or rows come first. */
function columnGroups(file: FileReport): ColumnGroup[] {
  const groups = new Map<string, ColumnGroup>();
  for (const g of groupsOf(file)) {
    const group = groups.get(g.label) ?? { label: g.label, counts: { error: 0, warning: 0, info: 0 }, codes: [], order: isColumnGroup(g) ? 1 + (g.columnIndex ?? 0) : 0 };
    group.counts[g.severity] += g.count;
    if (!group.codes.includes(g.code)) group.codes.push(g.code);
    groups.set(g.label, group);
  }
  return [...groups.values()].sort((a, b) => a.order - b.order);
}

function isColumnGroup(g: IssueGroup): boolean {
  return g.column !== undefined || g.place !== undefined || g.columnIndex !== undefined;
}

/** Failing cells (not header findings) per column, every one found: where in the data the problems are. */
function cellCounts(file: FileReport): ColumnCounts[] {
  const columns = new Map<string, ColumnCounts>();
  for (const g of groupsOf(file)) {
    if (!isColumnGroup(g) || !g.rows.length) continue;
    const label = g.column ?? g.label;
    const column = columns.get(label) ?? { label, counts: { error: 0, warning: 0, info: 0 } };
    column.counts[g.severity] += g.count;
    columns.set(label, column);
  }
  return [...columns.values()];
}

/** The renamed and unknown columns, said once in words rather than one finding per column. */
function headerNotes(file: FileReport): string {
  const renamed = file.issues.filter((i) => i.code === 'header-mismatch' && i.column !== undefined);
  const unknown = file.issues.filter((i) => i.code === 'header-unknown' && i.column !== undefined);
  const out: string[] = [];
  if (renamed.length) {
    const pairs = renamed.map((i) => `<li><code>${esc(i.column!)}</code> → <code>${esc(i.field ?? i.suggestion ?? '?')}</code></li>`);
    out.push(`<p>Columns read under the standard's names (rename them to match):</p><ul class="pairs">${pairs.join('')}</ul>`);
  }
  if (unknown.length) {
    out.push(`<p>Columns that are not part of the standard: ${unknown.map((i) => `<code>${esc(i.column!)}</code>`).join(', ')}.</p>`);
  }
  return out.length ? `<div class="header-notes">${out.join('')}</div>` : '';
}

function byColumnTable(file: FileReport, id: string, heading: string): string {
  const rows = columnGroups(file).map((group) => {
    const { counts, codes } = group;
    return `<tr><th scope="row">${esc(group.label)}</th>${SEVERITIES.map((s) => `<td class="num">${counts[s] ? n(counts[s]) : ''}</td>`).join('')}<td>${codes.map((c) => `<code>${esc(c)}</code>`).join(', ')}</td></tr>`;
  });
  return [
    `<div class="scroll" role="region" aria-labelledby="${id}-columns ${id}-title" tabindex="0"><table>`,
    `<caption>Every issue found in each ${heading.toLowerCase()}${file.truncated ? ', listed or not' : ''}.</caption>`,
    `<thead><tr><th scope="col">${heading}</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th><th scope="col" class="num">Notes</th><th scope="col">Kinds</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table></div>`,
  ].join('');
}

function byCodeTable(file: FileReport, id: string): string {
  const rows = codesOf(file).map((code: IssueCode) => {
    const issues = file.issues.filter((i) => i.code === code);
    const severities = SEVERITIES.filter((s) => groupsOf(file).some((g) => g.code === code && g.severity === s));
    const entry = CATALOG[code];
    const total = codeTotal(file, code);
    return `<tr><th scope="row"><code>${esc(code)}</code></th><td>${esc(entry?.title ?? '')}</td><td>${severities.map(severityTag).join(' ') || '—'}</td><td class="num">${n(total)}${total > issues.length ? ` <span class="legend">(${n(issues.length)} listed)</span>` : ''}</td><td>${esc(entry?.help ?? '')}</td></tr>`;
  });
  return [
    `<div class="scroll" role="region" aria-labelledby="${id}-codes ${id}-title" tabindex="0"><table>`,
    '<caption>Every issue counted in the file, by kind, with what it means.</caption>',
    '<thead><tr><th scope="col">Code</th><th scope="col">Issue</th><th scope="col">Severity</th><th scope="col" class="num">Count</th><th scope="col">What to do</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table></div>`,
  ].join('');
}

function issueTable(file: FileReport, id: string): string {
  const perKind = new Map<string, number>();
  const rows = file.issues.map((issue) => {
    const kind = `${columnLabel(issue)}\u0000${issue.code}`;
    const seen = (perKind.get(kind) ?? 0) + 1;
    perKind.set(kind, seen);
    const printed = seen <= PRINTED_PER_KIND ? '' : ' screen-only';
    const where = locationText(issue) || 'the file';
    const column =
      issue.column !== undefined ? esc(columnLabel(issue)) : issue.pointer !== undefined ? `${issue.field ? `${esc(issue.field)} ` : ''}<code>${esc(issue.pointer)}</code>` : '';
    const value = issue.value === undefined ? '' : issue.value === '' ? '<em class="empty">blank</em>' : `<code class="value">${esc(issue.value)}</code>`;
    const hint = issue.hint ? `<span class="hint">→ ${esc(issue.hint)}</span>` : '';
    return `<tr class="issue${printed}" data-issues="${esc(`${issue.severity}:${issue.code}`)}"><td>${severityTag(issue.severity)}</td><td>${esc(where)}</td><td>${column}</td><td class="code"><code>${esc(issue.code)}</code></td><td>${value}</td><td class="message">${esc(inWords(issue.message))}${hint}</td></tr>`;
  });
  return [
    `<div class="scroll" role="region" aria-labelledby="${id}-list ${id}-title" tabindex="0"><table class="issues">`,
    '<thead><tr><th scope="col">Severity</th><th scope="col">Where</th><th scope="col">Column</th><th scope="col">Code</th><th scope="col">Value</th><th scope="col">Message</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table></div>`,
  ].join('');
}

function severityTag(severity: Severity): string {
  return `<span class="sev ${severity}"><span aria-hidden="true">${SEVERITY_ICON[severity]}</span> ${SEVERITY_HEADING[severity]}</span>`;
}

function passBadge(passed: boolean): string {
  return `<span class="badge ${passed ? 'pass' : 'fail'}">${passed ? 'Passed' : 'Failed'}</span>`;
}
