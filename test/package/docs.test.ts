// The recipes of the README and docs/api.md, exercised: the library examples are run (importing the
// package by its own name, as a user would) and print what their comments say; the install, GitHub
// Action, container and pre-commit recipes name this package and version, with no placeholders, and
// agree with action.yml, the Dockerfile and .pre-commit-hooks.yaml.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const API = readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8');

function blocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/** The README block of a language that contains `marker`. */
function block(language: string, marker: string): string {
  const found = blocks(README, language).find((b) => b.includes(marker));
  if (!found) throw new Error(`README has no ${language} block with ${marker}`);
  return found;
}

/** Run a JavaScript example from inside the repository, where `import ... from '<package name>'` resolves to the package itself. */
function runExample(code: string) {
  const dir = join(ROOT, 'test-output');
  mkdirSync(dir, { recursive: true });
  const folder = mkdtempSync(join(dir, 'example-'));
  const file = join(folder, 'example.mjs');
  writeFileSync(file, code);
  try {
    return spawnSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8' });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The bin the first word of a hook's entry names. */
function entryBin(entry: string): { bin: string; args: string[] } {
  const [command, ...args] = entry.split(/\s+/);
  expect(pkg.bin).toHaveProperty(command!);
  return { bin: join(ROOT, pkg.bin[command!]!), args };
}

describe('the library examples', () => {
  const examples = [
    ...blocks(API, 'js').map((code, i) => [`docs/api.md example ${i + 1}`, code] as const),
    ...blocks(README, 'js').map((code, i) => [`README example ${i + 1}`, code] as const),
  ];

  it('are there', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)('%s runs and prints what its comments say', (_name, code) => {
    expect(code).toContain(`from '${pkg.name}'`);
    const run = runExample(code);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const printed = run.stdout.split('\n');
    const said = code.split('\n').filter((line) => line.includes('console.log(') && line.includes('); // '));
    const logs = code.split('\n').filter((line) => line.includes('console.log('));
    expect(printed.filter(Boolean)).toHaveLength(logs.length);
    for (const line of said) {
      const expected = line.slice(line.indexOf('); // ') + 6).split(': ')[0]!;
      expect(printed[logs.indexOf(line)]).toContain(expected);
    }
  });
});

describe('the README recipes', () => {
  it('have no placeholders, and install this package by its name', () => {
    const code = [...blocks(README, 'sh'), ...blocks(README, 'yaml'), ...blocks(README, 'js')].join('\n');
    expect(code).not.toMatch(/<owner>|<org>|<repo>|your-org|OWNER\//);
    // In a clone, `npm install && npx conform ...` runs the clone's own command; everywhere else the
    // package is installed or run by its name on the registry.
    const lines = code.split('\n').filter((line) => !/^npm install && npx conform /.test(line.trim()));
    for (const [command] of lines.join('\n').matchAll(/(npm install( --global)?|npx)( --?[a-z-]+( [^-\s]\S*)?)* [a-z@][\w@./-]*/g)) {
      expect(command).toMatch(new RegExp(`(\\s|^)${pkg.name}(@${pkg.version.replace(/\./g, '\\.')})?$`));
    }
    expect(README).toContain(`npx ${pkg.name} validate`);
    expect(README).toContain(`npm install --global ${pkg.name}`);
  });

  it('the GitHub Action workflow uses action.yml from the installed package, with its inputs', () => {
    const workflow = parse(block('yaml', 'upload-sarif')) as { jobs: Record<string, { steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown> }> }> };
    const steps = Object.values(workflow.jobs)[0]!.steps;
    const install = steps.find((s) => s.run?.includes('npm install'))!;
    expect(install.run).toContain(`${pkg.name}@${pkg.version}`);
    const prefix = /--prefix (\S+)/.exec(install.run!)![1]!;
    const action = steps.find((s) => s.uses?.startsWith('./'))!;
    expect(action.uses).toBe(`./${prefix}/node_modules/${pkg.name}`);
    const inputs = Object.keys((parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs);
    for (const key of Object.keys(action.with!)) expect(inputs).toContain(key);
    expect(prefix.startsWith('.')).toBe(true); // a hidden folder, which conform never checks
  });

  it('the pre-commit hook is the published hook, installed from npm, and runs as pre-commit runs it', () => {
    const config = parse(block('yaml', 'additional_dependencies')) as {
      repos: Array<{ repo: string; hooks: Array<Record<string, unknown>> }>;
    };
    const hook = config.repos[0]!.hooks[0]!;
    expect(config.repos[0]!.repo).toBe('local');
    expect(hook.additional_dependencies).toEqual([`${pkg.name}@${pkg.version}`]);
    const published = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    const same = published.find((h) => h.id === hook.id)!;
    for (const key of ['entry', 'language', 'files', 'exclude', 'require_serial']) expect(hook[key]).toEqual(same[key]);
    expect(published.map((h) => h.id)).toEqual(['conform', 'conform-all']);
    expect(published.find((h) => h.id === 'conform-all')!.pass_filenames).toBe(false);

    // pre-commit passes the staged files its patterns select (Python regexes these are also valid as).
    const files = new RegExp(String(hook.files));
    const exclude = new RegExp(String(hook.exclude));
    const staged = ['spend.csv', 'grants/2024.json', 'package.json', 'data/datapackage.json', '.github/x.json', 'README.md', 'feed.ndjson'];
    const chosen = staged.filter((f) => files.test(f) && !exclude.test(f));
    expect(chosen).toEqual(['spend.csv', 'grants/2024.json', 'feed.ndjson']);

    const repo = mkdtempSync(join(tmpdir(), 'conform-pre-commit-'));
    copyFileSync(join(ROOT, 'examples', 'spend-sample.csv'), join(repo, 'spend.csv'));
    writeFileSync(join(repo, 'toilets.csv'), 'x\n');
    writeFileSync(join(repo, 'conform.config.yaml'), 'checks:\n  - files: spend.csv\n    standard: spend-over-500\n');
    const { bin, args } = entryBin(String(hook.entry));
    const failing = spawnSync(process.execPath, [bin, ...args, 'spend.csv'], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('spend.csv');
    const all = entryBin(String(published.find((h) => h.id === 'conform-all')!.entry));
    expect(spawnSync(process.execPath, [all.bin, ...all.args], { cwd: repo, encoding: 'utf8' }).status).toBe(1);
  });

  it('the container: the Dockerfile is as the README says, and its command works on a mounted folder', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(final).toMatch(/^\nFROM node:20-slim\n/);
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^WORKDIR \/data$/m);
    expect(final).toMatch(/^ENTRYPOINT \["conform"\]$/m);
    expect(Object.keys(pkg.bin)).toEqual(['conform']);
    // What the build stage copies is in the build context (.dockerignore keeps what the package needs).
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    for (const needed of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'src',
      'bin',
      'schemas',
      'examples',
      'docs',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'action.yml',
      'action',
    ]) {
      expect(ignored).not.toContain(needed);
    }
    // The README's docker run, with the mounted folder as the working folder: the arguments after the image
    // go to the entrypoint, conform.
    const recipe = block('sh', 'docker run')
      .split('\n')
      .find((l) => l.startsWith('docker run') && l.includes('/data/spend.csv'))!;
    const image = /^docker build -t (\S+) \.$/m.exec(block('sh', 'docker build'))![1]!;
    const args = recipe.slice(recipe.indexOf(` ${image} `) + image.length + 2).split(' ');
    const data = mkdtempSync(join(tmpdir(), 'conform-data-'));
    copyFileSync(join(ROOT, 'examples', 'spend-sample.csv'), join(data, 'spend.csv'));
    const run = spawnSync(process.execPath, [join(ROOT, pkg.bin.conform!), ...args.map((a) => a.replace(/^\/data\//, `${data}/`))], { cwd: data, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('spend.csv');
  });
});
