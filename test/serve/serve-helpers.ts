// Talking to a `conform serve` server in tests as a browser would, with node:http so that any Host,
// Origin or Sec-Fetch-Site header can be sent (fetch would refuse to set Host).
import { request as httpRequest } from 'node:http';
import { startServer, type RunningServer } from '../../src/serve/server.js';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

export interface Sent {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string | AsyncIterable<Buffer>;
}

export function send(server: RunningServer, sent: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, method: sent.method ?? 'GET', path: sent.path, headers: { host: `127.0.0.1:${server.port}`, ...sent.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const body = sent.body;
    if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) req.end(body);
    else {
      (async () => {
        for await (const chunk of body) if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
        req.end();
      })().catch(() => req.destroy());
    }
  });
}

/** What the page gives a tab: its token, and the headers its POSTs carry. */
export async function openPage(server: RunningServer): Promise<{ token: string; headers: Record<string, string> }> {
  const page = await send(server, { path: '/' });
  const token = /data-token="([0-9a-f]+)"/.exec(page.text)![1]!;
  return { token, headers: { origin: `http://127.0.0.1:${server.port}`, 'sec-fetch-site': 'same-origin', 'x-conform-token': token } };
}

export async function upload(
  server: RunningServer,
  tab: { headers: Record<string, string> },
  name: string,
  body: Sent['body'],
  standard = 'auto',
  extra: Record<string, string> = {},
): Promise<Answer> {
  return send(server, {
    method: 'POST',
    path: `/checks?standard=${encodeURIComponent(standard)}`,
    headers: { ...tab.headers, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), ...extra },
    body,
  });
}

/** The check's status once it has finished. */
export async function finished(server: RunningServer, id: string): Promise<{ state: string; rows: number; message?: string }> {
  for (;;) {
    const status = JSON.parse((await send(server, { path: `/checks/${id}/status` })).text);
    if (status.state === 'done' || status.state === 'failed') return status;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function start(options: { maxBytes?: number } = {}): Promise<RunningServer> {
  return startServer({ host: '127.0.0.1', port: 0, maxBytes: options.maxBytes ?? 1024 ** 3 });
}
