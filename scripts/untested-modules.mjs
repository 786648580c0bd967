// Source files that no file under test/ imports directly: where a table of cases is still missing.
// Usage: node scripts/untested-modules.mjs [--count]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function files(dir, ending) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path, ending) : entry.name.endsWith(ending) ? [path] : [];
  });
}

const sources = files(join(ROOT, 'src'), '.ts').map((path) => relative(ROOT, path));
const imported = new Set();
for (const test of files(join(ROOT, 'test'), '.ts')) {
  const text = readFileSync(test, 'utf8');
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
    const target = relative(ROOT, resolve(dirname(test), match[1])).replace(/\.js$/, '.ts');
    imported.add(target);
  }
}
const untested = sources.filter((source) => !imported.has(source)).sort();
if (process.argv.includes('--count')) {
  console.log(`${sources.length - untested.length} of ${sources.length} source files are imported by a test; ${untested.length} are not`);
} else {
  for (const source of untested) console.log(source);
}
