// Nothing read that should not be: a standard names the code lists (x-codelist) and referenced tables
// (x-foreignKeys) conform reads, and hints and messages print what they hold. A standard from anyone must
// not make conform read — and print — /etc/passwd, /proc/self/environ or a CI secret.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, scratch } from '../helpers.js';

const SECRET = 'CI_TOKEN=s3cr3t-value-do-not-print';
const DRAFT7 = 'http://json-schema.org/draft-07/schema#';

/** A standard whose field `code` must be a code of `source`. */
function codelistStandard(source: string) {
  return JSON.stringify({
    $schema: DRAFT7,
    'x-standard': { id: 'with-codes', version: '1.0', title: 'With codes' },
    type: 'object',
    required: ['code'],
    properties: { code: { type: 'string', 'x-codelist': { source, column: 'code' } } },
  });
}

/** A standard whose `service_id` must be an `id` of `resource`. */
function referenceStandard(resource: string) {
  return JSON.stringify({
    $schema: DRAFT7,
    'x-standard': { id: 'with-reference', version: '1.0', title: 'With reference' },
    type: 'object',
    properties: { service_id: { type: 'string' } },
    'x-foreignKeys': [{ fields: ['service_id'], reference: { resource, fields: ['id'] } }],
  });
}

/** A folder holding a secret file, outside the standard's and the data's folders. */
function secretElsewhere(): string {
  const dir = scratch({ 'secret.csv': `code\n${SECRET}\n`, 'secret.json': JSON.stringify([SECRET]) });
  return dir;
}

function expectRefused(result: { code: number; stdout: string; stderr: string }, says: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(says);
  expect(result.stdout + result.stderr).not.toContain('s3cr3t');
  expect(result.stdout + result.stderr).not.toMatch(/root:x:0|PATH=/);
}

