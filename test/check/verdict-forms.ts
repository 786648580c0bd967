// Checking the same records as CSV, NDJSON and a JSON array against a schema, and reading each record's
// verdict from the report: what the one-verdict tests compare with plain ajv's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { report, scratch } from '../helpers.js';

export type Form = 'csv' | 'ndjson' | 'json';

export interface FormResult {
  /** For each record (1-based row), whether it has an error. */
  failing: Set<number>;
  issues: Array<{ code: string; severity: string; row?: number; column?: string; message: string; hint?: string }>;
  rows: number;
  validRows: number;
}

/** A CSV cell for a JSON value, as the typing rules read it back. */
export function cellText(value: unknown, separator = ';'): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => cellText(v)).join(separator);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function csvLine(cells: string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

/** Write the records in a form, with the header `columns` for CSV. */
export function writeForm(dir: string, form: Form, records: Array<Record<string, unknown>>, columns: string[]): string {
  const file = join(dir, `data.${form}`);
  if (form === 'csv') {
    const lines = [csvLine(columns), ...records.map((r) => csvLine(columns.map((c) => cellText(r[c]))))];
    writeFileSync(file, lines.join('\n') + '\n');
  } else if (form === 'ndjson') writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  else writeFileSync(file, JSON.stringify(records, null, 1));
  return file;
}

/** Check records in a form against a schema and read each record's verdict. */
export async function checkForm(schema: object, form: Form, records: Array<Record<string, unknown>>, columns: string[], dir = scratch()): Promise<FormResult> {
  const schemaFile = join(dir, 'standard.schema.json');
  writeFileSync(schemaFile, JSON.stringify(schema));
  const file = writeForm(dir, form, records, columns);
  const { report: r } = await report([file, '-s', schemaFile, '--max-issues', '1000000']);
  const f = r.files[0];
  return { failing: failingRows(f), issues: f.issues, rows: f.rows, validRows: f.validRows };
}

/** Rows with an error, read from the report's counts: every row that is not valid. */
function failingRows(file: { issues: Array<{ severity: string; row?: number }> }): Set<number> {
  return new Set(file.issues.filter((i) => i.severity === 'error' && i.row !== undefined).map((i) => i.row!));
}
