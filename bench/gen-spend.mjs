#!/usr/bin/env node
// gen-spend.mjs — deterministic generator of a synthetic UK council
// "spend over £500" file (Local Government Transparency Code style), for `npm run bench`.
//
// Usage:
//   node gen-spend.mjs --rows 1000000 --out data/spend-1m [--seed 42] [--formats csv,json,ndjson] [--error-rate 0.005]
//
// Writes <out>.csv / <out>.json (one JSON array) / <out>.ndjson as asked, plus
// <out>.expected.json: the 1-based data-row numbers (header not counted) of the
// deliberately broken rows and their kind. Row i depends only on the seed and i's
// position in the sequence, so the first 100k rows of the 1M file are the 100k file.
//
// Error kinds (exactly one per broken row, ~error-rate of rows):
//   bad_date    Effective Date not dd/mm/yyyy or out of range
//   bad_amount  Amount not a bare number ("N/A", "1,234.56", "£750.00", ...)
//   missing     a required column left empty (omitted in JSON/NDJSON)
//   bad_enum    Supplier Type outside the enum
// JSON/NDJSON rows are "typed": Amount is a JSON number where it parses,
// the raw string where it does not (so it fails `type: number`).
import fs from 'node:fs';

// ---------- args ----------
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, arr) => {
    if (a.startsWith('--')) acc.push([a.slice(2), arr[i + 1] && !arr[i + 1].startsWith('--') ? arr[i + 1] : 'true']);
    return acc;
  }, []),
);
const ROWS = Number(args.rows ?? 1000);
const SEED = Number(args.seed ?? 42);
const OUT = args.out ?? 'data/spend';
const FORMATS = new Set((args.formats ?? 'csv').split(','));
const ERROR_RATE = Number(args['error-rate'] ?? 0.005);
// Rows that repeat an earlier row's (Organisation Code, Transaction Number): a composite-key duplicate.
const DUPLICATE_RATE = Number(args.duplicates ?? 0);
if (!Number.isInteger(ROWS) || ROWS < 0) throw new Error('--rows must be a non-negative integer');

// ---------- seeded PRNG (mulberry32) ----------
let state = SEED >>> 0;
function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const digits = (n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(48 + int(0, 9));
  return s;
};
const pad2 = (n) => (n < 10 ? '0' + n : '' + n);

// ---------- reference data (illustrative) ----------
const COUNCILS = [
  ['Cambridge City Council', 'E07000008', 'cambridge'],
  ['East Cambridgeshire District Council', 'E07000009', 'east-cambridgeshire'],
  ['Fenland District Council', 'E07000010', 'fenland'],
  ['Huntingdonshire District Council', 'E07000011', 'huntingdonshire'],
  ['South Cambridgeshire District Council', 'E07000012', 'south-cambridgeshire'],
  ['East Devon District Council', 'E07000040', 'east-devon'],
  ['Exeter City Council', 'E07000041', 'exeter'],
  ['Mid Devon District Council', 'E07000042', 'mid-devon'],
];
const SERVICE_AREAS = [
  'Housing',
  'Environmental Services',
  'Planning & Building Control',
  'Leisure & Culture',
  'Corporate Services',
  'Revenues & Benefits',
  'Waste & Recycling',
  'Finance',
  'ICT',
  'Legal & Democratic Services',
  'Community Safety',
  'Car Parks',
  'Economic Development',
  'Homelessness',
  'Street Cleansing',
  'Parks & Open Spaces',
];
const EXPENSE_TYPES = [
  'Building Repairs & Maintenance',
  'Consultancy Fees',
  'Agency Staff',
  'Computer Software',
  'Equipment Purchase',
  'Grants to Voluntary Organisations',
  'Contract Payments',
  'Utilities - Electricity',
  'Utilities - Gas',
  'Vehicle Fuel',
  'Printing & Stationery',
  'Legal Fees',
  'Rents',
  'Temporary Accommodation',
  'Insurance',
  'Postage',
  'Vehicle Hire',
  'Training',
  'Subscriptions',
  'Grounds Maintenance',
];
const PURCHASE_CATEGORIES = [
  'Facilities Management',
  'ICT',
  'Construction',
  'Professional Services',
  'Social Care',
  'Transport',
  'Environmental Services',
  'Housing Management',
  'Utilities',
  'Human Resources',
  'Catering',
  'Highways',
  'Leisure',
  'Education',
  '',
];
const SURNAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  'Jackson',
  'Clarke',
  'Patel',
  'Khan',
  'Lewis',
  'Harrison',
  'Cooper',
  'Ward',
  'Morris',
];
const TRADES = [
  'Facilities Management',
  'Construction',
  'Cleaning Services',
  'Waste Solutions',
  'IT Services',
  'Consulting',
  'Plumbing & Heating',
  'Electrical Contractors',
  'Grounds Maintenance',
  'Security',
  'Recruitment',
  'Print Solutions',
  'Fleet Services',
  'Software',
  'Catering',
];
const SUFFIXES = ['Ltd', 'Limited', 'PLC', 'LLP', 'Group Ltd', 'UK Ltd', '& Sons Ltd', 'Co'];
const PUBLIC_BODIES = [
  'Cambridgeshire County Council',
  'Devon County Council',
  'HM Revenue & Customs',
  'Environment Agency',
  'Department for Work and Pensions',
  'NHS Cambridgeshire and Peterborough ICB',
];
const VCSE = ['Citizens Advice', 'Age UK', 'Shelter', 'Groundwork Trust', 'Mind', 'Home-Start'];
// enum of Supplier Type
export const SUPPLIER_TYPES = ['Company', 'SME', 'Sole Trader', 'VCSE', 'Public Sector', 'Individual'];

