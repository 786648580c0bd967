#!/usr/bin/env node
// gen-workbook.mjs — a synthetic "spend over £500" Excel workbook of any number of rows, for measuring
// how conform reads workbooks (time and peak memory). The sheet's XML is streamed into the archive, so
// making a workbook of millions of rows needs little memory. Every 200th row has a bad date, every 500th
// a text amount.
//
// Usage: node bench/gen-workbook.mjs --rows 100000 --out bench/data/spend-100k.xlsx
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import yazl from 'yazl';

const args = Object.fromEntries(process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1]]] : [])));
const ROWS = Number(args.rows ?? 100000);
const OUT = args.out ?? `bench/data/spend-${ROWS}.xlsx`;

const HEADER = ['OrganisationalUnit', 'BeneficiaryName', 'PaymentDate', 'Amount', 'IrrecoverableVATAmount', 'Purpose', 'TransactionNumber'];
const UNITS = ['Adult Social Care', 'Children and Families', 'Highways', 'Waste', 'Libraries'];
const NAMES = ['Acme Ltd', 'Bravo Care', 'Charlie & Sons', 'Delta Transport', 'Echo Supplies'];
const cols = 'ABCDEFG';
const text = (c, r, s) => `<c r="${cols[c]}${r}" t="inlineStr"><is><t>${s.replace(/&/g, '&amp;')}</t></is></c>`;
const num = (c, r, n, style = 0) => `<c r="${cols[c]}${r}"${style ? ` s="${style}"` : ''}><v>${n}</v></c>`;

function* sheet() {
  yield '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  yield `<row r="1">${HEADER.map((h, c) => text(c, 1, h)).join('')}</row>`;
  let chunk = '';
  for (let i = 1; i <= ROWS; i++) {
    const r = i + 1;
    const date = i % 200 === 0 ? text(2, r, '31/02/2024') : num(2, r, 45292 + (i % 365), 1);
    const amount = i % 500 === 0 ? text(3, r, '£1,250.00') : num(3, r, ((i * 7919) % 100000) / 100 + 500);
    chunk += `<row r="${r}">${text(0, r, UNITS[i % 5])}${text(1, r, NAMES[(i * 3) % 5])}${date}${amount}${num(4, r, 0)}${text(5, r, 'Services')}${text(6, r, `T${i}`)}</row>`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + '</sheetData></worksheet>';
}

const zip = new yazl.ZipFile();
zip.addBuffer(Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), '[Content_Types].xml');
zip.addBuffer(
  Buffer.from(
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Spend" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ),
  'xl/workbook.xml',
);
zip.addBuffer(
  Buffer.from(
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ),
  'xl/_rels/workbook.xml.rels',
);
zip.addBuffer(
  Buffer.from(
    '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
  ),
  'xl/styles.xml',
);
zip.addReadStream(Readable.from(sheet()), 'xl/worksheets/sheet1.xml');
zip.end();
zip.outputStream.pipe(createWriteStream(OUT)).on('close', () => console.log(`wrote ${OUT} (${ROWS} rows)`));
