// `conform standards list` and `conform standards show <id>`: what standards conform knows, and what one
// of them asks of each field — for the terminal, as Markdown a council can publish as guidance, or as JSON.
import { resolve } from 'node:path';
import { ConformError } from '../errors.js';
import { formatPhrase } from '../check/explain.js';
import type { Io } from '../io/io.js';
import { describeStandard, type FieldDescription, type StandardDescription } from './describe-standard.js';
import { Registry, warnShadowing, type RegistryEntry } from '../standards/registry.js';
import type { Standard, StandardSource } from '../standards/standard.js';
import { VERSION } from '../version.js';
import { code as markdownCode } from '../formatters/markdown.js';
import { jsonTerminalSafe, terminalSafe } from '../formatters/safe-text.js';

export interface StandardsFlags {
  format?: string;
  standardsDir?: string[];
}

const LIST_FORMATS = ['table', 'json'] as const;
const SHOW_FORMATS = ['text', 'markdown', 'json'] as const;

export function registryFor(flags: StandardsFlags, io: Io): Registry {
  const registry = new Registry((flags.standardsDir ?? []).map((dir) => resolve(io.cwd, dir)));
  warnShadowing(registry, io);
  return registry;
}

/** A standard by id, `id@version`, or the path of a schema file (relative to where conform is run). */
export function loadFor(spec: string, flags: StandardsFlags, io: Io): Promise<Standard> {
  const registry = registryFor(flags, io);
  const isFile = !registry.find(spec) && (spec.endsWith('.json') || /[\\/]/.test(spec));
  return registry.resolve(isFile ? resolve(io.cwd, spec) : spec);
}

export async function standardsListCommand(flags: StandardsFlags, io: Io): Promise<number> {
  const format = oneOf(flags.format ?? 'table', LIST_FORMATS);
  const entries = registryFor(flags, io).list();
  if (format === 'json') {
    io.stdout.write(jsonTerminalSafe(JSON.stringify(entries.map(listed), null, 2)) + '\n');
    return 0;
  }
  io.stdout.write(listTable(entries));
  return 0;
}

export async function standardsShowCommand(spec: string, flags: StandardsFlags, io: Io): Promise<number> {
  const format = oneOf(flags.format ?? 'text', SHOW_FORMATS);
  const standard = await loadFor(spec, flags, io);
  const described = describeStandard(standard);
  const text = format === 'json' ? jsonTerminalSafe(JSON.stringify(described, null, 2)) + '\n' : format === 'markdown' ? showMarkdown(described) : showText(described);
  io.stdout.write(text);
  return 0;
}

function listed(entry: RegistryEntry) {
  const { id, version, title, publisher, source, licence, description, mode, path, bundled } = entry;
  return { id, version, title, publisher, source, licence, description, mode, path, bundled };
}

function listTable(entries: RegistryEntry[]): string {
  if (!entries.length) return 'No standards found.\n';
  const extra = entries.some((e) => !e.bundled);
  const header = ['id', 'version', 'title', 'publisher', ...(extra ? ['from'] : [])];
  // A standard's own words are shown, never obeyed by the terminal.
  const rows = entries.map((e) => [e.id, e.version, e.title, e.publisher ?? '', ...(extra ? [e.bundled ? 'bundled' : e.path] : [])].map(terminalSafe));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd() + '\n';
  const count = entries.length === 1 ? '1 standard' : `${entries.length} standards`;
  return line(header) + rows.map(line).join('') + `\n${count}. "conform standards show <id>" lists the fields of one; "conform template <id>" writes a blank CSV for it.\n`;
}

// ——— show: text ———

