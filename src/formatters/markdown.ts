// A Markdown summary for a pull-request comment or $GITHUB_STEP_SUMMARY: the verdict, one table row per
// file, then for each file with issues a table by column and code and the listed issues in collapsed
// sections. Text from the data is escaped so it can neither break a table nor become markup, a link,
// a mention or a code block.
import { CATALOG } from '../issues/catalog.js';
import type { FileReport, Issue, IssueCode, OverviewCounts, Report } from '../types.js';
import type { Formatter } from './formatter.js';
import { terminalSafe } from './safe-text.js';
import { codeTotal, codesOf, columnLabel, count, groupTotal, locationText, n, SEVERITY_WORD, worstSeverity } from './where.js';

/** GitHub refuses comments over 65,536 characters; the details stop well before. */
const BUDGET = 60_000;
const LISTED_PER_FILE = 100;

export const markdown: Formatter = (report) => {
  const out = [heading(report), '', ...summaryTable(report), ...overviewTables(report)];
  let used = out.join('\n').length;
  const withIssues = report.files.filter((f) => f.issues.length || f.truncated);
  for (const [i, file] of withIssues.entries()) {
    const section = fileSection(file);
    if (used + section.length > BUDGET) {
      const rest = withIssues.length - i;
      out.push('', `_Details of ${count(rest, 'more file')} left out to keep this summary short: see the HTML or JSON report._`);
      break;
    }
    out.push('', section);
    used += section.length;
  }
  out.push('', `<sub>conform ${text(report.tool.version)} · failing on ${report.failOn}</sub>`);
  return out.join('\n') + '\n';
};

function heading(report: Report): string {
  const s = report.summary;
  const verdict = report.passed
    ? `✅ ${s.files === 1 ? 'The file passed' : `All ${n(s.files)} files passed`}`
    : `❌ ${n(s.failedFiles)} of ${count(s.files, 'file')} failed`;
  const notes = s.infos ? `, ${count(s.infos, 'note')}` : '';
  return `## ${verdict}\n\n${count(s.errors, 'error')}, ${count(s.warnings, 'warning')}${notes} in ${count(s.rows, 'row')}.`;
}

function summaryTable(report: Report): string[] {
  const rows = ['| | File | Standard | Rows | Errors | Warnings | Notes |', '| --- | --- | --- | ---: | ---: | ---: | ---: |'];
  for (const file of report.files) {
    const standard = file.standard ? `${text(file.standard.title)} (${code(`${file.standard.id} ${file.standard.version}`)})` : '—';
    rows.push(
      `| ${file.passed ? '✅' : '❌'} | ${code(file.path)} | ${standard} | ${n(file.rows)} | ${n(file.counts.error)} | ${n(file.counts.warning)} | ${n(file.counts.info)} |`,
    );
  }
  return rows;
}

/** For several files: the share of valid rows by standard and by publisher, worst first. */
function overviewTables(report: Report): string[] {
  const overview = report.overview;
  if (!overview || report.files.length < 2) return [];
  const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);
  const table = (title: string, groups: Array<OverviewCounts & { name: string | null }>, none: string, show: (name: string) => string) => [
    '',
    `### ${title}`,
    '',
    `| ${title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase())} | Valid rows | Files | Failed | Rows | Errors | Warnings |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...groups.map((g) => `| ${g.name === null ? none : show(g.name)} | ${percent(g.conformance)} | ${n(g.files)} | ${n(g.failedFiles)} | ${n(g.rows)} | ${n(g.errors)} | ${n(g.warnings)} |`),
  ];
  const out = table('By standard', overview.byStandard.map((g) => ({ ...g, name: g.standard })), 'no standard', code);
  if (overview.byPublisher.some((g) => g.publisher !== null)) {
    out.push(...table('By publisher', overview.byPublisher.map((g) => ({ ...g, name: g.publisher })), 'not stated in the data', text));
  }
  return out;
}

function fileSection(file: FileReport): string {
  const out = [`### ${file.passed ? '✅' : '❌'} ${text(file.path)}`, ''];
  const facts = [
    file.standard ? `${text(file.standard.title)} ${code(`${file.standard.id} ${file.standard.version}`)}` : 'no standard',
    `${count(file.rows, 'row')}${file.invalidRows ? ` (${n(file.invalidRows)} with errors)` : ''}`,
    [file.format.toUpperCase(), text(file.encoding), file.delimiter && file.delimiter !== ',' ? `delimiter ${code(file.delimiter)}` : '']
      .filter(Boolean)
      .join(', '),
  ];
  out.push(facts.join(' · '), '');

  out.push('| Column | Issue | Severity | Count | Example |', '| --- | --- | --- | ---: | --- |');
  for (const group of groups(file)) {
    out.push(
      `| ${text(group.column)} | ${code(group.code)} ${text(CATALOG[group.code]?.title ?? '')} | ${SEVERITY_WORD[worstSeverity(group.issues)]} | ${n(groupTotal(file, group.code, group.issues))} | ${example(group)} |`,
    );
  }
  const unlistedCodes = codesOf(file).filter((c) => !file.issues.some((i) => i.code === c));
  for (const c of unlistedCodes) out.push(`| — | ${code(c)} ${text(CATALOG[c]?.title ?? '')} | | ${n(codeTotal(file, c))} | not listed (--max-issues) |`);

  const listed = file.issues.slice(0, LISTED_PER_FILE);
  out.push('', `<details><summary>${count(file.issues.length, 'issue')} listed${file.issues.length > listed.length ? `, the first ${n(listed.length)} shown` : ''}</summary>`, '');
  out.push('| Row | Line | Column | Code | Value | Message |', '| ---: | ---: | --- | --- | --- | --- |');
  for (const issue of listed) out.push(issueRow(issue));
  out.push('', '</details>');
  if (file.truncated) out.push('', `_${count(file.truncated, 'more issue')} counted but not listed (--max-issues)._`);
  return out.join('\n');
}

