// Header names as councils and the published templates write them, each read as the standard's field.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateColumns, matchHeader } from '../../src/check/header.js';
import { nameKey } from '../../src/standards/name-tokens.js';
import { BUNDLED_DIR } from '../../src/standards/registry.js';
import { loadStandardFile } from '../../src/standards/load.js';
import type { Standard } from '../../src/standards/standard.js';

const loaded = new Map<string, Standard>();
async function standard(id: string): Promise<Standard> {
  let s = loaded.get(id);
  if (!s) {
    s = await loadStandardFile(join(BUNDLED_DIR, id, 'schema.json'));
    loaded.set(id, s);
  }
  return s;
}

async function fieldFor(id: string, name: string): Promise<string | undefined> {
  const match = matchHeader([name], await standard(id));
  return match.columns[0]!.field?.name;
}

describe('names from templates, field definitions and council files', () => {
  const cases: Array<[string, string, string]> = [
    // spend over £500 and its sibling, procurement card transactions: one set of names
    ['spend-over-500', 'Supplier (Beneficiary) Name', 'BeneficiaryName'],
    ['procurement-card-transactions', 'Supplier (Beneficiary) Name', 'BeneficiaryName'],
    ['spend-over-500', 'Invoice Payment Date', 'PaymentDate'],
    ['procurement-card-transactions', 'Invoice Payment Date', 'PaymentDate'],
    ['spend-over-500', 'Invoice Nett Amount', 'Amount'],
    ['spend-over-500', 'Invoice Net Amt', 'Amount'],
    ['procurement-card-transactions', 'Invoice Nett Amount', 'Amount'],
    ['spend-over-500', 'Invoice Line Value (net of VAT)', 'Amount'],
    ['spend-over-500', 'Amount (£)', 'Amount'],
    ['spend-over-500', 'AMOUNT (EX VAT)', 'Amount'],
    ['spend-over-500', 'Vendor Name', 'BeneficiaryName'],
    ['procurement-card-transactions', 'Vendor Name', 'BeneficiaryName'],
    ['spend-over-500', 'Date Paid', 'PaymentDate'],
    ['spend-over-500', 'Trans. No.', 'TransactionNumber'],
    ['spend-over-500', 'Dept', 'OrganisationalUnit'],
    ['spend-over-500', 'Non-Recoverable VAT', 'IrrecoverableVATAmount'],
    ['spend-over-500', 'Purpose of Expenditure', 'Purpose'],
    ['spend-over-500', 'Sum of Inv Amount', 'Amount'],
    ['spend-over-500', 'Headserv Name', 'OrganisationalUnit'],
    ['spend-over-500', 'supplier_name', 'BeneficiaryName'],
    ['spend-over-500', 'trans_no', 'TransactionNumber'],
    ['spend-over-500', 'Company Reg No', 'CompaniesHouseRegistrationNumber'],
    // counter-fraud: the Transparency Code's wording
    ['counter-fraud', 'Amount Spent Countering Fraud', 'FraudSpentAmount'],
    ['counter-fraud', 'Fraud spent amount', 'FraudSpentAmount'],
    ['counter-fraud', 'Number of fraud cases investigated', 'TotalInvestigatedFraud'],
    // contracts: the LGA template
    ['contracts', 'Total Contract Value (including extensions)', 'ContractValue'],
    ['contracts', 'Title of Agreement', 'ContractTitle'],
    ['contracts', 'Contract Ref.', 'ContractReference'],
    ['contracts', 'Supplier Name', 'SupplierName'],
    // places
    ['planning-applications', 'Grid Ref X', 'GeoX'],
    ['planning-applications', 'Grid Ref Y', 'GeoY'],
    ['public-toilets', 'Grid Reference Easting', 'GeoX'],
    ['brownfield-land', 'Eastings', 'GeoX'],
    // digital-land datasets
    ['tree-preservation-order', 'tporef', 'reference'],
    ['tree-preservation-order', 'TPO Ref', 'reference'],
    ['conservation-area', 'CA Ref', 'reference'],
  ];
  it.each(cases)('%s reads "%s" as %s', async (id, name, field) => {
    expect(await fieldFor(id, name)).toBe(field);
  });

  it('sibling standards read the same names for the same field', async () => {
    const spend = await standard('spend-over-500');
    const card = await standard('procurement-card-transactions');
    for (const field of ['BeneficiaryName', 'PaymentDate', 'Amount', 'OrganisationalUnit', 'IrrecoverableVATAmount', 'Purpose']) {
      const names = [field, ...spend.fieldByName.get(field)!.aliases];
      const readOtherwise = names.filter((name) => matchHeader([name], card).columns[0]!.field?.name !== field);
      expect(readOtherwise, field).toEqual([]);
    }
  });
});

describe('names that must not be read as a field', () => {
  const cases: Array<[string, string]> = [
    ['spend-over-500', 'Account'],
    ['spend-over-500', 'VAT Registration Number'],
    ['spend-over-500', 'Expense Code'],
    ['spend-over-500', 'Invoice Number'],
    ['counter-fraud', 'Value of Irregularities'],
  ];
  it.each(cases)('%s does not read "%s" as a required field', async (id, name) => {
    const s = await standard(id);
    const field = await fieldFor(id, name);
    if (field) expect(s.fieldByName.get(field)!.required).toBe(false);
  });
});

describe('a column read by its words never takes a field another column holds', () => {
  it('"Amount (inc VAT)" beside "Amount" is a column of its own', async () => {
    const match = matchHeader(['Amount', 'Amount (inc VAT)'], await standard('spend-over-500'));
    expect(match.columns.map((c) => [c.field?.name, c.duplicateOf !== undefined])).toEqual([
      ['Amount', false],
      [undefined, false],
    ]);
  });
});

describe('normalised words', () => {
  it.each([
    ['Invoice Nett Amount (£)', 'Amount Net Invoice'],
    ['Amount (inc VAT)', 'amount'],
    ['Amount (ex. VAT)', 'AMOUNT'],
    ['Trans. No.', 'transaction number'],
    ['BeneficiaryName', 'Beneficiary name'],
    ['Dept', 'department'],
    ['Org Name', 'Organisation name'],
  ])('"%s" has the words of "%s"', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });
  it('"VAT Irrecoverable" keeps the word VAT', () => {
    expect(nameKey('VAT Irrecoverable')).toBe('irrecoverable vat');
  });
});

describe('a missing column names the right candidates, or none', () => {
  it('never offers "Account" for Amount', async () => {
    const s = await standard('spend-over-500');
    const match = matchHeader(['Account', 'Supplier Name', 'Date Paid', 'Directorate', 'Irrecoverable VAT', 'Purpose'], s);
    const amount = match.missing.find((m) => m.field.name === 'Amount')!;
    expect(amount.candidates).toEqual([]);
    expect(amount.closest).toBeUndefined();
  });
  it('offers a column with most of the words of a known name', async () => {
    const s = await standard('spend-over-500');
    expect(candidateColumns(s.fieldByName.get('Amount')!, ['Account', 'Amount Paid To Supplier', 'Cost Centre'])).toEqual(['Amount Paid To Supplier']);
  });
  it('offers a slip of a letter in a name', async () => {
    const s = await standard('spend-over-500');
    expect(candidateColumns(s.fieldByName.get('Purpose')!, ['Account', 'Purpse of Spnd'])).toEqual(['Purpse of Spnd']);
  });
});
