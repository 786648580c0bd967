// The sessions of conform serve: capped, the least recently used idle one going first with its files;
// unused for the idle time, gone; a session with a check under way is never dropped.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Check } from '../../src/serve/check.js';
import { Busy, Sessions } from '../../src/serve/sessions.js';

describe('serve sessions', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  function sessions(limit: number, idleMs: number, clock: { now: number }) {
    const root = mkdtempSync(join(tmpdir(), 'conform-sessions-'));
    roots.push(root);
    return new Sessions(root, limit, idleMs, () => clock.now);
  }

  function finishedCheck(folder: string, name: string): Check {
    const check = new Check(folder, name);
    check.state = 'done';
    return check;
  }

  it('drops the least recently used idle session past the cap, with its files', () => {
    const clock = { now: 0 };
    const store = sessions(2, 60_000, clock);
    const first = store.open();
    const firstCheck = store.begin(first, (folder) => finishedCheck(folder, 'a.csv'));
    clock.now = 10;
    const second = store.open();
    clock.now = 20;
    store.byToken(first.token);
    store.open();
    expect(store.byToken(second.token)).toBeUndefined();
    expect(store.byToken(first.token)).toBe(first);
    expect(existsSync(firstCheck.folder)).toBe(true);
  });

  it('drops sessions unused for the idle time, never one with a check under way', () => {
    const clock = { now: 0 };
    const store = sessions(10, 1000, clock);
    const idle = store.open();
    const idleCheck = store.begin(idle, (folder) => finishedCheck(folder, 'a.csv'));
    const busy = store.open();
    const running = store.begin(busy, (folder) => new Check(folder, 'b.csv'));
    expect(() => store.begin(busy, (folder) => new Check(folder, 'c.csv'))).toThrow(Busy);
    clock.now = 5000;
    store.sweep();
    expect(store.byToken(idle.token)).toBeUndefined();
    expect(existsSync(idleCheck.folder)).toBe(false);
    expect(store.check(idleCheck.id)).toBeUndefined();
    expect(store.byToken(busy.token)).toBe(busy);
    expect(store.check(running.id)).toBe(running);
  });
});
