// The flat spreadsheet forms of document standards (360Giving, OCDS), read back into the JSON document
// the standard's schema checks, as flatten-tool unflattens them: a column is named by the `title`s along
// its path joined by colons (`Recipient Org:Identifier`) or by the path itself (`recipientOrganization/0/id`);
// an array of objects in a title is its first item; an array of texts is a cell split at `;`. The main
// sheet has a row per record; other sheets add items to a record's arrays, joined to it by its id columns.
// Where each value came from is kept, so issues are placed at their sheet and cell.
import type { AnySchemaObject } from 'ajv';
import type { SheetSkipped } from '../issues/args.js';
import { resolveLocalRef } from '../standards/fields.js';
import type { Standard } from '../standards/standard.js';
import { HEADER_SEARCH } from '../check/layout.js';
import { cellReference, type Workbook, type WorkbookCell, type WorkbookSheet } from '../sources/workbook.js';

type LeafType = 'string' | 'number' | 'integer' | 'boolean' | 'texts' | 'any';

interface Leaf {
  /** Property names from the record, with `0` for the first item of an array of objects. */
  path: string[];
  type: LeafType;
  /** The column title as the standard names it (for messages). */
  title: string;
}

export interface Place {
  sheet: string;
  line: number;
  /** 0-based column. */
  column: number;
  title: string;
}

export interface Unflattened {
  document: Record<string, unknown>;
  /** Where each value came from, by JSON Pointer. */
  places: Map<string, Place>;
  /** Where each record starts (its row in the main sheet), by index. */
  records: Place[];
  /** The sheet with a row per record. */
  main?: string;
  /** The sheets read, and those left out with why. */
  used: string[];
  skipped: Array<{ sheet: string } & SheetSkipped>;
}

const MAX_DEPTH = 6;

const normalise = (title: string) =>
  title
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*:\s*/g, ':');

/** Every column a record can have, by normalised title and by path. */
export function recordColumns(standard: Pick<Standard, 'schema' | 'recordsPath'>): Map<string, Leaf> {
  const root = standard.schema;
  let node: AnySchemaObject | undefined = root;
  for (const part of (standard.recordsPath ?? '').split('/').slice(1)) node = itemsOf(propertyOf(node, part, root), root);
  const columns = new Map<string, Leaf>();
  if (node) walk(node, root, [], [], 0, columns);
  return columns;
}

function walk(node: AnySchemaObject, root: AnySchemaObject, path: string[], titles: Array<string | undefined>, depth: number, out: Map<string, Leaf>): void {
  for (const [name, raw] of properties(node, root)) {
    const schema = deref(raw, root) ?? {};
    const title = typeof raw.title === 'string' ? raw.title : typeof schema.title === 'string' ? schema.title : undefined;
    const types = typeList(schema);
    const here = [...path, name];
    const hereTitles = [...titles, title];
    const items = schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items) ? deref(schema.items as AnySchemaObject, root) : undefined;
    if (types.includes('array') && items && (typeList(items).includes('object') || items.properties)) {
      if (depth < MAX_DEPTH) walk(items, root, [...here, '0'], hereTitles, depth + 1, out);
      continue;
    }
    if ((types.includes('object') || schema.properties) && !types.includes('string')) {
      if (depth < MAX_DEPTH) walk(schema, root, here, hereTitles, depth + 1, out);
      continue;
    }
    const type: LeafType = types.includes('array') ? 'texts' : ((['integer', 'number', 'boolean', 'string'].find((t) => types.includes(t)) as LeafType | undefined) ?? 'any');
    const fullTitle = hereTitles.every((t) => t) ? hereTitles.join(':') : undefined;
    const leaf = { path: here, type, title: fullTitle ?? here.join('/') };
    if (fullTitle && !out.has(normalise(fullTitle))) out.set(normalise(fullTitle), leaf);
    const byPath = normalise(here.join('/'));
    if (!out.has(byPath)) out.set(byPath, leaf);
  }
}

/** The package's own fields (outside the records), by normalised title and by path. */
function packageColumns(standard: Pick<Standard, 'schema' | 'recordsPath'>): Map<string, Leaf> {
  const records = (standard.recordsPath ?? '').split('/')[1];
  const all = new Map<string, Leaf>();
  walk(standard.schema, standard.schema, [], [], 0, all);
  return new Map([...all].filter(([, leaf]) => leaf.path[0] !== records));
}

/** A "Meta" sheet holds the package's fields as flatten-tool's metatab does: a name in column A, its value in B. */
const META_SHEET = /^meta(data)?$/i;

