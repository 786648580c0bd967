// Reading a config file: parse the YAML (or JSON) keeping each node's position, check it against the
// config's JSON Schema (schemas/config.schema.json, shipped with conform), and turn the first problem into
// one message that names the file, the line and the key. A bad config stops the run (exit 2).
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { editDistance } from '../standards/name-tokens.js';
import { ConformError } from '../errors.js';
import { CATALOG } from '../issues/catalog.js';
import { isKnownEncoding } from '../sources/text.js';
import type { CheckConfig, Config } from './config.js';

const require = createRequire(import.meta.url);
export const CONFIG_SCHEMA_PATH = new URL('../../schemas/config.schema.json', import.meta.url);

let compiled: ValidateFunction | undefined;

function configValidator(): ValidateFunction {
  if (!compiled) {
    const Ajv2020 = require('ajv/dist/2020').default;
    const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8'));
    compiled = new Ajv2020({ allErrors: true, strict: false, verbose: true }).compile(schema) as ValidateFunction;
  }
  return compiled;
}

type PathPart = string | number;

/** A located problem: thrown as "<file> line <n>: <message>". */
class ConfigProblem {
  constructor(
    readonly message: string,
    readonly path: PathPart[],
    /** Point at the key itself rather than its value. */
    readonly atKey = false,
  ) {}
}

/** `shown`: the file as the user named it, for messages. */
export function loadConfig(file: string, shown = file): Config {
  const path = resolve(file);
  let text: string;
  try {
    // A pipe or device (--config /dev/zero) would never end: only a regular file (or a folder, said below) is read.
    const stat = statSync(path);
    if (!stat.isFile() && !stat.isDirectory()) throw new ConformError(`Cannot read the config file ${shown}: it is not a regular file (it is a device, pipe or socket)`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof ConformError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConformError(`Cannot read the config file ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`);
  }
  const name = basename(path);
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    const line = lines.linePos(startOfUnclosedQuote(doc, error.pos[0]) ?? error.pos[0]).line;
    throw new ConformError(`${name} line ${line}: the file is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${firstSentence(error.message)}`, path);
  }
  const value = configValue(doc, name, path);
  const locate = (problem: ConfigProblem) => {
    const node = nodeAt(doc, problem.path, problem.atKey);
    const line = node?.range ? lines.linePos(node.range[0]).line : 1;
    return new ConformError(`${name} line ${line}: ${problem.message}`, path);
  };

  const validate = configValidator();
  if (!validate(value)) throw locate(explain(pickError(validate.errors!), value));
  const problem = checkMeaning(value as RawConfig);
  if (problem) throw locate(problem);

  const raw = value as RawConfig;
  const dir = dirname(path);
  const lineOf = (parts: PathPart[]) => {
    const node = nodeAt(doc, parts, false);
    return node?.range ? lines.linePos(node.range[0]).line : 1;
  };
  return {
    path,
    dir,
    standards: list(raw.standards).map((d) => resolve(dir, d)),
    failOn: raw.failOn,
    maxIssues: raw.maxIssues,
    jobs: raw.jobs,
    checks: (raw.checks ?? []).map((check, i): CheckConfig => ({
      ...check,
      ...(check.standard !== undefined ? { standard: standardSpec(check.standard, dir) } : {}),
      // A sheet may be given by number in YAML (sheet: 2); it is matched as text.
      ...(check.sheet !== undefined ? { sheet: String(check.sheet) } : {}),
      files: list(check.files),
      line: lineOf(['checks', i]),
      standardLine: check.standard !== undefined ? lineOf(['checks', i, 'standard']) : undefined,
      columnsLine: check.columns !== undefined ? lineOf(['checks', i, 'columns']) : undefined,
    })),
  };
}

/** Aliases a config may use; more is an alias bomb (a few lines that expand to billions of nodes). */
const MAX_CONFIG_ALIASES = 100;

function configValue(doc: Document, name: string, path: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_CONFIG_ALIASES }) ?? {};
  } catch (error) {
    if (!/alias/i.test((error as Error).message)) throw error;
    throw new ConformError(
      `${name}: the YAML uses aliases (*name) more than ${MAX_CONFIG_ALIASES} times over, which would expand to a huge config; write the settings out instead`,
      path,
    );
  }
}

/** A standard named by a path is found relative to `base`; ids (and `auto`) stay as they are. */
export function standardSpec(spec: string, base: string): string {
  return /\.json$/i.test(spec) || spec.includes('/') || spec.includes('\\') ? resolve(base, spec) : spec;
}

interface RawConfig {
  standards?: string | string[] | null;
  failOn?: Config['failOn'];
  maxIssues?: number;
  jobs?: number;
  checks?: Array<Omit<CheckConfig, 'files' | 'line'> & { files: string | string[] }> | null;
}

