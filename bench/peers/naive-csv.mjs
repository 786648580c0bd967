// The naive pipeline most people would write: csv-parse (streaming, one object per row) → drop empty cells
// (empty = missing) → one ajv 2020-12 validator with formats and type coercion → count invalid rows.
// Usage: node naive-csv.mjs FILE SCHEMA
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const [file, schemaFile] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
for (const key of Object.keys(schema)) if (key.startsWith('x-')) delete schema[key];
const ajv = new Ajv2020({ allErrors: true, coerceTypes: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

let rows = 0;
let invalid = 0;
for await (const record of fs.createReadStream(file, { highWaterMark: 1 << 16 }).pipe(parse({ columns: true }))) {
  rows++;
  for (const k in record) if (record[k] === '') delete record[k];
  if (!validate(record)) invalid++;
}
console.log(JSON.stringify({ tool: 'csv-parse + ajv (naive)', rows, invalid }));
