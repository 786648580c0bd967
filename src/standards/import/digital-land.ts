// Import one dataset of a digital-land (planning.data.gov.uk) specification: the folder holds
// specification/*.csv (specification, dataset, field, datatype, specification-field, dataset-field) and
// content/specification/*.md, whose YAML front matter gives each field's requirement level (MUST, SHOULD,
// MAY, CONDITIONAL) and the assertions made of it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConformError } from '../../errors.js';
import { datatypeRule } from './digital-land-datatypes.js';
import { readCsvRecords, readFrontMatter } from './read-source.js';
import { idFrom, isObject, type ImportedStandard, type ImportOptions, type JsonObject } from './types.js';

type Row = Record<string, string>;

interface SpecField {
  field: string;
  level: string;
  /** The kinds of plan (or other datasets) a CONDITIONAL field applies to. */
  conditionDatasets: string[];
  description: string;
  guidance: string;
  assertions: string[];
}

const PUBLISHER = 'Ministry of Housing, Communities and Local Government (planning.data.gov.uk)';
const LICENCES: Record<string, string> = { ogl3: 'Open Government Licence v3.0', ogl: 'Open Government Licence v3.0' };

export function importDigitalLand(folder: string, options: ImportOptions): ImportedStandard {
  const table = (name: string) => {
    const path = join(folder, 'specification', `${name}.csv`);
    if (!existsSync(path)) throw new ConformError(`${folder} is not a digital-land specification folder: specification/${name}.csv is missing`);
    return readCsvRecords(path);
  };
  const specifications = table('specification');
  const datasets = table('dataset');
  const fieldRows = new Map(table('field').map((r) => [r.field!, r]));
  const specificationFields = table('specification-field');
  const datasetName = options.dataset;
  if (!datasetName) {
    const names = specifications.flatMap((s) => (s.datasets ?? '').split(';')).filter(Boolean);
    throw new ConformError(`Name the dataset to import with --dataset, one of: ${names.join(', ')}`);
  }
  const dataset = datasets.find((d) => d.dataset === datasetName);
  const specification = specifications.find((s) => (s.datasets ?? '').split(';').includes(datasetName));
  if (!dataset && !specification) throw new ConformError(`The specification in ${folder} has no dataset "${datasetName}"; see specification/dataset.csv for the names`);
  const notCarried: string[] = [];

  const fields = specification
    ? specFields(folder, specification, datasetName, specificationFields)
    : table('dataset-field')
        .filter((r) => r.dataset === datasetName)
        .map((r) => ({ field: r.field!, level: '', conditionDatasets: [], description: r.description ?? '', guidance: r.guidance ?? '', assertions: [] }));
  if (!fields.length) throw new ConformError(`The dataset "${datasetName}" names no fields in ${folder}`);
  if (!specification)
    notCarried.push(`The dataset ${datasetName} belongs to no specification, so its fields come from specification/dataset-field.csv without requirement levels.`);

  const title = capital(dataset?.name || datasetName.replace(/-/g, ' '));
  // Another dataset's name in a description borrowed from it would mislead.
  const otherNames = datasets.map((d) => (d.name ?? '').toLowerCase()).filter((n) => n.length > 4 && n !== title.toLowerCase());
  const properties: Record<string, JsonObject> = {};
  const defs: Record<string, JsonObject> = {};
  const required: string[] = [];
  const caveats = new Set<string>();
  const leveled = fields.some((f) => f.level);
  const refersTo: string[] = [];
  for (const f of fields) {
    const row = fieldRows.get(f.field);
    const datatype = row?.datatype || 'string';
    const rule = datatypeRule(datatype);
    Object.assign(defs, rule.defs ?? {});
    if (rule.caveat) caveats.add(rule.caveat);
    const one = { ...rule.schema };
    const property: JsonObject = row?.cardinality === 'n' ? { type: 'array', items: one, 'x-separator': ';' } : one;
    const target = referredDataset(f.field, row, datasets, datasetName);
    const description =
      describe(f, row) ||
      generic(f.field, title.toLowerCase()) ||
      describedElsewhere(f.field, specificationFields, otherNames) ||
      (target ? `The reference of ${row?.cardinality === 'n' ? 'entries' : 'an entry'} of the ${target} dataset on planning.data.gov.uk.` : '');
    if (description) property.description = description;
    const examples = typedExamples(examplesOf(f.guidance), one);
    if (examples.length && row?.cardinality !== 'n') property.examples = examples;
    const alias = row?.name && idFrom(row.name) !== f.field ? [row.name] : [];
    if (alias.length) property['x-aliases'] = alias;
    if (f.level === 'MUST') required.push(f.field);
    if (f.level === 'SHOULD') {
      required.push(f.field);
      property['x-severity'] = { 'header-missing': 'warning', 'value-missing': 'warning' };
    }
    if (f.level === 'CONDITIONAL') {
      notCarried.push(`${f.field} is CONDITIONAL${f.conditionDatasets.length ? ` (needed for ${f.conditionDatasets.join(', ')})` : ''}; conform treats it as optional.`);
    }
    for (const assertion of f.assertions) notCarried.push(`${f.field}: the specification asserts that it should ${assertion} This is not checked.`);
    if (target) refersTo.push(`${f.field} (entries of the ${target} dataset)`);
    properties[f.field] = property;
  }

  const names = Object.keys(properties);
  const key = dataset?.['key-field'] && names.includes(dataset['key-field']) ? dataset['key-field'] : names.includes('reference') ? 'reference' : undefined;
  const severity: JsonObject = {};
  const anyOf: JsonObject[] = [];
  if (!leveled) {
    // A candidate standard gives no levels: the reference keys each record on the platform, and the
    // guidance asks for an entry date and a documentation page on every record.
    if (key) required.push(key);
    const soft = ['documentation-url', 'entry-date'].filter((f) => names.includes(f));
    for (const name of soft) {
      required.push(name);
      properties[name]!['x-severity'] = { 'header-missing': 'warning', 'value-missing': 'warning' };
    }
    notCarried.push(
      `The specification gives these fields no requirement levels. conform requires ${key ?? 'no field'}${
        soft.length ? ` and warns when ${soft.join(' or ')} is missing` : ''
      }; every other field is optional.`,
    );
    if (names.includes('geometry') && names.includes('point')) {
      anyOf.push({ required: ['geometry'] }, { required: ['point'] });
      severity['row-rule'] = 'warning';
      notCarried.push('A record should have a geometry, or a point when no boundary is known: a record with neither is a warning.');
    }
  }
  if (refersTo.length) {
    notCarried.push(`Values that name entries of other planning.data.gov.uk datasets are read as text, not looked up: ${refersTo.join(', ')}.`);
  }
  for (const caveat of caveats) notCarried.push(`${caveat[0]!.toUpperCase()}${caveat.slice(1)}.`);
  if (names.includes('geometry') || names.includes('point')) {
    notCarried.push(
      'Geometry may also be sent as GeoJSON, GML or a GeoPackage; this standard checks the CSV form, where geometry is WKT. The six-decimal-place advice is not checked.',
    );
  }

  const id = options.id ?? idFrom(datasetName);
  const description = datasetDescription(dataset, specification, datasetName, folder);
  const status = specification?.['specification-status']?.replace(/-/g, ' ');
  const source = [
    specification
      ? `digital-land/specification content/specification/${specification.specification}.md${specification['entry-date'] ? ` (entry-date ${specification['entry-date']})` : ''}`
      : 'digital-land/specification specification/dataset-field.csv',
    'with specification/field.csv, datatype.csv and specification-field.csv',
  ].join(', ');
  const notes = [
    specification
      ? `This is the ${datasetName} dataset of the ${specification.specification} specification${status ? ` (status: ${status})` : ''}.`
      : `This is the ${datasetName} dataset of planning.data.gov.uk.`,
    ...notCarried,
  ];
  const schema: JsonObject = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://conform.dev/standards/${id}/1.0/schema.json`,
    title,
    description,
    'x-standard': {
      id,
      mode: 'records',
      version: '1.0',
      title,
      publisher: PUBLISHER,
      source,
      licence: LICENCES[dataset?.licence ?? 'ogl3'] ?? dataset?.licence ?? 'Open Government Licence v3.0',
      description,
      notes,
      sources: [
        specification
          ? {
              title: `${capital(specification.name || specification.specification!.replace(/-/g, ' '))} specification (planning data platform, digital-land/specification)`,
              url: `https://digital-land.github.io/specification/specification/${specification.specification}/`,
              ...(specification['entry-date'] ? { date: specification['entry-date'] } : {}),
            }
          : { title: `The ${datasetName} dataset (planning data platform, digital-land/specification)` },
      ],
    },
    type: 'object',
    ...(key ? { 'x-primaryKey': key } : {}),
    ...(Object.keys(severity).length ? { 'x-severity': severity } : {}),
    required: [...new Set(required)],
    properties,
    ...(anyOf.length ? { anyOf } : {}),
    ...(Object.keys(defs).length ? { $defs: defs } : {}),
  };
  return { id, schema, notCarried };
}

