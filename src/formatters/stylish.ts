// The terminal report: per file, issues grouped by column and code, a few examples of each (rows with the
// same finding written as one run), renamed columns folded into one block, then one line with the verdict.
// Every piece of text that comes from the data goes through terminalSafe: it is shown, never obeyed.
import { Chalk } from 'chalk';
import type { FileReport, Issue, Report, Severity } from '../types.js';
import type { Formatter } from './formatter.js';
import { overviewLines } from './overview-text.js';
import { terminalSafe } from './safe-text.js';
import { columnLabel, groupTotal, count, isColumnIssue, locationText, n, runsText, SEVERITY_WORD } from './where.js';

const DEFAULT_EXAMPLES = 5;
const WIDTH = 100;
const GUTTER = 22;

type Paint = InstanceType<typeof Chalk>;

interface Group {
  title: string;
  code: Issue['code'];
  severity: Severity;
  issues: Issue[];
  /** File and header findings first (0), rows next (1), then columns in file order. */
  order: number;
}

export const stylish: Formatter = (report, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const examples = Math.max(1, options.examples ?? DEFAULT_EXAMPLES);
  const out: string[] = [];
  for (const file of report.files) out.push(...fileSection(file, c, examples), '');
  if (report.overview && report.files.length > 1) out.push(...overviewLines(report.overview, c), '');
  out.push(verdict(report, c));
  return out.join('\n') + '\n';
};

function fileSection(file: FileReport, c: Paint, examples: number): string[] {
  const lines: string[] = [];
  const standard = file.standard ? terminalSafe(`${file.standard.id} ${file.standard.version}`) : 'no standard';
  const shape = [file.format === 'unknown' ? '' : file.format.toUpperCase(), encodingName(file.encoding), delimiterName(file.delimiter)]
    .filter(Boolean)
    .join(', ');
  const mark = file.passed ? c.green('✔') : c.red('✖');
  lines.push(`${mark} ${c.bold(terminalSafe(file.path))}  ${c.dim([standard, count(file.rows, 'row'), shape].filter(Boolean).join(' · '))}`);
  const detected = file.standard?.detected as { reason?: string } | undefined;
  if (detected?.reason) lines.push(`  ${c.dim(`standard detected from the file: ${terminalSafe(detected.reason)}`)}`);
  if (!file.issues.length && !file.truncated) {
    lines.push(`  ${c.green('No issues found.')}`);
    return lines;
  }
  const invalid = file.invalidRows ? c.dim(` · ${n(file.invalidRows)} of ${count(file.rows, 'row')} ${file.invalidRows === 1 ? 'has' : 'have'} errors`) : '';
  lines.push(`  ${summaryCounts(file.counts, c)}${invalid}`);

  const renamed = file.issues.filter((i) => i.code === 'header-mismatch' && i.column !== undefined);
  const unknown = file.issues.filter((i) => i.code === 'header-unknown' && i.column !== undefined);
  const folded = new Set([...renamed, ...unknown]);
  const groups = groupIssues(file.issues.filter((i) => !folded.has(i)));
  const headerAt = groups.findIndex((g) => g.order > 0);
  const headerBlocks = [...renamedBlock(renamed, c), ...unknownBlock(unknown, c)];
  for (const [index, group] of groups.entries()) {
    if (index === headerAt) lines.push(...headerBlocks);
    lines.push('', ...groupLines(group, file, c, examples));
  }
  if (headerAt === -1) lines.push(...headerBlocks);
  if (file.truncated) {
    lines.push('', `  ${c.yellow(`${n(file.truncated)} more ${file.truncated === 1 ? 'issue was' : 'issues were'} counted but not listed (--max-issues)`)}`);
  }
  return lines;
}

function groupLines(group: Group, file: FileReport, c: Paint, examples: number): string[] {
  const listed = group.issues.length;
  const total = groupTotal(file, group.code, group.issues);
  const lines = [`  ${c.bold(terminalSafe(group.title))}  ${severityLabel(group.severity, c)} ${c.cyan(group.code)}${total > 1 ? c.dim(` × ${n(total)}`) : ''}`];

  const runs = sameFinding(group.issues);
  for (const run of runs.slice(0, examples)) {
    const where = run.length === 1 ? locationText(run[0]!) : runLocation(run);
    const message = terminalSafe(run[0]!.message);
    if (where.length < GUTTER - 1) lines.push(`    ${c.dim(where.padEnd(GUTTER))}${message}`);
    else lines.push(`    ${c.dim(where)}`, `    ${' '.repeat(GUTTER)}${message}`);
    if (run[0]!.hint) lines.push(`    ${' '.repeat(GUTTER)}${c.green('→ ' + terminalSafe(run[0]!.hint))}`);
  }
  const shown = runs.slice(0, examples).reduce((sum, run) => sum + run.length, 0);
  const more = total - shown;
  if (more > 0) lines.push(`    ${c.dim(`… and ${n(more)} more ${moreText(more, total - listed)}`)}`);
  return lines;
}

/** Where the rest of a group can be seen: in the full reports, or nowhere because --max-issues dropped them. */
function moreText(more: number, unlisted: number): string {
  const fullReport = '(see them all with --format html or csv)';
  if (unlisted <= 0) return `like this ${fullReport}`;
  if (unlisted >= more) return 'not listed (--max-issues)';
  return `like this: ${n(more - unlisted)} in the full report (--format html or csv), ${n(unlisted)} not listed (--max-issues)`;
}

