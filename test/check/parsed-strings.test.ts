// After every 64 MB of parsed JSON text, a full collection frees the short strings JSON.parse left in the
// old generation (see parsed-strings.ts): without the --expose-gc flag, and without exposing `gc` here.
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { noteParsed, TEXT_BETWEEN } from '../../src/check/parsed-strings.js';

function fullCollectionsDuring(run: () => void): Promise<number> {
  return new Promise((resolve) => {
    const seen: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
    observer.observe({ entryTypes: ['gc'] });
    run();
    // Entries are delivered after the current task.
    setTimeout(() => {
      observer.disconnect();
      resolve(seen.filter((e) => (e.detail as { kind: number }).kind === constants.NODE_PERFORMANCE_GC_MAJOR).length);
    }, 50);
  });
}

describe('collecting the strings JSON.parse leaves behind', () => {
  it('runs a full collection once 64 MB of text has been parsed', async () => {
    expect(await fullCollectionsDuring(() => noteParsed(TEXT_BETWEEN))).toBeGreaterThanOrEqual(1);
  });

  it('leaves `gc` unexposed to the program', () => {
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
  });
});