/** Read a workbook's sheets into the standard's document. */
export async function unflatten(book: Workbook, standard: Standard): Promise<Unflattened> {
  const columns = recordColumns(standard);
  const idLeaves = (standard.recordId ?? []).map((name) => [...columns.values()].find((l) => l.path.length === 1 && l.path[0] === name)).filter((l): l is Leaf => !!l);
  const recordsPath = (standard.recordsPath ?? '').split('/').slice(1);
  const records: Array<Record<string, unknown>> = [];
  const starts: Place[] = [];
  const byId = new Map<string, number>();
  const places = new Map<string, Place>();
  const used: string[] = [];
  const skipped: Unflattened['skipped'] = [];
  // The main sheet first: the one whose header names the most columns.
  const sheets: Array<{ sheet: WorkbookSheet; score: number }> = [];
  let mainSheet: string | undefined;
  const document: Record<string, unknown> = {};
  for (const sheet of book.sheets) {
    if (META_SHEET.test(sheet.name) && !sheet.hidden) {
      const meta = packageColumns(standard);
      await book.readRows(sheet, (row) => {
        const [name, value] = row.cells;
        const leaf = name ? meta.get(normalise(name.text)) : undefined;
        if (!leaf || !value || value.text === '') return;
        setAt(document, leaf.path, valueOf(value, leaf.type));
        places.set(['', ...leaf.path].map(escape).join('/'), { sheet: sheet.name, line: row.number, column: 1, title: leaf.title });
      });
      used.push(sheet.name);
      continue;
    }
    if (sheet.hidden) {
      skipped.push({ sheet: sheet.name, kind: 'flat-hidden' });
      continue;
    }
    const head: WorkbookCell[][] = [];
    await book.readRows(sheet, (row) => head.push(row.cells as WorkbookCell[]), HEADER_SEARCH);
    sheets.push({ sheet, score: Math.max(0, ...head.map((cells) => headerScore(cells, columns))) });
  }
  sheets.sort((a, b) => b.score - a.score);
  for (const [k, { sheet, score }] of sheets.entries()) {
    if (score === 0) {
      skipped.push({ sheet: sheet.name, kind: 'flat-no-fields' });
      continue;
    }
    const main = k === 0;
    let header: Array<Leaf | undefined> | undefined;
    let headerTitles: string[] = [];
    let ids: number[] = [];
    let rowsSeen = 0;
    let joined = true;
    await book.readRows(sheet, (row) => {
      rowsSeen++;
      if (!header) {
        const leaves = row.cells.map((c) => (c && c.kind === 'string' ? columns.get(normalise(c.text)) : undefined));
        if (leaves.filter(Boolean).length * 2 < score && rowsSeen <= HEADER_SEARCH) return;
        header = leaves;
        headerTitles = row.cells.map((c) => c?.text ?? '');
        ids = idLeaves.map((id) => leaves.findIndex((l) => l === id));
        if (ids.some((i) => i < 0)) joined = main;
        return;
      }
      if (!joined) return;
      const key = ids.length && ids.every((i) => i >= 0) ? ids.map((i) => row.cells[i]?.text ?? '').join('\u0000') : undefined;
      let index = key !== undefined && key.replace(/\u0000/g, '') !== '' ? byId.get(key) : undefined;
      const fresh = index === undefined;
      if (index === undefined) {
        if (!main) return;
        index = records.length;
        records.push({});
        starts.push({ sheet: sheet.name, line: row.number, column: 0, title: '' });
        if (key !== undefined && key.replace(/\u0000/g, '') !== '') byId.set(key, index);
      }
      const record = records[index]!;
      // Each row of a sheet adds one item to the arrays its columns fill (the main sheet's first row
      // fills item 0); the id columns themselves are not repeated.
      const appended = new Map<string, number>();
      row.cells.forEach((cell, c) => {
        const leaf = header![c];
        const title = headerTitles[c]!;
        if (!cell || cell.text === '') return;
        if (!leaf) {
          // A column the standard does not name is kept under its title, as flatten-tool keeps it.
          if (main && title.trim() && !(title in record)) record[title] = cell.text;
          return;
        }
        if (ids.includes(c) && !main) return;
        const path = leaf.path.slice();
        const first = path.indexOf('0');
        if (first > 0 && !fresh) {
          const arrayKey = path.slice(0, first).join('/');
          if (!appended.has(arrayKey)) appended.set(arrayKey, arrayLength(record, path.slice(0, first)));
          path[first] = String(appended.get(arrayKey));
        }
        setAt(record, path, valueOf(cell, leaf.type));
        const pointer = ['', ...recordsPath, String(index), ...path].map(escape).join('/');
        places.set(pointer, { sheet: sheet.name, line: row.number, column: c, title: leaf.title });
      });
    });
    if (!header) skipped.push({ sheet: sheet.name, kind: 'flat-no-header' });
    else if (!joined) skipped.push({ sheet: sheet.name, kind: 'flat-no-join', idTitles: idLeaves.map((l) => l.title) });
    else used.push(sheet.name);
    if (main && header) mainSheet = sheet.name;
  }
  setAt(document, recordsPath, records);
  return { document, places, records: starts, main: mainSheet, used, skipped };
}

