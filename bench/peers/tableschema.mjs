// Frictionless tableschema-js: Table.load(csv, {schema}) then iter({keyed, cast, forceCast}); rows that
// fail come back as errors instead of stopping the run, and are counted.
// Usage: node tableschema.mjs FILE TABLESCHEMA
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Table } = require('tableschema');

const [file, schemaFile] = process.argv.slice(2);
const table = await Table.load(file, { schema: JSON.parse(fs.readFileSync(schemaFile, 'utf8')) });
let rows = 0;
let invalid = 0;
for await (const row of await table.iter({ keyed: true, cast: true, forceCast: true })) {
  rows++;
  if (row instanceof Error) invalid++;
}
console.log(JSON.stringify({ tool: 'tableschema-js', rows, invalid }));
