// Writing small .xlsx and .ods workbooks in tests, so no binary files are kept in the project. Only
// what the tests need: typed cells (text, numbers, booleans, dates), formulas with or without a saved
// value, hidden sheets, and the 1904 date system.
import yazl from 'yazl';

export type TestCell = string | number | boolean | null | { date: string } | { formula: string; value?: string | number; error?: string } | { serial: number; dateStyle: true };

export interface TestSheet {
  name: string;
  hidden?: boolean;
  rows: TestCell[][];
  /** Spreadsheet row number of the first row (rows above are absent from the XML). */
  firstRow?: number;
}

export interface WorkbookOptions {
  date1904?: boolean;
  /** Extra or replaced parts, by name (to damage a workbook). */
  parts?: Record<string, string | Buffer>;
  /** Store parts uncompressed. */
  store?: boolean;
}

function zip(parts: Record<string, string | Buffer>, store = false): Promise<Buffer> {
  const file = new yazl.ZipFile();
  for (const [name, content] of Object.entries(parts)) file.addBuffer(Buffer.from(content), name, { compress: !store });
  file.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    file.outputStream.on('data', (c: Buffer) => chunks.push(c));
    file.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    file.outputStream.on('error', reject);
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function letters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Days from the 1900 epoch as Excel counts them. */
function serialOf(iso: string, date1904: boolean): number {
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : `${iso}Z`);
  const days = ms / 86400000 + 25569;
  return date1904 ? days - 1462 : days;
}

export async function xlsx(sheets: TestSheet[], options: WorkbookOptions = {}): Promise<Buffer> {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shared = (s: string) => {
    if (!stringIndex.has(s)) {
      stringIndex.set(s, strings.length);
      strings.push(s);
    }
    return stringIndex.get(s)!;
  };
  const parts: Record<string, string | Buffer> = {};
  sheets.forEach((sheet, s) => {
    const first = sheet.firstRow ?? 1;
    const rows = sheet.rows
      .map((cells, r) => {
        const n = first + r;
        const xml = cells
          .map((cell, c) => {
            const ref = `${letters(c)}${n}`;
            if (cell === null) return '';
            if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${shared(cell)}</v></c>`;
            if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
            if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
            if ('date' in cell) return `<c r="${ref}" s="1"><v>${serialOf(cell.date, !!options.date1904)}</v></c>`;
            if ('serial' in cell) return `<c r="${ref}" s="1"><v>${cell.serial}</v></c>`;
            const f = `<f>${esc(cell.formula)}</f>`;
            if (cell.error) return `<c r="${ref}" t="e">${f}<v>${cell.error}</v></c>`;
            if (cell.value === undefined) return `<c r="${ref}">${f}</c>`;
            if (typeof cell.value === 'string') return `<c r="${ref}" t="str">${f}<v>${esc(cell.value)}</v></c>`;
            return `<c r="${ref}">${f}<v>${cell.value}</v></c>`;
          })
          .join('');
        return `<row r="${n}">${xml}</row>`;
      })
      .join('');
    parts[`xl/worksheets/sheet${s + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
  });
  parts['[Content_Types].xml'] = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  parts['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>` +
    sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  parts['xl/_rels/workbook.xml.rels'] =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('') +
    '</Relationships>';
  parts['xl/styles.xml'] =
    '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>';
  parts['xl/sharedStrings.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}">` +
    strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('') +
    '</sst>';
  return zip({ ...parts, ...options.parts }, options.store);
}

export async function ods(sheets: TestSheet[], options: WorkbookOptions = {}): Promise<Buffer> {
  const tables = sheets
    .map((sheet) => {
      const lead =
        (sheet.firstRow ?? 1) > 1
          ? `<table:table-row table:number-rows-repeated="${sheet.firstRow! - 1}"><table:table-cell table:number-columns-repeated="5"/></table:table-row>`
          : '';
      const rows = sheet.rows
        .map((cells) => {
          const xml = cells
            .map((cell) => {
              if (cell === null) return '<table:table-cell/>';
              if (typeof cell === 'string') return `<table:table-cell office:value-type="string"><text:p>${esc(cell)}</text:p></table:table-cell>`;
              if (typeof cell === 'number') return `<table:table-cell office:value-type="float" office:value="${cell}"><text:p>${cell}</text:p></table:table-cell>`;
              if (typeof cell === 'boolean')
                return `<table:table-cell office:value-type="boolean" office:boolean-value="${cell}"><text:p>${cell ? 'TRUE' : 'FALSE'}</text:p></table:table-cell>`;
              if ('date' in cell) return `<table:table-cell office:value-type="date" office:date-value="${cell.date}"><text:p>${cell.date}</text:p></table:table-cell>`;
              if ('serial' in cell) return `<table:table-cell office:value-type="float" office:value="${cell.serial}"><text:p>${cell.serial}</text:p></table:table-cell>`;
              const f = `table:formula="of:${esc(cell.formula)}"`;
              if (cell.error)
                return `<table:table-cell ${f} office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>${cell.error}</text:p></table:table-cell>`;
              if (cell.value === undefined) return `<table:table-cell ${f}/>`;
              if (typeof cell.value === 'string') return `<table:table-cell ${f} office:value-type="string"><text:p>${esc(cell.value)}</text:p></table:table-cell>`;
              return `<table:table-cell ${f} office:value-type="float" office:value="${cell.value}"><text:p>${cell.value}</text:p></table:table-cell>`;
            })
            .join('');
          return `<table:table-row>${xml}<table:table-cell table:number-columns-repeated="1000"/></table:table-row>`;
        })
        .join('');
      return `<table:table table:name="${esc(sheet.name)}"${sheet.hidden ? ' table:display="false"' : ''}>${lead}${rows}<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>`;
    })
    .join('');
  const content =
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">' +
    `<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;
  return zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': content, ...options.parts }, options.store);
}
