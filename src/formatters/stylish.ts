// The terminal report: per file, what to do first (what conform fix repairs, then what needs a person),
// then issues grouped by column and code with a few examples of each (advice repeated for many values
// given once, with the count), renamed columns folded into one block, then one line with the verdict.
// Counts come from the file's groups (every issue found), never from the listed issues alone. Lines are
// wrapped to the terminal's width. Every piece of text that comes from the data goes through
// terminalSafe: it is shown, never obeyed.
import { Chalk } from 'chalk';
import { groupOrder } from '../report/groups.js';
import type { FileReport, FixPlan, Issue, IssueGroup, Report, Severity } from '../types.js';
import type { Formatter } from './formatter.js';
import { groupsOf, keyOfGroup, listedByGroup, planOf, runPlanOf, showingText } from './groups-view.js';
import { overviewLines } from './overview-text.js';
import { terminalSafe } from './safe-text.js';
import { count, locationText, n, runsText, SEVERITY_WORD } from './where.js';
import { adviceShape, inWords, quotesPattern, wrapText } from './words.js';

const DEFAULT_EXAMPLES = 5;
/** Width when the terminal's is not known (output to a file or a pipe). */
export const DEFAULT_WIDTH = 80;
const GUTTER = 22;
/** Kinds of issue for a person shown in the plan; the rest are counted. */
const PLAN_STEPS = 5;

type Paint = InstanceType<typeof Chalk>;

interface Layout {
  c: Paint;
  examples: number;
  width: number;
  verbose: boolean;
}

export const stylish: Formatter = (report, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const layout: Layout = {
    c,
    examples: Math.max(1, options.examples ?? DEFAULT_EXAMPLES),
    width: Math.max(40, Math.min(options.width ?? DEFAULT_WIDTH, 200)),
    verbose: options.verbose === true,
  };
  const out: string[] = [];
  if (report.files.length > 1) out.push(...runPlanLines(report, layout));
  for (const file of report.files) {
    // One line at a time: a file with 100,000 issues has more lines than a call can take as arguments.
    for (const line of fileSection(file, layout)) out.push(line);
    out.push('');
  }
  if (report.overview && report.files.length > 1) out.push(...overviewLines(report.overview, c), '');
  out.push(verdict(report, c));
  return out.join('\n') + '\n';
};

function fileSection(file: FileReport, layout: Layout): string[] {
  const { c } = layout;
  const lines: string[] = [];
  const standard = file.standard ? terminalSafe(`${file.standard.id} ${file.standard.version}`) : 'no standard';
  const shape = [
    file.format === 'unknown' ? '' : file.format.toUpperCase(),
    encodingName(file.encoding),
    delimiterName(file.delimiter),
    file.sheet !== undefined ? terminalSafe(`sheet ${JSON.stringify(file.sheet)}`) : '',
  ]
    .filter(Boolean)
    .join(', ');
  const mark = file.passed ? c.green('✔') : c.red('✖');
  lines.push(`${mark} ${c.bold(terminalSafe(file.path))}`);
  lines.push(...indented(c.dim, [standard, count(file.rows, 'row'), shape].filter(Boolean).join(' · '), '  ', layout.width));
  const detected = file.standard?.detected as { reason?: string } | undefined;
  if (detected?.reason) lines.push(...indented(c.dim, `standard detected from the file: ${terminalSafe(detected.reason)}`, '  ', layout.width));
  if (!file.issues.length && !file.truncated) {
    lines.push(`  ${c.green('No issues found.')}`);
    return lines;
  }
  const invalid = file.invalidRows ? ` · ${n(file.invalidRows)} of ${count(file.rows, 'row')} ${file.invalidRows === 1 ? 'has' : 'have'} errors` : '';
  lines.push(`  ${summaryCounts(file.counts, c)}${c.dim(invalid)}`);
  const showing = showingText(file, n);
  if (showing) lines.push(...indented(c.yellow, showing, '  ', layout.width));
  lines.push(...planLines(planOf(file), layout, false));

  const renamed = file.issues.filter((i) => i.code === 'header-mismatch' && i.column !== undefined);
  const unknown = file.issues.filter((i) => i.code === 'header-unknown' && i.column !== undefined);
  const folded = new Set([...renamed, ...unknown]);
  const listed = listedByGroup(file);
  const groups = groupsOf(file).filter((g) => {
    const issues = listed.get(keyOfGroup(g)) ?? [];
    return !(issues.length && issues.length === g.count && issues.every((i) => folded.has(i)));
  });
  const headerAt = groups.findIndex((g) => groupOrder(g) > 0);
  const headerBlocks = [...renamedBlock(renamed, layout), ...unknownBlock(unknown, layout)];
  for (const [index, group] of groups.entries()) {
    if (index === headerAt) lines.push(...headerBlocks);
    lines.push(
      '',
      ...groupLines(
        group,
        (listed.get(keyOfGroup(group)) ?? []).filter((i) => !folded.has(i)),
        layout,
      ),
    );
  }
  if (headerAt === -1) lines.push(...headerBlocks);
  return lines;
}

