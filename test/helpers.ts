// Running the command line in-process, the way a user would run it, and reading what it printed.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../src/run.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(ROOT, 'fixtures');
export const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
export const hasCorpus = existsSync(CORPUS);

/** A corpus file, the standard it is checked against, and the counts by code a reviewer found right, with why. */
export interface CorpusCase {
  file: string;
  standard: string;
  rows: number;
  byCode: Record<string, number>;
  why: string;
  /** Whether the file conforms, where a reviewer settled it: it fails only on what every source agrees is wrong. */
  verdict?: 'passes' | 'fails';
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], options: { cwd?: string; stdin?: string | Buffer; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty },
    stdin: options.stdin !== undefined ? Readable.from([Buffer.from(options.stdin)]) : undefined,
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** Validate with --format json and return the parsed report. */
export async function report(argv: string[], options: Parameters<typeof cli>[1] = {}) {
  const result = await cli(['validate', ...argv, '--format', 'json'], options);
  if (result.code === 2) throw new Error(`exit 2: ${result.stderr}`);
  return { ...result, report: JSON.parse(result.stdout) };
}

/** A scratch folder with the given files written into it. */
export function scratch(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'conform-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/**
 * Send `signal` to a running conform as soon as a temporary file (`.tmp-`) appears in `dir`, looking every
 * `every` ms for at most `within` ms: whether one was seen (and the signal sent).
 */
export async function signalWhenWriting(child: ChildProcess, dir: string, signal: NodeJS.Signals, within: number, every: number): Promise<boolean> {
  for (let waited = 0; waited < within && child.exitCode === null; waited += every) {
    if (readdirSync(dir).some((f) => f.includes('.tmp-'))) {
      child.kill(signal);
      return true;
    }
    await new Promise((r) => setTimeout(r, every));
  }
  return false;
}
