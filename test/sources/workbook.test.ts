// Reading workbooks into typed rows: both kinds, typed cells, formulas, hidden sheets, date systems,
// and the archive and XML limits that keep a hostile workbook from exhausting memory.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellReference, columnLetters, openWorkbook, serialToIso, WorkbookError, type WorkbookRow } from '../../src/sources/workbook.js';
import { isDateFormat } from '../../src/sources/xlsx.js';
import { ZIP_LIMITS } from '../../src/sources/zip.js';
import { scratch } from '../helpers.js';
import { ods, xlsx, type TestSheet } from '../workbook-writer.js';

async function rowsOf(file: Buffer, name: string, sheet = 0): Promise<{ sheets: string[]; hidden: boolean[]; rows: WorkbookRow[] }> {
  const path = join(scratch(), name);
  writeFileSync(path, file);
  const book = await openWorkbook(path);
  try {
    const rows: WorkbookRow[] = [];
    await book.readRows(book.sheets[sheet]!, (r) => rows.push(r));
    return { sheets: book.sheets.map((s) => s.name), hidden: book.sheets.map((s) => s.hidden), rows };
  } finally {
    book.close();
  }
}

const SHEETS: TestSheet[] = [
  { name: 'Notes', hidden: true, rows: [['Read me']] },
  {
    name: 'Spend 2024',
    firstRow: 2,
    rows: [
      ['Supplier', 'Amount', 'Paid', 'Date', 'Total'],
      ['Acme & Co', 12.5, true, { date: '2024-03-31' }, { formula: 'B3*2', value: 25 }],
      ['Bravo', 0.30000000000000004, false, { date: '2024-04-01T13:30:00' }, { formula: 'B4/0', error: '#DIV/0!' }],
    ],
  },
];

describe.each([
  ['xlsx', xlsx],
  ['ods', ods],
] as const)('reading a .%s workbook', (kind, write) => {
  it('lists the sheets with their hidden state and reads rows as typed cells', async () => {
    const { sheets, hidden, rows } = await rowsOf(await write(SHEETS), `book.${kind}`, 1);
    expect(sheets).toEqual(['Notes', 'Spend 2024']);
    expect(hidden).toEqual([true, false]);
    expect(rows.map((r) => r.number)).toEqual([2, 3, 4]);
    const texts = rows.map((r) => r.cells.map((c) => c?.text));
    expect(texts[0]).toEqual(['Supplier', 'Amount', 'Paid', 'Date', 'Total']);
    expect(texts[1]).toEqual(['Acme & Co', '12.5', 'true', '2024-03-31', '25']);
    expect(texts[2]).toEqual(['Bravo', '0.3', 'false', '2024-04-01T13:30:00', '#DIV/0!']);
    expect(rows[1]!.cells[3]!.kind).toBe('date');
    expect(rows[1]!.cells[4]!.formula).toBe(true);
    expect(rows[2]!.cells[4]!.kind).toBe('error');
  });

  it('stops after the rows asked for', async () => {
    const path = join(scratch(), `book.${kind}`);
    writeFileSync(path, await write(SHEETS));
    const book = await openWorkbook(path);
    const rows: WorkbookRow[] = [];
    await book.readRows(book.sheets[1]!, (r) => rows.push(r), 1);
    book.close();
    expect(rows).toHaveLength(1);
  });
});

describe('xlsx details', () => {
  it('reads dates in the 1904 date system', async () => {
    const { rows } = await rowsOf(await xlsx([{ name: 'S', rows: [['d'], [{ date: '2024-02-29' }]] }], { date1904: true }), 'b.xlsx');
    expect(rows[1]!.cells[0]!.text).toBe('2024-02-29');
  });

  it('takes date formats from the cell styles, not from conditional formats', async () => {
    const styles =
      '<?xml version="1.0"?><styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts>' +
      '<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>' +
      '<dxfs><dxf><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></dxf></dxfs></styleSheet>';
    const sheet = '<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>45292</v></c><c r="B1" s="2"><v>45292</v></c><c r="C1" s="0"><v>45292</v></c></row></sheetData></worksheet>';
    const { rows } = await rowsOf(await xlsx([{ name: 'S', rows: [['a']] }], { parts: { 'xl/styles.xml': styles, 'xl/worksheets/sheet1.xml': sheet } }), 'b.xlsx');
    expect(rows[0]!.cells.map((c) => [c?.kind, c?.text])).toEqual([
      ['date', '2024-01-01'],
      ['number', '45292'],
      ['number', '45292'],
    ]);
  });

  it('gives a formula without a saved value as an empty formula cell', async () => {
    const { rows } = await rowsOf(
      await xlsx([
        {
          name: 'S',
          rows: [
            ['a', 'b'],
            ['x', { formula: 'A1' }],
          ],
        },
      ]),
      'b.xlsx',
    );
    expect(rows[1]!.cells[1]).toEqual({ kind: 'number', text: '', formula: true });
  });

  it('reads rich text and prefixed (Strict) tags, and leaves out phonetic runs', async () => {
    const strings =
      '<?xml version="1.0"?><x:sst xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:si><x:r><x:t>Acme </x:t></x:r><x:r><x:t>Ltd</x:t></x:r><x:rPh><x:t>アクメ</x:t></x:rPh></x:si></x:sst>';
    const sheet =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:sheetData><x:row r="1"><x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const { rows } = await rowsOf(await xlsx([{ name: 'S', rows: [['a']] }], { parts: { 'xl/sharedStrings.xml': strings, 'xl/worksheets/sheet1.xml': sheet } }), 'b.xlsx');
    expect(rows[0]!.cells[1]!.text).toBe('Acme Ltd');
    expect(rows[0]!.cells[0]).toBeUndefined();
  });

  it('tells date formats from number formats', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[$-809]dd mmmm yyyy;@')).toBe(true);
    expect(isDateFormat('h:mm AM/PM')).toBe(true);
    expect(isDateFormat('#,##0.00')).toBe(false);
    expect(isDateFormat('"£"#,##0.00')).toBe(false);
    expect(isDateFormat('[Red]0.00')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
  });

  it('turns serials into dates as Excel counts them', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(45292)).toBe('2024-01-01');
    expect(serialToIso(45292.5)).toBe('2024-01-01T12:00:00');
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(0.5625)).toBe('13:30:00');
  });

  it('writes cell references a spreadsheet understands', () => {
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(27)).toBe('AB');
    expect(cellReference('Spend 2024', 2, 12)).toBe("'Spend 2024'!C12");
    expect(cellReference('Sheet1', 0, 1)).toBe('Sheet1!A1');
    expect(cellReference("Bob's", 0, 1)).toBe("'Bob''s'!A1");
  });
});

