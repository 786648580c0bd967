// The reference pages of the bundled standards: docs/standards/<id>.md for each (what
// `conform standards show <id> --format markdown` prints) and docs/standards/README.md, an index. They
// are made from the schemas by `npm run pages`, and a test fails when a page no longer matches its schema.
import { standardMarkdown } from './standards.js';
import { describeStandard } from './describe-standard.js';
import { Registry } from '../standards/registry.js';

export interface Page {
  /** The file name inside docs/standards. */
  file: string;
  text: string;
}

export const PAGES_DIR = 'docs/standards';

export async function standardPages(registry = new Registry()): Promise<Page[]> {
  const entries = registry.list().filter((e) => e.bundled);
  // The newest version of each id, as `conform standards show <id>` shows.
  const newest = entries.filter((e, i) => entries.findIndex((o) => o.id === e.id) === i);
  const pages: Page[] = [];
  for (const entry of newest) {
    const described = describeStandard(await registry.resolve(`${entry.id}@${entry.version}`));
    const footer = `_Made from schemas/${entry.id}/schema.json by \`npm run pages\`: edit the schema, not this page._`;
    pages.push({ file: `${entry.id}.md`, text: standardMarkdown(described, footer) });
  }
  const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
  const index = [
    '# Bundled standards',
    '',
    `conform comes with ${newest.length} standards. Each page lists the fields of one standard: whether each is required, its type,`,
    'the values and patterns it must match, the other column names it is read from, and what the standard does not check.',
    'The same page is printed by `conform standards show <id> --format markdown`.',
    '',
    '| Standard | Version | Title | Publisher |',
    '| --- | --- | --- | --- |',
    ...newest.map((e) => `| [${e.id}](${e.id}.md) | ${cell(e.version)} | ${cell(e.title)} | ${cell(e.publisher)} |`),
    '',
    '_Made from the bundled schemas by `npm run pages`._',
    '',
  ].join('\n');
  pages.push({ file: 'README.md', text: index });
  return pages;
}
