// How a publisher names what an issue is about in a document standard: the record by its own id (a
// 360Giving grant id, an OCDS ocid and release id, a service id) rather than its position, and the place
// by the column title its spreadsheet form uses (360Giving's `Recipient Org:Identifier`), made as
// flatten-tool makes them: the `title`s along the path from the record, joined by colons.
import type { AnySchemaObject } from 'ajv';
import { resolveLocalRef } from './fields.js';
import type { Standard } from './standard.js';

/** The record's own id: the values of the standard's `recordId` properties, joined by " / ". */
export function recordIdOf(standard: Pick<Standard, 'recordId'>, record: unknown): string | undefined {
  if (!standard.recordId?.length || record === null || typeof record !== 'object' || Array.isArray(record)) return undefined;
  const parts = standard.recordId.map((name) => (record as Record<string, unknown>)[name]).filter((v) => typeof v === 'string' || typeof v === 'number');
  return parts.length ? parts.map(String).join(' / ') : undefined;
}

/** The record a JSON Pointer inside a document falls in: its index under `recordsPath`, or the document itself. */
export function recordAt(document: unknown, recordsPath: string | undefined, pointer: string): unknown {
  if (!recordsPath) return document;
  const prefix = `${recordsPath}/`;
  if (!pointer.startsWith(prefix)) return undefined;
  let holder: unknown = document;
  for (const part of recordsPath.split('/').slice(1)) holder = (holder as Record<string, unknown> | undefined)?.[unescape(part)];
  const index = Number(pointer.slice(prefix.length).split('/')[0]);
  return Array.isArray(holder) && Number.isInteger(index) ? holder[index] : undefined;
}

/**
 * Column titles of places in a document standard's records, worked out once per place. A place has a
 * title only when every property along its path has one; otherwise the pointer alone says where it is.
 */
export class ColumnTitles {
  private readonly cache = new Map<string, string | undefined>();

  constructor(private readonly standard: Pick<Standard, 'schema' | 'recordsPath'>) {}

  /** `Recipient Org:Identifier` for `/grants/3/recipientOrganization/0/id`. */
  of(pointer: string): string | undefined {
    const parts = pointer.split('/').slice(1).map(unescape);
    const key = parts.map((p) => (/^\d+$/.test(p) ? '[]' : p)).join('\u0000');
    if (!this.cache.has(key)) this.cache.set(key, this.work(parts));
    return this.cache.get(key);
  }

  private work(parts: string[]): string | undefined {
    const root = this.standard.schema;
    const recordDepth = this.standard.recordsPath ? this.standard.recordsPath.split('/').length : 0;
    let node: AnySchemaObject | undefined = root;
    const titles: string[] = [];
    for (const [k, part] of parts.entries()) {
      node = /^\d+$/.test(part) ? itemsOf(node, root) : propertyOf(node, part, root);
      if (!node) return undefined;
      // The record's own parts: the holder's properties and the record's index carry no title of their own.
      if (k < recordDepth || /^\d+$/.test(part)) continue;
      if (typeof node.title !== 'string' || !node.title.trim()) return undefined;
      titles.push(node.title.trim());
    }
    return titles.length ? titles.join(':') : undefined;
  }
}

/** The schema of a property, looked for through `$ref` and `allOf`, then the first branch naming it. */
function propertyOf(schema: AnySchemaObject | undefined, name: string, root: AnySchemaObject, depth = 0): AnySchemaObject | undefined {
  const s = deref(schema, root);
  if (!s || depth > 20) return undefined;
  const own = (s.properties as Record<string, AnySchemaObject> | undefined)?.[name];
  if (own && typeof own === 'object') return own;
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    for (const branch of Array.isArray(s[keyword]) ? (s[keyword] as AnySchemaObject[]) : []) {
      const found = propertyOf(branch, name, root, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** The schema of an array's items (the first `prefixItems`/tuple form is not a flat column). */
function itemsOf(schema: AnySchemaObject | undefined, root: AnySchemaObject): AnySchemaObject | undefined {
  const s = deref(schema, root);
  const items = s?.items;
  return items && typeof items === 'object' && !Array.isArray(items) ? (items as AnySchemaObject) : undefined;
}

function deref(schema: AnySchemaObject | undefined, root: AnySchemaObject): AnySchemaObject | undefined {
  let s = schema;
  for (let hops = 0; s && typeof s.$ref === 'string' && hops < 20; hops++) s = resolveLocalRef(s.$ref, root);
  return s && typeof s === 'object' ? s : undefined;
}

const unescape = (part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~');
