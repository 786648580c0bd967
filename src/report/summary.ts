// The overview of a run across its files — one line per file, then the files grouped by standard and by
// publisher — each ranked worst first, as a league table an auditor can act on. Built from the file
// reports alone, so a merged report gets exactly the overview a single run would have.
import type { FileOverview, FileReport, Overview, OverviewCounts } from '../types.js';

export function buildOverview(files: FileReport[]): Overview {
  const lines = files.map(fileLine);
  return {
    files: [...lines].sort((a, b) => rank(a, b) || compareText(a.path, b.path)),
    byStandard: groupBy(lines, (l) => l.standard)
      .map(([standard, counts]) => ({ standard, ...counts }))
      .sort((a, b) => rank(a, b) || compareText(a.standard, b.standard)),
    byPublisher: groupBy(lines, (l) => l.publisher)
      .map(([publisher, counts]) => ({ publisher, ...counts }))
      .sort((a, b) => rank(a, b) || compareText(a.publisher, b.publisher)),
  };
}

/** Valid rows as a percentage, rounded down to one decimal so that 100 means every row. */
export function conformance(validRows: number, rows: number): number | null {
  if (rows === 0) return null;
  return Math.floor((validRows / rows) * 1000) / 10;
}

function fileLine(file: FileReport): FileOverview {
  return {
    path: file.path,
    standard: file.standard ? `${file.standard.id}@${file.standard.version}` : null,
    publisher: file.publisher ?? null,
    passed: file.passed,
    rows: file.rows,
    validRows: file.validRows,
    conformance: conformance(file.validRows, file.rows),
    errors: file.counts.error,
    warnings: file.counts.warning,
    infos: file.counts.info,
  };
}

function groupBy(lines: FileOverview[], key: (line: FileOverview) => string | null): Array<[string | null, OverviewCounts]> {
  const groups = new Map<string | null, OverviewCounts>();
  for (const line of lines) {
    const k = key(line);
    let g = groups.get(k);
    if (!g) {
      g = { files: 0, passedFiles: 0, failedFiles: 0, rows: 0, validRows: 0, conformance: null, errors: 0, warnings: 0, infos: 0 };
      groups.set(k, g);
    }
    g.files++;
    if (line.passed) g.passedFiles++;
    else g.failedFiles++;
    g.rows += line.rows;
    g.validRows += line.validRows;
    g.errors += line.errors;
    g.warnings += line.warnings;
    g.infos += line.infos;
  }
  for (const g of groups.values()) g.conformance = conformance(g.validRows, g.rows);
  return [...groups.entries()];
}

/** Worst first: no rows to judge, then lowest conformance, then most errors, then most warnings. */
function rank(a: { conformance: number | null; errors: number; warnings: number }, b: typeof a): number {
  const ca = a.conformance ?? -1;
  const cb = b.conformance ?? -1;
  return ca - cb || b.errors - a.errors || b.warnings - a.warnings;
}

/** Named groups before the unnamed one; code-unit order so every machine sorts alike. */
function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