function showText(d: StandardDescription): string {
  const out: string[] = [];
  out.push(`${d.title} ${d.version} (${d.id})`);
  if (d.description) out.push(`  ${oneLine(d.description)}`);
  out.push('');
  for (const [label, value] of metadata(d)) out.push(`  ${label.padEnd(9)}  ${value}`);
  out.push('');
  if (d.mode === 'document') out.push('This standard describes whole JSON documents; these are the properties of the document.', '');
  const required = d.fields.filter((f) => f.required).length;
  out.push(`${plural(d.fields.length, 'field')}, ${required} required:`, '');
  for (const field of d.fields) {
    out.push(field.title && !sameWords(field.title, field.name) ? `${field.name} — ${field.title}` : field.name);
    out.push(`  ${requirement(field)} · ${field.typeWords}`);
    if (field.description) out.push(`  ${oneLine(field.description)}`);
    for (const rule of rulesOf(field)) out.push(`  ${rule}`);
    if (field.examples.length) out.push(`  example: ${field.examples.map((e) => exampleText(e, field)).join('; ')}`);
    if (field.aliases.length) out.push(`  also read from: ${field.aliases.join(', ')}`);
    out.push('');
  }
  for (const line of keysOf(d)) out.push(line);
  if (keysOf(d).length) out.push('');
  if (d.notes.length) {
    out.push('Notes');
    for (const note of d.notes) out.push(`  • ${note}`);
    out.push('');
  }
  // A standard's own words are shown, never obeyed by the terminal.
  return out.map(terminalSafe).join('\n');
}

// ——— show: Markdown, to publish as guidance ———

function showMarkdown(d: StandardDescription): string {
  return standardMarkdown(d, `_Generated by conform ${VERSION} from the ${md(`${d.id} ${d.version}`)} standard._`);
}

