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

export type { Formatter, FormatOptions } from './formatter.js';
