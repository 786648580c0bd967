// Which files a run checks, and with which settings. Files named on the command line take their settings
// from the first check of the config whose files include them (else from the config's top level); with
// no files named, every check of the config runs. A file listed twice is checked once, the first time.
import { basename } from 'node:path';
import type { CheckConfig, CheckSettings, Config } from '../config/config.js';
import { mergeSettings } from '../config/merge.js';
import { ConformError } from '../errors.js';
import type { Task } from './check-task.js';
import type { SkippedFile } from '../issues/args.js';
import { expandInput, type Input } from './inputs.js';

export interface Plan {
  tasks: Task[];
  /** Folders and patterns that held no data file (the run goes on when others did). */
  empty: string[];
  /** Files of folders and patterns left out (conform's reports, pipes), each once, with why. */
  leftOut: Array<{ shown: string; why: string }>;
}

export async function planTasks(args: string[], flags: CheckSettings, config: Config | undefined, cwd: string): Promise<Plan> {
  const tasks: Task[] = [];
  const empty: string[] = [];
  const leftOut = new Map<string, string>();
  const seen = new Set<string>();
  const add = (input: Input, check: CheckConfig | undefined, skipped?: SkippedFile) => {
    if (input.path !== '-' && seen.has(input.path)) return;
    seen.add(input.path);
    if (skipped !== undefined) {
      tasks.push({ path: input.path, shown: input.shown, settings: mergeSettings(flags, check, config), skipped });
      return;
    }
    const name = config ? basename(config.path) : '';
    const origin = check?.standard !== undefined && flags.standard === undefined ? `${name} line ${check.standardLine}` : undefined;
    const columnsOrigin = check?.columns !== undefined ? `${name} line ${check.columnsLine}` : undefined;
    tasks.push({ path: input.path, shown: input.shown, settings: mergeSettings(flags, check, config), ...(origin ? { origin } : {}), ...(columnsOrigin ? { columnsOrigin } : {}) });
  };

  if (args.length) {
    // An empty argument is most often a shell variable that is not set; read as a path, it would be the
    // current folder, checked whole.
    if (args.includes('')) throw new ConformError('An empty path was given: name a file, folder or pattern (is a shell variable unset?)');
    const checkOf = config ? await filesOfChecks(config, cwd) : new Map<string, number>();
    for (const arg of args) {
      const expansion = await expandInput(arg, cwd, cwd, true);
      if (expansion.empty) empty.push(arg);
      for (const { shown, why } of expansion.leftOut ?? []) leftOut.set(shown, why);
      for (const input of expansion.inputs) {
        add(input, config?.checks[checkOf.get(input.path) ?? -1]);
      }
      for (const input of expansion.skipped ?? []) add(input, undefined, input.why);
    }
  } else if (config?.checks.length) {
    for (const check of config.checks) {
      for (const pattern of check.files) {
        const expansion = await expandInput(pattern, config.dir, cwd);
        if (expansion.empty) empty.push(pattern);
        for (const { shown, why } of expansion.leftOut ?? []) leftOut.set(shown, why);
        for (const input of expansion.inputs) add(input, check);
        for (const input of expansion.skipped ?? []) add(input, check, input.why);
      }
    }
  } else {
    throw new ConformError(
      config
        ? `No files given, and ${config.path} has no checks: name the files to check, or add checks to the config`
        : 'No files given: name the files, folders or patterns to check (- for standard input), or write a conform.config.yaml (conform init)',
    );
  }
  // Files that are not data do not make a run: with nothing else, the run has no input files.
  if (!tasks.some((t) => t.skipped === undefined)) {
    throw new ConformError(
      `No input files matched ${empty.map((p) => `"${p}"`).join(', ')}: check the paths and patterns (folders are searched for .csv, .json, .geojson, .ndjson, .jsonl, .xlsx and .ods files)`,
    );
  }
  return { tasks, empty, leftOut: [...leftOut].map(([shown, why]) => ({ shown, why })) };
}

/** For each file the config's checks name, the first check that names it. */
async function filesOfChecks(config: Config, cwd: string): Promise<Map<string, number>> {
  const owner = new Map<string, number>();
  for (const [i, check] of config.checks.entries()) {
    for (const pattern of check.files) {
      for (const input of (await expandInput(pattern, config.dir, cwd)).inputs) if (!owner.has(input.path)) owner.set(input.path, i);
    }
  }
  return owner;
}