/** A plan: what conform fix repairs and how, then what needs a person, largest first. */
function planLines(plan: FixPlan, layout: Layout, run: boolean): string[] {
  const { c, width } = layout;
  if (!plan.issues) return [];
  const out = ['', `  ${c.bold('What to do first')}`];
  let step = 1;
  if (plan.fixable) {
    const what = `${step++}. conform fix repairs ${n(plan.fixable)} of the ${count(plan.issues, 'issue')}${run && !plan.command ? ' (run it on each file; the command is under each file)' : ''}:`;
    out.push(...indented((t) => t, what, '    ', width));
    // A command is never broken, so it can be copied whole.
    if (plan.command) out.push(`       ${c.cyan(terminalSafe(plan.command))}`);
  }
  if (plan.manual.length) {
    const left = plan.manual.reduce((sum, s) => sum + s.count, 0);
    out.push(
      ...indented((t) => t, `${step}. ${plan.fixable ? 'Then ' : ''}${count(left, 'issue')} ${left === 1 ? 'needs' : 'need'} a person, the largest kinds first:`, '    ', width),
    );
    for (const s of plan.manual.slice(0, PLAN_STEPS)) {
      const where = [s.example.path && run ? terminalSafe(s.example.path) : '', locationText(s.example)].filter(Boolean).join(' ');
      const files = s.files && s.files > 1 ? ` in ${n(s.files)} files` : '';
      out.push(...indented((t) => t, `${n(s.count)} × ${terminalSafe(s.label)}: ${SEVERITY_WORD[s.severity]} ${s.code}${files}`, '       ', width));
      out.push(...indented(c.dim, `${where ? `${where}: ` : ''}${terminalSafe(words(s.example.message, layout))}`, '         ', width));
      if (s.action) out.push(...indented(c.green, `→ ${terminalSafe(words(s.action, layout))}`, '         ', width));
    }
    const rest = plan.manual.slice(PLAN_STEPS);
    if (rest.length) {
      out.push(
        ...indented(
          c.dim,
          `… and ${count(
            rest.reduce((sum, s) => sum + s.count, 0),
            'issue',
          )} of ${count(rest.length, 'more kind')}`,
          '       ',
          width,
        ),
      );
    }
  }
  return out;
}

function runPlanLines(report: Report, layout: Layout): string[] {
  const plan = runPlanOf(report);
  if (!plan.issues) return [];
  const lines = planLines(plan, layout, true).slice(1);
  lines[0] = layout.c.bold('What to do first, across the files');
  return [...lines, ''];
}

function groupLines(group: IssueGroup, listed: Issue[], layout: Layout): string[] {
  const { c, examples, width } = layout;
  const total = group.count;
  const repaired = group.fixable === total ? (total === 1 ? 'conform fix repairs it' : 'conform fix repairs them') : `conform fix repairs ${n(group.fixable)}`;
  const title = `${terminalSafe(group.label)}  ${SEVERITY_WORD[group.severity]} ${group.code}${total > 1 ? ` × ${n(total)}` : ''}${group.fixable ? ` · ${repaired}` : ''}`;
  const lines = wrapText(title, width - 2).map((line, i) => `  ${i ? line : paintTitle(line, group, c)}`);

  const wide = width >= 60;
  const body = width - 4 - GUTTER;
  const runs = sameAdvice(listed);
  let shown = 0;
  let patternNoted = false;
  for (const run of runs.slice(0, examples)) {
    const first = run.issues[0]!;
    const where = run.issues.length === 1 ? locationText(first) : runLocation(run.issues);
    const message = terminalSafe(words(first.message, layout));
    const gutter = wide && where.length < GUTTER - 1;
    const pad = gutter ? ' '.repeat(4 + GUTTER) : '      ';
    if (gutter) {
      const wrapped = wrapText(message, body);
      lines.push(`    ${c.dim(where.padEnd(GUTTER))}${wrapped[0]}`, ...wrapped.slice(1).map((l) => pad + l));
    } else {
      if (where) lines.push(...indented(c.dim, where, '    ', width));
      lines.push(...indented((t) => t, message, pad, width));
    }
    if (first.hint) lines.push(...indented(c.green, `→ ${terminalSafe(words(first.hint, layout))}`, pad, width));
    if (run.values.length > 1) {
      const others = run.values.slice(1, 4).map((v) => terminalSafe(JSON.stringify(v)));
      lines.push(...indented(c.dim, `the same for ${count(run.issues.length, 'value')} listed, such as ${others.join(', ')}`, pad, width));
    }
    if (!layout.verbose && !patternNoted && quotesPattern(first.message)) {
      patternNoted = true;
      lines.push(...indented(c.dim, '(the pattern itself is in the JSON report, and with --verbose)', pad, width));
    }
    shown += run.issues.length;
  }
  const more = total - shown;
  if (more > 0) lines.push(...indented(c.dim, `… and ${n(more)} more ${moreText(more, total - listed.length)}`, '    ', width));
  return lines;
}

