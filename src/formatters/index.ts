// Every output format, each one file, listed here once.
import type { Formatter } from './formatter.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

export const FORMATTERS = {
  stylish,
  json,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}

export type { Formatter, FormatOptions } from './formatter.js';
