// A Markdown summary for a pull-request comment or $GITHUB_STEP_SUMMARY: the verdict, one table row per
// file, then for each file with issues a table by column and code and the listed issues in collapsed
// sections. Text from the data is escaped so it can neither break a table nor become markup, a link,
// a mention or a code block.
import { CATALOG } from '../issues/catalog.js';
import type { FileReport, Issue, IssueCode, OverviewCounts, Report } from '../types.js';
import type { Formatter } from './formatter.js';
import { inertLinks, terminalSafe } from './safe-text.js';
import type { FixPlan, IssueGroup } from '../types.js';
import { groupsOf, keyOfGroup, listedByGroup, planOf, runPlanOf, showingText } from './groups-view.js';
import { count, locationText, n, SEVERITY_WORD } from './where.js';
import { inWords } from './words.js';

const PLAN_STEPS = 10;

/** GitHub refuses comments over 65,536 characters; the details stop well before. */
const BUDGET = 60_000;
const LISTED_PER_FILE = 100;

export const markdown: Formatter = (report) => {
  const out = [
    heading(report),
    '',
    ...planSection(report.files.length === 1 ? planOf(report.files[0]!) : runPlanOf(report), report.files.length > 1),
    ...summaryTable(report),
    ...overviewTables(report),
  ];
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
  const verdict = report.passed ? `✅ ${s.files === 1 ? 'The file passed' : `All ${n(s.files)} files passed`}` : `❌ ${n(s.failedFiles)} of ${count(s.files, 'file')} failed`;
  const notes = s.infos ? `, ${count(s.infos, 'note')}` : '';
  return `## ${verdict}\n\n${count(s.errors, 'error')}, ${count(s.warnings, 'warning')}${notes} in ${count(s.rows, 'row')}.`;
}

/** What to do first: what conform fix repairs and the command, then the kinds left for a person. */
function planSection(plan: FixPlan, run: boolean): string[] {
  if (!plan.issues) return [];
  const out = ['### What to do first', ''];
  let step = 1;
  if (plan.fixable) {
    out.push(`${step++}. \`conform fix\` repairs **${n(plan.fixable)}** of the ${count(plan.issues, 'issue')}${plan.command ? ':' : ' (run it on each file).'}`);
    if (plan.command) out.push('', '   ```sh', `   ${terminalSafe(plan.command)}`, '   ```', '');
  }
  if (plan.manual.length) {
    const left = plan.manual.reduce((sum, s) => sum + s.count, 0);
    out.push(`${step}. ${plan.fixable ? 'Then ' : ''}**${n(left)}** ${left === 1 ? 'issue needs' : 'issues need'} a person, the largest kinds first:`, '');
    out.push('   | Count | Where | Issue | Example | What to do |', '   | ---: | --- | --- | --- | --- |');
    for (const s of plan.manual.slice(0, PLAN_STEPS)) {
      const where = [run && s.example.path ? s.example.path : '', locationText(s.example)].filter(Boolean).join(' ');
      out.push(
        `   | ${n(s.count)}${s.files && s.files > 1 ? ` in ${n(s.files)} files` : ''} | ${text(s.label)} | ${code(s.code)} ${SEVERITY_WORD[s.severity]} | ${where ? `${text(where)}: ` : ''}${text(inWords(s.example.message))} | ${text(inWords(s.action))} |`,
      );
    }
    const rest = plan.manual.slice(PLAN_STEPS);
    if (rest.length)
      out.push(
        '',
        `   _… and ${count(
          rest.reduce((sum, s) => sum + s.count, 0),
          'issue',
        )} of ${count(rest.length, 'more kind')}._`,
      );
  }
  out.push('');
  return out;
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
    ...groups.map(
      (g) => `| ${g.name === null ? none : show(g.name)} | ${percent(g.conformance)} | ${n(g.files)} | ${n(g.failedFiles)} | ${n(g.rows)} | ${n(g.errors)} | ${n(g.warnings)} |`,
    ),
  ];
  const out = table(
    'By standard',
    overview.byStandard.map((g) => ({ ...g, name: g.standard })),
    'no standard',
    code,
  );
  if (overview.byPublisher.some((g) => g.publisher !== null)) {
    out.push(
      ...table(
        'By publisher',
        overview.byPublisher.map((g) => ({ ...g, name: g.publisher })),
        'not stated in the data',
        text,
      ),
    );
  }
  return out;
}

