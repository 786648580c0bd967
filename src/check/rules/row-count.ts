// The number of records the file must have.
import { makeIssue } from '../../issues/catalog.js';
import { recordSeverity } from '../../standards/standard.js';
import type { JudgeContext, RuleJudge, RuleSpec } from './rule.js';

export class RowCountJudge implements RuleJudge {
  constructor(
    private readonly spec: RuleSpec,
    private readonly context: JudgeContext,
  ) {}

  merge(): void {}

  finish(rows: number): void {
    const { minimum, maximum } = this.spec.bounds!;
    const outside = (minimum !== undefined && rows < minimum) || (maximum !== undefined && rows > maximum);
    if (!outside) return;
    this.context.sink.add(makeIssue('table-rule', { kind: 'row-count', rows, minimum, maximum }, {}, recordSeverity(this.context.standard, 'table-rule')));
  }
}