describe('ods details', () => {
  it('leaves out cell comments, expands repeated cells and keeps spaces', async () => {
    const content =
      '<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="S">' +
      '<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string"><office:annotation><text:p>a comment</text:p></office:annotation><text:p>A<text:s text:c="2"/>B</text:p></table:table-cell>' +
      '<table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell></table:table-row>' +
      '</table:table></office:spreadsheet></office:body></office:document-content>';
    const { rows } = await rowsOf(await ods([], { parts: { 'content.xml': content } }), 'b.ods');
    expect(rows.map((r) => [r.number, r.cells.map((c) => c?.text)])).toEqual([
      [1, ['A  B', '7', '7']],
      [2, ['A  B', '7', '7']],
    ]);
  });
});

describe('hostile and damaged workbooks', () => {
  const refused = async (file: Buffer, name: string, pattern: RegExp) => {
    const path = join(scratch(), name);
    writeFileSync(path, file);
    const error = await openWorkbook(path)
      .then(async (book) => {
        try {
          await book.readRows(book.sheets[0]!, () => {});
        } finally {
          book.close();
        }
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as Error).message).toMatch(pattern);
  };

  it('refuses a zip bomb before unpacking it', async () => {
    const bomb = '<x>' + ' '.repeat(8 << 20) + '</x>';
    await refused(await xlsx([{ name: 'S', rows: [['a']] }], { parts: { 'xl/worksheets/sheet1.xml': bomb } }), 'bomb.xlsx', /zip bomb/);
  });

  it('stops a part that unpacks to more than it declared', async () => {
    const book = await xlsx([{ name: 'S', rows: [['a']] }], {
      parts: { 'xl/worksheets/sheet1.xml': '<worksheet><sheetData>' + '<row/>'.repeat(1 << 20) + '</sheetData></worksheet>' },
    });
    // Make the central directory claim the sheet unpacks to 1,000 bytes.
    for (let at = book.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1')); at >= 0; at = at > 0 ? book.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'), at - 1) : -1) {
      const nameLength = book.readUInt16LE(at + 28);
      if (book.subarray(at + 46, at + 46 + nameLength).toString() === 'xl/worksheets/sheet1.xml') book.writeUInt32LE(1000, at + 24);
    }
    await refused(book, 'liar.xlsx', /cannot be unpacked/);
  });

  it('refuses cells beyond the last row or column a sheet can have', async () => {
    const far = (ref: string, row: string) => `<worksheet><sheetData><row r="${row}"><c r="${ref}"><v>1</v></c></row></sheetData></worksheet>`;
    await refused(
      await xlsx([{ name: 'S', rows: [['a']] }], { parts: { 'xl/worksheets/sheet1.xml': far('A999999999', '999999999') } }),
      'far.xlsx',
      /row numbered "999999999", beyond the rows/,
    );
    await refused(await xlsx([{ name: 'S', rows: [['a']] }], { parts: { 'xl/worksheets/sheet1.xml': far('ZZZZZ1', '1') } }), 'wide.xlsx', /cell at "ZZZZZ1", beyond the columns/);
  });

  it('refuses a part bigger than the limit', async () => {
    const path = join(scratch(), 'big.xlsx');
    writeFileSync(path, await xlsx([{ name: 'S', rows: [['a']] }]));
    const error = await openWorkbook(path, { ...ZIP_LIMITS, entryBytes: 100 }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/would unpack to .* more than/);
  });

  it('refuses a file that is not a ZIP archive', async () => {
    await refused(Buffer.from('PK\x03\x04 not really a zip at all'), 'bad.xlsx', /not a readable ZIP archive/);
  });

  it('refuses malformed sheet XML', async () => {
    await refused(await xlsx([{ name: 'S', rows: [['a']] }], { parts: { 'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row><c></row>' } }), 'bad.xlsx', /not well-formed XML/);
  });

  it('refuses entity expansion (billion laughs)', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>';
    await refused(await xlsx([{ name: 'S', rows: [['a']] }], { parts: { 'xl/worksheets/sheet1.xml': laughs } }), 'lol.xlsx', /document type/);
  });

  it('refuses an archive that is neither kind of workbook', async () => {
    await refused(await xlsx([], { parts: { 'xl/workbook.xml': '' } }).then(() => odsLess()), 'other.xlsx', /neither an Excel workbook/);
  });
});

async function odsLess(): Promise<Buffer> {
  const { default: yazl } = await import('yazl');
  const file = new yazl.ZipFile();
  file.addBuffer(Buffer.from('hello'), 'readme.txt');
  file.end();
  const chunks: Buffer[] = [];
  for await (const c of file.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
