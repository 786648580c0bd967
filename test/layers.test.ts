// The layers of .dependency-cruiser.cjs hold: the engine in src/check/ touches no files or threads and
// calls nothing above it, and parsers, standards, repairs and reports do not depend on the engine.
import { createRequire } from 'node:module';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('layers', () => {
  it('every import keeps to its layer', async () => {
    const config = createRequire(import.meta.url)(`${ROOT}/.dependency-cruiser.cjs`) as IConfiguration;
    const result = await cruise(['src'], { ...config.options, ruleSet: config, validate: true, baseDir: ROOT });
    const output = result.output as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
    expect(output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });
});
