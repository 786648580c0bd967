// The naive NDJSON loop: read lines, JSON.parse each, validate with one ajv 2020-12 validator.
// Usage: node naive-ndjson.mjs FILE SCHEMA
import fs from 'node:fs';
import { createRequire } from 'node:module';
import readline from 'node:readline';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const [file, schemaFile] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
for (const key of Object.keys(schema)) if (key.startsWith('x-')) delete schema[key];
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

let rows = 0;
let invalid = 0;
for await (const line of readline.createInterface({ input: fs.createReadStream(file, { highWaterMark: 1 << 16 }), crlfDelay: Infinity })) {
  if (!line) continue;
  rows++;
  if (!validate(JSON.parse(line))) invalid++;
}
console.log(JSON.stringify({ tool: 'JSON.parse + ajv (naive)', rows, invalid }));