function specFields(folder: string, specification: Row, datasetName: string, rows: Row[]): SpecField[] {
  const csv = rows.filter((r) => r.specification === specification.specification && r.dataset === datasetName);
  const front = readFrontMatter(join(folder, 'content', 'specification', `${specification.specification}.md`));
  const fromMarkdown = isObject(front) && Array.isArray(front.datasets) ? front.datasets.find((d) => isObject(d) && d.dataset === datasetName) : undefined;
  const mdFields: JsonObject[] = isObject(fromMarkdown) && Array.isArray(fromMarkdown.fields) ? fromMarkdown.fields.filter(isObject) : [];
  const order = mdFields.length ? mdFields.map((f) => String(f.field)) : csv.map((r) => r.field!);
  return order.map((name) => {
    const row = csv.find((r) => r.field === name);
    const md = mdFields.find((f) => f.field === name);
    const assertions = Array.isArray(md?.assertions)
      ? md.assertions
          .filter(isObject)
          .map((a) => String(a.text ?? '').trim())
          .filter(Boolean)
      : [];
    const conditionDatasets = Array.isArray(md?.datasets) ? md.datasets.map(String) : (row?.datasets ?? '').split(';').filter(Boolean);
    return {
      field: name,
      level: String(md?.['requirement-level'] ?? row?.['requirement-level'] ?? '').toUpperCase(),
      conditionDatasets,
      description: row?.description ?? (typeof md?.description === 'string' ? md.description : ''),
      guidance: row?.guidance ?? (typeof md?.guidance === 'string' ? md.guidance : ''),
      assertions,
    };
  });
}

