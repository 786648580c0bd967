// The issues of a workbook's sheet, each given the sheet and the cell (or row) a spreadsheet can go to,
// and the date-serial hint: a number such as 45292 where a date is expected is what a date cell formatted
// as a number looks like.
import { IssueCollector } from '../report/collector.js';
import { cellReference, serialToIso } from '../sources/workbook.js';
import type { Issue } from '../types.js';

/** Serials of the dates from 1927 to 2119: a number in this range in a date field is very likely a date. */
const SERIAL = /^[1-7]\d{4}(\.\d+)?$/;

export class SheetIssues extends IssueCollector {
  /** The sheet being checked, once chosen. */
  sheet?: string;

  override add(issue: Issue): void {
    const sheet = this.sheet;
    if (sheet !== undefined && issue.line !== undefined) {
      issue.sheet = sheet;
      issue.cell =
        issue.columnIndex !== undefined ? cellReference(sheet, issue.columnIndex - 1, issue.line) : `${cellReference(sheet, undefined, issue.line)}:${issue.endLine ?? issue.line}`;
      if ((issue.code === 'value-format' || issue.code === 'value-type') && issue.value && SERIAL.test(issue.value) && /date/i.test(`${issue.expected ?? ''} ${issue.message}`)) {
        issue.hint = `${issue.value} looks like a spreadsheet date serial number for ${serialToIso(Number(issue.value))}: format the cell as a date (yyyy-mm-dd), or type the date`;
      }
    } else if (sheet !== undefined && issue.sheet === undefined && issue.code !== 'standard-warning' && issue.code !== 'format-invalid') {
      issue.sheet = sheet;
    }
    super.add(issue);
  }
}
