// Nothing is overwritten that was not asked to be: every writer claims its targets through one guard
// (src/io/output-guard.ts) before anything is written. Each refusal is one line, exit 2, and leaves the
// folder exactly as it was.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, ROOT, scratch } from '../helpers.js';

const SPEND = readFileSync(join(ROOT, 'examples', 'spend-sample.csv'), 'utf8');
const PAYMENTS = join(FIXTURES, 'quirks', 'payments.schema.json');
const AMOUNTS = readFileSync(join(FIXTURES, 'quirks', '19-amounts', 'payments.csv'), 'utf8');
const isRoot = process.getuid?.() === 0;

/** Every file under `dir` (one level) with its content, to show that a refusal changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const stats = lstatSync(join(dir, name));
    out[name] = stats.isFile() ? readFileSync(join(dir, name), 'utf8') : stats.isSymbolicLink() ? 'link' : stats.isFIFO() ? 'fifo' : 'folder';
  }
  return out;
}

async function refused(argv: string[], dir: string, message: RegExp): Promise<void> {
  const before = snapshot(dir);
  const { code, stderr } = await cli(argv, { cwd: dir });
  expect(code, stderr).toBe(2);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(message);
  expect(snapshot(dir)).toEqual(before);
}

describe('an output that is an input of the run', () => {
  it('fix --report json=in.csv is refused before anything is written', async () => {
    const dir = scratch({ 'in.csv': SPEND });
    await refused(
      ['fix', 'in.csv', '-s', 'spend-over-500', '-o', 'out.csv', '--report', 'json=in.csv'],
      dir,
      /^conform: --report json=in\.csv would overwrite the input in\.csv; choose another path$/m,
    );
  });

  it('--valid-rows through a linked folder that leads back to the input is refused', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'in.csv'), SPEND);
    symlinkSync(join(dir, 'real'), join(dir, 'out'));
    await refused(
      ['validate', 'real/in.csv', '-s', 'spend-over-500', '--valid-rows', 'out/{name}.csv'],
      dir,
      /--valid-rows .*out\/in\.csv would overwrite the input real\/in\.csv/,
    );
    expect(readFileSync(join(dir, 'real', 'in.csv'), 'utf8')).toBe(SPEND);
  });

  it('a hard link to the input, the config and the standard file are inputs too', async () => {
    const dir = scratch({ 'in.csv': SPEND, 'conform.config.yaml': 'failOn: error\n' });
    linkSync(join(dir, 'in.csv'), join(dir, 'same.csv'));
    await refused(['validate', 'in.csv', '-s', 'spend-over-500', '-o', 'same.csv'], dir, /--output same\.csv would overwrite the input in\.csv/);
    await refused(['validate', 'in.csv', '-s', 'spend-over-500', '--report', 'json=conform.config.yaml'], dir, /would overwrite the input .*conform\.config\.yaml/);
    writeFileSync(join(dir, 'payments.schema.json'), readFileSync(PAYMENTS));
    await refused(
      ['fix', 'in.csv', '-s', 'payments.schema.json', '-o', 'out.csv', '--log', 'payments.schema.json'],
      dir,
      /--log payments\.schema\.json would overwrite the input .*payments\.schema\.json/,
    );
    await refused(['template', join(dir, 'payments.schema.json'), '-o', 'payments.schema.json'], dir, /would overwrite the input/);
  });

  it('report merge -o over one of the reports it reads is refused', async () => {
    const dir = scratch({ 'in.csv': SPEND });
    await cli(['validate', 'in.csv', '-s', 'spend-over-500', '-f', 'json', '-o', 'r1.json'], { cwd: dir });
    await refused(['report', 'merge', 'r1.json', '-o', 'r1.json'], dir, /--output r1\.json would overwrite the input r1\.json/);
  });
});

describe('two outputs of one run that are the same file', () => {
  it('are refused, however the path is written', async () => {
    const dir = scratch({ 'in.csv': SPEND });
    await refused(
      ['validate', 'in.csv', '-s', 'spend-over-500', '-o', 'r.json', '--report', 'json=./r.json'],
      dir,
      /--report json=\.\/r\.json and --output r\.json name the same file/,
    );
    await refused(['fix', 'in.csv', '-s', 'spend-over-500', '-o', 'out.csv', '--log', 'out.csv'], dir, /--output out\.csv and --log out\.csv name the same file/);
    await refused(['validate', 'in.csv', '-s', 'spend-over-500', '-o', 'rows.csv', '--invalid-rows', 'rows.csv'], dir, /name the same file/);
  });
});

describe('what is at the target', () => {
  it('a symbolic link is neither replaced nor written through, by any writer', async () => {
    const dir = scratch({ 'in.csv': SPEND, 'precious.txt': 'keep me' });
    symlinkSync(join(dir, 'precious.txt'), join(dir, 'link.json'));
    const link = /Cannot write .*link\.json: it is a symbolic link \(to .*precious\.txt\); conform neither replaces a link nor writes through one/;
    await refused(['validate', 'in.csv', '-s', 'spend-over-500', '-o', 'link.json'], dir, link);
    await refused(['validate', 'in.csv', '-s', 'spend-over-500', '--invalid-rows', 'link.json'], dir, link);
    await refused(['fix', 'in.csv', '-s', 'spend-over-500', '-o', 'out.csv', '--report', 'json=link.json'], dir, link);
    await refused(['template', 'spend-over-500', '-o', 'link.json'], dir, link);
    symlinkSync(join(dir, 'in.csv'), join(dir, 'conform.config.yaml'));
    await refused(['init', '--force'], dir, /conform\.config\.yaml: it is a symbolic link/);
  });

  it.skipIf(process.platform === 'win32')('a named pipe is refused, not renamed over or written into', async () => {
    const dir = scratch({ 'in.csv': SPEND });
    spawnSync('mkfifo', [join(dir, 'pipe')]);
    await refused(['validate', 'in.csv', '-s', 'spend-over-500', '-o', 'pipe'], dir, /Cannot write .*pipe: it is a named pipe, not a regular file/);
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('/dev/null is written to as a stream, never replaced (even as root)', async () => {
    const dir = scratch({ 'in.csv': SPEND });
    const before = statSync('/dev/null');
    const { code, stderr } = await cli(['validate', 'in.csv', '-s', 'spend-over-500', '-o', '/dev/null', '--report', 'json=/dev/null', '--valid-rows', '/dev/null'], { cwd: dir });
    expect(code, stderr).toBe(1);
    const after = statSync('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.ino, after.rdev, after.mode]).toEqual([before.ino, before.rdev, before.mode]);
    expect(readdirSync('/dev').filter((name) => name.startsWith('.null.tmp-'))).toEqual([]);
    expect(readdirSync(dir)).toEqual(['in.csv']);
  });

  it.skipIf(process.platform === 'win32')('/dev/stdout is written to as a stream', () => {
    const dir = scratch({ 'in.csv': SPEND });
    const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'conform.js'), 'validate', 'in.csv', '-s', 'spend-over-500', '-f', 'json', '-o', '/dev/stdout', '-q'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(1);
    expect(JSON.parse(result.stdout).files[0].path).toBe('in.csv');
  });
});

describe('replacing a file keeps who may read it', () => {
  it('fix --in-place keeps a 0600 file 0600, and its owner', async () => {
    const dir = scratch({ 'in.csv': AMOUNTS });
    const input = join(dir, 'in.csv');
    chmodSync(input, 0o600);
    if (isRoot) chownSync(input, 1234, 1234);
    const { code, stderr } = await cli(['fix', input, '-s', PAYMENTS, '--in-place', '-q']);
    expect(code, stderr).not.toBe(2);
    expect(readFileSync(input, 'utf8')).not.toBe(AMOUNTS);
    const stats = statSync(input);
    expect(stats.mode & 0o777).toBe(0o600);
    if (isRoot) expect([stats.uid, stats.gid]).toEqual([1234, 1234]);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('an existing report or row file keeps its mode when it is replaced', async () => {
    const dir = scratch({ 'in.csv': SPEND, 'report.json': 'old', 'bad.csv': 'old' });
    chmodSync(join(dir, 'report.json'), 0o640);
    chmodSync(join(dir, 'bad.csv'), 0o600);
    const { code } = await cli(['validate', 'in.csv', '-s', 'spend-over-500', '-o', 'report.json', '--invalid-rows', 'bad.csv'], { cwd: dir });
    expect(code).toBe(1);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toContain('"reportVersion": 1');
    expect(statSync(join(dir, 'report.json')).mode & 0o777).toBe(0o640);
    expect(statSync(join(dir, 'bad.csv')).mode & 0o777).toBe(0o600);
  });
});
