// `conform standards import <source> -o <dir>`: make a conform standard folder from a published schema
// (Table Schema, data package, CSVW, csvlint, or a digital-land specification dataset).
import { resolve } from 'node:path';
import { ConformError } from '../errors.js';
import { terminalSafe } from '../formatters/safe-text.js';
import type { Io } from '../io/io.js';
import { importStandard, sourceFiles } from '../standards/import/index.js';
import type { ImportKind } from '../standards/import/types.js';
import { writeStandard } from '../standards/import/write-standard.js';
import { loadStandardFile } from '../standards/load.js';

export interface ImportFlags {
  output?: string;
  kind?: string;
  dataset?: string;
  resource?: string;
  id?: string;
  force?: boolean;
}

export async function standardsImportCommand(source: string, flags: ImportFlags, io: Io): Promise<number> {
  if (!flags.output) throw new ConformError('Say where to write the standard with -o <folder>');
  if (flags.id !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(flags.id)) {
    throw new ConformError(`--id "${flags.id}" is not a standard id: use lower-case letters, digits and hyphens`);
  }
  const from = resolve(io.cwd, source);
  const dir = resolve(io.cwd, flags.output);
  const imported = importStandard(from, flags.kind as ImportKind | undefined, { dataset: flags.dataset, resource: flags.resource, id: flags.id });
  const written = writeStandard(imported, dir, sourceFiles(from), flags.force === true);
  // What was written must load as a standard, so a broken import is never left unremarked.
  const standard = await loadStandardFile(written[0]!);
  const fields = Object.keys((imported.schema.properties as object) ?? {}).length;
  io.stdout.write(
    terminalSafe(
      `Wrote ${flags.output}: the standard "${standard.id}" with ${fields} field${fields === 1 ? '' : 's'}` +
        (imported.notCarried.length
          ? `; ${imported.notCarried.length === 1 ? 'what was not carried over is' : `${imported.notCarried.length} things not carried over are`} listed in NOTES.md`
          : ''),
    ) + '\n',
  );
  return 0;
}