function paintTitle(line: string, group: IssueGroup, c: Paint): string {
  const at = line.indexOf(`  ${SEVERITY_WORD[group.severity]} ${group.code}`);
  if (at < 0) return c.bold(line);
  const rest = line.slice(at + 2 + SEVERITY_WORD[group.severity].length + 1 + group.code.length);
  return `${c.bold(line.slice(0, at))}  ${severityLabel(group.severity, c)} ${c.cyan(group.code)}${c.dim(rest)}`;
}

/** Text for people: patterns in words unless --verbose. */
function words(text: string, layout: Layout): string {
  return layout.verbose ? text : inWords(text);
}

/** `text` wrapped to the width, each line starting with `indent`, painted. */
function indented(paint: (text: string) => string, text: string, indent: string, width: number): string[] {
  return wrapText(text, width - indent.length).map((line) => indent + paint(line));
}

/** Where the rest of a group can be seen: in the full reports, or nowhere because --max-issues dropped them. */
function moreText(more: number, unlisted: number): string {
  const fullReport = '(see them all with --format html or csv)';
  if (unlisted <= 0) return `like this ${fullReport}`;
  if (unlisted >= more) return 'not listed (--max-issues)';
  return `like this: ${n(more - unlisted)} in the full report (--format html or csv), ${n(unlisted)} not listed (--max-issues)`;
}

interface AdviceRun {
  issues: Issue[];
  /** The distinct values the advice was given for, in the order met. */
  values: string[];
}

/**
 * Issues that say the same thing about different rows or values, kept together in the order first seen:
 * advice repeated for many values is given once, with the count.
 */
function sameAdvice(issues: Issue[]): AdviceRun[] {
  const runs = new Map<string, AdviceRun>();
  for (const issue of issues) {
    const key = issue.endRow !== undefined ? `\u0000${runs.size}` : `${adviceShape(issue.message)}\u0000${adviceShape(issue.hint)}`;
    let run = runs.get(key);
    if (!run) {
      run = { issues: [], values: [] };
      runs.set(key, run);
    }
    run.issues.push(issue);
    if (issue.value !== undefined && run.values.length < 8 && !run.values.includes(issue.value)) run.values.push(issue.value);
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
function renamedBlock(issues: Issue[], { c, width }: Layout): string[] {
  if (!issues.length) return [];
  const pairs = issues.map((i) => `${terminalSafe(quotedName(i.column!))} → ${terminalSafe(i.field ?? i.suggestion ?? '?')}`);
  return [
    '',
    `  ${c.bold('Header')}  ${severityLabel(issues[0]!.severity, c)} ${c.cyan('header-mismatch')}${issues.length > 1 ? c.dim(` × ${n(issues.length)}`) : ''}`,
    `    Columns read under the standard's names:`,
    ...wrap(pairs, width - 6).map((line) => `      ${line}`),
    `    ${c.green(`→ rename ${issues.length === 1 ? 'the column' : 'these columns'} to the standard's ${issues.length === 1 ? 'name' : 'names'}`)}`,
  ];
}

function unknownBlock(issues: Issue[], { c, width }: Layout): string[] {
  if (!issues.length) return [];
  const names = issues.map((i) => terminalSafe(quotedName(i.column!)));
  return [
    '',
    `  ${c.bold('Header')}  ${severityLabel(issues[0]!.severity, c)} ${c.cyan('header-unknown')}${issues.length > 1 ? c.dim(` × ${n(issues.length)}`) : ''}`,
    `    ${issues.length === 1 ? 'A column that is' : 'Columns that are'} not part of the standard:`,
    ...wrap(names, width - 6).map((line) => `      ${line}`),
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
