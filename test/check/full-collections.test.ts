// Full collections at a steady pace while a big file is checked (see full-collections.ts): without the
// --expose-gc flag, and without exposing `gc` to the program.
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { allowFullCollections, collectEvery } from '../../src/check/full-collections.js';

function fullCollectionsDuring(run: () => void): Promise<number> {
  return new Promise((resolve) => {
    const seen: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
    observer.observe({ entryTypes: ['gc'] });
    run();
    // Entries are delivered after the current task.
    setTimeout(() => {
      observer.disconnect();
      resolve(seen.filter((e) => (e as PerformanceEntry & { detail?: { kind: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR).length);
    }, 50);
  });
}

describe('full collections at a steady pace', () => {
  it('runs none in a program that did not ask (the library leaves its host alone)', async () => {
    delete process.env.CONFORM_FULL_COLLECTIONS;
    const note = collectEvery(1000);
    expect(await fullCollectionsDuring(() => note(5000))).toBe(0);
  });

  it('runs one once the work between collections is done, and none before', async () => {
    allowFullCollections();
    const note = collectEvery(1000);
    expect(await fullCollectionsDuring(() => note(999))).toBe(0);
    expect(await fullCollectionsDuring(() => note(1))).toBeGreaterThanOrEqual(1);
  });

  it('leaves `gc` unexposed to the program', () => {
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
  });
});
