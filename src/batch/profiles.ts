// The standards detection chooses from: the newest version of each standard in the registry (bundled and
// extra folders alike), described by their field names and aliases, read from the schema files without
// compiling them. Standards of whole JSON documents are described by their top-level properties.
import type { AnySchemaObject } from 'ajv';
import { describeFields } from '../standards/fields.js';
import { readSchemaFile } from '../standards/load.js';
import type { Registry } from '../standards/registry.js';
import type { StandardProfile } from '../standards/detect.js';
import { severityFrom } from '../standards/standard.js';

export interface Profiles {
  records: StandardProfile[];
  documents: StandardProfile[];
}

export function standardProfiles(registry: Registry): Profiles {
  const profiles: Profiles = { records: [], documents: [] };
  const seen = new Set<string>();
  for (const entry of registry.list()) {
    if (seen.has(entry.id)) continue; // list() puts the newest version of each id first
    seen.add(entry.id);
    let schema: AnySchemaObject;
    try {
      schema = readSchemaFile(entry.path);
    } catch {
      continue; // a broken schema is reported when it is used by id, not while guessing
    }
    const base = { id: entry.id, version: entry.version, title: entry.title };
    if (entry.mode === 'document') {
      const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
      const names = Object.keys((schema.properties ?? {}) as object);
      profiles.documents.push({ ...base, fields: names.map((name) => ({ name, aliases: [], required: required.has(name) })) });
    } else {
      // A field whose missing column is only a warning (one the law asks for but the schema does not, or a
      // SHOULD field) is recommended, not required: a file without it still has all it must.
      const fields = describeFields(schema).map((f) => ({
        name: f.name,
        aliases: f.aliases,
        required: f.required && (severityFrom(f.severity, 'header-missing') ?? 'error') === 'error',
        concept: f.concept,
      }));
      profiles.records.push({ ...base, fields });
    }
  }
  return profiles;
}
