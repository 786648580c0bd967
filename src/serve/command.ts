// `conform serve`: the check as a local web page, for people who do not use a terminal. It listens on
// 127.0.0.1 only unless --host names another address (said on stderr: then the network can reach it),
// prints the address, opens it with --open, and runs until stopped (Ctrl-C), when its files go.
import type { Io } from '../io/io.js';
import { isLoopback, serveSettings, sizeText, type ServeFlags } from './options.js';
import { startServer } from './server.js';

export async function serveCommand(flags: ServeFlags, io: Io): Promise<number> {
  const settings = serveSettings(flags);
  if (!isLoopback(settings.host)) {
    io.stderr.write(
      `conform serve: warning: listening on ${settings.host}, so other computers on the network can open this page and send files to it; use the default (127.0.0.1) unless that is what you want\n`,
    );
  }
  const server = await startServer({
    host: settings.host,
    port: settings.port,
    maxBytes: settings.maxBytes,
    log: (line) => io.stderr.write(`conform serve: ${line}\n`),
  });
  io.stdout.write(`conform serve: open ${server.url} in a browser to check a file (up to ${sizeText(settings.maxBytes)}). Files stay on this computer. Press Ctrl-C to stop.\n`);
  if (settings.open) await openBrowser(server.url, io);
  // Runs until the process is stopped; the interrupt handler removes the server's folder.
  await new Promise<never>(() => undefined);
  return 0;
}

/** The default browser, if there is one; none (a server, a container) is no failure. */
async function openBrowser(url: string, io: Io): Promise<void> {
  try {
    const { default: open } = await import('open');
    const child = await open(url);
    child.once('error', () => io.stderr.write(`conform serve: could not open a browser; open ${url} yourself\n`));
  } catch {
    io.stderr.write(`conform serve: could not open a browser; open ${url} yourself\n`);
  }
}
