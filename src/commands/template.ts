// `conform template <id>`: a blank CSV for a standard — its header row, and with --example one row made
// from the fields' examples — printed, or written to a file with -o.
import { isAbsolute, resolve } from 'node:path';
import { standardSpec } from '../config/load.js';
import { ConformError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { OutputGuard } from '../io/output-guard.js';
import { terminalSafe } from '../formatters/safe-text.js';
import type { Io } from '../io/io.js';
import { describeStandard } from './describe-standard.js';
import { exampleText, loadFor } from './standards.js';

export interface TemplateFlags {
  example?: boolean;
  output?: string;
  standardsDir?: string[];
}

export async function templateCommand(spec: string, flags: TemplateFlags, io: Io): Promise<number> {
  const standard = await loadFor(spec, flags, io);
  if (standard.mode === 'document') {
    throw new ConformError(`${standard.title} (${standard.id}) describes whole JSON documents, not rows of a table, so it has no CSV template`);
  }
  const fields = describeStandard(standard).fields;
  if (!fields.length) throw new ConformError(`${standard.title} (${standard.id}) names no fields, so it has no CSV template`);
  const lines = [csvLine(fields.map((f) => f.name))];
  if (flags.example) lines.push(csvLine(fields.map((f) => (f.examples.length ? exampleText(f.examples[0], f) : ''))));
  const text = lines.join('\n') + '\n';
  if (!flags.output) {
    // On the terminal a standard's names are shown, never obeyed; a file written with -o keeps them exact.
    io.stdout.write(text.split('\n').map(terminalSafe).join('\n'));
    return 0;
  }
  // A template is never written over the standard it is made from (or through a link, or over a device).
  const standardFile = standardSpec(spec, io.cwd);
  const target = new OutputGuard(isAbsolute(standardFile) ? [standardFile] : []).claim(resolve(io.cwd, flags.output), `--output ${flags.output}`);
  writeFileAtomic(target, text);
  io.stdout.write(
    `Wrote ${flags.output}: the ${fields.length} columns of ${terminalSafe(`${standard.title} ${standard.version}`)}${flags.example ? ', with an example row' : ''}\n`,
  );
  return 0;
}

/** One CSV record: cells quoted only when they must be (a comma, quote, line break, or edge spaces). */
export function csvLine(cells: string[]): string {
  return cells.map((c) => (/[",\r\n]|^\s|\s$/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}
