// Rules over a whole table, which JSON Schema cannot say because it sees one record at a time: unique
// and primary keys, references to another file, a value that must be the same throughout, the number
// of records, and the span of dates. Each rule has two halves. Its reader looks at a few fields of each
// row and can run on any thread over any part of the table; its judge, on the main thread, takes the
// readers' notes in row order and decides. Whatever the parts, the judgement is the same.
//
// This file lists the rules, in the order their issues are reported; each rule is in rules/.
import type { Standard } from '../standards/standard.js';
import { ConstantJudge, ConstantReader } from './rules/constant.js';
import { DateRangeJudge, DateRangeReader } from './rules/date-range.js';
import { KeyJudge, KeyReader } from './rules/key.js';
import { ReferenceJudge, ReferenceReader } from './rules/reference.js';
import { RowCountJudge } from './rules/row-count.js';
import type { DateRange, JudgeContext, Reference, RuleContext, RuleJudge, RuleReader, RuleSpec } from './rules/rule.js';

export { duplicateArgs, LATE_KEY } from './rules/key.js';
export { declaredReferences } from './rules/reference.js';
export type { Locate, Reference, RuleContext, RuleJudge, RuleReader, RuleSpec } from './rules/rule.js';

/** The standard's table rules, in a fixed order that readers and judges share. */
export function ruleSpecs(standard: Standard, references: Reference[]): RuleSpec[] {
  const schema = standard.schema;
  const specs: RuleSpec[] = [];
  const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
  if (schema['x-primaryKey'] !== undefined) specs.push({ kind: 'key', fields: asList(schema['x-primaryKey']), primary: true });
  for (const key of (schema['x-uniqueKeys'] as unknown[] | undefined) ?? []) specs.push({ kind: 'key', fields: asList(key), primary: false });
  references.forEach((reference, index) => specs.push({ kind: 'reference', fields: reference.from, reference: index }));
  for (const field of standard.fields) {
    if (field.constant) specs.push({ kind: 'constant', fields: [field.name] });
    const range = field.schema['x-dateRange'] as DateRange | undefined;
    if (range) specs.push({ kind: 'date-range', fields: [field.name], range });
  }
  const bounds = schema['x-rows'] as { minimum?: number; maximum?: number } | undefined;
  if (bounds) specs.push({ kind: 'rows', fields: [], bounds });
  return specs;
}

export function ruleReader(spec: RuleSpec, context: RuleContext): RuleReader {
  switch (spec.kind) {
    case 'key':
      return new KeyReader(spec, context);
    case 'reference':
      return new ReferenceReader(spec, context);
    case 'constant':
      return new ConstantReader();
    case 'date-range':
      return new DateRangeReader();
    case 'rows':
      return { row() {}, take: () => null };
  }
}

export function ruleJudge(spec: RuleSpec, context: JudgeContext): RuleJudge {
  switch (spec.kind) {
    case 'key':
      return new KeyJudge(spec, context);
    case 'reference':
      return new ReferenceJudge(spec, context);
    case 'constant':
      return new ConstantJudge(spec, context);
    case 'date-range':
      return new DateRangeJudge(spec, context);
    case 'rows':
      return new RowCountJudge(spec, context);
  }
}
