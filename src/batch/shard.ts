// Spreading one run over several machines: `--shard k/n` checks every n-th file of the run's list,
// starting with the k-th. The list is the same on every machine (arguments in order, folders and patterns
// sorted), so the shards never overlap, together cover every file, and `conform report merge` can put
// their reports back in the order a single run would have produced.
import { createHash } from 'node:crypto';
import { ConformError } from '../errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** More parts than any CI matrix has; a larger n is a mistake, and would only make empty shards. */
export const MAX_SHARDS = 10_000;

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new ConformError(`--shard takes k/n with 1 ≤ k ≤ n, such as --shard 2/4 (got "${text}")`);
  }
  if (count > MAX_SHARDS) throw new ConformError(`--shard takes at most ${MAX_SHARDS} parts (got "${text}")`);
  return { index, count };
}

/** The positions (0-based, in the whole run) of the files shard `shard` checks. */
export function shardPositions(total: number, shard: Shard): number[] {
  const positions: number[] = [];
  for (let i = shard.index - 1; i < total; i += shard.count) positions.push(i);
  return positions;
}

/**
 * CI variables that name one run of a pipeline, the same in each of its parallel jobs: shards made by
 * different runs of the same files (yesterday's and today's) then get different ids.
 */
const CI_RUN_VARIABLES = ['GITHUB_RUN_ID', 'GITHUB_SHA', 'CI_PIPELINE_ID', 'CI_COMMIT_SHA', 'BUILD_BUILDID', 'CIRCLE_WORKFLOW_ID', 'BUILDKITE_BUILD_ID'];

/**
 * The id written into every shard's report: a hash of what every machine of one run shares — the list of
 * files of the whole run (as shown), the --fail-on level, conform's version, n, and the CI run's own id
 * where there is one. `conform report merge` refuses shards whose ids differ.
 */
export function shardRunId(shown: string[], facts: { failOn: string; version: string; count: number }, env: Record<string, string | undefined>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ files: shown, ...facts, ci: CI_RUN_VARIABLES.map((name) => env[name] ?? '') }));
  return hash.digest('hex').slice(0, 32);
}
