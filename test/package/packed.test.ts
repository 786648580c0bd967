// The package as users get it: `npm pack`, then installed on a clean folder with nothing of this
// repository around it — so a file missing from `files`, or an import of a development dependency, fails
// here. It runs `conform` (as `npx conform-data` does), the Action's entry script from the package, and
// compiles and runs a strict TypeScript project that uses the library with a stream and a standard held
// in memory. Everything installs offline from the npm cache `npm ci` filled: the clean folder gets a lock
// file made from this repository's, less its development dependencies.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

interface LockEntry {
  version?: string;
  dev?: boolean;
  link?: boolean;
  [key: string]: unknown;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  license: string;
  bin: Record<string, string>;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];

let work: string;
let tarball: { filename: string; integrity: string; files: Array<{ path: string }> };

/** A clean folder with the tarball installed (and, if asked, @types/node), offline. */
function installClean(name: string, extra: string[] = [], files: Record<string, string> = {}): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const spec = `file:../${tarball.filename}`;
  const dependencies = { [pkg.name]: spec, ...Object.fromEntries(extra.map((dep) => [dep, lock.packages[`node_modules/${dep}`]!.version!])) };
  const packages: Record<string, unknown> = {
    '': { name, dependencies },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: spec,
      integrity: tarball.integrity,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  const wanted = new Set(extra);
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || entry.link) continue;
    if (entry.dev && !wanted.has(path.replace(/^.*node_modules\//, ''))) continue;
    packages[path] = { ...entry, dev: undefined };
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module', dependencies }, null, 2));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name, lockfileVersion: 3, requires: true, packages }, null, 2));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  execFileSync(npm, ['ci', '--offline', ...quiet], { cwd: dir, stdio: 'pipe' });
  return dir;
}

function conform(dir: string, args: string[]) {
  const run = spawnSync(join(dir, 'node_modules', '.bin', 'conform'), args, {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir() },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'conform-packed-'));
  // dist is built by the test set-up (test/batch/build-dist.ts); packing must not build it again.
  const out = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work, ...quiet], { cwd: ROOT, encoding: 'utf8' });
  tarball = (JSON.parse(out) as (typeof tarball)[])[0]!;
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds what the package needs and none of the sources or tests', () => {
    const files = tarball.files.map((f) => f.path);
    expect(tarball.filename).toBe(`${pkg.name}-${pkg.version}.tgz`);
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'bin/conform.js',
      'dist/cli.js',
      'dist/index.js',
      'dist/index.d.ts',
      'schemas/report.schema.json',
      'examples/spend-sample.csv',
      'action.yml',
      'action/run.mjs',
    ]) {
      expect(files).toContain(file);
    }
    expect(files.filter((f) => /^(src|test|fixtures|bench)\//.test(f))).toEqual([]);
  });

  it('installs on a clean folder and runs: --version, standards list, the bundled example, npx conform-data, conform serve', async () => {
    const dir = installClean('cli');
    expect(conform(dir, ['--version']).stdout.trim()).toBe(pkg.version);
    const list = conform(dir, ['standards', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('spend-over-500');
    const example = join(dir, 'node_modules', pkg.name, 'examples', 'spend-sample.csv');
    const checked = conform(dir, ['validate', example, '--standard', 'spend-over-500', '--format', 'json']);
    expect(checked.stderr).toBe('');
    expect(checked.code).toBe(1);
    expect(JSON.parse(checked.stdout).summary).toMatchObject({ files: 1, failedFiles: 1, rows: 10, errors: 5, warnings: 2 });
    const npx = spawnSync(npm.replace('npm', 'npx'), ['--offline', pkg.name, '--version'], { cwd: dir, encoding: 'utf8' });
    expect(npx.stdout.trim()).toBe(pkg.version);
    // The Action's entry script, from the package (built already, so its set-up step installs nothing).
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const action = spawnSync(process.execPath, [join(dir, 'node_modules', pkg.name, 'action', 'run.mjs')], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary, INPUT_FILES: example, INPUT_STANDARD: 'spend-over-500' },
    });
    expect(action.status).toBe(1);
    expect(action.stdout).toMatch(/^::error file=/m);
    expect(readFileSync(summary, 'utf8')).toContain('1 of 1 file failed');
    // The web page, with its server's dependencies from the package's own.
    const serve = spawn(join(dir, 'node_modules', '.bin', 'conform'), ['serve', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = '';
    serve.stdout.on('data', (d) => (printed += d));
    const exited = new Promise((resolve) => serve.once('exit', resolve));
    while (!/http:\/\/\S+\//.test(printed) && serve.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    const page = await fetch(/http:\/\/\S+\//.exec(printed)![0]);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Check a data file against a standard');
    serve.kill('SIGTERM');
    await exited;
  });

  it('type-checks a strict TypeScript consumer, which validates a stream and a standard held in memory', () => {
    const consumer = `
import { Readable } from 'node:stream';
import { ConformError, formatReport, loadStandard, validate, type Issue, type Report, type SchemaObject, type ValidateOptions } from '${pkg.name}';

const schema: SchemaObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  'x-standard': { id: 'ids', version: '1.0', title: 'Ids' },
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer' }, note: { type: 'string' } },
};
interface Row { id: number | string; note?: string }
const rows: Row[] = [{ id: 1 }, { id: 'two', note: 'bad' }];

const options: ValidateOptions = { failOn: 'warning', maxIssues: 10 };
// @ts-expect-error the test switches are not options of the library
const internal: ValidateOptions = { tokenizer: 'reference' };
void internal;

const standard = await loadStandard(schema);
const fromStream: Report = await validate(Readable.from(['id,note\\n1,a\\nx,b\\n']), standard, { ...options, inputFormat: 'csv', name: 'ids.csv' });
const fromWeb: Report = await validate(new Blob(['id\\n2\\n']).stream(), schema, { inputFormat: 'csv' });
const fromRecords: Report = await validate(rows, schema);
async function* later(): AsyncGenerator<Row> { yield* rows; }
const fromAsync = await validate(later(), standard);
const issues: Issue[] = fromStream.files.flatMap((file) => file.issues);
let failure = '';
try {
  await validate('missing.csv', 'no-such-standard');
} catch (error) {
  if (error instanceof ConformError) failure = error.message;
}
console.log(JSON.stringify({
  stream: { path: fromStream.files[0]?.path, passed: fromStream.passed, codes: issues.map((i) => \`\${i.row}:\${i.code}\`) },
  web: fromWeb.passed,
  records: fromRecords.summary.errors,
  async: fromAsync.summary.errors,
  markdown: formatReport(fromStream, 'markdown').length > 0,
  failure,
}));
`;
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2023'],
        // Node's types from this checkout: a dev-only package need not be in the npm cache to be installed.
        typeRoots: [join(ROOT, 'node_modules', '@types')],
        types: ['node'],
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: false,
        outDir: 'out',
      },
      include: ['index.ts'],
    };
    const dir = installClean('consumer', [], {
      'index.ts': consumer,
      'tsconfig.json': JSON.stringify(tsconfig, null, 2),
    });
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    const run = spawnSync(process.execPath, ['out/index.js'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      stream: { path: 'ids.csv', passed: false, codes: ['2:value-type'] },
      web: true,
      records: 1,
      async: 1,
      markdown: true,
      failure: expect.stringContaining('Unknown standard "no-such-standard"'),
    });
  });
});
