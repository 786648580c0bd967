// Every output format, each one file, listed here once.
import type { Formatter } from './formatter.js';
import { csv } from './csv.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const FORMATTERS = {
  stylish,
  json,
  junit,
  github,
  markdown,
  html,
  csv,
  sarif,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}

/** What each format is called in a sentence ("wrote the HTML report to …"). */
export const FORMAT_WORDS: Record<FormatName, string> = {
  stylish: 'the text report',
  json: 'the JSON report',
  junit: 'the JUnit XML report',
  github: 'the GitHub annotations',
  markdown: 'the Markdown report',
  html: 'the HTML report',
  csv: 'the CSV list of issues',
  sarif: 'the SARIF report',
};

/** Each format's file: the extension it is saved under (read back by `-o`'s name) and its media type. */
export const FORMAT_FILES: Record<FormatName, { extension: string; type: string }> = {
  stylish: { extension: 'txt', type: 'text/plain' },
  json: { extension: 'json', type: 'application/json' },
  junit: { extension: 'junit.xml', type: 'application/xml' },
  github: { extension: 'github.txt', type: 'text/plain' },
  markdown: { extension: 'md', type: 'text/markdown' },
  html: { extension: 'html', type: 'text/html' },
  csv: { extension: 'csv', type: 'text/csv' },
  sarif: { extension: 'sarif', type: 'application/sarif+json' },
};

export type { Formatter, FormatOptions } from './formatter.js';
