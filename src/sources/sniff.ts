// What a file really is, from its first bytes: a spreadsheet or a web page saved under a .csv name is
// named for what it is instead of being parsed into nonsense; and which delimiter a CSV file uses.
import type { InputFormat } from '../types.js';

/** Why the file is not what its name or --input-format says, or undefined when it looks right. */
export function sniffBinary(head: Uint8Array): string | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) {
    const text = Buffer.from(head.subarray(0, 4096)).toString('latin1');
    if (text.includes('xl/') || text.includes('[Content_Types].xml')) {
      return 'This is an Excel workbook (.xlsx), not a CSV file. In Excel, use "Save As" → "CSV UTF-8 (Comma delimited)" and check that file';
    }
    return 'This is a ZIP archive, not a data file. Extract the data file from it and check that';
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    return 'This is an old-style Excel workbook (.xls), not a CSV file. In Excel, use "Save As" → "CSV UTF-8 (Comma delimited)" and check that file';
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'This is a PDF document, not a data file';
  if (starts(0x1f, 0x8b)) return 'This is a gzip-compressed file. Decompress it and check the file inside';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) {
    return 'This is an image, not a data file';
  }
  return undefined;
}

/** Control characters other than tab, CR, LF and form feed; text files have none, binary files many. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > sample.length * 0.01;
}

/** The file's text does not suit the format it is read as. */
export function sniffText(text: string, format: InputFormat): string | undefined {
  if (looksBinary(text)) return `This is a binary file, not ${format === 'csv' ? 'a CSV' : 'a JSON'} file`;
  const start = text.trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /^<head[\s>]/.test(start)) {
    return 'This is a web page (HTML), not a data file: it was probably saved from an error or login page instead of the download itself';
  }
  if (start.startsWith('<?xml')) return 'This is an XML file, not a data file of the expected kind';
  if (format === 'csv' && (start.startsWith('{') || start.startsWith('['))) {
    return 'This looks like a JSON file, not a CSV file. Rename it to .json (or use --input-format json)';
  }
  return undefined;
}

const CANDIDATES = [',', ';', '\t', '|'];

/**
 * The delimiter that splits the first lines most consistently: for each candidate, how many of the
 * sample lines have its most common (non-zero) count, weighted by that count. Quoted text is skipped.
 */
export function detectDelimiter(text: string): string {
  const lines = sampleLines(text, 50);
  let best = ',';
  let bestScore = 0;
  for (const candidate of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    const tally = new Map<number, number>();
    for (const c of counts) if (c > 0) tally.set(c, (tally.get(c) ?? 0) + 1);
    let score = 0;
    for (const [count, lineCount] of tally) score = Math.max(score, lineCount * 100 + Math.min(count, 99));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function sampleLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length && lines.length < max; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === '\n' && !inQuotes) {
      const line = text.slice(start, i);
      if (line.trim()) lines.push(line);
      start = i + 1;
    }
  }
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === delimiter && !inQuotes) count++;
  }
  return count;
}

/** The format a file's name suggests. */
export function formatFromName(path: string): InputFormat | undefined {
  const lower = path.toLowerCase();
  if (/\.(ndjson|jsonl|jsonlines)$/.test(lower)) return 'ndjson';
  if (/\.json$/.test(lower)) return 'json';
  if (/\.(csv|tsv|txt|tab|psv)$/.test(lower)) return 'csv';
  return undefined;
}
