// Writes docs/standards/<id>.md for every bundled standard, and docs/standards/README.md, from the built
// code (run by `npm run pages`, which builds first). Pages of standards no longer bundled are removed.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGES_DIR, standardPages } from '../dist/commands/standard-pages.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, PAGES_DIR);
mkdirSync(dir, { recursive: true });
const pages = await standardPages();
const wanted = new Set(pages.map((p) => p.file));
for (const name of readdirSync(dir)) if (name.endsWith('.md') && !wanted.has(name)) rmSync(join(dir, name));
for (const page of pages) writeFileSync(join(dir, page.file), page.text);
console.log(`Wrote ${pages.length} pages to ${PAGES_DIR}`);
