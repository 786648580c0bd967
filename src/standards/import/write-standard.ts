// Write an imported standard as a conform standard folder: schema.json, and NOTES.md listing what the
// source says that the schema does not check. Nothing already there is replaced without --force, and
// every file is claimed through the output guard first (never over the source, a link or a device).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConformError } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { OutputGuard } from '../../io/output-guard.js';
import type { ImportedStandard } from './types.js';

export const SCHEMA_FILE = 'schema.json';
export const NOTES_FILE = 'NOTES.md';

export function writeStandard(imported: ImportedStandard, dir: string, sources: string[], force: boolean): string[] {
  const targets = [join(dir, SCHEMA_FILE), join(dir, NOTES_FILE)];
  const present = targets.filter((t) => existsSync(t));
  if (present.length && !force)
    throw new ConformError(`${present.join(' and ')} already exist${present.length === 1 ? 's' : ''}; add --force to replace, or choose another folder with -o`);
  const guard = new OutputGuard(sources);
  const [schemaPath, notesPath] = targets.map((t) => guard.claim(t, t));
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new ConformError(`Cannot make the folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  writeFileAtomic(schemaPath!, JSON.stringify(imported.schema, null, 2) + '\n');
  writeFileAtomic(notesPath!, notesText(imported));
  return targets;
}

export function notesText(imported: ImportedStandard): string {
  const meta = imported.schema['x-standard'] as { title?: string; source?: string } | undefined;
  const lines = [`# ${meta?.title ?? imported.id}: what the import did not carry over`, ''];
  if (meta?.source) lines.push(`Imported from ${meta.source}.`, '');
  if (!imported.notCarried.length) lines.push('Everything the source says is checked by schema.json.');
  else for (const note of imported.notCarried) lines.push(`- ${note}`);
  return lines.join('\n') + '\n';
}