describe("code lists are read only from inside the standard's folder", () => {
  it('an absolute path to /etc/passwd is refused, and nothing of it printed', async () => {
    const dir = scratch({ 'std.json': codelistStandard('/etc/passwd'), 'a.csv': 'code\nroot\n' });
    expectRefused(
      await cli(['validate', 'a.csv', '-s', 'std.json'], { cwd: dir }),
      /the code list "\/etc\/passwd" cannot be used: it is outside the folders it may be read from\. A code list is read only from inside the standard's own folder/,
    );
  });

  it('a relative path climbing out (to /proc/self/environ) is refused', async () => {
    const dir = scratch({ 'std.json': codelistStandard('../../../../../../../../proc/self/environ'), 'a.csv': 'code\nx\n' });
    expectRefused(await cli(['validate', 'a.csv', '-s', 'std.json'], { cwd: dir }), /cannot be used: it is outside the folders it may be read from/);
  });

  it('a symbolic link inside the folder that points out is refused (real paths are compared)', async () => {
    const outside = secretElsewhere();
    const dir = scratch({ 'std.json': codelistStandard('codes.csv'), 'a.csv': 'code\nnot-a-code\n' });
    symlinkSync(join(outside, 'secret.csv'), join(dir, 'codes.csv'));
    expectRefused(await cli(['validate', 'a.csv', '-s', 'std.json'], { cwd: dir }), /the code list "codes\.csv" cannot be used: it is outside the folders/);
  });

  it('a FIFO, a device and a folder are refused at once, without hanging', async () => {
    const dir = scratch({ 'a.csv': 'code\nx\n', 'fifo.json': codelistStandard('pipe.csv'), 'dev.json': codelistStandard('zero.csv'), 'folder.json': codelistStandard('codes') });
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    symlinkSync('/dev/zero', join(dir, 'zero.csv'));
    mkdirSync(join(dir, 'codes'));
    expectRefused(await cli(['validate', 'a.csv', '-s', 'fifo.json'], { cwd: dir }), /"pipe\.csv" cannot be used: it is not a regular file \(it is a device, pipe or socket\)/);
    expectRefused(await cli(['validate', 'a.csv', '-s', 'dev.json'], { cwd: dir }), /"zero\.csv" cannot be used: it is outside the folders/);
    expectRefused(await cli(['validate', 'a.csv', '-s', 'folder.json'], { cwd: dir }), /"codes" cannot be used: it is not a regular file \(it is a folder\)/);
  });

  it('a schema the standard refers to ($ref) that is a FIFO is refused, without hanging', async () => {
    const standard = { $schema: DRAFT7, type: 'object', properties: { code: { $ref: 'part.json' } } };
    const dir = scratch({ 'std.json': JSON.stringify(standard), 'a.csv': 'code\nx\n' });
    execFileSync('mkfifo', [join(dir, 'part.json')]);
    expectRefused(
      await cli(['validate', 'a.csv', '-s', 'std.json'], { cwd: dir }),
      /refers to part\.json, which cannot be used: it is not a regular file \(it is a device, pipe or socket\)/,
    );
  });

  it('a schema the standard refers to ($ref) through a link out of its folder is refused', async () => {
    const outside = scratch({ 'secrets.json': JSON.stringify({ token: SECRET }) });
    const standard = { $schema: DRAFT7, type: 'object', properties: { code: { $ref: 'part.json' } } };
    const dir = scratch({ 'std.json': JSON.stringify(standard), 'a.csv': 'code\nx\n' });
    symlinkSync(join(outside, 'secrets.json'), join(dir, 'part.json'));
    expectRefused(await cli(['validate', 'a.csv', '-s', 'std.json'], { cwd: dir }), /refers to part\.json, which cannot be used: it is outside the folders it may be read from/);
  });

  it('a standard that is not JSON (/etc/passwd) is named, not quoted', async () => {
    const dir = scratch({ 'a.csv': 'code\nx\n', 'std.json': `${SECRET}\n` });
    expectRefused(await cli(['validate', 'a.csv', '-s', '/etc/passwd'], { cwd: dir }), /^conform: \/etc\/passwd is not valid JSON: Unexpected token 'r'\n$/);
    expectRefused(await cli(['validate', 'a.csv', '-s', 'std.json'], { cwd: dir }), /^conform: \S*std\.json is not valid JSON: Unexpected token 'C'\n$/);
  });

  it('a code list over 50 MB is refused before it is read', async () => {
    const dir = scratch({ 'std.json': codelistStandard('huge.csv'), 'a.csv': 'code\nx\n' });
    writeFileSync(join(dir, 'huge.csv'), 'code\n');
    truncateSync(join(dir, 'huge.csv'), 51 * 1024 * 1024); // sparse: no 51 MB written
    expectRefused(await cli(['validate', 'a.csv', '-s', 'std.json'], { cwd: dir }), /"huge\.csv" cannot be used: it is larger than the limit of 50 MB/);
  });

  it('a broken code list is named without quoting what it holds', async () => {
    const dir = scratch({ 'json.json': codelistStandard('codes.json'), 'csv.json': codelistStandard('codes.csv'), 'a.csv': 'code\nx\n' });
    writeFileSync(join(dir, 'codes.json'), `${SECRET} not json`);
    writeFileSync(join(dir, 'codes.csv'), `${'x'.repeat(200)}${SECRET}\nA\n`);
    expectRefused(await cli(['validate', 'a.csv', '-s', 'json.json'], { cwd: dir }), /The code list codes\.json is not valid JSON/);
    expectRefused(await cli(['validate', 'a.csv', '-s', 'csv.json'], { cwd: dir }), /The code list codes\.csv has no column "code"; its first row has 1 cells: "x{39}…"/);
  });

  it("a code list in the standard's folder (or below it) is used as before", async () => {
    const dir = scratch({ 'std.json': codelistStandard('lists/codes.csv'), 'a.csv': 'code\nA\nZ\n' });
    mkdirSync(join(dir, 'lists'));
    writeFileSync(join(dir, 'lists/codes.csv'), 'code\nA\nB\n');
    const result = await cli(['validate', 'a.csv', '-s', 'std.json', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const issues = JSON.parse(result.stdout).files[0].issues;
    expect(issues.map((i: { code: string; row: number }) => [i.code, i.row])).toEqual([['key-reference', 2]]);
  });
});

describe("referenced tables are read only from the data file's or the standard's folder", () => {
  const data = 'service_id\nS1\n';

  async function referenceIssues(dir: string, cwd = dir) {
    const result = await cli(['validate', 'data/a.csv', '-s', 'std/std.json', '--format', 'json'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).not.toContain('s3cr3t');
    expect(result.stdout + result.stderr).not.toMatch(/root:x:0/);
    return JSON.parse(result.stdout).files[0].issues as Array<{ code: string; message: string }>;
  }

  function layout(resource: string) {
    const dir = scratch();
    mkdirSync(join(dir, 'data'));
    mkdirSync(join(dir, 'std'));
    writeFileSync(join(dir, 'data/a.csv'), data);
    writeFileSync(join(dir, 'std/std.json'), referenceStandard(resource));
    return dir;
  }

  it('/etc/passwd and a path climbing out are refused, as an issue that quotes nothing of them', async () => {
    for (const resource of ['/etc/passwd', '../../../../../../../etc/passwd']) {
      const issues = await referenceIssues(layout(resource));
      expect(issues).toHaveLength(1);
      expect(issues[0]!.code).toBe('key-reference');
      expect(issues[0]!.message).toMatch(
        /cannot be checked: it is outside the folders it may be read from: a referenced file is read only from the data file's folder or the standard's folder/,
      );
    }
  });

  it('a symbolic link beside the data that points out is refused', async () => {
    const outside = secretElsewhere();
    const dir = layout('services.csv');
    writeFileSync(join(outside, 'services.csv'), `id\n${SECRET}\n`);
    symlinkSync(join(outside, 'services.csv'), join(dir, 'data/services.csv'));
    const issues = await referenceIssues(dir);
    expect(issues.map((i) => i.message)).toEqual([expect.stringMatching(/References to services\.csv cannot be checked: it is outside the folders/)]);
  });

  it('a FIFO is refused at once, without hanging', async () => {
    const dir = layout('services.csv');
    execFileSync('mkfifo', [join(dir, 'data/services.csv')]);
    const issues = await referenceIssues(dir);
    expect(issues.map((i) => i.message)).toEqual([expect.stringMatching(/cannot be checked: it is not a regular file \(it is a device, pipe or socket\)/)]);
  });

  it("a table beside the data, or in the standard's folder, is used", async () => {
    const beside = layout('services.csv');
    writeFileSync(join(beside, 'data/services.csv'), 'id\nS1\n');
    expect((await cli(['validate', 'data/a.csv', '-s', 'std/std.json'], { cwd: beside })).code).toBe(0);
    const withStandard = layout('../std/services.csv');
    writeFileSync(join(withStandard, 'std/services.csv'), 'id\nS2\n');
    const issues = await referenceIssues(withStandard);
    expect(issues.map((i) => i.code)).toEqual(['key-reference']);
    expect(issues[0]!.message).not.toMatch(/cannot be checked/);
  });
});
