// conform serve over plain HTTP: what it refuses (a foreign Host header, a POST from another site or
// without the tab's token, a file over the size limit), what it leaves on disk (the upload gone once
// checked, everything gone when the server stops), and the command's warning for a non-loopback address.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSize } from '../../src/serve/options.js';
import type { RunningServer } from '../../src/serve/server.js';
import { ROOT, scratch } from '../helpers.js';
import { finished, openPage, send, start, upload } from './serve-helpers.js';

const SAMPLE = readFileSync(join(ROOT, 'examples/spend-sample.csv'));

describe('conform serve over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start({ maxBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers only to a Host header naming it: a rebound domain or another port gets 421', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `[::1]:${server.port}`]) {
      expect((await send(server, { path: '/', headers: { host } })).status, host).toBe(200);
    }
    for (const host of [`evil.example:${server.port}`, `127.0.0.1.nip.io:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1', `localhost.:${server.port}`]) {
      const answer = await send(server, { path: '/', headers: { host } });
      expect(answer.status, host).toBe(421);
      expect(answer.text).not.toContain('data-token');
    }
  });

  it('refuses a POST from another site, or without the Origin or the tab token', async () => {
    const tab = await openPage(server);
    const cases: Array<[string, Record<string, string>]> = [
      ['another Origin', { origin: 'http://evil.example' }],
      ['another port of this computer', { origin: `http://127.0.0.1:${server.port + 1}` }],
      ['no Origin', { origin: '' }],
      ['cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
      ['no token', { 'x-conform-token': '' }],
      ['a made-up token', { 'x-conform-token': 'a'.repeat(32) }],
    ];
    for (const [why, headers] of cases) {
      const sent = Object.fromEntries(Object.entries({ ...tab.headers, ...headers }).filter(([, v]) => v !== ''));
      const answer = await upload(server, { headers: sent }, 'spend.csv', SAMPLE);
      expect(answer.status, why).toBe(403);
    }
    // Nothing was kept of the refused uploads.
    expect(readdirSync(server.folder)).toEqual([]);
    const good = await upload(server, tab, 'spend.csv', SAMPLE, 'spend-over-500');
    expect(good.status).toBe(202);
  });

  it('refuses downloads and status asked for by another site', async () => {
    const tab = await openPage(server);
    const { id } = JSON.parse((await upload(server, tab, 'spend.csv', SAMPLE)).text);
    await finished(server, id);
    expect((await send(server, { path: `/checks/${id}/report/json`, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await send(server, { path: `/checks/${id}/report/json`, headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
  });

  it('sends a strict policy and safe headers with every answer', async () => {
    const page = await send(server, { path: '/' });
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/^default-src 'none'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'sha256-[^']+'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const missing = await send(server, { path: '/nowhere' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('refuses a file over --max-size, whether its length is declared or not, and keeps none of it', async () => {
    const tab = await openPage(server);
    const before = readdirSync(server.folder);
    const big = Buffer.alloc(100 * 1024, 'a');
    const declared = await upload(server, tab, 'big.csv', big);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text).message).toMatch(/larger than 64 KB/);
    // Sent in chunks with no length: stopped once past the limit.
    async function* chunks() {
      for (let i = 0; i < 10; i++) yield Buffer.alloc(16 * 1024, 'b');
    }
    const streamed = await upload(server, tab, 'big.csv', chunks()).catch((error: NodeJS.ErrnoException) => ({ status: error.code }));
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(streamed.status);
    expect(readdirSync(server.folder)).toEqual(before);
  });

  it('removes the uploaded copy once checked, keeps the repaired copy for download, and removes all on close', async () => {
    const own = await start();
    const tab = await openPage(own);
    const answer = await upload(own, tab, '<img src=x onerror=alert(1)>.csv', SAMPLE, 'spend-over-500');
    const { id } = JSON.parse(answer.text);
    const status = await finished(own, id);
    expect(status).toMatchObject({ state: 'done', rows: 10 });
    const [folder] = readdirSync(own.folder);
    expect(readdirSync(join(own.folder, folder!)).sort()).toEqual(['fixed.csv', 'fixed.csv.log.csv']);
    expect(statSync(own.folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(own.folder, folder!)).mode & 0o777).toBe(0o700);

    const fixed = await send(own, { path: `/checks/${id}/fixed` });
    expect(fixed.status).toBe(200);
    expect(fixed.headers['content-disposition']).toBe('attachment; filename="img_src_x_onerror_alert_1-fixed.csv"');
    for (const format of ['json', 'html', 'markdown', 'junit', 'sarif', 'csv', 'github', 'stylish']) {
      const report = await send(own, { path: `/checks/${id}/report/${format}` });
      expect(report.status, format).toBe(200);
      expect(report.headers['content-disposition'], format).toMatch(/^attachment; filename="img_src_x_onerror_alert_1-report\.[a-z.]+"$/);
    }
    const json = JSON.parse((await send(own, { path: `/checks/${id}/report/json` })).text);
    expect(json.files[0].path).toBe('<img src=x onerror=alert(1)>.csv');
    expect((await send(own, { path: `/checks/${id}/report/..%2F..%2Fetc%2Fpasswd` })).status).toBe(404);

    // Checking another file in the tab removes the first check's files.
    const second = JSON.parse((await upload(own, tab, 'again.csv', SAMPLE)).text);
    await finished(own, second.id);
    expect(readdirSync(own.folder)).toHaveLength(1);
    expect((await send(own, { path: `/checks/${id}/fixed` })).status).toBe(404);

    await own.close();
    expect(existsSync(own.folder)).toBe(false);
  });

  it('runs one check at a time in a tab: a second POST while the first is under way gets 409', async () => {
    const tab = await openPage(server);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    async function* slowly() {
      yield SAMPLE.subarray(0, 100);
      await held;
      yield SAMPLE.subarray(100);
    }
    const first = upload(server, tab, 'first.csv', slowly());
    await new Promise((r) => setTimeout(r, 200));
    const second = await upload(server, tab, 'second.csv', SAMPLE);
    expect(second.status).toBe(409);
    expect(JSON.parse(second.text).message).toMatch(/already running in this tab/);
    // Another tab is another session, free to check its own file.
    expect((await upload(server, await openPage(server), 'other.csv', SAMPLE)).status).toBe(202);
    release();
    const { id } = JSON.parse((await first).text);
    await expect(finished(server, id)).resolves.toMatchObject({ state: 'done', rows: 10 });
  });

  it('checks an NDJSON file by its name, with no repaired copy (conform fix repairs CSV only)', async () => {
    const tab = await openPage(server);
    const { id } = JSON.parse((await upload(server, tab, 'people.ndjson', readFileSync(join(ROOT, 'fixtures/core/people.ndjson')))).text);
    await expect(finished(server, id)).resolves.toMatchObject({ state: 'done' });
    const report = JSON.parse((await send(server, { path: `/checks/${id}/report/json` })).text);
    expect(report.files[0]).toMatchObject({ path: 'people.ndjson', format: 'ndjson' });
    expect((await send(server, { path: `/checks/${id}/fixed` })).status).toBe(404);
    const page = await send(server, { path: `/checks/${id}/` });
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('Download the repaired file');
  });

  it('reads --max-size as people write sizes', () => {
    expect(parseSize('1GB')).toBe(1024 ** 3);
    expect(parseSize('500 MB')).toBe(500 * 1024 ** 2);
    expect(parseSize('1.5g')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('2048')).toBe(2048);
    for (const bad of ['', 'lots', '-1MB', '0', '5TB']) expect(() => parseSize(bad), bad).toThrow(/--max-size/);
  });
});

describe('the conform serve command', () => {
  /** Run the built command until it prints its address, then stop it with SIGTERM. */
  async function runServe(args: string[]) {
    const tmp = scratch();
    const child = spawn(process.execPath, [join(ROOT, 'bin/conform.js'), 'serve', '--port', '0', ...args], {
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    while (!/http:\/\//.test(stdout) && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    const during = readdirSync(tmp);
    child.kill('SIGTERM');
    const code = await exited;
    return { stdout, stderr, code, during, after: readdirSync(tmp) };
  }

  it('listens on 127.0.0.1 without a word of warning, and leaves no folder when stopped', async () => {
    const result = await runServe([]);
    expect(result.stdout).toMatch(/open http:\/\/127\.0\.0\.1:\d+\/ in a browser/);
    expect(result.stderr).not.toContain('warning');
    expect(result.during.filter((f) => f.startsWith('conform-serve-'))).toHaveLength(1);
    expect(result.after).toEqual([]);
    expect(result.code).toBe(143);
  });

  it('warns on stderr when --host names an address the network can reach', async () => {
    const result = await runServe(['--host', '0.0.0.0']);
    expect(result.stderr).toMatch(/warning: listening on 0\.0\.0\.0, so other computers on the network can open this page/);
    expect(result.stdout).toMatch(/http:\/\/127\.0\.0\.1:\d+\//);
    expect(result.after).toEqual([]);
  });

  it('refuses a bad --port or --max-size with one line and exit 2', async () => {
    const { cli } = await import('../helpers.js');
    for (const args of [
      ['--port', 'eighty'],
      ['--port', '70000'],
      ['--max-size', 'huge'],
    ]) {
      const result = await cli(['serve', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
