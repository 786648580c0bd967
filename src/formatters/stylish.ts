// The terminal report: per file, issues grouped by column and code, a few examples of each with their
// row, line and the fix, then one line with the verdict. Long runs of the same problem are summarised.
import { Chalk } from 'chalk';
import type { FileReport, Issue, Report, Severity } from '../types.js';
import type { Formatter } from './formatter.js';
import { terminalSafe } from './safe-text.js';

const DEFAULT_EXAMPLES = 5;

interface Group {
  title: string;
  code: string;
  severity: Severity;
  issues: Issue[];
  /** Issues of this group in the whole file, including those dropped by --max-issues. */
  order: number;
}

export const stylish: Formatter = (report, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const examples = options.examples ?? DEFAULT_EXAMPLES;
  const out: string[] = [];
  for (const file of report.files) out.push(...fileSection(file, c, examples), '');
  out.push(verdict(report, c));
  return out.join('\n') + '\n';
};

function fileSection(file: FileReport, c: InstanceType<typeof Chalk>, examples: number): string[] {
  const lines: string[] = [];
  const standard = file.standard ? `${file.standard.id} ${file.standard.version}` : 'no standard';
  const shape = [file.format.toUpperCase(), file.encoding.toUpperCase(), file.delimiter && file.delimiter !== ',' ? describeDelimiter(file.delimiter) : '']
    .filter(Boolean)
    .join(', ');
  const mark = file.passed ? c.green('✔') : c.red('✖');
  lines.push(`${mark} ${c.bold(terminalSafe(file.path))}  ${c.dim(`${standard} · ${count(file.rows, 'row')} · ${shape}`)}`);
  if (!file.issues.length && !file.truncated) {
    lines.push(`  ${c.green('No issues found.')}`);
    return lines;
  }
  lines.push(`  ${summaryCounts(file.counts, c)}`);
  for (const group of groupIssues(file.issues)) {
    lines.push('');
    const total = group.issues.length;
    const label = severityLabel(group.severity, c);
    lines.push(`  ${c.bold(terminalSafe(group.title))}  ${label} ${c.cyan(group.code)}${total > 1 ? c.dim(` × ${total.toLocaleString('en-GB')}`) : ''}`);
    for (const issue of group.issues.slice(0, examples)) {
      const where = location(issue);
      lines.push(`    ${c.dim(where.padEnd(20))} ${terminalSafe(issue.message)}`);
      if (issue.hint) lines.push(`    ${' '.repeat(20)} ${c.green('→ ' + terminalSafe(issue.hint))}`);
    }
    if (total > examples) lines.push(`    ${c.dim(`… and ${(total - examples).toLocaleString('en-GB')} more like this (see the full list with --format json or html)`)}`);
  }
  if (file.truncated) {
    lines.push('', `  ${c.yellow(`${file.truncated.toLocaleString('en-GB')} more issues were counted but not listed (--max-issues)`)}`);
  }
  return lines;
}

/** Issues about the file first, then by column in file order, then by code. */
function groupIssues(issues: Issue[]): Group[] {
  const groups = new Map<string, Group>();
  for (const issue of issues) {
    const column = issue.column ?? (issue.pointer ? pointerPattern(issue.pointer) : undefined);
    const shown = column !== undefined && column !== column.trim() ? JSON.stringify(column) : column;
    const fallback = issue.columnIndex ? `Column ${issue.columnIndex}` : issue.code.startsWith('header-') ? 'Header' : 'File';
    const title = shown !== undefined ? (issue.field ? `${shown} (${issue.field})` : shown) : fallback;
    const key = `${title}\u0000${issue.code}\u0000${issue.severity}`;
    let group = groups.get(key);
    if (!group) {
      const order = column === undefined && !issue.columnIndex ? 0 : issue.columnIndex ?? 1;
      group = { title, code: issue.code, severity: issue.severity, issues: [], order };
      groups.set(key, group);
    }
    group.issues.push(issue);
  }
  return [...groups.values()].sort((a, b) => a.order - b.order);
}

/** `grants[].awardDate` for `/grants/3/awardDate`: the same place in every record. */
function pointerPattern(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? '[]' : `.${part.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
    .replace(/^\./, '');
}

function location(issue: Issue): string {
  if (issue.row !== undefined && issue.endRow !== undefined) return `rows ${issue.row}–${issue.endRow}`;
  if (issue.row !== undefined) return `row ${issue.row}${issue.line !== undefined ? ` (line ${issue.line})` : ''}`;
  if (issue.line !== undefined) return `line ${issue.line}`;
  return '';
}

function summaryCounts(counts: FileReport['counts'], c: InstanceType<typeof Chalk>): string {
  const parts = [
    counts.error && c.red(count(counts.error, 'error')),
    counts.warning && c.yellow(count(counts.warning, 'warning')),
    counts.info && c.blue(count(counts.info, 'note')),
  ].filter(Boolean);
  return parts.join(', ');
}

function severityLabel(severity: Severity, c: InstanceType<typeof Chalk>): string {
  if (severity === 'error') return c.red('error');
  if (severity === 'warning') return c.yellow('warning');
  return c.blue('note');
}

function verdict(report: Report, c: InstanceType<typeof Chalk>): string {
  const s = report.summary;
  const totals = `${count(s.errors, 'error')}, ${count(s.warnings, 'warning')} in ${count(s.rows, 'row')}`;
  if (report.passed) {
    return c.green(`✔ ${s.files === 1 ? 'The file passed' : `All ${s.files} files passed`}`) + c.dim(` (${totals}; failing on ${report.failOn})`);
  }
  return c.red(`✖ ${s.failedFiles} of ${count(s.files, 'file')} failed`) + c.dim(` (${totals}; failing on ${report.failOn})`);
}

function describeDelimiter(d: string): string {
  return { ';': 'semicolon-separated', '\t': 'tab-separated', '|': 'pipe-separated' }[d] ?? `"${d}"-separated`;
}

const count = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
