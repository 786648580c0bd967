// Behaviour kept byte for byte: every report format, exit code and `fix` output for the bundled example,
// the real files in test/real and (where it is beside the project) the shared corpus, against the digests
// stored in report-digests.json. A change that alters a report on purpose stores new digests with
// `npm run build && node scripts/report-digests.mjs --write`, and says why in its commit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script, without type declarations
import { allDigests, differences } from '../../scripts/report-digests.mjs';
import { hasCorpus } from '../helpers.js';

const stored = JSON.parse(readFileSync(new URL('./report-digests.json', import.meta.url), 'utf8')) as Record<string, Record<string, string>>;

describe('reports and fixes as stored', () => {
  if (!hasCorpus) console.log('Shared corpus not found beside the project: corpus reports not compared.');
  it('gives the same bytes for every input and format', async () => {
    const fresh = (await allDigests()) as Record<string, Record<string, string>>;
    expect(differences(stored, fresh)).toEqual([]);
  }, 300_000);
});
