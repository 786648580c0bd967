// The executable's entry: wire the real process to run() and set the exit code. Never process.exit(),
// so output is flushed; never a stack trace, unless CONFORM_DEBUG asks for one.
import type { Io } from './io/io.js';
import { describeSweep, removeTemporaries } from './io/cleanup.js';
import { run } from './run.js';
import { allowFullCollections } from './check/full-collections.js';

export async function main(): Promise<void> {
  // A reader that goes away (`conform … | head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  // Interrupted: remove half-written reports, row files and key runs, say what is left, then stop as
  // interrupted. The first signal gives both back their default action, so a second one (either) ends
  // the process at once, even while the cleanup or the exit is still under way.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      process.removeAllListeners('SIGINT');
      process.removeAllListeners('SIGTERM');
      process.stderr.write(`\n${describeSweep(signal, removeTemporaries())}\n`);
      process.exit(code);
    });
  }
  allowFullCollections();
  const io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
  try {
    process.exitCode = await run(process.argv.slice(2), io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`conform: unexpected failure: ${message}. This is a bug in conform; please report it with the command you ran.\n`);
    if (process.env.CONFORM_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    process.exitCode = 2;
  }
}
