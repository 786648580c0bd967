// The single pass/fail rule: a file fails when it has an issue at or above --fail-on.
import type { FailOn, SeverityCounts } from '../types.js';

export function passes(counts: SeverityCounts, failOn: FailOn): boolean {
  switch (failOn) {
    case 'never':
      return true;
    case 'info':
      return counts.error + counts.warning + counts.info === 0;
    case 'warning':
      return counts.error + counts.warning === 0;
    case 'error':
      return counts.error === 0;
  }
}
