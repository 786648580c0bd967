// SARIF 2.1.0, the format GitHub code scanning (and other code-review tools) read findings from: one run,
// one rule per issue code (described from the catalog), one result per listed issue — at most 5,000 in the
// run, errors first, because GitHub keeps only the first 5,000 results of a run (and rejects a run of more
// than 25,000); the run's properties say how many of each file's issues were left out. A cell is marked at
// its character in the line (startColumn) when the report knows it; its field number is in the result's
// properties (columnIndex).
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { CATALOG } from '../issues/catalog.js';
import type { FileReport, Issue, IssueCode, Severity } from '../types.js';
import type { Formatter } from './formatter.js';
import { codesOf, columnLabel } from './where.js';
import { inertLinks, terminalSafe } from './safe-text.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Results GitHub code scanning keeps of one run. */
export const MAX_RESULTS = 5000;

// Where people can read about the tool: the package's homepage, when package.json names one.
const require = createRequire(import.meta.url);
const HOMEPAGE = (require('../../package.json') as { homepage?: string }).homepage;

export const sarif: Formatter = (report) => {
  const codes = [...new Set(report.files.flatMap(codesOf))].sort(byCatalogOrder);
  const ruleIndex = new Map(codes.map((code, i) => [code, i]));
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const all = report.files.flatMap((file, f) => file.issues.map((issue, i) => ({ file, issue, f, i })));
  const kept = all.length > MAX_RESULTS ? [...all].sort((a, b) => rank[a.issue.severity] - rank[b.issue.severity] || a.f - b.f || a.i - b.i).slice(0, MAX_RESULTS) : all;
  kept.sort((a, b) => a.f - b.f || a.i - b.i);
  const results = kept.map(({ file, issue }) => result(file, issue, ruleIndex.get(issue.code)!));
  const inRun = new Map<FileReport, number>();
  for (const { file } of kept) inRun.set(file, (inRun.get(file) ?? 0) + 1);
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            ...(HOMEPAGE ? { informationUri: HOMEPAGE } : {}),
            rules: codes.map(rule),
          },
        },
        automationDetails: { id: 'conform/' },
        results,
        properties: {
          passed: report.passed,
          failOn: report.failOn,
          summary: report.summary,
          files: report.files.map((f) => ({
            path: f.path,
            passed: f.passed,
            standard: f.standard,
            rows: f.rows,
            counts: f.counts,
            truncated: f.truncated,
            // Issues found but not in this run: past --max-issues, or past the run's 5,000 results.
            notInRun: f.counts.error + f.counts.warning + f.counts.info - (inRun.get(f) ?? 0),
          })),
          ...(all.length > kept.length ? { resultsLeftOut: all.length - kept.length, resultsLimit: MAX_RESULTS } : {}),
          ...(report.overview ? { overview: report.overview } : {}),
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

function rule(code: IssueCode) {
  const entry = CATALOG[code];
  return {
    id: code,
    name: code.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: entry?.title ?? code },
    fullDescription: { text: entry?.help ?? code },
    help: { text: entry?.help ?? code, markdown: `**${entry?.title ?? code}** (\`${code}\`)\n\n${entry?.help ?? ''}` },
    defaultConfiguration: { level: LEVEL[entry?.severity ?? 'error'] },
    properties: { tags: ['data-quality', code.split('-')[0]!] },
  };
}

function result(file: FileReport, issue: Issue, ruleIndex: number) {
  const region =
    issue.line !== undefined
      ? {
          region: {
            startLine: issue.line,
            ...(issue.endLine !== undefined && issue.endLine > issue.line ? { endLine: issue.endLine } : {}),
            // The cell's character in its line, when known; its field number is in the properties.
            ...(issue.columnStart !== undefined ? { startColumn: issue.columnStart } : {}),
          },
        }
      : {};
  const where = {
    physicalLocation: { artifactLocation: artifact(file.path), ...region },
    ...(issue.pointer !== undefined ? { logicalLocations: [{ fullyQualifiedName: issue.pointer, kind: 'value' }] } : {}),
  };
  return {
    ruleId: issue.code,
    ruleIndex,
    level: LEVEL[issue.severity],
    message: { text: messageText(issue.hint ? `${issue.message}. Fix: ${issue.hint}` : issue.message) },
    locations: [where],
    partialFingerprints: { 'conformIssue/v1': fingerprint(file.path, issue) },
    properties: pick(issue, ['row', 'endRow', 'column', 'columnIndex', 'field', 'pointer', 'value', 'expected', 'suggestion', 'fix', 'count', 'record', 'sheet', 'cell']),
  };
}

/**
 * A message quotes values from the data, and code-scanning pages show it: control and direction
 * characters are made visible, the bracket of a `[text](target)` escaped (SARIF reads that in a message as
 * a link), and web addresses, mentions and issue references kept inert. The value itself, exactly as
 * found, is in the result's properties.
 */
function messageText(message: string): string {
  return inertLinks(terminalSafe(message).replace(/\](?=\s*\()/g, '\\]'));
}

/**
 * A URI for the file: relative paths stay relative (code scanning resolves them from the repository root),
 * absolute ones become file: URIs. Each segment is percent-encoded.
 */
function artifact(path: string): { uri: string; uriBaseId?: string } {
  const posix = path.replace(/\\/g, '/');
  if (/^([a-zA-Z]:)?\//.test(posix)) {
    return { uri: 'file://' + (posix.startsWith('/') ? '' : '/') + posix.split('/').map(encodeSegment).join('/') };
  }
  return { uri: posix.replace(/^\.\//, '').split('/').map(encodeSegment).join('/'), uriBaseId: '%SRCROOT%' };
}

function encodeSegment(segment: string): string {
  return /^[a-zA-Z]:$/.test(segment) ? segment : encodeURIComponent(segment);
}

/**
 * The same finding gets the same fingerprint in every run, so code scanning can tell new findings from
 * old ones: the file, the code, where (column, pointer, row) and the value, hashed.
 */
function fingerprint(path: string, issue: Issue): string {
  const parts = [path, issue.code, columnLabel(issue), issue.pointer ?? '', issue.row ?? issue.line ?? '', issue.value ?? ''];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

function pick(issue: Issue, keys: (keyof Issue)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (issue[key] !== undefined) out[key] = issue[key];
  return out;
}

const CATALOG_ORDER = Object.keys(CATALOG);
function byCatalogOrder(a: IssueCode, b: IssueCode): number {
  return CATALOG_ORDER.indexOf(a) - CATALOG_ORDER.indexOf(b);
}