/** Issues that say the same thing about different rows, kept together in the order first seen. */
function sameFinding(issues: Issue[]): Issue[][] {
  const runs = new Map<string, Issue[]>();
  for (const issue of issues) {
    const key = issue.endRow !== undefined ? `\u0000${runs.size}` : `${issue.message}\u0000${issue.hint ?? ''}`;
    const run = runs.get(key);
    if (run) run.push(issue);
    else runs.set(key, [issue]);
  }
  return [...runs.values()];
}

/**
 * `rows 1–1,000`. Lines are added only when they do not follow the rows by a fixed step (a cell with a
 * line break, say): otherwise the single-row examples already show how rows map to lines.
 */
function runLocation(run: Issue[]): string {
  const rows = run.map((i) => i.row).filter((r): r is number => r !== undefined);
  const lines = run.map((i) => i.line).filter((l): l is number => l !== undefined);
  if (!rows.length) return lines.length ? `lines ${runsText(lines, 3)}` : '';
  const rowText = `rows ${runsText(rows, 3)}`;
  const step = run[0]!.line !== undefined && run[0]!.row !== undefined ? run[0]!.line - run[0]!.row : undefined;
  const fixedStep = lines.length === rows.length && run.every((i) => i.line! - i.row! === step);
  return lines.length === rows.length && !fixedStep ? `${rowText} (lines ${runsText(lines, 3)})` : rowText;
}

/** One block for every column read under another name, instead of one warning per column. */
function renamedBlock(issues: Issue[], c: Paint): string[] {
  if (!issues.length) return [];
  const pairs = issues.map((i) => `${terminalSafe(quotedName(i.column!))} → ${terminalSafe(i.field ?? i.suggestion ?? '?')}`);
  return [
    '',
    `  ${c.bold('Header')}  ${severityLabel(issues[0]!.severity, c)} ${c.cyan('header-mismatch')}${issues.length > 1 ? c.dim(` × ${n(issues.length)}`) : ''}`,
    `    Columns read under the standard's names:`,
    ...wrap(pairs, WIDTH - 6).map((line) => `      ${line}`),
    `    ${c.green(`→ rename ${issues.length === 1 ? 'the column' : 'these columns'} to the standard's ${issues.length === 1 ? 'name' : 'names'}`)}`,
  ];
}

function unknownBlock(issues: Issue[], c: Paint): string[] {
  if (!issues.length) return [];
  const names = issues.map((i) => terminalSafe(quotedName(i.column!)));
  return [
    '',
    `  ${c.bold('Header')}  ${severityLabel(issues[0]!.severity, c)} ${c.cyan('header-unknown')}${issues.length > 1 ? c.dim(` × ${n(issues.length)}`) : ''}`,
    `    ${issues.length === 1 ? 'A column that is' : 'Columns that are'} not part of the standard:`,
    ...wrap(names, WIDTH - 6).map((line) => `      ${line}`),
  ];
}

function quotedName(name: string): string {
  return name !== name.trim() || name === '' || name.includes(',') ? JSON.stringify(name) : name;
}

/** Comma-separated items, broken into lines no wider than `width` (an item is never split). */
function wrap(items: string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [i, item] of items.entries()) {
    const piece = item + (i < items.length - 1 ? ',' : '');
    if (line && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else line = line ? `${line} ${piece}` : piece;
  }
  if (line) lines.push(line);
  return lines;
}

/** Issues about the file first, then rows, then by column in file order, then by code. */
function groupIssues(issues: Issue[]): Group[] {
  const groups = new Map<string, Group>();
  for (const issue of issues) {
    const title = columnLabel(issue);
    const key = `${title}\u0000${issue.code}\u0000${issue.severity}`;
    let group = groups.get(key);
    if (!group) {
      const order = isColumnIssue(issue) ? 2 + (issue.columnIndex ?? 0) : title === 'Rows' ? 1 : 0;
      group = { title, code: issue.code, severity: issue.severity, issues: [], order };
      groups.set(key, group);
    }
    group.issues.push(issue);
  }
  return [...groups.values()].sort((a, b) => a.order - b.order);
}

function summaryCounts(counts: FileReport['counts'], c: Paint): string {
  const parts = [
    counts.error && c.red(count(counts.error, 'error')),
    counts.warning && c.yellow(count(counts.warning, 'warning')),
    counts.info && c.blue(count(counts.info, 'note')),
  ].filter(Boolean);
  return parts.join(', ');
}

function severityLabel(severity: Severity, c: Paint): string {
  const word = SEVERITY_WORD[severity];
  if (severity === 'error') return c.red(word);
  if (severity === 'warning') return c.yellow(word);
  return c.blue(word);
}

function verdict(report: Report, c: Paint): string {
  const s = report.summary;
  const notes = s.infos ? `, ${count(s.infos, 'note')}` : '';
  const totals = `${count(s.errors, 'error')}, ${count(s.warnings, 'warning')}${notes} in ${count(s.rows, 'row')}`;
  if (report.passed) {
    return c.green(`✔ ${s.files === 1 ? 'The file passed' : `All ${n(s.files)} files passed`}`) + c.dim(` (${totals}; failing on ${report.failOn})`);
  }
  return c.red(`✖ ${n(s.failedFiles)} of ${count(s.files, 'file')} failed`) + c.dim(` (${totals}; failing on ${report.failOn})`);
}

function encodingName(encoding: string): string {
  const known: Record<string, string> = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' };
  return known[encoding.toLowerCase()] ?? terminalSafe(encoding);
}

function delimiterName(d: string | undefined): string {
  if (d === undefined || d === ',') return '';
  return { ';': 'semicolon-separated', '\t': 'tab-separated', '|': 'pipe-separated' }[d] ?? `${terminalSafe(JSON.stringify(d))}-separated`;
}
