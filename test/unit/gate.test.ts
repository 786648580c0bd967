// The single pass/fail rule: a file fails when it has an issue at or above --fail-on.
import { describe, expect, it } from 'vitest';
import { passes } from '../../src/report/gate.js';
import type { FailOn } from '../../src/types.js';

describe('passes', () => {
  const none = { error: 0, warning: 0, info: 0 };
  const notes = { error: 0, warning: 0, info: 3 };
  const warnings = { error: 0, warning: 2, info: 0 };
  const errors = { error: 1, warning: 0, info: 0 };
  it.each([
    ['error', none, true],
    ['error', notes, true],
    ['error', warnings, true],
    ['error', errors, false],
    ['warning', notes, true],
    ['warning', warnings, false],
    ['warning', errors, false],
    ['info', none, true],
    ['info', notes, false],
    ['info', warnings, false],
    ['never', errors, true],
    ['never', { error: 9, warning: 9, info: 9 }, true],
  ] as Array<[FailOn, typeof none, boolean]>)('--fail-on %s with %j: %s', (failOn, counts, result) => {
    expect(passes(counts, failOn)).toBe(result);
  });
});
