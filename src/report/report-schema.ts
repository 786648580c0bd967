// conform's JSON report schema (schemas/report.schema.json, shipped with the tool), compiled once: what
// tells a report from data (a folder run leaves reports out) and what a shard must hold to be merged.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
const REPORT_SCHEMA_PATH = new URL('../../schemas/report.schema.json', import.meta.url);

let compiled: ValidateFunction | undefined;

function reportValidator(): ValidateFunction {
  if (!compiled) {
    const Ajv2020 = require('ajv/dist/2020').default;
    const schema = JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8'));
    compiled = new Ajv2020({ allErrors: false, strict: false, validateFormats: false }).compile(schema) as ValidateFunction;
  }
  return compiled;
}

/** The first way `value` is not a conform report ("at /files/0/counts/error: must be >= 0"), or undefined when it is one. */
export function reportProblem(value: unknown): string | undefined {
  const validate = reportValidator();
  if (validate(value)) return undefined;
  const error = validate.errors![0] as ErrorObject;
  return `at ${error.instancePath || '/'}: ${error.message}`;
}