/** Where an issue's JSON Pointer came from: the value's cell, else its record's row. */
export function placeOf(flat: Unflattened, recordsPath: string | undefined, pointer: string): { place: Place; cell: boolean } | undefined {
  for (let p = pointer; p; p = p.slice(0, p.lastIndexOf('/'))) {
    const place = flat.places.get(p);
    if (place) return { place, cell: p === pointer };
  }
  const prefix = `${recordsPath ?? ''}/`;
  if (!pointer.startsWith(prefix)) return undefined;
  const start = flat.records[Number(pointer.slice(prefix.length).split('/')[0])];
  return start ? { place: start, cell: false } : undefined;
}

export function cellOf(place: Place, cell: boolean): string {
  return cell ? cellReference(place.sheet, place.column, place.line) : `${cellReference(place.sheet, undefined, place.line)}:${place.line}`;
}

function headerScore(cells: WorkbookCell[], columns: Map<string, Leaf>): number {
  let n = 0;
  for (const c of cells) if (c && c.kind === 'string' && columns.has(normalise(c.text))) n++;
  return n;
}

function valueOf(cell: WorkbookCell, type: LeafType): unknown {
  if (type === 'texts')
    return cell.text
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  if ((type === 'number' || type === 'integer') && cell.kind === 'number' && cell.number !== undefined) return cell.number;
  if ((type === 'number' || type === 'integer') && /^-?\d+(\.\d+)?$/.test(cell.text.trim())) return Number(cell.text.trim());
  if (type === 'boolean' && /^(true|false)$/i.test(cell.text.trim())) return cell.text.trim().toLowerCase() === 'true';
  if (type === 'any' && cell.kind === 'number' && cell.number !== undefined) return cell.number;
  // Anything else as written: a text where a number is due fails the schema, as it should.
  return cell.text;
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> | unknown[] = target;
  path.forEach((part, k) => {
    const last = k === path.length - 1;
    const isIndex = /^\d+$/.test(path[k + 1] ?? '');
    const holder = node as Record<string, unknown>;
    if (last) holder[part] = value;
    else {
      if (holder[part] === undefined || typeof holder[part] !== 'object') holder[part] = isIndex ? [] : {};
      node = holder[part] as Record<string, unknown>;
    }
  });
}

function arrayAt(target: Record<string, unknown>, path: string[]): unknown {
  let node: unknown = target;
  for (const part of path) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

function arrayLength(target: Record<string, unknown>, path: string[]): number {
  const a = arrayAt(target, path);
  return Array.isArray(a) ? a.length : 0;
}

const escape = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

function deref(schema: AnySchemaObject | undefined, root: AnySchemaObject, depth = 0): AnySchemaObject | undefined {
  if (!schema || typeof schema !== 'object' || depth > 20) return undefined;
  if (typeof schema.$ref === 'string') {
    const target = resolveLocalRef(schema.$ref, root);
    return target ? deref({ ...target, ...withoutRef(schema) }, root, depth + 1) : schema;
  }
  return schema;
}

function withoutRef(schema: AnySchemaObject): AnySchemaObject {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

function properties(node: AnySchemaObject, root: AnySchemaObject, depth = 0): Array<[string, AnySchemaObject]> {
  const s = deref(node, root);
  if (!s || depth > 10) return [];
  const own = Object.entries((s.properties as Record<string, AnySchemaObject> | undefined) ?? {});
  const more = (s.allOf as AnySchemaObject[] | undefined)?.flatMap((b) => properties(b, root, depth + 1)) ?? [];
  return [...own, ...more];
}

function propertyOf(node: AnySchemaObject | undefined, name: string, root: AnySchemaObject): AnySchemaObject | undefined {
  return node ? properties(node, root).find(([n]) => n === name)?.[1] : undefined;
}

function itemsOf(node: AnySchemaObject | undefined, root: AnySchemaObject): AnySchemaObject | undefined {
  const s = deref(node, root);
  return s?.items && typeof s.items === 'object' && !Array.isArray(s.items) ? deref(s.items as AnySchemaObject, root) : undefined;
}

function typeList(schema: AnySchemaObject): string[] {
  if (Array.isArray(schema.type)) return schema.type as string[];
  if (typeof schema.type === 'string') return [schema.type];
  for (const keyword of ['anyOf', 'oneOf']) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) return branches.flatMap((b: AnySchemaObject) => typeList(b));
  }
  return [];
}