function issueRow(issue: Issue): string {
  const message = text(issue.message) + (issue.hint ? `<br>→ ${text(issue.hint)}` : '');
  const column = issue.column ?? issue.pointer;
  return `| ${issue.row ?? ''} | ${issue.line ?? ''} | ${column !== undefined ? text(column) : ''} | ${code(issue.code)} | ${issue.value !== undefined ? code(issue.value) : ''} | ${SEVERITY_WORD[issue.severity]}: ${message} |`;
}

interface Group {
  column: string;
  code: Issue['code'];
  issues: Issue[];
}

/** The first issue of a group; renamed and unknown columns are listed together instead. */
function example(group: Group): string {
  if (FOLDED.has(group.code)) {
    const names = group.issues.map((i) => (i.code === 'header-mismatch' ? `${i.column} → ${i.field ?? i.suggestion ?? '?'}` : i.column!));
    const shown = names.slice(0, 10).join(', ') + (names.length > 10 ? ` and ${n(names.length - 10)} more` : '');
    return `${group.code === 'header-mismatch' ? 'Columns read under the standard\'s names' : 'Not in the standard'}: ${text(shown)}`;
  }
  const first = group.issues[0]!;
  const where = locationText(first);
  return `${where ? `${text(where)}: ` : ''}${text(first.message)}`;
}

/** Header findings that come one per column, folded into one row each. */
const FOLDED = new Set<IssueCode>(['header-mismatch', 'header-unknown']);

function groups(file: FileReport): Group[] {
  const map = new Map<string, Group>();
  for (const issue of file.issues) {
    const column = FOLDED.has(issue.code) && issue.column !== undefined ? 'Header' : columnLabel(issue);
    const key = `${column}\u0000${issue.code}`;
    const group = map.get(key) ?? { column, code: issue.code, issues: [] };
    group.issues.push(issue);
    map.set(key, group);
  }
  return [...map.values()];
}

/**
 * Plain text for Markdown: control characters made visible, HTML special characters as entities, the
 * punctuation that starts inline markup backslash-escaped (including `|`, which would end a table cell, and
 * `$`, which starts maths on GitHub), and `@` kept from starting a mention (a word joiner after it) so data
 * cannot notify people. Text only ever goes inside a line, so block markup (`#`, `-`) needs no escape.
 */
export function text(value: string): string {
  return terminalSafe(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~$]/g, '\\$&')
    .replace(/@(?=\w)/g, '@\u2060');
}

/**
 * A value as inline code: shown exactly, never as markup. The fence is longer than any run of backticks in
 * the value, and `|` is still escaped because GitHub splits table cells before it reads code spans.
 */
export function code(value: string): string {
  const safe = terminalSafe(value).replace(/\|/g, '\\|');
  if (safe === '') return '` `';
  const longest = Math.max(0, ...(safe.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = safe.startsWith('`') || safe.endsWith('`') || (safe.startsWith(' ') && safe.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}
