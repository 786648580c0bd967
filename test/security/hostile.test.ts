// Hostile and broken input: nothing crashes, hangs, leaks or lies. Each case here is listed in
// SECURITY.md with its outcome.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fetchText } from '../../src/standards/remote.js';
import { cli, FIXTURES, report, ROOT, scratch } from '../helpers.js';

const people = `${FIXTURES}/core/people.schema.json`;

describe('catastrophic patterns', () => {
  it('^(a+)+$ against "aaaa…!" ends at once, on a linear-time engine', async () => {
    const dir = scratch({
      's.json': JSON.stringify({ type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+$' } } }),
      'd.csv': `code\n${'a'.repeat(50_000)}!\n${'a'.repeat(30)}\n`,
    });
    const started = Date.now();
    const { report: r } = await report([`${dir}/d.csv`, '-s', `${dir}/s.json`]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.files[0].issues.map((i: any) => [i.code, i.row])).toEqual([['value-pattern', 1]]);
  });

  it('a dangerous pattern a linear engine cannot run is refused when the standard loads, naming it', async () => {
    const dir = scratch({ 's.json': JSON.stringify({ type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+\\1$' } } }), 'd.csv': 'code\na\n' });
    const { code, stderr } = await cli(['validate', `${dir}/d.csv`, '-s', `${dir}/s.json`]);
    expect(code).toBe(2);
    expect(stderr).toContain('the pattern "^(a+)+\\\\1$" could take more than linear time');
  });
});

describe('prototype pollution', () => {
  it('headers and JSON keys named __proto__, constructor and prototype are data like any other', async () => {
    const schema = { type: 'object', additionalProperties: false, properties: { id: { type: 'integer' } }, required: ['id'] };
    const dir = scratch({
      's.json': JSON.stringify(schema),
      'd.csv': '__proto__,constructor,prototype,id\n{"polluted":1},x,y,1\n',
      'd.json': '[{"id": 1, "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}]',
    });
    const csv = await report([`${dir}/d.csv`, '-s', `${dir}/s.json`]);
    expect(csv.report.files[0].issues.map((i: any) => [i.code, i.column])).toEqual([
      ['header-unknown', '__proto__'],
      ['header-unknown', 'constructor'],
      ['header-unknown', 'prototype'],
    ]);
    const json = await report([`${dir}/d.json`, '-s', `${dir}/s.json`]);
    expect(json.report.files[0].issues.map((i: any) => i.pointer).sort()).toEqual(['/0/__proto__', '/0/constructor']);
    expect(({} as any).polluted).toBeUndefined();
    expect((Object.prototype as any).polluted).toBeUndefined();
  });
});

describe('size limits', () => {
  it('JSON nested 100,000 levels deep is reported, not a crash', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const dir = scratch({ 'doc.json': `{"grants": ${deep}}`, 'records.json': `[{"id": 1, "name": "a", "joined": "2024-01-01", "x": ${deep}}]` });
    const doc = await report([`${dir}/doc.json`, '-s', '360giving']);
    expect(doc.code).toBe(1);
    expect(doc.report.files[0].issues[0].value.length).toBeLessThan(210);
    const records = await report([`${dir}/records.json`, '-s', people]);
    expect(records.report.files[0].issues.map((i: any) => i.code)).toEqual(['value-invalid']);
  });

  it('a line with a million cells is one row-length issue', async () => {
    const dir = scratch({ 'wide.csv': `id,name,joined\n1,Ann,2024-01-01${','.repeat(1_000_000)}\n` });
    const { report: r } = await report([`${dir}/wide.csv`, '-s', people]);
    expect(r.files[0].issues.map((i: any) => [i.code, i.row])).toEqual([['row-length', 1]]);
    expect(r.files[0].issues[0].message).toBe('The row has 1,000,003 cells, but the header has 3');
  });

  it('a header of a million columns is summarised, not listed a million times', async () => {
    const header = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',');
    const dir = scratch({ 'one-line.csv': `${header}\n` });
    // CPU time, not wall time, so a busy machine does not fail it: about 14 s here; work that grew with the
    // square of the column count would take hours.
    const started = process.cpuUsage();
    const { report: r } = await report([`${dir}/one-line.csv`, '-s', people]);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(40_000);
    const unknown = r.files[0].issues.filter((i: any) => i.code === 'header-unknown');
    expect(unknown).toHaveLength(51);
    expect(unknown[50]).toMatchObject({ column: 'c50', columnIndex: 51, count: 999_950 });
  }, 180_000);

  it('a cell longer than the record limit stops the read with a clear issue', async () => {
    const dir = scratch({ 'huge.csv': `id,name,joined\n1,"${'x'.repeat(3_000_000)}\n` });
    const { report: r } = await report([`${dir}/huge.csv`, '-s', people]);
    expect(r.files[0].issues.map((i: any) => i.code)).toEqual(['format-invalid']);
  });
});

describe('remote references', () => {
  const serve = (routes: Record<string, string>) =>
    new Promise<{ url: string; close: () => void }>((resolve) => {
      const server = createServer((req, res) => {
        const body = routes[req.url ?? ''];
        if (body === undefined) return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      });
      server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }));
    });

  it('are not fetched without --allow-remote, and the error says how to allow it', async () => {
    const dir = scratch({ 's.json': JSON.stringify({ type: 'object', properties: { id: { $ref: 'http://127.0.0.1:9/id.json' } } }), 'd.csv': 'id\n1\n' });
    const { code, stderr } = await cli(['validate', `${dir}/d.csv`, '-s', `${dir}/s.json`]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is on the internet, and conform fetches nothing unless asked: add --allow-remote/);
  });

  it('are fetched with --allow-remote: a schema and a code list', async () => {
    const server = await serve({ '/id.json': JSON.stringify({ type: 'integer', maximum: 5 }), '/colours.json': JSON.stringify(['red', 'blue']) });
    try {
      const dir = scratch({
        's.json': JSON.stringify({
          type: 'object',
          properties: { id: { $ref: `${server.url}/id.json` }, colour: { type: 'string', 'x-codelist': { source: `${server.url}/colours.json` } } },
        }),
        'd.csv': 'id,colour\n9,green\n',
      });
      const { report: r } = await report([`${dir}/d.csv`, '-s', `${dir}/s.json`, '--allow-remote']);
      expect(r.files[0].issues.map((i: any) => i.code)).toEqual(['value-range', 'key-reference']);
    } finally {
      server.close();
    }
  });

  it('are bounded in time and size', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const big = await serve({ '/big.json': `[${'1,'.repeat(600_000)}1]` });
    try {
      await expect(fetchText(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/x`, 300)).rejects.toThrow(/no answer within 0.3 s/);
      await expect(fetchText(`${big.url}/big.json`, 5000, 1_000_000)).rejects.toThrow(/more than the limit/);
    } finally {
      silent.closeAllConnections();
      silent.close();
      big.close();
    }
  });
});

describe('writing outputs', () => {
  it('an unwritable output path is exit 2 with a one-line message', async () => {
    const dir = scratch({ 'a-file': 'x' });
    const { code, stderr } = await cli(['validate', 'examples/spend-sample.csv', '-s', 'spend-over-500', '-o', `${dir}/a-file/report.txt`]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^conform: Cannot write /);
  });

  it('never follows a symlink to overwrite a file the user did not name, nor replaces the link', async () => {
    const dir = scratch({ 'precious.txt': 'keep me' });
    symlinkSync(`${dir}/precious.txt`, `${dir}/report.txt`);
    const { code, stderr } = await cli(['validate', 'examples/spend-sample.csv', '-s', 'spend-over-500', '-o', `${dir}/report.txt`]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^conform: Cannot write .*report\.txt: it is a symbolic link/);
    expect(readFileSync(`${dir}/precious.txt`, 'utf8')).toBe('keep me');
    expect(lstatSync(`${dir}/report.txt`).isSymbolicLink()).toBe(true);
  });

  it('never writes over an input file', async () => {
    const dir = scratch({ 'data.csv': 'id,name,joined\n1,Ann,2024-01-01\n' });
    const { code, stderr } = await cli(['validate', `${dir}/data.csv`, '-s', people, '-o', `${dir}/data.csv`]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/would overwrite the input/);
    expect(readFileSync(`${dir}/data.csv`, 'utf8')).toBe('id,name,joined\n1,Ann,2024-01-01\n');
  });
});

describe('the process', () => {
  const bin = `${ROOT}/bin/conform.js`;

  it('piped into a reader that goes away (head) ends quietly', () => {
    const result = spawnSync('sh', ['-c', `node ${bin} validate ${FIXTURES}/core/all-codes.csv -s ${people} -f json | head -c 10 > /dev/null; echo "exit=\${PIPESTATUS:-done}"`], {
      encoding: 'utf8',
    });
    expect(result.stderr).not.toMatch(/Error|at /);
  });

  it('SIGTERM in the middle of a run leaves no half-written report or row file', async () => {
    const dir = scratch();
    const rows = Array.from({ length: 400_000 }, (_, i) => `${i + 1},Name ${i},2024-01-01`).join('\n');
    writeFileSync(`${dir}/big.csv`, `id,name,joined\n${rows}\n`);
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [bin, 'validate', `${dir}/big.csv`, '-s', people, '-o', `${dir}/report.json`, '--valid-rows', `${dir}/ok.csv`], { stdio: 'pipe' });
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.on('exit', (c, s) => r(c ?? s)));
    expect([143, 'SIGTERM', 0, 1]).toContain(code);
    const left = readdirSync(dir).filter((f) => f !== 'big.csv');
    // Either the run finished (whole files) or it was stopped (nothing at all).
    expect(left.every((f) => !f.includes('.tmp-'))).toBe(true);
    if (code === 143) expect(left).toEqual([]);
  });

  it('a folder given as a data file is searched for data files; an empty one is a one-line error, not a crash', async () => {
    const dir = scratch();
    const { code, stderr } = await cli(['validate', dir, '-s', people]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^conform: No input files matched ".*": check the paths and patterns/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

void existsSync;
