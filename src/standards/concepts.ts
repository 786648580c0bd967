// The names councils give one field, gathered once per concept from the published templates, field-
// definition tables and guidance (the LGA's schemas and templates, the Local Government Transparency
// Code's own wording, digital-land's field names), so that sibling standards — spend over £500 and
// procurement card transactions, say — read the same column names. A field takes a concept's names by
// its own name (in any standard, or in one: "tree-preservation-order:reference"), or by the schema
// keyword `x-concept` on the field, which overrides the name.

export interface Concept {
  id: string;
  /** Column names for the concept, as publishers write them. */
  names: string[];
  /** The fields that hold it: a field name in any standard, or "standard-id:field" for one standard. */
  fields: string[];
}

export const CONCEPTS: Concept[] = [
  {
    id: 'organisation-name',
    fields: ['OrganisationLabel', 'PublisherLabel'],
    names: ['Organisation Name', 'Organisation', 'Organisation Label', 'Body Name', 'Authority', 'Authority Name', 'Local Authority', 'Council', 'Council Name', 'Publisher'],
  },
  {
    id: 'organisation-uri',
    fields: ['OrganisationURI', 'OrganisationCode'],
    names: ['Organisation URI', 'Organisation Code', 'Organisation Identifier', 'Organisation ID', 'Body URI', 'Authority Code', 'Council Code'],
  },
  {
    id: 'organisational-unit',
    fields: ['OrganisationalUnit'],
    names: [
      'Organisational Unit',
      'Service Area',
      'Service',
      'Directorate',
      'Department',
      'Expense Area',
      'Service Division',
      'Department Name',
      'Directorate Name',
      'Responsible Department',
      'Local Authority Department',
      'Cost Centre Description',
      'Service Area Name',
      'Portfolio',
      'Division',
      'Headserv Name',
      'Cardholder Department',
      // The 2011 DCLG spend guidance's "Service label" (Harrogate, Leeds).
      'Service Label',
      'Business Unit',
      'Business Unit Description',
    ],
  },
  {
    id: 'supplier-name',
    fields: ['BeneficiaryName', 'SupplierName'],
    names: [
      'Supplier Name',
      'Supplier',
      'Supplier (Beneficiary) Name',
      'Beneficiary',
      'Beneficiary Name',
      'Payee',
      'Payee Name',
      'Vendor',
      'Vendor Name',
      'Merchant',
      'Merchant Name',
      'Creditor',
      'Creditor Name',
      'Recipient',
      'Recipient Name',
      'Supplier Details',
      'Supplier Name and Details',
      'Contractor',
      'Contractor Name',
      'Provider',
      'Provider Name',
    ],
  },
  {
    id: 'supplier-id',
    fields: ['BeneficiaryOtherID', 'OtherSupplierID'],
    names: ['Supplier ID', 'Supplier Reference', 'Supplier Number', 'Supplier Code', 'Vendor ID', 'Vendor Number', 'Creditor Number', 'Creditor Reference', 'Merchant ID'],
  },
  {
    id: 'company-number',
    fields: ['CompaniesHouseRegistrationNumber'],
    names: [
      'Company Number',
      'Company Registration Number',
      'Companies House Number',
      'Companies House Registration Number',
      'Supplier Company Number',
      'Registered Company Number',
      'Company Reg No',
    ],
  },
  {
    id: 'charity-number',
    fields: ['CharityCommissionNumber'],
    names: ['Charity Number', 'Charity Registration Number', 'Registered Charity Number', 'Charity Commission Number', 'Supplier Charity Number'],
  },
  {
    id: 'payment-date',
    fields: ['PaymentDate'],
    names: [
      'Payment Date',
      'Invoice Payment Date',
      'Date Paid',
      'Paid Date',
      'Pay Date',
      'Date of Payment',
      'Date',
      'Transaction Date',
      'Date Expenditure Incurred',
      'Expenditure Date',
      'Posting Date',
      'Purchase Date',
      'Invoice Paid Date',
      'Payment Run Date',
      'Cheque Date',
    ],
  },
  {
    id: 'transaction-number',
    fields: ['TransactionNumber'],
    names: [
      'Transaction Number',
      'Transaction ID',
      'Transaction Reference',
      'Transaction No',
      'Trans No',
      'Inv Transaction',
      'Payment Reference',
      'Payment Number',
      'Document Number',
    ],
  },
  {
    id: 'amount',
    fields: ['Amount'],
    names: [
      'Amount',
      'Net Amount',
      'Invoice Net Amount',
      'Invoice Nett Amount',
      'Invoice Amount',
      'Invoice Line Value',
      'Invoice Line Value (net of VAT)',
      'Line Amount',
      'Amount Paid',
      'Payment Amount',
      'Paid Amount',
      'Value',
      'Net Value',
      'Amount (£)',
      'Amount £',
      'Sum of Inv Amount',
      'Transaction Amount',
      'Expenditure',
      'Expenditure Amount',
      'Spend',
      'Total',
      'Gross Amount',
      'Amount Excluding VAT',
      // Beside "Gross" and "VAT" columns, the amount the Code asks for (Salford).
      'Net',
      'Invoiced Value',
      'Invoice Value',
    ],
  },
  {
    id: 'irrecoverable-vat',
    fields: ['IrrecoverableVATAmount', 'IrrecoverableVAT'],
    names: [
      'Irrecoverable VAT',
      'Irrecoverable VAT Amount',
      'VAT Irrecoverable',
      'Non Recoverable VAT',
      'Non-recoverable VAT',
      'Unrecoverable VAT',
      'VAT that cannot be recovered',
      'Value Added Tax that cannot be recovered',
    ],
  },
  {
    id: 'purpose',
    fields: ['Purpose'],
    names: [
      'Purpose',
      'Purpose of Spend',
      'Purpose of Expenditure',
      'Summary of Purpose',
      'Expense Type',
      'Expenses Type',
      'Expenditure Category',
      'Account Description',
      'Description',
      'Expense Description',
      'Spend Category',
      'Subjective Description',
      'Transaction Description',
      'Merchant Category',
      // The expenditure category of the Service Reporting Code of Practice (North Tyneside), an expense
      // code's description (Sheffield).
      'SeRCOP Expenditure Category',
      'Expense Code Description',
    ],
  },
  {
    id: 'procurement-category',
    fields: ['CategoryInternalName', 'ProcurementCategory'],
    names: ['Category', 'Procurement Category', 'Internal Category', 'Category Internal Name'],
  },
  { id: 'cpv-code', fields: ['CPVCode'], names: ['CPV Code', 'CPV', 'Common Procurement Vocabulary Code'] },
  { id: 'cpv-label', fields: ['CPVLabel'], names: ['CPV Label', 'CPV Description', 'Common Procurement Vocabulary'] },
  { id: 'proclass-code', fields: ['ProclassCode'], names: ['ProClass', 'ProClass Code'] },
  { id: 'proclass-label', fields: ['ProclassLabel'], names: ['ProClass Description', 'ProClass Label'] },
  { id: 'card-transaction', fields: ['CardTransaction'], names: ['Card Transaction', 'Card Type', 'Procurement Card'] },
  { id: 'contract-reference', fields: ['ContractRef', 'ContractReference'], names: ['Contract Reference', 'Contract Ref', 'Contract Number', 'Contract ID', 'Reference Number'] },
  { id: 'merchant-category-code', fields: ['MerchantCategoryCode'], names: ['MCC', 'MCC Code', 'Merchant Category Code'] },
  // "Type of Expenditure" is not here: Oxford's files hold capital or revenue under it, not the purpose.
  // Counter-fraud: the LGA template's titles and the Transparency Code's wording (paragraph 46).
  {
    id: 'fraud-powers-used',
    fields: ['TotalOccasionsFraudPowers'],
    names: [
      'Occasions Fraud Powers Used',
      'Total Occasions Fraud Powers',
      'Number of Occasions Powers Used',
      'Occasions Powers Used',
      'Prevention of Social Housing Fraud Powers Used',
    ],
  },
  {
    id: 'fraud-employees',
    fields: ['TotalFraudEmployeesCount'],
    names: ['Fraud Employees', 'Total Fraud Employees', 'Total Fraud Employees Count', 'Number of Fraud Employees', 'Employees Investigating Fraud'],
  },
  {
    id: 'fraud-employees-fte',
    fields: ['FTEFraudEmployeesCount'],
    names: ['FTE Fraud Employees', 'FTE Fraud Employees Count', 'Fraud Employees FTE', 'Full Time Equivalent Fraud Employees'],
  },
  {
    id: 'fraud-specialists',
    fields: ['TotalFraudSpecialistsCount'],
    names: ['Fraud Specialists', 'Total Fraud Specialists', 'Total Fraud Specialists Count', 'Counter Fraud Specialists', 'Accredited Counter Fraud Specialists'],
  },
  {
    id: 'fraud-specialists-fte',
    fields: ['FTEFraudSpecialistCount'],
    names: ['FTE Fraud Specialists', 'FTE Fraud Specialist Count', 'FTE Fraud Specialists Count', 'Fraud Specialists FTE', 'FTE Counter Fraud Specialists'],
  },
  {
    id: 'fraud-spend',
    fields: ['FraudSpentAmount'],
    names: [
      'Amount Spent on Fraud',
      'Amount Spent Countering Fraud',
      'Amount Spent on Counter Fraud',
      'Fraud Spent Amount',
      'Spend on Counter Fraud',
      'Counter Fraud Spend',
      'Amount Spent on Investigation and Prosecution of Fraud',
    ],
  },
  {
    id: 'fraud-investigated',
    fields: ['TotalInvestigatedFraud'],
    names: ['Fraud Cases Investigated', 'Total Investigated Fraud', 'Total Fraud Cases Investigated', 'Number of Fraud Cases Investigated'],
  },
  { id: 'fraud-identified', fields: ['TotalIdentifiedFraud'], names: ['Fraud Cases Identified', 'Total Identified Fraud', 'Number of Fraud Cases Identified'] },
  { id: 'fraud-value', fields: ['ValueFraud'], names: ['Value of Fraud', 'Value Fraud', 'Total Value of Fraud'] },
  { id: 'fraud-value-recovered', fields: ['ValueFraudRecovered'], names: ['Value of Fraud Recovered', 'Value Fraud Recovered', 'Fraud Recovered'] },
  // Contracts: the LGA template's titles and the Transparency Code's wording (paragraph 33).
  { id: 'contract-title', fields: ['ContractTitle'], names: ['Contract Title', 'Title', 'Title of Agreement', 'Contract Name', 'Agreement Title'] },
  {
    id: 'contract-value',
    fields: ['ContractValue'],
    names: [
      'Contract Value',
      'Total Contract Value',
      'Total Contract Value (including extensions)',
      'Value',
      'Total Value',
      'Value of Contract',
      'Estimated Contract Value',
      'Sum to be Paid over the Length of the Contract',
      'Estimated Total Value',
      'Contract Amount',
    ],
  },
  { id: 'contract-start', fields: ['contracts:StartDate'], names: ['Contract Start Date', 'Contract Start', 'Start Date', 'Start'] },
  { id: 'contract-end', fields: ['contracts:EndDate'], names: ['Contract End Date', 'Contract End', 'End Date', 'End', 'Expiry Date', 'Contract Expiry Date'] },
  { id: 'contract-review', fields: ['ReviewDate'], names: ['Contract Review Date', 'Review Date', 'Review'] },
  {
    id: 'contract-description',
    fields: ['contracts:Description'],
    names: ['Description', 'Description of Goods and Services', 'Description of the Goods and/or Services', 'Contract Description', 'Goods and Services'],
  },
  { id: 'sme', fields: ['SMESupplier'], names: ['SME', 'SME Supplier', 'Small or Medium Enterprise', 'Is SME', 'SME (Y/N)'] },
  { id: 'vcse', fields: ['VCSESupplier'], names: ['VCSE', 'VCSE Supplier', 'Voluntary or Community Sector', 'Is VCSE', 'VCSE (Y/N)'] },
  {
    id: 'process-type',
    fields: ['ProcessType'],
    names: ['Process Type', 'Tender Type', 'Procurement Process', 'Procurement Route', 'Procurement Method', 'Invitation to Quote or Tender'],
  },
  // Places: coordinates as the LGA templates, digital-land and council exports write them.
  {
    id: 'easting',
    fields: ['GeoX'],
    names: [
      'Easting',
      'Eastings',
      'Longitude',
      'X',
      'Grid Ref X',
      'Grid Reference X',
      'Grid Reference Easting',
      'X Coordinate',
      'Coordinate X',
      'BNG Easting',
      'OS Easting',
      'Lon',
      'Long',
      'Geo X',
    ],
  },
  {
    id: 'northing',
    fields: ['GeoY'],
    names: [
      'Northing',
      'Northings',
      'Latitude',
      'Y',
      'Grid Ref Y',
      'Grid Reference Y',
      'Grid Reference Northing',
      'Y Coordinate',
      'Coordinate Y',
      'BNG Northing',
      'OS Northing',
      'Lat',
      'Geo Y',
    ],
  },
  { id: 'uprn', fields: ['UPRN'], names: ['UPRN', 'Unique Property Reference Number', 'Property Reference'] },
  {
    id: 'case-reference',
    fields: ['CaseReference'],
    names: ['Case Reference', 'Application Reference', 'Application Number', 'Application Ref', 'Planning Reference', 'Planning Application Number', 'Reference'],
  },
  { id: 'case-text', fields: ['CaseText'], names: ['Case Text', 'Proposal', 'Description', 'Development Description', 'Description of Development'] },
  { id: 'location-text', fields: ['LocationText'], names: ['Location Text', 'Location', 'Site Address', 'Address', 'Site Location'] },
  // digital-land datasets: a reference under the dataset's own short names.
  {
    id: 'tpo-reference',
    fields: ['tree-preservation-order:reference'],
    names: ['reference', 'ref', 'tporef', 'TPO ref', 'TPO reference', 'TPO number', 'TPO no', 'order number', 'order reference', 'id'],
  },
  { id: 'conservation-area-reference', fields: ['conservation-area:reference'], names: ['reference', 'ref', 'CA ref', 'CA reference', 'conservation area reference', 'id'] },
  {
    id: 'article-4-reference',
    fields: ['article-4-direction:reference'],
    names: ['reference', 'ref', 'A4D ref', 'A4D reference', 'direction reference', 'article 4 reference', 'id'],
  },
  { id: 'entry-date', fields: ['entry-date'], names: ['entry-date', 'entry date', 'last updated', 'last-updated-date', 'updated', 'date updated'] },
  { id: 'documentation-url', fields: ['documentation-url'], names: ['documentation-url', 'documentation', 'documentation url', 'web page', 'webpage', 'url', 'link'] },
];

const byId = new Map(CONCEPTS.map((c) => [c.id, c]));
const byField = new Map<string, Concept>();
for (const concept of CONCEPTS) for (const field of concept.fields) byField.set(field, concept);

/** The concept a field holds: its `x-concept`, or the one named for it in its standard, or for any field of its name. */
export function conceptOf(fieldName: string, standardId: string | undefined, declared: unknown): Concept | undefined {
  if (typeof declared === 'string') return byId.get(declared);
  return (standardId !== undefined ? byField.get(`${standardId}:${fieldName}`) : undefined) ?? byField.get(fieldName);
}

export const conceptById = (id: string | undefined): Concept | undefined => (id === undefined ? undefined : byId.get(id));

export const conceptIds = (): string[] => CONCEPTS.map((c) => c.id);