const BAD_DATES = ['2023-06-15', '32/05/2023', '15/13/2023', 'TBC', '15/06/23', '00/11/2023'];
const BAD_AMOUNTS = ['N/A', '1,234.56', '£750.00', '12.50.00', 'TBC', '600.00 CR'];
const BAD_ENUMS = ['Limited Company', 'sme', 'Unknown', 'Charity', 'Private'];
const REQUIRED_FOR_MISSING = ['Effective Date', 'Service Area', 'Expenses Type', 'Supplier Name', 'Transaction Number', 'Amount', 'Supplier Type'];

export const COLUMNS = [
  'Organisation Name',
  'Organisation Code',
  'Organisation URI',
  'Effective Date',
  'Service Area',
  'Expenses Type',
  'Supplier Name',
  'Transaction Number',
  'Amount',
  'Purchase Category',
  'Supplier Type',
  'VAT Registration Number',
];

// FY 2023/24: 01/04/2023 .. 31/03/2024
const FY_START = Date.UTC(2023, 3, 1);
const FY_DAYS = 366;

function supplier() {
  const r = rand();
  if (r < 0.45) {
    // company; some names need CSV quoting (comma / double quote)
    const a = pick(SURNAMES);
    const f = rand();
    let name;
    if (f < 0.1) name = `${a}, ${pick(SURNAMES)} and Partners ${pick(['LLP', 'Ltd'])}`;
    else if (f < 0.13) name = `The "${pick(['Green', 'Clean', 'Bright', 'Smart'])}" ${pick(TRADES)} Company`;
    else name = `${a} ${pick(TRADES)} ${pick(SUFFIXES)}`;
    return [name, 'Company', true];
  }
  if (r < 0.7) return [`${pick(SURNAMES)} ${pick(TRADES)} ${pick(['Ltd', 'Limited'])}`, 'SME', rand() < 0.7];
  if (r < 0.8) return [`${pick(SURNAMES)} ${pick(['Plumbing', 'Electrical', 'Gardening', 'Joinery', 'Decorating'])}`, 'Sole Trader', rand() < 0.3];
  if (r < 0.88) return [`${pick(VCSE)} ${pick(['Cambridge', 'Exeter', 'Devon', 'Fenland', 'Huntingdon'])}`, 'VCSE', false];
  if (r < 0.95) return [pick(PUBLIC_BODIES), 'Public Sector', false];
  return ['REDACTED PERSONAL DATA', 'Individual', false];
}

function amount() {
  // log-uniform between £500 and ~£500k, ~1% credit notes
  const v = Math.exp(Math.log(500) + rand() * Math.log(1000));
  const s = v.toFixed(2);
  return rand() < 0.01 ? '-' + s : s;
}