function datasetDescription(dataset: Row | undefined, specification: Row | undefined, name: string, folder: string): string {
  const front = specification ? readFrontMatter(join(folder, 'content', 'specification', `${specification.specification}.md`)) : undefined;
  const md = isObject(front) && Array.isArray(front.datasets) ? front.datasets.find((d) => isObject(d) && d.dataset === name) : undefined;
  const text = (isObject(md) && typeof md.description === 'string' && md.description) || dataset?.description || dataset?.text || '';
  const plural = dataset?.plural || sentence(name.replace(/-/g, ' '));
  return text ? sentence(plainText(text)) : `${plural}, one row per ${(dataset?.name || name.replace(/-/g, ' ')).toLowerCase()}, as published for planning.data.gov.uk.`;
}

/** The field's description, from the specification's words for it, else the field's own. */
function describe(f: SpecField, row: Row | undefined): string {
  const words = plainText(f.description) || plainText(row?.description ?? '') || firstParagraph(f.guidance);
  return words ? sentence(words) : '';
}

/** A field the specification leaves undescribed here is described the same way in another dataset. */
function describedElsewhere(field: string, rows: Row[], otherNames: string[]): string {
  for (const row of rows) {
    if (row.field !== field) continue;
    const words = plainText(row.description ?? '');
    const lower = words.toLowerCase();
    // Words about another dataset's records ("this asset of community value") would mislead here.
    if (words && !/\bthis\b/.test(lower) && !otherNames.some((n) => n !== field.replace(/-/g, ' ') && new RegExp(`\\b${n.replace(/[^a-z0-9 ]/g, '.')}\\b`).test(lower)))
      return sentence(words);
  }
  return '';
}

/** The fields every dataset has, said of this one, when the specification leaves them undescribed. */
function generic(field: string, name: string): string {
  if (field === 'reference') return `A reference for the ${name} that is unique within the dataset and permanent.`;
  if (field === 'name') return `The name of the ${name}.`;
  if (field === 'description') return `A brief description of the ${name}.`;
  return '';
}

/** The dataset whose entries a field names: one of the same name, or for a list field, of its singular. */
function referredDataset(field: string, row: Row | undefined, datasets: Row[], own: string): string | undefined {
  if (field === 'organisation' || field === own) return undefined;
  const exists = (name: string | undefined) => name !== undefined && datasets.some((d) => d.dataset === name);
  if (exists(field)) return field;
  const parent = row?.['parent-field'];
  return row?.cardinality === 'n' && parent && field === `${parent}s` && exists(parent) ? parent : undefined;
}

function capital(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

function firstParagraph(guidance: string): string {
  const paragraph = guidance.split(/\n\s*\n/)[0] ?? '';
  return /^example/i.test(paragraph.trim()) ? '' : plainText(paragraph);
}

/** The examples the guidance gives in backticks after "Example", whole values only (no "…" cut-offs). */
export function examplesOf(guidance: string): string[] {
  const at = guidance.search(/example/i);
  if (at < 0) return [];
  const found: string[] = [];
  for (const match of guidance.slice(at).matchAll(/`([^`\n]+)`/g)) {
    const value = match[1]!.trim();
    if (!value || /\.\.\.|…/.test(value) || /^YYYY/.test(value) || value === ';') continue;
    if (!found.includes(value)) found.push(value);
    if (found.length === 2) break;
  }
  return found;
}

/** Examples as the field's type reads them: numbers for numeric fields, and none that could not be one. */
function typedExamples(examples: string[], schema: JsonObject): unknown[] {
  if (schema.type !== 'integer' && schema.type !== 'number') return examples;
  return examples.filter((e) => /^-?\d+(\.\d+)?$/.test(e) && (schema.type === 'number' || !e.includes('.'))).map(Number);
}

function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const capital = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
