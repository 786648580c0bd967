// Inputs that once ended a run with "unexpected failure … a bug in conform": each is now a one-line
// error with exit 2 that says what is wrong.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, scratch } from '../helpers.js';

const DRAFT7 = 'http://json-schema.org/draft-07/schema#';

/** One line on stderr, exit 2, nothing on stdout, and no sign of a crash. */
function expectOneLineError(result: { code: number; stdout: string; stderr: string }, says: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(says);
  expect(result.stderr).not.toMatch(/bug in conform|Maximum call stack|at .*\.ts:\d+/);
}

describe('crashes become one-line errors', () => {
  it('a YAML alias bomb in a config file', async () => {
    let yaml = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 0; i < 9; i++) {
      const prev = String.fromCharCode(97 + i);
      yaml += `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    }
    const dir = scratch({ 'a.csv': 'x\n1\n', 'conform.config.yaml': yaml });
    const result = await cli(['validate', 'a.csv', '-s', 'spend-over-500'], { cwd: dir });
    expectOneLineError(result, /conform\.config\.yaml: the YAML uses aliases .* more than 100 times/);
  });

  it('a standards folder such as `/`, with entries that cannot be read, is passed over where it cannot be read', async () => {
    // `standards: [/]` crashed on the first entry that could not be stat'ed (a vanished /proc/<pid>/fd
    // link); the same entries are made here, in a folder of the test's own, rather than reading all of /.
    const dir = scratch({ 'a.csv': 'x\n1\n', 'conform.config.yaml': 'standards: [odd]\n' });
    mkdirSync(join(dir, 'odd/locked'), { recursive: true });
    symlinkSync(join(dir, 'odd/nowhere.json'), join(dir, 'odd/broken.json'));
    symlinkSync(join(dir, 'odd/loop-b'), join(dir, 'odd/loop-a'));
    symlinkSync(join(dir, 'odd/loop-a'), join(dir, 'odd/loop-b'));
    execFileSync('mkfifo', [join(dir, 'odd/pipe.json')]);
    writeFileSync(join(dir, 'odd/locked/x.json'), '{}');
    chmodSync(join(dir, 'odd/locked'), 0);
    try {
      const list = await cli(['standards', 'list', '--format', 'json'], { cwd: dir });
      expect(list.code).toBe(0);
      expect(list.stderr).toBe('');
      const run = await cli(['validate', 'a.csv', '-s', 'spend-over-500', '--format', 'json'], { cwd: dir });
      expect(run.stderr).not.toMatch(/bug in conform|ENOENT|ELOOP/);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout).files[0].path).toBe('a.csv');
    } finally {
      chmodSync(join(dir, 'odd/locked'), 0o755);
    }
  });

  it('a config file that is a device or a pipe', async () => {
    const dir = scratch({ 'a.csv': 'x\n1\n' });
    expectOneLineError(
      await cli(['validate', 'a.csv', '-s', 'spend-over-500', '--config', '/dev/zero'], { cwd: dir }),
      /^conform: Cannot read the config file \/dev\/zero: it is not a regular file/,
    );
  });

  it('a schema nested 50,000 levels deep', async () => {
    let deep = '{"type":"string"}';
    for (let i = 0; i < 50_000; i++) deep = `{"items":${deep}}`;
    const dir = scratch({ 'a.csv': 'x\n1\n', 'deep.json': `{"$schema":"${DRAFT7}","type":"object","properties":{"x":${deep}}}` });
    expectOneLineError(
      await cli(['validate', 'a.csv', '-s', 'deep.json'], { cwd: dir }),
      /deep\.json: the schema nests more than 256 levels deep \(at \/properties\/x\/items\/items/,
    );
  });

  it('a $ref cycle in a standard names the references that loop', async () => {
    const schema = {
      $schema: DRAFT7,
      type: 'object',
      properties: { x: { $ref: '#/definitions/a' } },
      definitions: { a: { $ref: '#/definitions/b' }, b: { $ref: '#/definitions/a' } },
    };
    const dir = scratch({ 'a.csv': 'x\n1\n', 'cycle.json': JSON.stringify(schema) });
    expectOneLineError(
      await cli(['validate', 'a.csv', '-s', 'cycle.json'], { cwd: dir }),
      /cycle\.json: its \$ref references loop back to themselves \(#\/definitions\/[ab] → #\/definitions\/[ab] → #\/definitions\/[ab]\)/,
    );
  });

  it('a $ref cycle through allOf is found too, while a recursive schema that steps into values is fine', async () => {
    const loop = { $schema: DRAFT7, type: 'object', properties: { x: { $ref: '#/definitions/a' } }, definitions: { a: { allOf: [{ $ref: '#/definitions/a' }] } } };
    const tree = { $schema: DRAFT7, type: 'object', properties: { x: { type: 'string' }, children: { type: 'array', items: { $ref: '#' } } } };
    const dir = scratch({ 'a.csv': 'x\n1\n', 'loop.json': JSON.stringify(loop), 'tree.json': JSON.stringify(tree) });
    expectOneLineError(await cli(['validate', 'a.csv', '-s', 'loop.json'], { cwd: dir }), /loop back to themselves \(#\/definitions\/a → #\/definitions\/a\)/);
    const fine = await cli(['validate', 'a.csv', '-s', 'tree.json', '--format', 'json'], { cwd: dir });
    expect(fine.code).toBe(0);
  });

  describe('malformed shard reports given to report merge', () => {
    const cases: Array<[string, unknown]> = [
      ['a file that is an empty object', { reportVersion: 1, failOn: 'error', files: [{}] }],
      ['a file that is null', { reportVersion: 1, failOn: 'error', files: [null] }],
      ['an empty shard block', { reportVersion: 1, failOn: 'error', files: [], shard: {} }],
      ['no files at all', { reportVersion: 1 }],
    ];
    for (const [label, content] of cases) {
      it(label, async () => {
        const dir = scratch({ 'shard.json': JSON.stringify(content) });
        expectOneLineError(
          await cli(['report', 'merge', 'shard.json'], { cwd: dir }),
          /shard\.json is not a valid conform report \(at .*\): merge the JSON reports conform wrote, unchanged/,
        );
      });
    }
  });
});
