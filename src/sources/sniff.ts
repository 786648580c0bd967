// What a file really is, from its first bytes: a spreadsheet or a web page saved under a .csv name is
// named for what it is instead of being parsed into nonsense; and which delimiter a CSV file uses.
import type { NotDataFile } from '../issues/args.js';
import type { InputFormat } from '../types.js';

/** What the file is when it is not what its name or --input-format says, or undefined when it looks right. */
export function sniffBinary(head: Uint8Array): NotDataFile | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) {
    const text = Buffer.from(head.subarray(0, 65536)).toString('latin1');
    if (text.includes('xl/')) return { is: 'xlsx' };
    if (text.includes('application/vnd.oasis.opendocument.spreadsheet')) return { is: 'ods' };
    if (text.includes('word/')) return { is: 'docx' };
    return { is: 'zip', firstName: zipFirstName(head) };
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return { is: 'old-office' };
  if (starts(0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66)) return { is: 'sqlite' };
  if (starts(0x25, 0x50, 0x44, 0x46)) return { is: 'pdf' };
  if (starts(0x1f, 0x8b)) return { is: 'gzip' };
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) return { is: 'image' };
  return undefined;
}

/** The name of the first file in a ZIP archive, from its first local file header. */
function zipFirstName(head: Uint8Array): string | undefined {
  if (head.length < 30 || head[2] !== 0x03) return undefined;
  const length = head[26]! | (head[27]! << 8);
  if (!length || 30 + length > head.length) return undefined;
  const name = Buffer.from(head.subarray(30, 30 + length)).toString('utf8');
  return /^[\x20-\x7e\u00a0-\uffff]+$/.test(name) ? name : undefined;
}

/**
 * Control characters other than tab, CR, LF and form feed (NUL included): text files have none, binary
 * files many. A text file with a few NULs is text with a fault, reported with its place as it is read.
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  let control = 0;
  let nul = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) nul++;
    else if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > sample.length * 0.01 || nul > sample.length * 0.1;
}

const HTML_START = /^<(!doctype html|html|head|body|table|meta|title)[\s>]/;

/** The file's text does not suit the format it is read as. */
export function sniffText(text: string, format: InputFormat): NotDataFile | undefined {
  if (looksBinary(text)) return { is: 'binary', readAs: format === 'csv' ? 'csv' : 'json' };
  const start = text.trimStart().slice(0, 400).toLowerCase();
  if (HTML_START.test(start) || (start.startsWith('<!--') && start.includes('<html'))) return { is: 'html' };
  if (start.startsWith('<?xml')) return start.includes('urn:schemas-microsoft-com:office:spreadsheet') ? { is: 'excel-xml' } : { is: 'xml' };
  if (format === 'csv' && /^(\{\s*"|\[\s*[[{"\d\]-])/.test(start)) return { is: 'json-not-csv' };
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
  if (/\.(json|geojson)$/.test(lower)) return 'json';
  if (/\.(csv|tsv|txt|tab|psv)$/.test(lower)) return 'csv';
  return undefined;
}
