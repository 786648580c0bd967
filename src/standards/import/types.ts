// What every importer gives back: a conform standard (a JSON Schema with x-standard metadata) and the
// things of the source it could not carry over, said in plain words for the notes file.

export type ImportKind = 'tableschema' | 'datapackage' | 'csvw' | 'csvlint' | 'digital-land';

export const IMPORT_KINDS: readonly ImportKind[] = ['tableschema', 'datapackage', 'csvw', 'csvlint', 'digital-land'];

export interface ImportOptions {
  /** digital-land: which dataset of the specification. */
  dataset?: string;
  /** datapackage, csvw: which resource (table) of the package. */
  resource?: string;
  /** The id of the new standard; by default one is made from the source's name. */
  id?: string;
}

export interface ImportedStandard {
  id: string;
  schema: Record<string, unknown>;
  /** What the source says that the schema does not check, one sentence each. */
  notCarried: string[];
}

export type JsonObject = Record<string, unknown>;

/** An id as conform's registry accepts it: lower case letters, digits and hyphens. */
export function idFrom(text: string): string {
  const id = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'imported-standard';
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
