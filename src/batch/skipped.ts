// Files a folder or pattern holds that conform does not read: each is named in the report with what it
// is, so nothing in a folder is passed over in silence. Which extensions are read is one set
// (DATA_EXTENSIONS in inputs.ts); what the others are is worded in src/issues/sentences.ts.
import { extname } from 'node:path';
import type { SkippedFile } from '../issues/args.js';

/** What a file is, from its name, for the reason it was not checked (worded in the issue catalog). */
export function skippedBecause(path: string, metadata: boolean): SkippedFile {
  if (metadata) return { is: 'metadata' };
  const extension = extname(path).slice(1).toLowerCase();
  return extension ? { is: 'extension', extension } : { is: 'no-extension' };
}
