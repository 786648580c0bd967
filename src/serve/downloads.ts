// What the browser may download after a check: the report in every format of --format, the repaired copy
// and its log of changes. Each is named from the uploaded file's name made ASCII-safe, so no name in a
// Content-Disposition header can carry a quote, a path or a control character.
import { FORMAT_FILES, FORMATTERS, isFormatName, type FormatName } from '../formatters/index.js';
import type { Report } from '../types.js';

export const REPORT_FORMATS = Object.keys(FORMATTERS) as FormatName[];

/** The file's name without folders or extension, in letters, digits, `.`, `_` and `-` only (at most 80). */
export function safeBase(shown: string): string {
  const name = shown.split(/[\\/]/).pop() ?? '';
  const stem = name.replace(/\.[^.]*$/, '');
  const ascii = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, 80);
  return ascii || 'data';
}

export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}

export interface Download {
  filename: string;
  type: string;
  body: string;
}

/** The report in `format`, as `conform validate --format <format>` writes it. */
export function reportDownload(report: Report, located: Report, shown: string, format: string): Download | undefined {
  if (!isFormatName(format)) return undefined;
  // GitHub annotations and SARIF mark cells by their character in the line, found when the file was checked.
  const source = format === 'github' || format === 'sarif' ? located : report;
  return {
    filename: reportFilename(shown, format),
    type: `${FORMAT_FILES[format].type}; charset=utf-8`,
    body: FORMATTERS[format](source, { color: false }),
  };
}

/** Names of the repaired copy and its log, as `conform fix` names them by default. */
export function repairNames(shown: string): { fixed: string; log: string } {
  const fixed = `${safeBase(shown)}-fixed.csv`;
  return { fixed, log: `${fixed}.log.csv` };
}

export function reportFilename(shown: string, format: FormatName): string {
  return `${safeBase(shown)}-report.${FORMAT_FILES[format].extension}`;
}
