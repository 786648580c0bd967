// What an interrupt removes: temporaries held, and those a worker thread made whose news has not arrived;
// and once it has swept, no thread can make another. (This file closes its process's gate, so it stands
// alone: vitest runs each test file in its own process.)
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createTemporary, expectTemporaries, holdTemporary, joinGate, removeTemporaries, sharedGate } from '../../src/io/cleanup.js';

describe('removing temporaries on an interrupt', () => {
  it('removes what is held and what is expected, and lets nothing be created afterwards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conform-cleanup-'));
    const held = join(dir, '.report.json.tmp-1');
    createTemporary(() => {
      holdTemporary(held);
      writeFileSync(held, 'half');
    });
    // Made by another thread, which has not yet said so; and a file of the user's beside it.
    writeFileSync(join(dir, `.rows.csv.tmp-${process.pid}-abcd`), 'half');
    writeFileSync(join(dir, 'rows.csv'), 'the user’s');
    expectTemporaries(join(dir, `.rows.csv.tmp-${process.pid}-`));

    // A thread in the middle of creating one holds the gate; the sweep waits for it.
    const gate = new Int32Array(sharedGate());
    const creator = new Worker(
      `const { workerData } = require('node:worker_threads');
       const gate = new Int32Array(workerData.gate);
       Atomics.store(gate, 0, 1);
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
       require('node:fs').writeFileSync(workerData.path, 'late');
       Atomics.store(gate, 0, 0);
       Atomics.notify(gate, 0);`,
      { eval: true, workerData: { gate: sharedGate(), path: join(dir, `.rows.csv.tmp-${process.pid}-late`) } },
    );
    while (Atomics.load(gate, 0) !== 1) await new Promise((r) => setTimeout(r, 1));
    removeTemporaries();
    await new Promise((r) => creator.on('exit', r));

    expect(readdirSync(dir)).toEqual(['rows.csv']);
    expect(() => createTemporary(() => writeFileSync(join(dir, 'after'), ''))).toThrow(/interrupted/);
    expect(existsSync(join(dir, 'after'))).toBe(false);
  });

  it('does not hang when a thread died while creating one', () => {
    const stuck = new Int32Array(new SharedArrayBuffer(4));
    stuck[0] = 1; // creating, and never to finish
    joinGate(stuck.buffer as SharedArrayBuffer);
    const started = Date.now();
    removeTemporaries();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(() => createTemporary(() => 0)).toThrow(/interrupted/);
  });
});

describe('what an interrupt says it left', () => {
  it('names what it removed, what it could not, and the outputs already written whole', async () => {
    const { describeSweep } = await import('../../src/io/cleanup.js');
    expect(describeSweep('SIGTERM', { removed: [], failed: [], written: [] })).toBe('conform: stopped (SIGTERM); nothing was left half-written; no output was written');
    expect(describeSweep('SIGINT', { removed: ['a', 'b'], failed: [], written: ['out.csv'] })).toBe(
      'conform: stopped (SIGINT); removed 2 unfinished files, so none is left half-written; already written whole: out.csv',
    );
    expect(describeSweep('SIGTERM', { removed: ['a'], failed: [{ path: '/x/.r.tmp-1', reason: 'EACCES' }], written: ['1', '2', '3', '4', '5'] })).toBe(
      'conform: stopped (SIGTERM); removed 1 unfinished file; could not remove /x/.r.tmp-1 (EACCES): delete it by hand; already written whole: 1, 2, 3 and 2 more',
    );
  });
});