let txn = 4100000;
function makeRow() {
  const [orgName, orgCode, orgSlug] = pick(COUNCILS);
  const d = new Date(FY_START + int(0, FY_DAYS - 1) * 86400000);
  const date = `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const [supName, supType, vatReg] = supplier();
  txn += int(1, 7);
  const row = {
    'Organisation Name': orgName,
    'Organisation Code': orgCode,
    'Organisation URI': `http://opendatacommunities.org/id/district-council/${orgSlug}`,
    'Effective Date': date,
    'Service Area': pick(SERVICE_AREAS),
    'Expenses Type': pick(EXPENSE_TYPES),
    'Supplier Name': supName,
    'Transaction Number': `${pick(['AP', 'PO', 'INV'])}${txn}`,
    Amount: amount(),
    'Purchase Category': pick(PURCHASE_CATEGORIES),
    'Supplier Type': supType,
    'VAT Registration Number': vatReg ? 'GB' + digits(9) : '',
  };
  // deliberate errors (the draw happens for every row, so the sequence is stable)
  const e = rand();
  const k = rand();
  let kind = null;
  if (e < ERROR_RATE) {
    if (k < 0.25) {
      kind = 'bad_date';
      row['Effective Date'] = pick(BAD_DATES);
    } else if (k < 0.5) {
      kind = 'bad_amount';
      row.Amount = pick(BAD_AMOUNTS);
    } else if (k < 0.75) {
      kind = 'missing';
      row[pick(REQUIRED_FOR_MISSING)] = '';
    } else {
      kind = 'bad_enum';
      row['Supplier Type'] = pick(BAD_ENUMS);
    }
  }
  return [row, kind];
}

// The last 1024 rows' keys, to copy from when planting a duplicate.
const recent = [];
function plantDuplicate(row, i, kind) {
  // A duplicate is planted only on a row without a deliberate error, copying a row whose key is whole
  // (an empty part makes no key, so it could not be a duplicate).
  const candidate = recent.length && rand() < DUPLICATE_RATE ? recent[Math.floor(rand() * recent.length)] : undefined;
  const source = candidate && !kind && candidate.txn ? candidate : undefined;
  if (source) {
    row['Organisation Name'] = source.name;
    row['Organisation Code'] = source.code;
    row['Organisation URI'] = source.uri;
    row['Transaction Number'] = source.txn;
  }
  const entry = { name: row['Organisation Name'], code: row['Organisation Code'], uri: row['Organisation URI'], txn: row['Transaction Number'], first: source ? source.first : i };
  if (recent.length < 1024) recent.push(entry);
  else recent[i % 1024] = entry;
  return source ? source.first : undefined;
}

const csvCell = (v) => (/[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v);
const NUMERIC = /^-?\d+(\.\d+)?$/;
function typed(row) {
  const o = {};
  for (const c of COLUMNS) {
    const v = row[c];
    if (v === '') continue; // empty cell = missing value
    o[c] = c === 'Amount' && NUMERIC.test(v) ? Number(v) : v;
  }
  return o;
}

// ---------- buffered writers with backpressure ----------
function writer(path) {
  const ws = fs.createWriteStream(path);
  let buf = '';
  return {
    async write(s) {
      buf += s;
      if (buf.length > 1 << 20) {
        const ok = ws.write(buf);
        buf = '';
        if (!ok) await new Promise((r) => ws.once('drain', r));
      }
    },
    end() {
      return new Promise((r) => {
        ws.end(buf, r);
      });
    },
  };
}

const outs = {};
if (FORMATS.has('csv')) outs.csv = writer(`${OUT}.csv`);
if (FORMATS.has('json')) outs.json = writer(`${OUT}.json`);
if (FORMATS.has('ndjson')) outs.ndjson = writer(`${OUT}.ndjson`);

if (outs.csv) await outs.csv.write(COLUMNS.map(csvCell).join(',') + '\r\n');
if (outs.json) await outs.json.write('[\n');

const errors = [];
const duplicates = [];
const byKind = { bad_date: 0, bad_amount: 0, missing: 0, bad_enum: 0 };
for (let i = 1; i <= ROWS; i++) {
  const [row, kind] = makeRow();
  if (kind) {
    errors.push([i, kind]);
    byKind[kind]++;
  }
  if (DUPLICATE_RATE > 0) {
    const first = plantDuplicate(row, i, kind);
    if (first !== undefined) duplicates.push([i, first]);
  }
  if (outs.csv) await outs.csv.write(COLUMNS.map((c) => csvCell(row[c])).join(',') + '\r\n');
  if (outs.json || outs.ndjson) {
    const j = JSON.stringify(typed(row));
    if (outs.json) await outs.json.write((i > 1 ? ',\n' : '') + j);
    if (outs.ndjson) await outs.ndjson.write(j + '\n');
  }
}
if (outs.json) await outs.json.write('\n]\n');
await Promise.all(Object.values(outs).map((w) => w.end()));

fs.writeFileSync(
  `${OUT}.expected.json`,
  JSON.stringify({ rows: ROWS, seed: SEED, errorRate: ERROR_RATE, expectedErrorRows: errors.length, byKind, rowsWithErrors: errors, duplicateKeys: duplicates }) + '\n',
);
console.error(`wrote ${ROWS} rows (${errors.length} with deliberate errors: ${JSON.stringify(byKind)}) to ${OUT}.{${[...FORMATS].join(',')}}`);
