// --valid-rows and --invalid-rows: after a file is checked, a second pass reads it again and writes each
// record to the passing or the failing file, in the input's own format and delimiter. The second pass
// knows every finding, including those only the end of the file reveals (duplicate keys, references),
// so each record lands in exactly one of the two files. Both are written atomically.
import { CsvTokenizer } from '../sources/csv-tokenizer.js';
import { JsonRecordSplitter } from '../sources/json-records.js';
import { NdjsonLines } from '../sources/ndjson-lines.js';
import { openText } from '../sources/text.js';
import { openAtomic, type AtomicStream } from '../io/atomic-write.js';
import type { InputFormat } from '../types.js';
import { totalRowLabel } from '../check/layout.js';

export interface RowTargets {
  valid?: string;
  invalid?: string;
}

export interface ReadAgain {
  format: InputFormat;
  encoding: string;
  delimiter?: string;
  /** Line of the CSV header (title lines above it are not records). */
  headerLine?: number;
  /** Template rows under the header: not records either. */
  templateRows?: { row: number; endRow: number };
}

export async function routeRows(path: string, read: ReadAgain, isInvalid: (row: number) => boolean, targets: RowTargets): Promise<void> {
  const outputs = { valid: targets.valid ? openAtomic(targets.valid) : undefined, invalid: targets.invalid ? openAtomic(targets.invalid) : undefined };
  const open = [outputs.valid, outputs.invalid].filter((o): o is AtomicStream => o !== undefined);
  try {
    const text = await openText(path, { encoding: read.encoding });
    if (read.format === 'csv') await routeCsv(text.chunks(), read, isInvalid, outputs);
    else await routeJson(text.chunks(), read.format, isInvalid, outputs);
    for (const output of open) await output.commit();
  } catch (error) {
    for (const output of open) output.abort();
    throw error;
  }
}

type Outputs = { valid?: AtomicStream; invalid?: AtomicStream };

async function routeCsv(chunks: AsyncIterable<string>, read: ReadAgain, isInvalid: (row: number) => boolean, outputs: Outputs): Promise<void> {
  const delimiter = read.delimiter ?? ',';
  const tokenizer = new CsvTokenizer({ delimiter, quote: '"' });
  const headerLine = read.headerLine ?? 1;
  let row = 0;
  let width = 0;
  const take = async (rows: string[][], lines: number[]) => {
    for (let k = 0; k < rows.length; k++) {
      const line = lines[k]!;
      if (line < headerLine) continue; // title lines
      const text = serialise(rows[k]!, delimiter) + '\r\n';
      if (line === headerLine) {
        width = rows[k]!.length;
        await outputs.valid?.write(text);
        await outputs.invalid?.write(text);
        continue;
      }
      row++;
      if (read.templateRows && row >= read.templateRows.row && row <= read.templateRows.endRow) continue;
      // A total or footer row is not a record: it goes to neither file.
      if (totalRowLabel(rows[k]!, width) !== undefined) continue;
      await (isInvalid(row) ? outputs.invalid : outputs.valid)?.write(text);
    }
  };
  for await (const chunk of chunks) {
    const batch = tokenizer.push(chunk);
    await take(batch.rows, batch.lines);
  }
  const last = tokenizer.end();
  await take(last.rows, last.lines);
}

async function routeJson(chunks: AsyncIterable<string>, format: InputFormat, isInvalid: (row: number) => boolean, outputs: Outputs): Promise<void> {
  const written = { valid: 0, invalid: 0 };
  const put = async (record: string, invalid: boolean) => {
    const which = invalid ? 'invalid' : 'valid';
    const output = outputs[which];
    if (!output) return;
    if (format === 'ndjson') await output.write(record.replace(/\r?\n/g, ' ') + '\n');
    else await output.write((written[which]++ === 0 ? '[\n' : ',\n') + record);
  };
  let row = 0;
  // Every record is routed as it is, however long (a record too long to check fails, and is kept).
  if (format === 'ndjson') {
    let records: string[] = [];
    const lines = new NdjsonLines(
      1,
      (record) => records.push(record),
      () => {},
      { limit: Infinity },
    );
    const routeLines = async () => {
      for (const record of records) await put(record.replace(/\r$/, ''), isInvalid(++row));
      records = [];
    };
    for await (const chunk of chunks) {
      lines.push(chunk);
      await routeLines();
    }
    lines.end();
    await routeLines();
    return;
  }
  const splitter = new JsonRecordSplitter(Infinity);
  for await (const chunk of chunks) for (const record of splitter.push(chunk).texts) await put(record, isInvalid(++row));
  for (const which of ['valid', 'invalid'] as const) await outputs[which]?.write(written[which] ? '\n]\n' : '[]\n');
}

/** A record as CSV: cells quoted only where they must be. */
function serialise(cells: string[], delimiter: string): string {
  return cells
    .map((cell) => (cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r') ? `"${cell.replace(/"/g, '""')}"` : cell))
    .join(delimiter);
}
