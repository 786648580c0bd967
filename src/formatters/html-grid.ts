// The first failing rows as a spreadsheet: one line per row (with the spreadsheet's line number), one
// column per column that has an issue in those rows, the failing cells marked. The report records only the
// cells that failed, so every other cell is shown as not known rather than guessed.
import type { FileReport, Issue } from '../types.js';
import { esc } from './html-escape.js';
import { columnLabel, isColumnIssue, n, SEVERITY_WORD, worstSeverity } from './where.js';

const GRID_ROWS = 20;
/** Characters of a value shown in a cell; the whole value is in the list of issues below the grid. */
const CELL_CHARS = 60;

interface GridColumn {
  key: string;
  /** The column as written in the file (or the place in a JSON record). */
  label: string;
  /** The standard's name for it, when the file names it differently. */
  field?: string;
  index?: number;
}

/** `id` names the grid's elements; `titleId` is the file's heading, so each grid's name is its own. */
export function failingRowsGrid(file: FileReport, id: string, titleId: string): string {
  const rows = failingRows(file);
  if (!rows.length) return '';
  const columns = gridColumns(rows.flatMap(([, issues]) => issues));
  const rowLevel = rows.some(([, issues]) => issues.some((i) => !isColumnIssue(i)));
  const totalRows = new Set(file.issues.filter((i) => i.row !== undefined && i.endRow === undefined).map((i) => i.row)).size;

  const head = [
    '<tr><th scope="col" class="rownum">Row</th><th scope="col" class="rownum">Line</th>',
    ...columns.map(
      (c) =>
        `<th scope="col">${c.index !== undefined ? `<span class="letter">${esc(columnLetter(c.index))}</span> ` : ''}${esc(c.label)}${c.field ? ` <span class="field">${esc(c.field)}</span>` : ''}</th>`,
    ),
    rowLevel ? '<th scope="col">Whole row</th>' : '',
    '</tr>',
  ].join('');
  const body = rows.map(([row, issues]) => {
    const cells = columns.map((column) => cell(issues.filter((i) => isColumnIssue(i) && columnKey(i) === column.key)));
    if (rowLevel) cells.push(rowCell(issues.filter((i) => !isColumnIssue(i))));
    return `<tr data-issues="${esc(issueKeys(issues))}"><th scope="row" class="rownum">${n(row)}</th><td class="rownum">${issues[0]?.line !== undefined ? n(issues[0].line) : ''}</td>${cells.join('')}</tr>`;
  });
  const which =
    totalRows > rows.length ? `The first ${n(rows.length)} of ${n(totalRows)} failing rows listed` : rows.length === 1 ? 'The failing row' : `The ${n(rows.length)} failing rows`;
  const caption = `${which}.`;
  return [
    '<p class="legend">Marked cells failed. A cell marked “?” passed or was not checked: the report records only the cells that failed.</p>',
    `<div class="scroll" role="region" aria-labelledby="${id}-caption ${titleId}" tabindex="0">`,
    `<table class="grid"><caption id="${id}-caption">${esc(caption)}</caption>`,
    `<thead>${head}</thead><tbody>${body.join('')}</tbody></table></div>`,
  ].join('');
}

function failingRows(file: FileReport): [number, Issue[]][] {
  const rows = new Map<number, Issue[]>();
  for (const issue of file.issues) {
    if (issue.row === undefined || issue.endRow !== undefined) continue;
    const list = rows.get(issue.row);
    if (list) list.push(issue);
    else if (rows.size < GRID_ROWS) rows.set(issue.row, [issue]);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]);
}

function columnKey(issue: Issue): string {
  return issue.columnIndex !== undefined ? `#${issue.columnIndex}` : columnLabel(issue);
}

/** Columns in file order (by position), then JSON places in the order they were met. */
function gridColumns(issues: Issue[]): GridColumn[] {
  const columns = new Map<string, GridColumn>();
  for (const issue of issues) {
    if (!isColumnIssue(issue)) continue;
    const key = columnKey(issue);
    if (columns.has(key)) continue;
    const label = issue.column ?? columnLabel(issue);
    const field = issue.field !== undefined && issue.field !== issue.column ? issue.field : undefined;
    columns.set(key, { key, label, field, index: issue.columnIndex });
  }
  return [...columns.values()].sort((a, b) => (a.index ?? Infinity) - (b.index ?? Infinity));
}

function cell(issues: Issue[]): string {
  if (!issues.length) return '<td class="unknown"><span aria-hidden="true">?</span><span class="sr-only">not recorded</span></td>';
  const severity = worstSeverity(issues);
  const value = issues.find((i) => i.value !== undefined)?.value;
  const shown = value === undefined ? '<em class="empty">empty</em>' : value === '' ? '<em class="empty">blank</em>' : `<span class="value">${esc(shorten(value))}</span>`;
  const why = issues.map((i) => i.message).join('\n');
  return `<td class="bad ${severity}" data-issues="${esc(issueKeys(issues))}" title="${esc(why)}">${shown}<span class="why"><span class="sr-only">${esc(SEVERITY_WORD[severity])}: </span>${esc(issues.map((i) => i.code).join(', '))}</span></td>`;
}

function rowCell(issues: Issue[]): string {
  if (!issues.length) return '<td class="unknown"><span aria-hidden="true">—</span><span class="sr-only">no issue with the whole row</span></td>';
  const severity = worstSeverity(issues);
  return `<td class="bad ${severity}" data-issues="${esc(issueKeys(issues))}"><span class="why">${issues.map((i) => esc(i.message)).join('<br>')}</span></td>`;
}

function shorten(value: string): string {
  return value.length > CELL_CHARS ? value.slice(0, CELL_CHARS - 1) + '…' : value;
}

/** `error:value-type warning:value-pattern`: what the filters match a row or cell against. */
function issueKeys(issues: Issue[]): string {
  return [...new Set(issues.map((i) => `${i.severity}:${i.code}`))].join(' ');
}

/** A, B, … Z, AA, AB: the letters a spreadsheet shows above column 1, 2, … */
export function columnLetter(index: number): string {
  let letters = '';
  for (let i = index; i > 0; i = Math.floor((i - 1) / 26)) letters = String.fromCharCode(65 + ((i - 1) % 26)) + letters;
  return letters;
}