/** The Markdown page of a standard, ending with `footer` (the bundled pages name no conform version, so they drift only with their schema). */
export function standardMarkdown(d: StandardDescription, footer: string): string {
  const out: string[] = [];
  out.push(`# ${md(d.title)}`, '');
  if (d.description) out.push(md(d.description), '');
  out.push('| | |', '| --- | --- |', `| Standard | ${code(d.id)} version ${md(d.version)} |`);
  for (const [label, value] of metadata(d)) if (label !== 'schema') out.push(`| ${capital(label)} | ${cell(value)} |`);
  out.push('');
  if (d.mode === 'document') out.push('This standard describes whole JSON documents; these are the properties of the document.', '');
  const required = d.fields.filter((f) => f.required).length;
  out.push('## Fields', '', `${plural(d.fields.length, 'field')}, ${required} required. Columns may come in any order.`, '');
  out.push('| Field | Required | Type | Rules | Example | Description |', '| --- | --- | --- | --- | --- | --- |');
  for (const field of d.fields) {
    const description = [
      field.title && !sameWords(field.title, field.name) ? `**${cell(field.title)}.**` : '',
      field.description ? cell(field.description) : '',
      field.aliases.length ? `Also read from: ${field.aliases.map((a) => code(a)).join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join(' ');
    out.push(
      `| ${code(field.name)} | ${requirement(field)} | ${cell(field.typeWords)} | ${rulesOf(field, MARKDOWN).join('<br>')} | ${field.examples.length ? code(exampleText(field.examples[0], field)) : ''} | ${description} |`,
    );
  }
  out.push('');
  const keys = keysOf(d, MARKDOWN);
  if (keys.length) out.push('## Keys', '', ...keys.map((k) => `- ${k}`), '');
  if (d.sources?.length) out.push('## Sources', '', ...d.sources.map((source) => `- ${sourceLine(source)}`), '');
  if (d.deviations?.length) out.push('## Where it differs from its sources', '', ...d.deviations.map((n) => `- ${md(n)}`), '');
  if (d.notes.length) out.push('## Notes', '', ...d.notes.map((n) => `- ${md(n)}`), '');
  out.push(footer, '');
  return out.join('\n');
}

// ——— shared wording ———

function metadata(d: StandardDescription): Array<[string, string]> {
  const rows: Array<[string, string | undefined]> = [
    ['publisher', d.publisher],
    ['source', d.source],
    ['licence', d.licence],
    ['schema', d.path],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
}

function requirement(field: FieldDescription): string {
  if (field.required && field.nullable) return 'required column, may be empty';
  return field.required ? 'required' : 'optional';
}

/** How values are shown: as plain quoted text for the terminal, as code in Markdown. */
interface Quoting {
  value(v: unknown): string;
  pattern(p: string): string;
}

const PLAIN: Quoting = { value: (v) => JSON.stringify(v), pattern: (p) => p };
const MARKDOWN: Quoting = { value: (v) => code(typeof v === 'string' ? v : JSON.stringify(v)), pattern: (p) => code(p) };

/** The field's rules in words, one per line. */
function rulesOf(field: FieldDescription, q: Quoting = PLAIN): string[] {
  const each = field.separator ? 'each item ' : '';
  const rules: string[] = [];
  if (field.allowedValues) {
    const values = field.allowedValues.map((v) => q.value(v));
    rules.push(values.length === 1 ? `${each}must be ${values[0]}` : `${each}must be one of ${values.join(', ')}`);
  }
  for (const pattern of field.patterns ?? []) rules.push(`${each}must match the pattern ${q.pattern(pattern)}`);
  if (field.formats?.length) rules.push(`${each}must be ${field.formats.map(formatPhrase).join(' or ')}`);
  const limits: Array<[number | undefined, string]> = [
    [field.minimum, 'at least'],
    [field.exclusiveMinimum, 'more than'],
    [field.maximum, 'at most'],
    [field.exclusiveMaximum, 'less than'],
  ];
  for (const [limit, words] of limits) if (limit !== undefined) rules.push(`${each}must be ${words} ${limit}`);
  if (field.minLength !== undefined) rules.push(`${each}must be at least ${plural(field.minLength, 'character')} long`);
  if (field.maxLength !== undefined) rules.push(`${each}must be at most ${plural(field.maxLength, 'character')} long`);
  if (field.codelist) {
    const list = q.pattern(field.codelist.source) + (field.codelist.column ? ` (column ${q.pattern(field.codelist.column)})` : '');
    rules.push(field.codelist.open ? `should be a value from ${list}; others draw a warning` : `must be a value from ${list}`);
  }
  if (field.constant) rules.push('must be the same on every row');
  if (field.severity === 'warning' || field.severity === 'info') rules.push(`checked as ${field.severity === 'warning' ? 'a warning' : 'information'} only`);
  else if (field.severity && typeof field.severity === 'object') {
    for (const [issue, level] of Object.entries(field.severity)) if (level !== 'error') rules.push(`${issue} issues are ${level === 'warning' ? 'warnings' : 'information'} only`);
  }
  return rules;
}

function keysOf(d: StandardDescription, q: Quoting = PLAIN): string[] {
  const names = (fields: string[]) => fields.map((f) => q.pattern(f)).join(' + ');
  const lines: string[] = [];
  if (d.primaryKey?.length) lines.push(`Each row is identified by ${names(d.primaryKey)}: it must be unique and never empty.`);
  for (const key of d.uniqueKeys ?? []) if (key.length) lines.push(`No two rows may have the same ${names(key)}.`);
  for (const fk of d.foreignKeys ?? []) lines.push(`${names(fk.fields)} must be the ${names(fk.referenced)} of a row of ${q.pattern(fk.resource)} (beside the file).`);
  return lines;
}

/** An example as it is written in a cell. */
export function exampleText(value: unknown, field: Pick<FieldDescription, 'separator'>): string {
  if (Array.isArray(value)) return value.map((v) => exampleText(v, {})).join(field.separator ?? ';');
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new ConformError(`--format must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');
const sameWords = (a: string, b: string) => a.toLowerCase().replace(/[^a-z0-9]/g, '') === b.toLowerCase().replace(/[^a-z0-9]/g, '');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Markdown text: invisible and control characters made visible, those that would start formatting escaped. */
/** A source as a Markdown line: its title (a link when it has a web address), then its version and date. */
function sourceLine(source: StandardSource): string {
  // Only a web address becomes a link; the characters that would end a Markdown link are escaped.
  const title = source.url && /^https?:\/\/\S+$/.test(source.url) ? `[${md(source.title)}](${source.url.replace(/[()<>]/g, (c) => encodeURIComponent(c))})` : md(source.title);
  const extra = [source.version ? `version ${md(source.version)}` : '', source.date ? `dated ${md(source.date)}` : ''].filter(Boolean);
  return extra.length ? `${title}, ${extra.join(', ')}` : title;
}

const md = (text: string) => terminalSafe(oneLine(text)).replace(/([\\`*_<>[\]|])/g, '\\$1');
/** Text inside a table cell. */
const cell = (text: string) => md(text);
/** Inline code inside a table cell, kept inside its cell (see formatters/markdown.ts). */
const code = (text: string) => markdownCode(oneLine(text));
