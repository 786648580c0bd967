// A config decides what "valid" means, and a standards folder what a standard's id means: neither may be
// slipped in from outside the user's own files without the user hearing of it.
import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverConfig } from '../../src/config/discover.js';
import { cli, scratch } from '../helpers.js';

/** A config that lets everything pass: what a stranger would plant above someone's data. */
const PERMISSIVE = 'failOn: never\n';
const FAILING = 'Amount\nnot-a-number\n';

describe('config discovery', () => {
  it('stops at the repository root: a config above the folder holding .git is not obeyed', async () => {
    const outer = scratch({ 'conform.config.yaml': PERMISSIVE });
    mkdirSync(join(outer, 'repo/.git'), { recursive: true });
    mkdirSync(join(outer, 'repo/data'));
    writeFileSync(join(outer, 'repo/data/spend.csv'), FAILING);
    expect(discoverConfig(join(outer, 'repo/data'))).toBeUndefined();
    const result = await cli(['validate', 'spend.csv', '-s', 'spend-over-500'], { cwd: join(outer, 'repo/data') });
    expect(result.code).toBe(1);
    // The repository's own config is still found from any folder inside it.
    writeFileSync(join(outer, 'repo/conform.config.yaml'), PERMISSIVE);
    expect(discoverConfig(join(outer, 'repo/data'))).toBe(join(outer, 'repo/conform.config.yaml'));
  });

  it("stops at the user's home folder", () => {
    const outer = scratch({ 'conform.config.yaml': PERMISSIVE });
    mkdirSync(join(outer, 'home/me/data'), { recursive: true });
    expect(discoverConfig(join(outer, 'home/me/data'), { home: join(outer, 'home/me') })).toBeUndefined();
    expect(discoverConfig(join(outer, 'home/me/data'), { home: join(outer, 'elsewhere') })).toBe(join(outer, 'conform.config.yaml'));
  });

  it("passes over a config owned by another user, with a one-line note, and obeys the user's own and root's", async () => {
    const dir = scratch({ 'conform.config.yaml': PERMISSIVE, 'spend.csv': FAILING });
    const config = join(dir, 'conform.config.yaml');
    const notes: string[] = [];
    const mine = process.getuid?.() ?? 0;
    // Owned by this user (or root): obeyed.
    expect(discoverConfig(dir, { uid: mine, note: (n) => notes.push(n) })).toBe(config);
    // Seen as another user would see it: passed over with a note.
    expect(discoverConfig(dir, { uid: mine + 4242, home: dir, note: (n) => notes.push(n) })).toBe(mine === 0 ? config : undefined);
    if (mine !== 0) expect(notes).toEqual([`ignoring the config file ${config}: it belongs to another user (uid ${mine}); pass --config ${config} to use it`]);

    // Through the command line, when the test can give the file away (it runs as root in CI).
    if (mine === 0) {
      chownSync(config, 65534, 65534);
      const result = await cli(['validate', 'spend.csv', '-s', 'spend-over-500'], { cwd: dir, env: { HOME: dir } });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`conform: note: ignoring the config file ${config}: it belongs to another user (uid 65534); pass --config ${config} to use it\n`);
      // Named with --config, it is the user's choice, and obeyed.
      expect((await cli(['validate', 'spend.csv', '-s', 'spend-over-500', '--config', 'conform.config.yaml'], { cwd: dir })).code).toBe(0);
    }
  });
});

describe("a standards folder that takes a bundled standard's id", () => {
  it('is warned about in one line naming both places', async () => {
    const dir = scratch({ 'spend.csv': FAILING });
    mkdirSync(join(dir, 'mine'));
    const lax = { $schema: 'http://json-schema.org/draft-07/schema#', 'x-standard': { id: 'spend-over-500', version: '9.0', title: 'Spend, anything goes' }, type: 'object' };
    writeFileSync(join(dir, 'mine/spend.json'), JSON.stringify(lax));
    for (const argv of [
      ['validate', 'spend.csv', '-s', 'spend-over-500', '--standards-dir', 'mine'],
      ['standards', 'list', '--standards-dir', 'mine'],
    ]) {
      const result = await cli(argv, { cwd: dir });
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(
          `^conform: warning: the standard "spend-over-500" in ${join(dir, 'mine/spend.json')} takes the place of the bundled one \\(.*schemas/spend-over-500/.*\\.json\\)`,
        ),
      );
    }
    // The same through a config's `standards:`.
    writeFileSync(join(dir, 'conform.config.yaml'), 'standards: [mine]\n');
    expect((await cli(['validate', 'spend.csv', '-s', 'spend-over-500'], { cwd: dir })).stderr).toMatch(
      /^conform: warning: the standard "spend-over-500" in .* takes the place of the bundled one/,
    );
    // A standards folder with ids of its own says nothing.
    lax['x-standard'].id = 'my-spend';
    writeFileSync(join(dir, 'mine/spend.json'), JSON.stringify(lax));
    expect((await cli(['validate', 'spend.csv', '-s', 'spend-over-500', '--standards-dir', 'mine'], { cwd: dir })).stderr).toBe('');
  });
});
