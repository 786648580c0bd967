// What went wrong with a value that no repair can put right: the hint says why, so a person knows what
// to do at the source, but nothing is changed (the information is gone, or only a person knows it).
import type { Field } from '../standards/standard.js';
import { impossibleDate, isTimeOnly } from './dates.js';
import { isNullToken } from './repairs.js';
import { nearestCodes } from '../standards/code-suggestions.js';

export interface Diagnosis {
  name: string;
  explain(text: string, field: Field): string | undefined;
}

/** Every Paid Date `00:00:00`: Excel formatted the date column as a time, and the date was lost on export. */
export const timeWithoutDate: Diagnosis = {
  name: 'time-without-date',
  explain(text, field) {
    if (!isDateField(field) || !isTimeOnly(text)) return undefined;
    return 'this is a time with no date: the column was formatted as a time in the spreadsheet, so the date was lost when the file was saved. Format the column as a date (yyyy-mm-dd) in the source and export the file again';
  },
};

/** 31/09/2024, 29/02/2023. */
export const notARealDate: Diagnosis = {
  name: 'impossible-date',
  explain(text) {
    const why = impossibleDate(text);
    return why ? `${why}: check the date at the source` : undefined;
  },
};

/** `N/A` in a field the standard requires: the value is missing, and only a person can supply it. */
export const requiredButNull: Diagnosis = {
  name: 'required-null-token',
  explain(text) {
    if (!isNullToken(text)) return undefined;
    return `${JSON.stringify(text)} means there is no value, but the standard requires one: fill it in`;
  },
};

/** `9.51E+06` in an identifier: Excel showed the number in scientific notation and dropped digits. */
export const scientificNotation: Diagnosis = {
  name: 'scientific-notation',
  explain(text, field) {
    if (!/^\s*\d(\.\d+)?E\+\d+\s*$/i.test(text) || !field.types.includes('string')) return undefined;
    return 'the spreadsheet wrote this number in scientific notation and its last digits are lost: format the column as text in the source and export the file again';
  },
};

/** `#VALUE!`, `#REF!`: a formula that failed in the spreadsheet. */
export const spreadsheetError: Diagnosis = {
  name: 'spreadsheet-error',
  explain(text) {
    if (!/^#(VALUE!|REF!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/i.test(text.trim())) return undefined;
    return `${text.trim()} is a spreadsheet formula error: correct the formula in the source and export the file again`;
  },
};

/**
 * `Buildings` where the standard allows `Buildings Only` and `Land/Buildings`, `Fixed Term Contract` for
 * `Fixed Term`: the allowed values that hold all the words of the value, or whose words it holds, or that
 * differ from it by a letter or two. Only a person can say which is meant, so nothing is changed.
 */
export const nearAllowedValue: Diagnosis = {
  name: 'near-allowed-value',
  explain(text, field) {
    const allowed = field.schema.enum;
    if (!Array.isArray(allowed)) return undefined;
    const values = allowed.filter((v): v is string => typeof v === 'string');
    const mine = words(text);
    if (!mine.length) return undefined;
    const within = (a: string[], b: string[]) => a.every((w) => b.includes(w));
    let near = values.filter((v) => {
      const theirs = words(v);
      return theirs.length > 0 && (within(mine, theirs) || within(theirs, mine));
    });
    if (!near.length) near = nearestCodes(text, values);
    return near.length
      ? `did you mean ${near
          .slice(0, 3)
          .map((v) => JSON.stringify(v))
          .join(' or ')}?`
      : undefined;
  },
};

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** `195000 - 199999` where one number is expected: which number is meant is for a person to say. */
export const rangeForNumber: Diagnosis = {
  name: 'range-for-number',
  explain(text, field) {
    if (!field.types.includes('number') && !field.types.includes('integer')) return undefined;
    if (!/^\s*£?\d[\d,]*(\.\d+)?\s*(-|–|to)\s*£?\d[\d,]*(\.\d+)?\s*$/i.test(text)) return undefined;
    return `this is a range, but ${field.name} holds one number: write the single number the standard asks for`;
  },
};

/**
 * `559716.56` in a longitude: an Ordnance Survey easting or northing (metres) where the standard wants
 * degrees, or a latitude and a longitude the wrong way round. For fields whose name or description says
 * they hold a longitude or a latitude (and have a range to be outside of).
 */
export const gridReferenceForDegrees: Diagnosis = {
  name: 'grid-reference-for-degrees',
  explain(text, field) {
    const axis = degreesAxis(field);
    const value = Number(text.trim());
    if (axis === undefined || text.trim() === '' || !Number.isFinite(value)) return undefined;
    const [grid, other] = axis === 'longitude' ? ['easting', 'latitude'] : ['northing', 'longitude'];
    // Great Britain's land lies between about 10 km and 700 km east of the national grid's origin, and
    // 10 km and 1,300 km north of it: a latitude of 100 is a mistake, but not a grid reference.
    if (value >= 10_000 && value <= (axis === 'longitude' ? 700_000 : 1_300_000)) {
      return `this looks like an Ordnance Survey ${grid} in metres, not a ${axis} in degrees (WGS84): convert the grid reference to longitude and latitude at the source`;
    }
    // The UK lies between latitudes 49 and 61, and longitudes -9 and 2: a value that fits the other only.
    const minimum = field.schema.minimum as number | undefined;
    const maximum = field.schema.maximum as number | undefined;
    const looksOther =
      axis === 'longitude' ? value >= 49 && value <= 61 && maximum !== undefined && maximum < 49 : value >= -9 && value <= 2 && minimum !== undefined && minimum > 2;
    if (looksOther) return `this looks like a ${other}, not a ${axis}: check that the longitude and latitude are not the wrong way round`;
    return undefined;
  },
};

/** Whether a field holds a longitude or a latitude: as its name says, else its description (naming one of them only). */
function degreesAxis(field: Field): 'longitude' | 'latitude' | undefined {
  for (const said of [field.name, field.description ?? '']) {
    const longitude = /\blongitude\b/i.test(said);
    if (longitude !== /\blatitude\b/i.test(said)) return longitude ? 'longitude' : 'latitude';
  }
  return undefined;
}

export const DIAGNOSES: Diagnosis[] = [
  timeWithoutDate,
  notARealDate,
  requiredButNull,
  scientificNotation,
  spreadsheetError,
  rangeForNumber,
  gridReferenceForDegrees,
  nearAllowedValue,
];

/** The field holds dates: a date or date-time format, or a pattern for dd/mm/yyyy dates. */
export function isDateField(field: Field): boolean {
  let known = dateFields.get(field);
  if (known === undefined) {
    const text = JSON.stringify(field.schema);
    known = /"format":"date(-time)?"/.test(text) || /dd\/mm\/yyyy|\\d\{2\}\/\\d\{2\}\/\\d\{4\}/i.test(text) || /date/i.test(field.name);
    dateFields.set(field, known);
  }
  return known;
}

const dateFields = new WeakMap<Field, boolean>();
