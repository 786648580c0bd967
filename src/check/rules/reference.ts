// References to another file: each row's referring fields must be among the values loaded from it.
import { makeIssue } from '../../issues/catalog.js';
import type { Standard } from '../../standards/standard.js';
import type { Issue } from '../../types.js';
import { SEPARATOR, type JudgeContext, type Reference, type RuleContext, type RuleJudge, type RuleReader, type RuleSpec } from './rule.js';

export class ReferenceReader implements RuleReader {
  private readonly reference: Reference;
  /** Rows that refer to the other file (their fields are not empty). */
  private referring = 0;

  constructor(
    private readonly spec: RuleSpec,
    private readonly context: RuleContext,
  ) {
    this.reference = context.references[spec.reference!]!;
  }

  row(texts: string[], row: number, line: number, issues: Issue[]): void {
    if (texts.some((t) => t === '')) return;
    this.referring++;
    const values = this.reference.values;
    if (!values) return;
    const key = texts.length === 1 ? texts[0]! : texts.join(SEPARATOR);
    if (values.has(key)) return;
    const where = `${this.reference.resource} (${this.reference.fields.join(' + ')})`;
    const value = texts.join(', ');
    issues.push(
      makeIssue(
        'key-reference',
        { kind: 'not-found', name: this.spec.fields.join(' + '), value, list: where },
        { row, line, ...this.context.locate(this.spec.fields[0]!), value, otherFile: this.reference.resource },
        this.context.severityOf('key-reference', this.spec.fields[0]),
      ),
    );
  }

  take(): number {
    const referring = this.referring;
    this.referring = 0;
    return referring;
  }
}

export class ReferenceJudge implements RuleJudge {
  private referring = 0;

  constructor(
    private readonly spec: RuleSpec,
    private readonly context: JudgeContext,
  ) {}

  merge(referring: number): void {
    this.referring += referring;
  }

  finish(): void {
    // The other file could not be read: worth saying only if some row refers to it.
    const reference = this.context.references[this.spec.reference!]!;
    if (!reference.problem || this.referring === 0) return;
    this.context.sink.add(
      makeIssue(
        'key-reference',
        { kind: 'unreadable', resource: reference.resource, problem: reference.problem },
        { otherFile: reference.resource },
        this.context.severityOf('key-reference', this.spec.fields[0]),
      ),
    );
  }
}

/** Foreign keys declared by the standard, with the fields of this file that refer. */
export function declaredReferences(standard: Standard): Array<{ from: string[]; resource: string; fields: string[] }> {
  const list = (standard.schema['x-foreignKeys'] as Array<{ fields: string | string[]; reference: { resource: string; fields: string | string[] } }> | undefined) ?? [];
  const asList = (v: string | string[]) => (Array.isArray(v) ? v : [v]);
  return list.map((fk) => ({ from: asList(fk.fields), resource: fk.reference.resource, fields: asList(fk.reference.fields) }));
}
