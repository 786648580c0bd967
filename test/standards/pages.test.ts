// The pages in docs/standards are made from the bundled schemas by `npm run pages`; this fails when a
// page no longer says what its schema says (a schema changed and its page was not made again).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES_DIR, standardPages } from '../../src/commands/standard-pages.js';
import { cli, ROOT } from '../helpers.js';

const dir = join(ROOT, PAGES_DIR);

describe('standard pages', async () => {
  const pages = await standardPages();

  it('there is a page for every bundled standard and an index, and no other', () => {
    const onDisk = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.md'))
          .sort()
      : [];
    expect(onDisk).toEqual(pages.map((p) => p.file).sort());
  });

  for (const page of pages) {
    it(`${PAGES_DIR}/${page.file} matches its schema (npm run pages makes it again)`, () => {
      expect(readFileSync(join(dir, page.file), 'utf8')).toBe(page.text);
    });
  }

  it('a page is what standards show --format markdown prints, less the version line', async () => {
    const { stdout, code } = await cli(['standards', 'show', 'tree', '--format', 'markdown']);
    expect(code).toBe(0);
    const page = pages.find((p) => p.file === 'tree.md')!.text;
    const body = (text: string) =>
      text
        .split('\n')
        .filter((l) => !l.startsWith('_'))
        .join('\n');
    expect(body(stdout)).toBe(body(page));
    expect(page).toContain('| `geometry` | optional |');
    expect(page).toContain('## Notes');
    // Its sources, with the specification's date, linked.
    expect(page).toContain('## Sources');
    expect(page).toMatch(
      /- \[Tree preservation order specification [^\]]*\]\(https:\/\/digital-land\.github\.io\/specification\/specification\/tree-preservation-order\/\), dated 2026-08-14/,
    );
  });
});
