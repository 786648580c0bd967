// Where a cell starts in its line, in characters: GitHub annotations and SARIF regions mark a column by
// its character position, not by the field's number. The readers do not keep it (it would cost every
// cell of every file); instead the lines of the issues to be marked are read again here, once per file,
// only for the reports that need it.
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { FileReport, Issue, Report } from '../types.js';

/** Node's name for each encoding conform reads in which a character can be counted from the text. */
const NODE_ENCODING: Record<string, BufferEncoding> = {
  'utf-8': 'utf8',
  'windows-1252': 'latin1',
  'iso-8859-1': 'latin1',
  'utf-16le': 'utf16le',
};

/** Set `columnStart` on the listed cell issues of every CSV file of the report that can be read again. */
export async function locateCells(report: Report, cwd = process.cwd()): Promise<void> {
  for (const file of report.files) await locateFileCells(file, cwd).catch(() => undefined);
}

export async function locateFileCells(file: FileReport, cwd = process.cwd()): Promise<void> {
  if (file.format !== 'csv' || file.path === '-' || file.path === '<stdin>') return;
  const encoding = NODE_ENCODING[file.encoding.toLowerCase()];
  if (!encoding) return;
  const wanted = new Map<number, Issue[]>();
  for (const issue of file.issues) {
    if (issue.line === undefined || issue.columnIndex === undefined || issue.columnStart !== undefined) continue;
    const list = wanted.get(issue.line);
    if (list) list.push(issue);
    else wanted.set(issue.line, [issue]);
  }
  if (!wanted.size) return;
  const last = Math.max(...wanted.keys());
  const delimiter = file.delimiter ?? ',';
  const stream = createReadStream(resolve(cwd, file.path), { encoding });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const raw of lines) {
      number++;
      const issues = wanted.get(number);
      if (issues) {
        // The byte-order mark is not a character a viewer shows.
        const line = number === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
        const starts = cellStarts(line, delimiter);
        for (const issue of issues) {
          const start = starts[issue.columnIndex! - 1];
          if (start !== undefined) issue.columnStart = start + 1;
        }
      }
      if (number >= last) break;
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

/** The 0-based character position where each cell of a CSV line starts (a quoted cell at its quote). */
export function cellStarts(line: string, delimiter: string): number[] {
  const starts = [0];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') i++;
        else quoted = false;
      }
    } else if (ch === '"' && i === starts[starts.length - 1]) quoted = true;
    else if (ch === delimiter) starts.push(i + 1);
  }
  return starts;
}
