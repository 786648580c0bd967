// An upload written, as it arrives, to a file in the check's private folder: never held whole in memory,
// and stopped as soon as it passes the size limit (the part written is removed with the folder).
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

export class TooLarge extends Error {
  constructor(readonly limit: number) {
    super('The file is larger than the server accepts');
  }
}

export class Interrupted extends Error {
  constructor() {
    super('The upload stopped before the whole file arrived');
  }
}

/** Write `body` to `path` (a new file, readable by this user only) and resolve with its size in bytes. */
export function receiveUpload(body: Readable, path: string, limit: number, onBytes?: (bytes: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    let bytes = 0;
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      body.off('data', onData);
      if (!error) return resolve(bytes);
      // The rest of the body is left unread: the server answers, then closes the connection.
      body.pause();
      out.destroy();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) return finish(new TooLarge(limit));
      onBytes?.(bytes);
      if (!out.write(chunk)) {
        body.pause();
        out.once('drain', () => body.resume());
      }
    };
    body.on('data', onData);
    body.once('end', () => {
      if (settled) return;
      out.end(() => finish());
    });
    body.once('aborted', () => finish(new Interrupted()));
    body.once('error', () => finish(new Interrupted()));
    body.once('close', () => {
      if (!(body as { complete?: boolean }).complete) finish(new Interrupted());
    });
    out.once('error', (error) => finish(error));
  });
}
