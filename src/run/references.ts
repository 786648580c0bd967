// The other files a table refers to (x-foreignKeys), read before the table so each row's reference can
// be checked as it streams by. Paths are relative to the data file being checked, and only files inside
// its folder or the standard's folder are read.
import { dirname, resolve } from 'node:path';
import { CsvTokenizer } from '../sources/csv-tokenizer.js';
import { JsonRecordSplitter } from '../sources/json-records.js';
import { detectDelimiter, formatFromName } from '../sources/sniff.js';
import { DataReadError, openText } from '../sources/text.js';
import { confinedFile, REFERENCE_MAX_BYTES, type Confined } from '../standards/confined-file.js';
import type { Standard } from '../standards/standard.js';
import { normaliseName } from '../standards/name-tokens.js';
import { declaredReferences, type Reference } from '../check/table-rules.js';
import { isBlankRow } from '../check/table.js';

const SEPARATOR = '\u0001';

export async function loadReferences(standard: Standard, dataPath: string): Promise<Reference[]> {
  const references: Reference[] = [];
  for (const declared of declaredReferences(standard)) {
    const reference: Reference = { ...declared };
    if (dataPath === '-') {
      reference.problem = { kind: 'standard-input' };
    } else {
      const found = findReference(declared.resource, dataPath, standard.path);
      if ('missing' in found) reference.problem = { kind: 'not-found' };
      else if ('refused' in found) reference.problem = { kind: 'refused', why: found.refused };
      else {
        try {
          reference.values = await readKeys(found.path, declared.fields);
        } catch (error) {
          if (!(error instanceof DataReadError) && !(error instanceof KeyColumnsMissing)) throw error;
          reference.problem = { kind: 'unreadable', readerMessage: error.message };
        }
      }
    }
    references.push(reference);
  }
  return references;
}

/**
 * The referenced file, relative to the data file (as the contract says): a regular file, within the size
 * limit, whose real path is inside the data file's folder or the standard's folder.
 */
function findReference(resource: string, dataPath: string, standardPath: string | undefined): Confined {
  const folders = [dirname(dataPath), ...(standardPath ? [dirname(standardPath)] : [])];
  return confinedFile(resolve(dirname(dataPath), resource), folders, REFERENCE_MAX_BYTES);
}

class KeyColumnsMissing extends Error {}

/** The key values (joined when composite) of `fields` in every record of a CSV or JSON file. */
async function readKeys(path: string, fields: string[]): Promise<Set<string>> {
  const text = await openText(path);
  const keys = new Set<string>();
  if (formatFromName(path) === 'json') {
    const splitter = new JsonRecordSplitter();
    const take = (texts: string[]) => {
      for (const t of texts) {
        let record: Record<string, unknown>;
        try {
          record = JSON.parse(t) as Record<string, unknown>;
        } catch {
          continue; // a broken record is reported when that file itself is checked
        }
        const parts = fields.map((f) => (record[f] === undefined || record[f] === null ? '' : String(record[f]).trim()));
        if (parts.every(Boolean)) keys.add(parts.join(SEPARATOR));
      }
    };
    for await (const chunk of text.chunks()) take(splitter.push(chunk).texts);
    return keys;
  }
  const tokenizer = new CsvTokenizer({ delimiter: detectDelimiter(text.headText), quote: '"' });
  let indices: number[] | undefined;
  const take = (rows: string[][]) => {
    for (const cells of rows) {
      if (isBlankRow(cells)) continue;
      if (!indices) {
        const names = cells.map(normaliseName);
        indices = fields.map((f) => names.indexOf(normaliseName(f)));
        const missing = fields.filter((_, i) => indices![i]! < 0);
        if (missing.length) throw new KeyColumnsMissing(`it has no column ${missing.map((m) => `"${m}"`).join(', ')}`);
        continue;
      }
      const parts = indices.map((i) => (cells[i] ?? '').trim());
      if (parts.every(Boolean)) keys.add(parts.join(SEPARATOR));
    }
  };
  for await (const chunk of text.chunks()) take(tokenizer.push(chunk).rows);
  take(tokenizer.end().rows);
  return keys;
}
