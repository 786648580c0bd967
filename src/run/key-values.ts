// The values of duplicate keys found only when the key runs on disk were merged (a file with more keys
// than the key table holds; see rules/key-set.ts), where key texts are not kept. Once the file has been
// checked, the lines of those kept for the report are read again, as far as the last of them, and each
// issue gets its value and the message that names it, as a duplicate found earlier has.
import { makeIssue } from '../issues/catalog.js';
import type { IssueCollector } from '../report/collector.js';
import { CsvTokenizer } from '../sources/csv-tokenizer.js';
import { JsonRecordSplitter } from '../sources/json-records.js';
import { openText } from '../sources/text.js';
import type { Issue } from '../types.js';
import type { TablePlan } from '../check/row-checker.js';
import { keyText } from '../check/records.js';
import { duplicateArgs, LATE_KEY } from '../check/table-rules.js';

/**
 * How the file was read: its format, the encoding asked for (the same bytes are decoded the same way
 * again), and for CSV its delimiter and which column is which field.
 */
export interface KeySource {
  format: string;
  encoding?: string;
  delimiter?: string;
  plan?: TablePlan;
}

type LateIssue = Issue & { [LATE_KEY]?: string[] };

/** Give the duplicate keys kept for the report without a value their value, read from the file again. */
export async function fillLateKeyValues(path: string, sink: IssueCollector, source: KeySource): Promise<void> {
  if (!sink.byCode['key-duplicate']) return; // most files: no need to look through the issues
  const wanted = new Map<number, LateIssue[]>();
  for (const issue of sink.kept() as LateIssue[]) {
    if (issue[LATE_KEY] === undefined || issue.line === undefined) continue;
    const atLine = wanted.get(issue.line);
    if (atLine) atLine.push(issue);
    else wanted.set(issue.line, [issue]);
  }
  if (!wanted.size) return;
  let left = wanted.size;
  /** A record starting on `line`: fill in the issues on it with the texts of their key's fields. */
  const take = (line: number, texts: (fields: string[]) => string[]) => {
    const issues = wanted.get(line);
    if (!issues) return;
    left--;
    for (const issue of issues) {
      const value = texts(issue[LATE_KEY]!).join(', ');
      const { firstRow, firstLine } = issue;
      issue.message = makeIssue('key-duplicate', duplicateArgs(issue[LATE_KEY]!, value, { row: firstRow!, line: firstLine! })).message;
      // In the order of any other duplicate's fields: the value before the first row and line.
      delete issue.firstRow;
      delete issue.firstLine;
      Object.assign(issue, { value, firstRow, firstLine });
    }
  };

  const jsonRecord = (recordText: string, line: number) => {
    if (!wanted.has(line)) return;
    let values: Record<string, unknown>;
    try {
      values = JSON.parse(recordText) as Record<string, unknown>;
    } catch {
      return; // the file has changed since it was checked
    }
    take(line, (fields) => fields.map((f) => keyText(values[f])));
  };

  const text = await openText(path, { encoding: source.encoding });
  try {
    if (source.format === 'json') {
      // Records of a JSON array may start anywhere on a line: the array is split again.
      const splitter = new JsonRecordSplitter();
      for await (const chunk of text.chunks()) {
        const batch = splitter.push(chunk);
        batch.texts.forEach((t, k) => jsonRecord(t, batch.lines[k]!));
        if (!left) return;
      }
      return;
    }
    // A CSV record or an NDJSON record starts at the start of its line: only those lines are looked at.
    const columns = new Map(source.plan?.columns.map((c) => [c.field, c.index]));
    const dialect = { delimiter: source.delimiter ?? ',', quote: '"' };
    /** The CSV record being read, from its first line on. */
    let reading: { tokenizer: CsvTokenizer; line: number } | undefined;
    const readLine = (lineText: string, line: number, last: boolean) => {
      if (source.format === 'ndjson') return jsonRecord(lineText, line);
      reading ??= { tokenizer: new CsvTokenizer(dialect, undefined, line), line };
      const { rows } = last ? (reading.tokenizer.push(lineText), reading.tokenizer.end()) : reading.tokenizer.push(lineText);
      if (!rows.length) return; // a quoted cell goes on to the next line
      const cells = rows[0]!;
      take(reading.line, (fields) => fields.map((f) => (cells[columns.get(f) ?? -1] ?? '').trim()));
      reading = undefined;
    };
    const targets = [...wanted.keys()].sort((a, b) => a - b);
    let next = 0;
    let line = 1;
    // The pieces of a wanted line, joined once at its end: a long line costs its length once.
    let pieces: string[] = [];
    const wantedLine = () => reading !== undefined || line === targets[next];
    for await (const chunk of text.chunks()) {
      let start = 0;
      for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
        if (wantedLine()) {
          if (line === targets[next]) next++;
          pieces.push(chunk.slice(start, nl + 1));
          readLine(pieces.join(''), line, false);
          if (!left) return;
        }
        pieces = [];
        line++;
        start = nl + 1;
      }
      if (wantedLine() && start < chunk.length) pieces.push(chunk.slice(start));
    }
    if (wantedLine()) readLine(pieces.join(''), line, true);
  } finally {
    await text.close();
  }
}
