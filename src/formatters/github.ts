// GitHub Actions workflow commands: annotations on the file and line an issue is about, so the findings
// show in the run summary and on the pull request's changed files. GitHub shows at most 10 error, 10
// warning and 10 notice annotations per step (and 50 per job), so issues are annotated by group — one
// annotation per column and kind, with its count and first rows — the largest groups first, at most 10
// of each severity in all; a last notice says how many kinds are left for the step summary (the Markdown
// report, which `conform validate -f github` appends to $GITHUB_STEP_SUMMARY).
import { CATALOG } from '../issues/catalog.js';
import type { FileReport, IssueGroup, Severity } from '../types.js';
import type { Formatter } from './formatter.js';
import { groupsOf, keyOfGroup, listedByGroup } from './groups-view.js';
import { terminalSafe } from './safe-text.js';
import { count, n, runsText } from './where.js';
import { inWords } from './words.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
/** Annotations of each severity GitHub shows per step. */
export const PER_SEVERITY = 10;

interface Candidate {
  file: FileReport;
  group: IssueGroup;
  line?: number;
  endLine?: number;
  col?: number;
}

export const github: Formatter = (report, options) => {
  const candidates: Candidate[] = [];
  for (const file of report.files) {
    const listed = listedByGroup(file);
    for (const group of foldHeader(groupsOf(file))) {
      // The first listed issue of the group, in its final form, where the annotation goes.
      const first = (group.label === 'Header' ? undefined : listed.get(keyOfGroup(group))?.[0]) ?? group.example;
      candidates.push({
        file,
        group,
        line: first.line,
        endLine: first.endLine !== undefined && first.endLine !== first.line ? first.endLine : undefined,
        col: first.columnStart,
      });
    }
  }
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  candidates.sort((a, b) => rank[a.group.severity] - rank[b.group.severity] || b.group.count - a.group.count);
  const lines: string[] = [];
  const used: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let left = 0;
  let leftIssues = 0;
  for (const c of candidates) {
    const severity = c.group.severity;
    // One notice is kept back to say what was left out.
    const room = severity === 'info' ? PER_SEVERITY - 1 : PER_SEVERITY;
    if (used[severity] >= room) {
      left++;
      leftIssues += c.group.count;
      continue;
    }
    used[severity]++;
    lines.push(annotation(c, options.verbose === true));
  }
  if (left) {
    const text = `${count(left, 'more kind')} of issue (${count(leftIssues, 'issue')}) are not annotated here, to keep within GitHub's 10 annotations of each kind per step: see the step summary or the HTML report`;
    lines.push(`::notice ${properties({ title: 'conform: more issues in the step summary' })}::${escapeData(text)}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};

/** Header findings come one per column: each kind is one annotation, naming the columns. */
function foldHeader(groups: IssueGroup[]): IssueGroup[] {
  const out: IssueGroup[] = [];
  const folded = new Map<string, { group: IssueGroup; names: string[] }>();
  for (const group of groups) {
    if (!group.code.startsWith('header-') || group.column === undefined) {
      out.push(group);
      continue;
    }
    const key = `${group.code}\u0000${group.severity}`;
    const seen = folded.get(key);
    const name = group.code === 'header-mismatch' && group.field ? `${group.column} → ${group.field}` : group.column;
    if (seen) {
      seen.group.count += group.count;
      seen.group.fixable += group.fixable;
      seen.names.push(name);
      continue;
    }
    const merged = { ...group, label: 'Header', rows: [], example: { ...group.example } };
    folded.set(key, { group: merged, names: [name] });
    out.push(merged);
  }
  for (const { group, names } of folded.values()) {
    if (names.length < 2) continue;
    const shown = names.slice(0, 20).join(', ') + (names.length > 20 ? ` and ${n(names.length - 20)} more` : '');
    group.example = {
      ...group.example,
      message: `${CATALOG[group.code]?.title ?? group.code}: ${shown}`,
      hint: group.code === 'header-mismatch' ? "rename the columns to the standard's names" : undefined,
    };
    delete group.example.columnStart;
  }
  return out;
}

function annotation(c: Candidate, verbose: boolean): string {
  const { group, file } = c;
  const props: Record<string, string | number | undefined> = {
    file: file.path,
    line: c.line,
    endLine: c.endLine,
    col: c.line !== undefined ? c.col : undefined,
    title: `${CATALOG[group.code]?.title ?? group.code} (${group.code}) · ${group.label}${group.count > 1 ? ` × ${n(group.count)}` : ''}`,
  };
  const example = group.example;
  const words = (text: string) => (verbose ? text : inWords(text));
  const rows =
    group.rows.length && group.count > 1
      ? `${count(group.count, 'issue')}, on rows ${runsText(group.rows, 5)}${group.count > group.rows.length ? ' and others' : ''}. The first: `
      : '';
  const fix = group.fixable ? `\nconform fix repairs ${group.fixable === group.count ? (group.count === 1 ? 'it' : 'all of them') : n(group.fixable)}` : '';
  // Data text is made visible (an escape sequence would colour the log; a line break would start a new
  // command), so the only line breaks left are ours.
  const at = example.cell !== undefined ? `At ${example.cell}: ` : '';
  const text = terminalSafe(at + rows + words(example.message)) + (example.hint ? `\nFix: ${terminalSafe(words(example.hint))}` : '') + fix;
  return `::${COMMAND[group.severity]} ${properties(props)}::${escapeData(text)}`;
}

function properties(props: Record<string, string | number | undefined>): string {
  return Object.entries(props)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(typeof value === 'number' ? String(value) : terminalSafe(value!))}`)
    .join(',');
}

/** GitHub's escaping of a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping of a command's property values: the message's, and the separators `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
