// A value that must be the same in every row.
import { makeIssue } from '../../issues/catalog.js';
import { detach } from '../../report/detach.js';
import type { JudgeContext, RuleJudge, RuleReader, RuleSpec } from './rule.js';

/** Each distinct value of a part, with how often and where first. */
type ConstantNotes = Array<[value: string, count: number, row: number, line: number]>;

export class ConstantReader implements RuleReader {
  private values = new Map<string, [number, number, number]>();

  row(texts: string[], row: number, line: number): void {
    const value = texts[0]!;
    if (value === '') return;
    const seen = this.values.get(value);
    if (seen) seen[0]++;
    else this.values.set(detach(value), [1, row, line]);
  }

  take(): ConstantNotes {
    const notes: ConstantNotes = [...this.values].map(([value, [count, row, line]]) => [value, count, row, line]);
    this.values = new Map();
    return notes;
  }
}

export class ConstantJudge implements RuleJudge {
  private first?: { value: string; row: number };
  private differing = 0;
  private firstDiffering?: { value: string; row: number; line: number };

  constructor(
    private readonly spec: RuleSpec,
    private readonly context: JudgeContext,
  ) {}

  merge(notes: ConstantNotes, rowOffset: number): void {
    if (!notes.length) return;
    if (!this.first) {
      const earliest = notes.reduce((a, b) => (b[2] < a[2] ? b : a));
      this.first = { value: earliest[0], row: earliest[2] + rowOffset };
    }
    for (const [value, count, row, line] of notes) {
      if (value === this.first.value) continue;
      this.differing += count;
      if (!this.firstDiffering || row + rowOffset < this.firstDiffering.row) this.firstDiffering = { value, row: row + rowOffset, line };
    }
  }

  finish(): void {
    const d = this.firstDiffering;
    if (!d || !this.first) return;
    const field = this.spec.fields[0]!;
    this.context.sink.add(
      makeIssue(
        'table-rule',
        { kind: 'not-constant', field, first: this.first.value, firstRow: this.first.row, other: d.value, otherRow: d.row, count: this.differing },
        { row: d.row, line: d.line, ...this.context.locate(field), value: d.value, count: this.differing },
        this.context.severityOf('table-rule', field),
      ),
    );
  }
}
