// The server's routes, on Hono. Every request is first checked for a Host header naming this server
// (DNS rebinding); every POST for the page's Origin and the tab's token (cross-site requests); every
// answer carries a strict Content-Security-Policy and the headers beside it. No path from the browser
// ever names a file: checks are found by a random id, and their files by fixed names in their folder.
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { Registry } from '../standards/registry.js';
import { Check } from './check.js';
import { count } from '../formatters/where.js';
import { attachment, repairNames, reportDownload } from './downloads.js';
import { crossSite, hostAllowed, NOTHING, sameOrigin, securityHeaders, type Listening } from './guard.js';
import { sizeText } from './options.js';
import { PAGE_POLICY, uploadPage } from './page.js';
import { resultPage } from './result-page.js';
import { Busy, Sessions } from './sessions.js';
import { Interrupted, receiveUpload, TooLarge } from './upload.js';

export interface AppOptions {
  listening: Listening;
  sessions: Sessions;
  maxBytes: number;
  /** Where counts are logged (never names or values). */
  log: (line: string) => void;
}

type Env = { Bindings: HttpBindings };

export function createApp(options: AppOptions) {
  const { sessions, maxBytes, listening, log } = options;
  const registry = new Registry();
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    if (!hostAllowed(c.req.header('host'), listening)) {
      log('refused a request whose Host header names another server');
      return finish(c.text('This server answers only to its own address on this computer.', 421), NOTHING);
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'POST') return finish(c.text('Not allowed', 405), NOTHING);
    if (c.req.method === 'POST') {
      const site = { origin: c.req.header('origin'), host: c.req.header('host'), fetchSite: c.req.header('sec-fetch-site') };
      if (!sameOrigin(site)) {
        log('refused a POST from another site');
        return finish(c.json({ message: 'This request did not come from the conform page' }, 403), NOTHING);
      }
    } else if (c.req.path !== '/' && crossSite(c.req.header('sec-fetch-site'))) {
      log('refused a request from another site');
      return finish(c.text('Not from another site', 403), NOTHING);
    }
    await next();
    finish(c.res, NOTHING);
  });

  app.get('/', (c) => {
    const done = c.req.query('done');
    const previous = done ? sessions.check(done) : undefined;
    if (previous?.finished) sessions.discard(previous);
    const session = sessions.open();
    return finish(c.html(uploadPage(session.token, registry.list(), maxBytes)), PAGE_POLICY);
  });

  app.post('/checks', async (c) => {
    const session = sessions.byToken(c.req.header('x-conform-token'));
    if (!session) return c.json({ message: 'This page has expired: reload it and choose the file again' }, 403);
    const standard = c.req.query('standard') ?? 'auto';
    if (standard !== 'auto' && !registry.find(standard)) return c.json({ message: 'Choose a standard from the list' }, 400);
    const declared = Number(c.req.header('content-length'));
    if (declared > maxBytes) return tooLarge(c);
    let check: Check;
    try {
      check = sessions.begin(session, (folder) => new Check(folder, fileName(c.req.header('x-file-name'))));
    } catch (error) {
      if (error instanceof Busy) return c.json({ message: error.message }, 409);
      throw error;
    }
    try {
      check.size = await receiveUpload(c.env.incoming, check.upload, maxBytes);
    } catch (error) {
      sessions.discard(check);
      check.state = 'failed';
      if (error instanceof TooLarge) return tooLarge(c);
      if (error instanceof Interrupted) return c.json({ message: error.message }, 400);
      throw error;
    }
    void check.run(standard).then(() => log(summaryLine(check)));
    return c.json({ id: check.id }, 202);
  });

  app.get('/checks/:id/status', (c) => {
    const check = sessions.check(c.req.param('id'));
    if (!check) return c.json({ message: 'This check is no longer here: check the file again' }, 404);
    return c.json({ state: check.state, size: check.size, bytes: check.bytes, rows: check.rows, ...(check.problem ? { message: check.problem } : {}) });
  });

  app.get('/checks/:id/', (c) => {
    const check = sessions.check(c.req.param('id'));
    if (!check?.report) return c.text('This check is no longer here (or not finished): go back and check the file again.', 404);
    const page = resultPage(check);
    return finish(c.html(page.html), page.policy);
  });

  app.get('/checks/:id/report/:format', (c) => {
    const check = sessions.check(c.req.param('id'));
    const download = check?.report && reportDownload(check.report, check.located ?? check.report, check.shown, c.req.param('format'));
    if (!download) return c.text('No such report', 404);
    return c.body(download.body, 200, { 'Content-Type': download.type, 'Content-Disposition': attachment(download.filename) });
  });

  for (const [route, which] of [
    ['fixed', 'output'],
    ['changes', 'log'],
  ] as const) {
    app.get(`/checks/:id/${route}`, (c) => {
      const check = sessions.check(c.req.param('id'));
      const repair = check?.repair;
      if (!check || !repair) return c.text('No repaired copy', 404);
      const path = repair[which];
      const names = repairNames(check.shown);
      const stream = Readable.toWeb(createReadStream(path)) as ReadableStream;
      return c.body(stream, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Length': String(statSync(path).size),
        'Content-Disposition': attachment(which === 'output' ? names.fixed : names.log),
      });
    });
  }

  app.notFound((c) => c.text('Not found', 404));
  app.onError((error, c) => {
    log('a request failed unexpectedly');
    if (process.env.CONFORM_DEBUG) process.stderr.write(`${error.stack ?? error}\n`);
    return finish(c.text('conform could not answer this request', 500), NOTHING);
  });

  function tooLarge(c: Context<Env>) {
    log('refused a file over the size limit');
    c.header('Connection', 'close');
    return c.json({ message: `The file is larger than ${sizeText(maxBytes)}, the most this server takes (start it with --max-size to allow more)` }, 413);
  }

  return app;
}

/** The headers every answer carries, with `policy` unless the answer has one already. */
function finish(response: Response, policy: string): Response {
  const csp = response.headers.get('Content-Security-Policy');
  for (const [name, value] of Object.entries(securityHeaders(policy))) {
    if (name === 'Content-Security-Policy' && csp) continue;
    response.headers.set(name, value);
  }
  return response;
}

/** The name the browser gave the file: shown in the report, never a path (folders dropped, at most 255 characters). */
function fileName(header: string | undefined): string {
  let name = '';
  try {
    name = decodeURIComponent(header ?? '');
  } catch {
    name = '';
  }
  name = name
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .slice(0, 255);
  return name.trim() || 'uploaded file';
}

/** The one line a finished check leaves in the log: counts only. */
function summaryLine(check: Check): string {
  const seconds = ((performance.now() - check.started) / 1000).toFixed(1);
  if (!check.report) return `a check could not be done (${seconds} s)`;
  const s = check.report.summary;
  const repaired = check.repair ? `; repaired copy with ${count(check.repair.changes, 'change')}` : '';
  return `checked a file of ${count(check.size, 'byte')}: ${count(s.rows, 'row')}, ${check.report.passed ? 'passed' : 'failed'} with ${count(s.errors, 'error')} and ${count(s.warnings, 'warning')}${repaired} (${seconds} s)`;
}
