// ajv reports which keyword failed; this turns its errors into findings with an issue code and the words
// for what was expected. Alternatives (anyOf/oneOf) become one finding, not one per branch, and the
// branches of if/then/else say under which condition they apply. Each keyword's own error is explained
// by its entry in explain/keywords.ts.
import type { ErrorObject, SchemaObject } from 'ajv';
import type { Finding } from './explain/finding.js';
import { explainOne } from './explain/keywords.js';
import { fieldOf } from './explain/words.js';

export type { Finding, FindingCode } from './explain/finding.js';
export { enumPhrase, fieldOf, formatPhrase, typePhrase } from './explain/words.js';

const SPECIFIC = ['format', 'pattern', 'enum', 'const', 'type'];
const RECORD_KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'dependentRequired',
  'dependencies',
  'dependentSchemas',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'minProperties',
  'maxProperties',
]);

/**
 * Findings for a validator's errors. `recordLevel` marks errors about the record as a whole (found by the
 * record's own keywords) so they are reported as row rules.
 */
export function explainErrors(errors: ErrorObject[], options: { examples?: (path: string) => unknown[] } = {}): Finding[] {
  const findings: Finding[] = [];
  const consumed = new Set<ErrorObject>();
  // Alternatives come after the errors of their branches; fold each group into one finding.
  errors.forEach((error, index) => {
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') return;
    // A branch's errors come just before the alternative's own error, at or below the same value (the
    // same schema path recurs for every record of a document, so the value's path must match too).
    const prefix = error.schemaPath + '/';
    const within = error.instancePath + '/';
    const branches = errors
      .slice(0, index)
      .filter((e) => e.schemaPath.startsWith(prefix) && (e.instancePath === error.instancePath || e.instancePath.startsWith(within)) && !consumed.has(e));
    branches.forEach((e) => consumed.add(e));
    consumed.add(error);
    const finding = explainAlternatives(error, branches);
    if (isRecordRule(error)) {
      finding.detail = sentence(finding);
      finding.code = 'row-rule';
    }
    findings.push(finding);
  });
  // if/then/else: the branch's own errors carry the finding; the "if" error only names the condition.
  const conditions = new Map<string, string>();
  for (const error of errors) {
    if (error.keyword !== 'if') continue;
    consumed.add(error);
    const branch = (error.params as { failingKeyword: string }).failingKeyword;
    const condition = describeCondition((error.parentSchema as Record<string, unknown>)?.if, branch === 'else');
    conditions.set(error.schemaPath.replace(/\/if$/, `/${branch}/`), condition);
  }
  for (const error of errors) {
    if (consumed.has(error)) continue;
    // A name refused by propertyNames is said once, by the propertyNames error, not again by its reason.
    if ((error as ErrorObject & { propertyName?: string }).propertyName !== undefined) continue;
    const finding = explainOne(error, options.examples);
    for (const [prefix, condition] of conditions) {
      if (error.schemaPath.startsWith(prefix)) {
        finding.detail = `${condition}, ${sentence(finding)}`;
        finding.code = 'row-rule';
      }
    }
    if (finding.code !== 'row-rule' && isRecordRule(error)) {
      finding.detail = sentence(finding);
      finding.code = 'row-rule';
    }
    findings.push(finding);
  }
  return findings;
}

/** An error raised by one of the record's own combining keywords (not by a property's schema). */
function isRecordRule(error: ErrorObject): boolean {
  const parts = error.schemaPath.split('/');
  return parts.length > 1 && RECORD_KEYWORDS.has(parts[1]!) && error.instancePath.split('/').length <= 2;
}

