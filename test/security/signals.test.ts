// Stopping conform: an interrupted `fix` leaves none of its temporary copies and says truthfully what is
// left; a second SIGINT or SIGTERM ends the process at once, whatever the first one is still doing.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, scratch, signalWhenWriting } from '../helpers.js';
import { spendCsv } from '../batch/make-data.js';

const BIN = join(ROOT, 'bin', 'conform.js');

function ended(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }> {
  return new Promise((done) => child.on('exit', (code, signal) => done({ code, signal, at: Date.now() })));
}

describe.skipIf(process.platform === 'win32')('SIGTERM during conform fix', () => {
  it('removes the temporary copy and log, and says that no output was written', async () => {
    const dir = scratch({ 'in.csv': spendCsv(7, { rows: 300_000, badShare: 0.2 }).text });
    const child = spawn(process.execPath, [BIN, 'fix', 'in.csv', '-s', 'spend-over-500', '-o', 'fixed.csv'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const exit = ended(child);
    // Wait until the copy is being written, then stop the run.
    const seen = await signalWhenWriting(child, dir, 'SIGTERM', 30_000, 5);
    const { code } = await exit;
    expect(seen).toBe(true);
    if (code !== 143) {
      // On a busy machine the run can finish between the look and the signal: then its files are whole.
      expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
      return;
    }
    expect(readdirSync(dir)).toEqual(['in.csv']);
    expect(stderr).toMatch(/conform: stopped \(SIGTERM\); removed [12] unfinished files?, so none is left half-written; no output was written\n$/);
  });
});

describe.skipIf(process.platform === 'win32')('a second signal', () => {
  // The run reads standard input that never ends; a worker thread is made to look stuck creating a
  // temporary file, so the first signal's cleanup waits (its bound is 2 s) before it can exit.
  const script = (dir: string) => {
    const path = join(dir, 'stuck.mjs');
    writeFileSync(
      path,
      `import { main } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'cli.js')).href)};
       import { sharedGate } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'io', 'cleanup.js')).href)};
       process.argv = [process.argv[0], 'conform', 'validate', '-', '-s', ${JSON.stringify(join(FIXTURES, 'core', 'people.schema.json'))}, '--input-format', 'csv', '-f', 'json'];
       main();
       Atomics.store(new Int32Array(sharedGate()), 0, 1);
       process.stderr.write('ready\\n');`,
    );
    return path;
  };

  it.each([
    ['SIGINT', 'SIGTERM'],
    ['SIGTERM', 'SIGINT'],
    ['SIGINT', 'SIGINT'],
  ] as const)('%s then %s ends the process at once', async (first, second) => {
    const dir = scratch();
    const child = spawn(process.execPath, [script(dir)], { stdio: ['pipe', 'ignore', 'pipe'] });
    child.stdin!.write('id,name,joined\n1,Ann,2024-01-01\n');
    await new Promise<void>((ready) => child.stderr!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ready()));
    const exit = ended(child);
    child.kill(first);
    await new Promise((r) => setTimeout(r, 300));
    const sent = Date.now();
    child.kill(second);
    const { code, signal, at } = await exit;
    // Killed by the second signal itself (a shell shows 130 or 143), well before the first one's cleanup ends.
    expect({ code, signal }).toEqual({ code: null, signal: second });
    expect(at - sent).toBeLessThan(1000);
  });
});
