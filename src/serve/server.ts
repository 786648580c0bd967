// Starting and stopping the server: a private temporary folder for the checks (mode 0700, under the
// system's temporary folder), the app listening on one address, and on close every session's files gone.
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { createAdaptorServer } from '@hono/node-server';
import { ConformError } from '../errors.js';
import { holdTemporary, releaseTemporary } from '../io/cleanup.js';
import { createApp } from './app.js';
import { privateFolder, Sessions } from './sessions.js';

export interface ServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  maxBytes: number;
  log?: (line: string) => void;
}

export interface RunningServer {
  /** The address to open, e.g. http://127.0.0.1:8080/ */
  url: string;
  port: number;
  /** The private temporary folder. */
  folder: string;
  /** Stop listening and remove every file of every check. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const folder = privateFolder(tmpdir(), 'conform-serve-');
  // An interrupt (Ctrl-C, SIGTERM) removes the folder with the run's other temporaries.
  holdTemporary(folder);
  const sessions = new Sessions(folder);
  const listening = { host: options.host, port: options.port };
  const app = createApp({ listening, sessions, maxBytes: options.maxBytes, log: options.log ?? (() => undefined) });
  const server = createAdaptorServer({ fetch: app.fetch, hostname: options.host });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    sessions.closeAll();
    releaseTemporary(folder);
    throw listenError(error as NodeJS.ErrnoException, options);
  }
  const port = (server.address() as AddressInfo).port;
  listening.port = port;
  const sweep = setInterval(() => sessions.sweep(), 60_000);
  sweep.unref();
  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost(options.host)}:${port}/`,
    port,
    folder,
    close() {
      closed ??= new Promise<void>((resolve) => {
        clearInterval(sweep);
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        sessions.closeAll();
        releaseTemporary(folder);
      });
      return closed;
    },
  };
}

/** The host as a browser is to be sent to: a wildcard address is reached through the loopback one. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function listenError(error: NodeJS.ErrnoException, options: ServerOptions): Error {
  if (error.code === 'EADDRINUSE') return new ConformError(`Port ${options.port} is in use on ${options.host}: choose another with --port (0 picks a free one)`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') return new ConformError(`Cannot listen on ${options.host}: it is not an address of this computer`);
  if (error.code === 'EACCES') return new ConformError(`Not allowed to listen on port ${options.port}: choose one above 1023 with --port`);
  return new ConformError(`Cannot start the server: ${error.message}`);
}