function fileSection(file: FileReport): string {
  const out = [`### ${file.passed ? '✅' : '❌'} ${text(file.path)}`, ''];
  const facts = [
    file.standard ? `${text(file.standard.title)} ${code(`${file.standard.id} ${file.standard.version}`)}` : 'no standard',
    `${count(file.rows, 'row')}${file.invalidRows ? ` (${n(file.invalidRows)} with errors)` : ''}`,
    [
      file.format.toUpperCase(),
      text(file.encoding),
      file.delimiter && file.delimiter !== ',' ? `delimiter ${code(file.delimiter)}` : '',
      file.sheet !== undefined ? `sheet ${text(JSON.stringify(file.sheet))}` : '',
    ]
      .filter(Boolean)
      .join(', '),
  ];
  out.push(facts.join(' · '), '');

  const showing = showingText(file, n);
  if (showing) out.push(`_${text(showing)}_`, '');
  out.push('| Column | Issue | Severity | Count | Example |', '| --- | --- | --- | ---: | --- |');
  const listedIn = listedByGroup(file);
  // Header findings come one per column; they are folded into one row of each kind.
  const rows: Array<{ label: string; code: IssueCode; severity: IssueGroup['severity']; count: number; issues: Issue[] }> = [];
  for (const group of groupsOf(file)) {
    const listed = listedIn.get(keyOfGroup(group)) ?? [];
    const fold = FOLDED.has(group.code) && group.column !== undefined;
    const same = fold ? rows.find((r) => r.label === 'Header' && r.code === group.code && r.severity === group.severity) : undefined;
    if (same) {
      same.count += group.count;
      same.issues.push(...listed);
    } else
      rows.push({ label: fold ? 'Header' : group.label, code: group.code, severity: group.severity, count: group.count, issues: listed.length ? [...listed] : [group.example] });
  }
  for (const row of rows) {
    out.push(
      `| ${text(row.label)} | ${code(row.code)} ${text(CATALOG[row.code]?.title ?? '')} | ${SEVERITY_WORD[row.severity]} | ${n(row.count)} | ${example({ column: row.label, code: row.code, issues: row.issues })} |`,
    );
  }

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
  const column = issue.column ?? (issue.field && issue.pointer ? `${issue.field} (${issue.pointer})` : issue.pointer);
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
    return `${group.code === 'header-mismatch' ? "Columns read under the standard's names" : 'Not in the standard'}: ${text(shown)}`;
  }
  const first = group.issues[0]!;
  const where = locationText(first);
  return `${where ? `${text(where)}: ` : ''}${text(inWords(first.message))}`;
}

/** Header findings that come one per column, folded into one row each. */
const FOLDED = new Set<IssueCode>(['header-mismatch', 'header-unknown']);

/**
 * Plain text for Markdown: control and invisible characters made visible, HTML special characters as
 * entities, the punctuation that starts inline markup backslash-escaped (including `|`, which would end a
 * table cell, and `$`, which starts maths on GitHub), and web addresses, mentions and issue references
 * kept from becoming links or notifications (inertLinks). Text only ever goes inside a line, so block
 * markup (`#`, `-`) needs no escape.
 */
export function text(value: string): string {
  return inertLinks(
    terminalSafe(value)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|~$]/g, '\\$&'),
  );
}

/**
 * A value as inline code: shown exactly, never as markup. The fence is longer than any run of backticks in
 * the value. A value with a `|` is not put in a code span: renderers split a table row at the pipes before
 * they read code spans, and they disagree on whether a backslash before a pipe (`x\\|`) escapes it, so
 * the value would end its cell. It is written as `<code>` around fully escaped text instead.
 */
export function code(value: string): string {
  const safe = terminalSafe(value);
  if (safe === '') return '` `';
  if (safe.includes('|')) return `<code>${text(value)}</code>`;
  const longest = Math.max(0, ...(safe.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = safe.startsWith('`') || safe.endsWith('`') || (safe.startsWith(' ') && safe.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}
