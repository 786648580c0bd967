import type { Formatter } from './formatter.js';

/** The contract's report, version 1. */
export const json: Formatter = (report) => JSON.stringify(report, null, 2) + '\n';
