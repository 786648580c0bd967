// The span of a date field's values, and the earliest and latest dates allowed.
import type { IssueArgs } from '../../issues/args.js';
import { makeIssue } from '../../issues/catalog.js';
import { detach } from '../../report/detach.js';
import { readDate } from '../../repair/dates.js';
import type { JudgeContext, RuleJudge, RuleReader, RuleSpec } from './rule.js';

interface DatePoint {
  day: number;
  text: string;
  row: number;
  line: number;
}

type DateRangeNotes = { earliest?: DatePoint; latest?: DatePoint };

export class DateRangeReader implements RuleReader {
  private notes: DateRangeNotes = {};

  row(texts: string[], row: number, line: number): void {
    const date = readDate(texts[0]!);
    if (!date) return;
    const day = Date.UTC(date.year, date.month - 1, date.day) / 86400000;
    const { earliest, latest } = this.notes;
    if (!earliest || day < earliest.day) this.notes.earliest = { day, text: detach(texts[0]!), row, line };
    if (!latest || day > latest.day) this.notes.latest = { day, text: detach(texts[0]!), row, line };
  }

  take(): DateRangeNotes {
    const notes = this.notes;
    this.notes = {};
    return notes;
  }
}

export class DateRangeJudge implements RuleJudge {
  private earliest?: DatePoint;
  private latest?: DatePoint;

  constructor(
    private readonly spec: RuleSpec,
    private readonly context: JudgeContext,
  ) {}

  merge(notes: DateRangeNotes, rowOffset: number): void {
    // Parts arrive in row order, so on a tie the earlier part's point stays.
    if (notes.earliest && (!this.earliest || notes.earliest.day < this.earliest.day)) this.earliest = { ...notes.earliest, row: notes.earliest.row + rowOffset };
    if (notes.latest && (!this.latest || notes.latest.day > this.latest.day)) this.latest = { ...notes.latest, row: notes.latest.row + rowOffset };
  }

  finish(): void {
    const { earliest, latest } = this;
    if (!earliest || !latest) return;
    const range = this.spec.range!;
    const field = this.spec.fields[0]!;
    const add = (args: IssueArgs['table-rule'], at: DatePoint) =>
      this.context.sink.add(
        makeIssue('table-rule', args, { row: at.row, line: at.line, ...this.context.locate(field), value: at.text }, this.context.severityOf('table-rule', field)),
      );
    const span = latest.day - earliest.day;
    if (range.maximumDays !== undefined && span > range.maximumDays) {
      add(
        { kind: 'date-span', field, earliest: earliest.text, earliestRow: earliest.row, latest: latest.text, latestRow: latest.row, days: span, maximumDays: range.maximumDays },
        latest,
      );
    }
    const bound = (text: string | undefined) => {
      const d = text ? readDate(text) : undefined;
      return d ? Date.UTC(d.year, d.month - 1, d.day) / 86400000 : undefined;
    };
    const min = bound(range.minimum);
    const max = bound(range.maximum);
    if (min !== undefined && earliest.day < min) add({ kind: 'date-before', field, earliest: earliest.text, minimum: range.minimum! }, earliest);
    if (max !== undefined && latest.day > max) add({ kind: 'date-after', field, latest: latest.text, maximum: range.maximum! }, latest);
  }
}