function explainAlternatives(error: ErrorObject, branches: ErrorObject[]): Finding {
  const base = { path: error.instancePath, data: error.data, keyword: error.keyword };
  const passing = (error.params as { passingSchemas?: number[] | null }).passingSchemas;
  if (passing) return { ...base, code: 'value-invalid', detail: 'matches more than one of the allowed forms, but must match exactly one' };
  // "one of these fields is required": each branch failed only for want of one field.
  const missing = oneMissingFieldPerBranch(error, branches);
  if (missing) {
    const either = `${missing.slice(0, -1).join(', ')} or ${missing.at(-1)}`;
    return { ...base, code: 'value-invalid', data: undefined, detail: `needs at least one of ${either}, but has none of them`, hint: `give at least one of ${either}` };
  }
  const simple = branches.length > 0 && branches.every((b) => b.instancePath === error.instancePath && SPECIFIC.includes(b.keyword));
  if (simple) {
    const explained = branches.map((b) => explainOne(b));
    if (explained.every((f) => f.code === 'value-pattern')) {
      const patterns = branches.map((b) => String((b.params as { pattern: string }).pattern));
      return { ...base, code: 'value-pattern', expected: `match one of the patterns ${patterns.join(', ')}` };
    }
    // Phrased to follow "must be": a pattern among other alternatives reads as "text matching …".
    const phrases = explained.map((f) =>
      f.code === 'value-pattern' ? `text matching the pattern ${(branches[explained.indexOf(f)]!.params as { pattern: string }).pattern}` : f.expected!,
    );
    const specific = SPECIFIC.find((k) => branches.some((b) => b.keyword === k))!;
    const code = explained.find((f) => f.keyword === specific)!.code;
    const formats = explained.flatMap((f) => f.formats ?? []);
    return { ...base, code, expected: [...new Set(phrases)].join(' or '), ...(formats.length ? { formats } : {}) };
  }
  const first = branches.find((b) => b.instancePath === error.instancePath) ?? branches[0];
  const hint = first ? ` (for example, ${sentence(explainOne(first))})` : '';
  return { ...base, code: 'value-invalid', detail: `must match one of the allowed forms${hint}` };
}

/** The field each branch of an alternative misses, when every branch failed only because one field is missing. */
function oneMissingFieldPerBranch(error: ErrorObject, branches: ErrorObject[]): string[] | undefined {
  const count = Array.isArray(error.schema) ? error.schema.length : 0;
  if (count < 2 || branches.length !== count) return undefined;
  const byBranch = new Map<string, string>();
  for (const b of branches) {
    if (b.keyword !== 'required' || b.instancePath !== error.instancePath) return undefined;
    const branch = b.schemaPath.slice(error.schemaPath.length + 1).split('/')[0]!;
    if (byBranch.has(branch)) return undefined;
    byBranch.set(branch, String((b.params as { missingProperty: string }).missingProperty));
  }
  return [...byBranch.values()];
}

/** A finding as a clause, for folding into a bigger sentence. */
export function sentence(finding: Finding): string {
  const name = fieldOf(finding.path) || 'the record';
  if (finding.code === 'value-missing') return `${name} is required`;
  if (finding.detail && !finding.expected) return `${name} ${finding.detail}`.replace(/^the record when/, 'when');
  if (finding.code === 'value-pattern' || finding.code === 'value-length') return `${name} must ${finding.expected}`;
  return `${name} must be ${finding.expected}`;
}

function describeCondition(ifSchema: unknown, negated: boolean): string {
  const parts: string[] = [];
  if (ifSchema && typeof ifSchema === 'object') {
    const s = ifSchema as SchemaObject;
    for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, SchemaObject>)) {
      if (sub && typeof sub === 'object' && 'const' in sub) parts.push(`${name} is ${JSON.stringify(sub.const)}`);
      else if (sub && Array.isArray(sub.enum)) parts.push(`${name} is ${sub.enum.map((v: unknown) => JSON.stringify(v)).join(' or ')}`);
    }
    for (const name of Array.isArray(s.required) ? s.required : []) {
      if (!parts.some((p) => p.startsWith(`${name} `))) parts.push(`${name} is given`);
    }
  }
  if (!parts.length) return negated ? "when the record does not meet the standard's condition" : "when the record meets the standard's condition";
  return `${negated ? 'unless' : 'when'} ${parts.join(' and ')}`;
}
