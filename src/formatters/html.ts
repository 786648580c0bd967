// One self-contained HTML page to open, read, print and forward: the verdict, then per file its facts,
// issues by column (table and chart) and by code, the first failing rows as a spreadsheet with the bad
// cells marked, and every listed issue. No request leaves the page; its own style and script are allowed
// by hash and nothing else may run.
import { createHash } from 'node:crypto';
import { CATALOG } from '../issues/catalog.js';
import type { FileReport, Issue, IssueCode, Report, Severity } from '../types.js';
import type { Formatter } from './formatter.js';
import { SCRIPT, STYLE } from './html-assets.js';
import { columnChart, type ColumnCounts } from './html-chart.js';
import { esc } from './html-escape.js';
import { failingRowsGrid } from './html-grid.js';
import { overviewSection } from './html-overview.js';
import { codesOf, codeTotal, columnLabel, count, isColumnIssue, locationText, n, SEVERITIES } from './where.js';

const SEVERITY_HEADING: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };
const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

export const html: Formatter = (report) => {
  const csp = [
    "default-src 'none'",
    `style-src '${hash(STYLE)}'`,
    `script-src '${hash(SCRIPT)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
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
    ? s.files === 1 ? 'The file conforms' : `All ${n(s.files)} files conform`
    : s.files === 1 ? 'The file does not conform' : `${n(s.failedFiles)} of ${n(s.files)} files ${s.failedFiles === 1 ? 'does' : 'do'} not conform`;
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
    '</header>',
  ].join('\n');
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
  out.push(`<h3 id="${id}-list">All listed issues</h3>`, issueTable(file, id));
  if (file.truncated) {
    out.push(`<p><strong>${esc(count(file.truncated, 'more issue'))}</strong> ${file.truncated === 1 ? 'was' : 'were'} counted but not listed (the limit is set with <code>--max-issues</code>).</p>`);
  }
  out.push('</section>');
  return out.join('\n');
}

function facts(file: FileReport): string {
  const items: [string, string][] = [
    ['Standard', standardText(file)],
    ['Rows', `${n(file.rows)}${file.rows ? ` (${n(file.validRows)} without errors, ${n(file.invalidRows)} with errors)` : ''}`],
    ['Issues', esc(`${count(file.counts.error, 'error')}, ${count(file.counts.warning, 'warning')}, ${count(file.counts.info, 'note')}`)],
    ['Format', esc(file.format === 'unknown' ? 'not recognised' : file.format.toUpperCase())],
    ['Encoding', esc(file.encoding)],
  ];
  if (file.delimiter !== undefined) items.push(['Delimiter', delimiterText(file.delimiter)]);
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
  issues: Issue[];
  order: number;
}

/** Issues of each column (or JSON place), in file order; findings about the file or rows come first. */
function columnGroups(file: FileReport): ColumnGroup[] {
  const groups = new Map<string, ColumnGroup>();
  for (const issue of file.issues) {
    const label = columnLabel(issue);
    const group = groups.get(label) ?? { label, issues: [], order: isColumnIssue(issue) ? 1 + (issue.columnIndex ?? 0) : 0 };
    group.issues.push(issue);
    groups.set(label, group);
  }
  return [...groups.values()].sort((a, b) => a.order - b.order);
}

/** Failing cells (not header findings) per column: where in the data the problems are. */
function cellCounts(file: FileReport): ColumnCounts[] {
  const cells = file.issues.filter((i) => i.row !== undefined && isColumnIssue(i));
  const groups = new Map<string, Issue[]>();
  for (const issue of cells) {
    const label = issue.column ?? columnLabel(issue);
    groups.set(label, [...(groups.get(label) ?? []), issue]);
  }
  return [...groups.entries()].map(([label, issues]) => ({ label, counts: severityCounts(issues) }));
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
    const counts = severityCounts(group.issues);
    const codes = [...new Set(group.issues.map((i) => i.code))];
    return `<tr><th scope="row">${esc(group.label)}</th>${SEVERITIES.map((s) => `<td class="num">${counts[s] ? n(counts[s]) : ''}</td>`).join('')}<td>${codes.map((c) => `<code>${esc(c)}</code>`).join(', ')}</td></tr>`;
  });
  return [
    `<div class="scroll" role="region" aria-labelledby="${id}-columns ${id}-title" tabindex="0"><table>`,
    `<caption>Listed issues in each ${heading.toLowerCase()}${file.truncated ? ' (issues past --max-issues are not included)' : ''}.</caption>`,
    `<thead><tr><th scope="col">${heading}</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th><th scope="col" class="num">Notes</th><th scope="col">Kinds</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table></div>`,
  ].join('');
}

function byCodeTable(file: FileReport, id: string): string {
  const rows = codesOf(file).map((code: IssueCode) => {
    const issues = file.issues.filter((i) => i.code === code);
    const severities = SEVERITIES.filter((s) => issues.some((i) => i.severity === s));
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
  const rows = file.issues.map((issue) => {
    const where = locationText(issue) || 'the file';
    const column = issue.column !== undefined ? esc(columnLabel(issue)) : issue.pointer !== undefined ? `<code>${esc(issue.pointer)}</code>` : '';
    const value = issue.value === undefined ? '' : issue.value === '' ? '<em class="empty">blank</em>' : `<code class="value">${esc(issue.value)}</code>`;
    const hint = issue.hint ? `<span class="hint">→ ${esc(issue.hint)}</span>` : '';
    return `<tr class="issue" data-issues="${esc(`${issue.severity}:${issue.code}`)}"><td>${severityTag(issue.severity)}</td><td>${esc(where)}</td><td>${column}</td><td class="code"><code>${esc(issue.code)}</code></td><td>${value}</td><td class="message">${esc(issue.message)}${hint}</td></tr>`;
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

function severityCounts(issues: Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return counts;
}
