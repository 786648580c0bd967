// `conform init`: write a commented starter conform.config.yaml for the data files under the working
// folder, guessing each file's standard from its header. Files of one folder and kind that follow one
// standard become one check with a pattern; files no standard fits clearly are listed, commented out,
// with the closest candidates. An existing config is never overwritten without --force.
import { basename, dirname, extname, join, resolve } from 'node:path';
import { escapePath } from 'tinyglobby';
import { readFileHead } from '../batch/file-head.js';
import { expandInput } from '../batch/inputs.js';
import { standardProfiles, type Profiles } from '../batch/profiles.js';
import { configIn } from '../config/discover.js';
import { ConformError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { OutputGuard } from '../io/output-guard.js';
import type { Io } from '../io/io.js';
import { detectStandard, type Detection, type NameSet } from '../standards/detect.js';
import { Registry } from '../standards/registry.js';

export interface InitFlags {
  force?: boolean;
  standardsDir?: string[];
}

interface Guess {
  /** As the config writes it: relative to the config's folder, with forward slashes. */
  file: string;
  folder: string;
  extension: string;
  /** The detected standard, or undefined with the reason. */
  standard?: string;
  why: string;
}

interface Check {
  files: string[];
  standard?: string;
  comment: string;
}

export async function initCommand(flags: InitFlags, io: Io): Promise<number> {
  const existing = configIn(io.cwd);
  if (existing && !flags.force) {
    throw new ConformError(`${basename(existing)} already exists here; conform init does not overwrite it (use --force to replace it)`);
  }
  const target = existing && !existing.endsWith('.json') ? existing : join(io.cwd, 'conform.config.yaml');
  const standardsDirs = (flags.standardsDir ?? []).map((d) => resolve(io.cwd, d));
  const profiles = standardProfiles(new Registry(standardsDirs));
  const found = (await expandInput('.', io.cwd, io.cwd)).inputs;
  const guesses: Guess[] = [];
  for (const input of found) {
    const guessed = await guess(input.path, input.shown, profiles);
    if (guessed) guesses.push(guessed);
  }
  const checks = groupIntoChecks(guesses);
  // The config replaces only itself: never a data file it describes (through a link), nor a device.
  new OutputGuard(found.map((f) => ({ path: f.path, shown: f.shown }))).claim(target, basename(target));
  writeFileAtomic(target, starterConfig(checks, flags.standardsDir ?? []));

  const recognised = guesses.filter((g) => g.standard).length;
  const lines = [`Wrote ${basename(target)}: ${plural(checks.filter((c) => c.standard).length, 'check')} for ${plural(recognised, 'file')}.`];
  if (!found.length) lines.push('No data files (.csv, .json, .ndjson, .jsonl) were found under this folder; add checks by hand.');
  const unmatched = guesses.length - recognised;
  if (unmatched)
    lines.push(`${plural(unmatched, 'file')} could not be matched to a standard; ${unmatched === 1 ? 'it is' : 'they are'} listed, commented out, for you to complete.`);
  if (existing?.endsWith('.json')) lines.push(`${basename(existing)} is still there: conform now reads ${basename(target)} instead; delete the old one.`);
  lines.push('Check the guesses, then run: conform validate');
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}

/** The file's likely standard; undefined for a JSON Schema, which describes data rather than holds it. */
async function guess(path: string, shown: string, profiles: Profiles): Promise<Guess | undefined> {
  const extension = extname(shown).toLowerCase();
  const folder = dirname(shown);
  const head = await readFileHead(path);
  if (head.documentKeys?.includes('$schema')) return undefined;
  let detection: Detection | undefined;
  if (!head.problem) {
    const sets: NameSet[] = [{ rows: head.rows, profiles: profiles.records }];
    if (head.documentKeys?.length) sets.push({ rows: [head.documentKeys], profiles: profiles.documents });
    detection = detectStandard(sets, head.format === 'csv' ? 'column' : 'key', path);
  }
  if (!detection) return { file: shown, folder, extension, why: head.problem!.message };
  if (!detection.found) return { file: shown, folder, extension, why: detection.reason };
  return { file: shown, folder, extension, standard: detection.best.id, why: detection.reason };
}

/** One check per folder and kind of file when they all follow one standard; else one per standard. */
export function groupIntoChecks(guesses: Guess[]): Check[] {
  const checks: Check[] = [];
  const groups = new Map<string, Guess[]>();
  for (const g of guesses) {
    const key = `${g.folder}\u0000${g.extension}`;
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  for (const group of groups.values()) {
    const standards = new Set(group.map((g) => g.standard));
    const { folder, extension } = group[0]!;
    if (standards.size === 1 && group[0]!.standard && group.length > 1) {
      const pattern = `${folder === '.' ? '' : `${escapePath(folder)}/`}*${extension}`;
      checks.push({ files: [pattern], standard: group[0]!.standard, comment: `${plural(group.length, 'file')}; the first: ${group[0]!.why}` });
      continue;
    }
    for (const standard of standards) {
      const members = group.filter((g) => g.standard === standard);
      const comment = members.length === 1 ? members[0]!.why : `${plural(members.length, 'file')}; the first: ${members[0]!.why}`;
      checks.push({ files: members.map((m) => m.file), standard, comment });
    }
  }
  return checks;
}

function starterConfig(checks: Check[], standardsDirs: string[]): string {
  const out = [
    '# conform configuration: which data files follow which standard, and how to read them.',
    "# Written by `conform init`, which guessed each standard from the file's header: check the guesses.",
    '# `conform validate` (with no files named) checks everything below; flags on the command line win.',
    "# Paths and patterns are relative to this file. The settings are described in conform's",
    '# schemas/config.schema.json; `conform standards list` shows the standards.',
    '',
    standardsDirs.length ? `standards: [${standardsDirs.map(yamlText).join(', ')}]` : '# standards: [./standards]   # folders of your own standards',
    'failOn: error                # error, warning, info or never: what makes the exit code 1',
    '# maxIssues: 1000            # issues listed per file (all are counted)',
    '',
  ];
  const recognised = checks.filter((c) => c.standard);
  const unknown = checks.filter((c) => !c.standard);
  out.push('checks:');
  for (const [i, check] of recognised.entries()) {
    out.push(`  # ${oneLine(check.comment)}`);
    out.push(`  - files: ${filesValue(check.files)}`);
    out.push(`    standard: ${check.standard}`);
    if (i === 0) {
      out.push('    # encoding: windows-1252                 # when the files are not UTF-8');
      out.push('    # columns: { "Paid Date": PaymentDate }  # your column name: the standard\'s field');
      out.push('    # severity: { value-pattern: warning }   # make some issues count less (or more)');
    }
    out.push('');
  }
  if (unknown.length) {
    out.push('# Files no standard fits clearly. Choose a standard (or a JSON Schema file) and uncomment:');
    for (const check of unknown) {
      out.push(`#   not recognised: ${oneLine(check.comment)}`);
      out.push(`#  - files: ${filesValue(check.files)}`);
      out.push('#    standard: <id or schema file>');
      out.push('');
    }
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

function filesValue(files: string[]): string {
  return files.length === 1 ? yamlText(files[0]!) : `[${files.map(yamlText).join(', ')}]`;
}

/** A double-quoted YAML string: JSON's quoting is valid YAML. */
const yamlText = (text: string) => JSON.stringify(text);
const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
