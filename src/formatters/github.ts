// GitHub Actions workflow commands: one annotation per issue, on the file and line it is about, so the
// findings show in the run summary and on the pull request's changed files.
import { CATALOG } from '../issues/catalog.js';
import type { Issue, Severity } from '../types.js';
import type { Formatter } from './formatter.js';
import { terminalSafe } from './safe-text.js';
import { columnLabel, count } from './where.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export const github: Formatter = (report) => {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const issue of file.issues) lines.push(annotation(file.path, issue));
    if (file.truncated) {
      const text = `${count(file.truncated, 'more issue')} ${file.truncated === 1 ? 'was' : 'were'} counted but not listed (--max-issues)`;
      lines.push(`::warning ${properties({ file: file.path, title: 'conform: issues not listed' })}::${escapeData(text)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};

function annotation(path: string, issue: Issue): string {
  const props: Record<string, string | number | undefined> = {
    file: path,
    line: issue.line,
    endLine: issue.endLine !== undefined && issue.endLine !== issue.line ? issue.endLine : undefined,
    col: issue.columnIndex,
    title: `${CATALOG[issue.code]?.title ?? issue.code} (${issue.code}) · ${columnLabel(issue)}`,
  };
  // Data text is made visible (an escape sequence would colour the log; a line break would start a new
  // command), so the only line break left is ours, between the message and the hint.
  const text = terminalSafe(issue.message) + (issue.hint ? `\nFix: ${terminalSafe(issue.hint)}` : '');
  return `::${COMMAND[issue.severity]} ${properties(props)}::${escapeData(text)}`;
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