const list = (value: string | string[] | null | undefined): string[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/** What the schema cannot say: encodings conform can read, issue codes that exist. */
function checkMeaning(raw: RawConfig): ConfigProblem | undefined {
  for (const [i, check] of (raw.checks ?? []).entries()) {
    if (check.encoding !== undefined && check.encoding !== 'auto' && !isKnownEncoding(check.encoding)) {
      return new ConfigProblem(`checks[${i}].encoding "${check.encoding}" is not an encoding conform knows; try utf-8, windows-1252, utf-16le or utf-16be`, [
        'checks',
        i,
        'encoding',
      ]);
    }
    for (const code of Object.keys(check.severity ?? {})) {
      if (!Object.hasOwn(CATALOG, code)) {
        const near = closest(code, Object.keys(CATALOG));
        return new ConfigProblem(
          `checks[${i}].severity: "${code}" is not an issue code${near ? `; did you mean "${near}"?` : ' (codes are written like value-pattern, header-missing or row-length)'}`,
          ['checks', i, 'severity', code],
          true,
        );
      }
    }
  }
  return undefined;
}

/** The error to show: the deepest one, and of those the most specific. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const rank = (e: ErrorObject) => ['additionalProperties', 'required', 'enum', 'anyOf', 'minimum', 'minLength', 'minItems', 'type'].indexOf(e.keyword);
  const inBranch = (e: ErrorObject) => errors.some((other) => other.keyword === 'anyOf' && other !== e && e.schemaPath.startsWith(other.schemaPath.replace(/\/anyOf$/, '/anyOf/')));
  const candidates = errors.filter((e) => !inBranch(e));
  return candidates.sort((a, b) => depth(b) - depth(a) || rank(a) - rank(b))[0] ?? errors[0]!;
}

const depth = (e: ErrorObject) => (e.instancePath ? e.instancePath.split('/').length : 0);

function explain(error: ErrorObject, value: unknown): ConfigProblem {
  const path = pointerParts(error.instancePath);
  const key = describePath(path);
  const actual = valueAt(value, path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((error.parentSchema?.properties ?? {}) as object).filter((k) => k !== '$schema');
      const near = closest(extra, known);
      const where = key ? ` in ${key}` : '';
      return new ConfigProblem(
        `"${extra}" is not a setting conform knows${where}${near ? `; did you mean "${near}"?` : `; the settings are ${known.join(', ')}`}`,
        [...path, extra],
        true,
      );
    }
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return new ConfigProblem(`${key} needs "${missing}": the files the check applies to (a path, a folder or a glob pattern)`, path);
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
      return new ConfigProblem(`${key} must be one of ${allowed} (got ${JSON.stringify(actual)})`, path);
    }
    case 'anyOf': {
      const kinds = ((error.schema ?? []) as Array<{ type?: string }>).map((branch) => describeType(branch.type ?? ''));
      return new ConfigProblem(`${key} must be ${kinds.join(' or ')} (got ${describeValue(actual)})`, path);
    }
    case 'type':
      return new ConfigProblem(`${key} must be ${describeType(String((error.params as { type: string }).type))} (got ${describeValue(actual)})`, path);
    case 'minimum':
      return new ConfigProblem(`${key} must be ${(error.params as { limit: number }).limit} or more (got ${JSON.stringify(actual)})`, path);
    case 'minLength':
      return new ConfigProblem(`${key} must not be empty`, path);
    case 'minItems':
      return new ConfigProblem(`${key} must list at least one entry`, path);
    default:
      return new ConfigProblem(`${key || 'the config'} ${error.message ?? 'is not valid'}`, path);
  }
}

function describeType(type: string): string {
  return { string: 'text', array: 'a list', object: 'a set of names and values', integer: 'a whole number', number: 'a number', boolean: 'true or false' }[type] ?? type;
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of names and values';
  return JSON.stringify(value);
}

/** `checks[0].encoding` for ['checks', 0, 'encoding']. */
function describePath(path: PathPart[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function pointerParts(pointer: string): PathPart[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function valueAt(value: unknown, path: PathPart[]): unknown {
  let node = value;
  for (const part of path) node = node !== null && typeof node === 'object' ? (node as Record<PathPart, unknown>)[part] : undefined;
  return node;
}

/** The YAML node at `path` (or the key of its last step), for its position. */
function nodeAt(doc: Document, path: PathPart[], atKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = doc.contents ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) return found;
      if (atKey && i === path.length - 1) return pair.key as Node;
      node = pair.value;
      found = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      if (!node) return found;
      found = node as Node;
    } else return found;
  }
  return found;
}

/** A quoted text that runs to the end of the file was opened where its node starts: point there. */
function startOfUnclosedQuote(doc: Document, errorAt: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[1] >= errorAt && node.range[0] < errorAt) start = node.range[0];
    },
  });
  return start;
}

function closest(word: string, options: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const option of options) {
    const d = editDistance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, word.length / 3) ? best : undefined;
}

const firstSentence = (message: string) => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
