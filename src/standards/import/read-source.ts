// Reading the files an importer is given: JSON (also the UTF-16 files some publishers save, and with
// a byte-order mark), CSV tables, and Markdown with YAML front matter. Every failure is a one-line error
// naming the file.
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { ConformError } from '../../errors.js';
import { decodeWhole } from '../../sources/encoding.js';

export function readText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ConformError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  // Decoded as schemas and data files are: byte-order marks, UTF-16 without one, Windows-1252.
  return decodeWhole(bytes).text;
}

export function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConformError(`${path} is not valid JSON (${(error as Error).message}); correct it and import again`);
  }
}

export function readCsvRecords(path: string): Array<Record<string, string>> {
  try {
    return parseCsv(readText(path), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Array<Record<string, string>>;
  } catch (error) {
    throw new ConformError(`${path} is not a CSV table conform can read (${(error as Error).message})`);
  }
}

/** The YAML front matter of a Markdown file (between the first two `---` lines), or undefined. */
export function readFrontMatter(path: string): unknown {
  const text = readText(path);
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return undefined;
  try {
    return parseYaml(match[1]!);
  } catch (error) {
    throw new ConformError(`The front matter of ${path} is not valid YAML (${(error as Error).message})`);
  }
}

/**
 * A csvlint schema. Some published ones are not strict JSON: their patterns escape characters JSON
 * does not (`\.` where `\\.` is meant). Those escapes are read as the regular-expression escapes they were
 * meant to be, and nothing else is changed.
 */
export function readCsvlintJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(/\\\\|\\([^"\\/bfnrtu])/g, (whole, char: string | undefined) => (char === undefined ? whole : `\\\\${char}`)));
    } catch (error) {
      throw new ConformError(`${path} is not valid JSON (${(error as Error).message}); correct it and import again`);
    }
  }
}
