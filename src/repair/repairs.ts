// Safe repairs: each a small named function that proposes how a cell could be written so that it passes.
// A proposal is only offered (as a hint, and by `conform fix`) after the caller has checked that the
// repaired value passes the field's rules; a proposal whose meaning is in doubt carries no fix.
import type { Field } from '../standards/standard.js';
import { isoDate, readColumnDate, spokenDate, ukDate, type DateOrderState } from './dates.js';
import { describeChanges, readAmount } from './numbers.js';

export interface Proposal {
  /** The repaired cell text. */
  value: string;
  /** How to fix it, in words; `{value}` is replaced by the repaired value. */
  hint: string;
  /** The repair could change the meaning (an ambiguous date), so it is suggested but never applied. */
  doubtful?: boolean;
  /** The repair reads a date whose day and month order was settled by the column's other dates. */
  dependsOnDateOrder?: boolean;
}

/** What the rest of the file says about how its cells are written. */
export interface RepairContext {
  /** What the column's dates settle about day and month. */
  dateOrder?: DateOrderState;
  /** The file writes decimal commas (1.234,56): it is separated by semicolons, as European-locale Excel does. */
  decimalComma?: boolean;
  /** What the dates that settle day and month are in, for the hint's words: "column" unless said. */
  datesIn?: string;
}

export interface Repair {
  /** The name `conform fix` logs for each change. */
  name: string;
  propose(text: string, field: Field, context: RepairContext): Proposal[];
  /** Offered only when exactly one of the proposals passes (padding a number to a pattern's length). */
  onlyIfUnique?: boolean;
}

/** Texts that stand for "no value" in exports from spreadsheets and databases. */
const NULL_TOKENS = new Set(['na', 'n/a', 'n.a.', '#n/a', 'null', '-', '--']);

export function isNullToken(text: string): boolean {
  if (text.length === 0 || text.length > 5) return false;
  // Every token starts with n, #, - (or a space before them): most short values are turned away here.
  const first = text.charCodeAt(0) | 0x20;
  if (first !== 0x6e && first !== 0x23 && first !== 0x2d && first !== 0x20) return false;
  return NULL_TOKENS.has(text.trim().toLowerCase());
}

/** Spaces, tabs or non-breaking spaces at either end. */
export function isPadded(text: string): boolean {
  if (!text.length) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first === 32 || first === 9 || first === 0xa0 || last === 32 || last === 9 || last === 0xa0;
}

export const trimSpaces: Repair = {
  name: 'trim-spaces',
  propose(text) {
    const value = text.replace(/[\s\u00a0]+/g, ' ').trim();
    if (value === text) return [];
    const hint = text.trim() === text ? 'collapse the repeated spaces: {value}' : 'remove the spaces around the value: {value}';
    return [{ value, hint }];
  },
};

/** `£1,200.00`, `"5,303.57 "`, `(1,234.50)`, `600.00 CR`, `1.234,56` where a number is expected. */
export const plainNumber: Repair = {
  name: 'plain-number',
  propose(text, field, context) {
    if (!wantsNumber(field)) return [];
    const amount = readAmount(text, context.decimalComma);
    if (!amount || amount.value === text) return [];
    if (amount.doubtful) return [{ value: amount.value, hint: `${amount.doubtful}: check which is meant and write it plainly`, doubtful: true }];
    return [{ value: amount.value, hint: `${describeChanges(amount.changes)}: {value}` }];
  },
};

/** `7.14:1` where a number is expected: a ratio to one is written as its first number. */
export const ratioToOne: Repair = {
  name: 'ratio-to-one',
  propose(text, field) {
    if (!wantsNumber(field)) return [];
    const m = /^\s*(\d+(?:\.\d+)?)\s*:\s*1(?:\.0+)?\s*$/.exec(text);
    return m ? [{ value: m[1]!, hint: 'write the ratio to one as a plain number: {value}' }] : [];
  },
};

/** `12.0` where a whole number is expected. */
export const wholeNumber: Repair = {
  name: 'whole-number',
  propose(text, field) {
    if (!field.types.includes('integer')) return [];
    const m = /^\s*(-?\d+)\.0+\s*$/.exec(text);
    return m ? [{ value: m[1]!, hint: 'write the whole number without the decimal part: {value}' }] : [];
  },
};

/** `Y`/`N`, `Yes`/`No`, `TRUE`, `1`/`0` for a yes/no field, written the way the standard wants. */
export const yesNo: Repair = {
  name: 'yes-no',
  propose(text, field) {
    const t = text.trim().toLowerCase();
    const yes = ['y', 'yes', 'true', 't', '1'].includes(t);
    const no = ['n', 'no', 'false', 'f', '0'].includes(t);
    if (!yes && !no) return [];
    if (field.types.includes('boolean')) return [{ value: yes ? 'true' : 'false', hint: 'write true or false: {value}' }];
    const allowed = enumValues(field);
    const target = allowed.find((v) => (yes ? /^(yes|y|true)$/i : /^(no|n|false)$/i).test(v));
    return target !== undefined && target !== text ? [{ value: target, hint: 'write the allowed value: {value}' }] : [];
  },
};

/** `Vacant` in a Vacancy column, `Shared` in SharedPost: a yes/no field whose cell repeats its name means yes. */
export const nameForYes: Repair = {
  name: 'name-for-yes',
  propose(text, field) {
    if (!field.types.includes('boolean')) return [];
    const key = loose(text);
    const names = [field.name, String(field.schema.title ?? ''), ...field.aliases];
    if (!key || !names.some((name) => loose(name) === key)) return [];
    return [{ value: 'true', hint: `${JSON.stringify(text.trim())} repeats the field's name, so it means yes: write {value} (and false where it does not apply)` }];
  },
};

/** An allowed value written in another case or spacing: `sme` for `SME`, `conservation area` for `conservation-area`. */
export const allowedSpelling: Repair = {
  name: 'allowed-spelling',
  propose(text, field) {
    const key = loose(text);
    if (!key) return [];
    const match = enumValues(field).filter((v) => loose(v) === key && v !== text);
    return match.length === 1 ? [{ value: match[0]!, hint: 'use the allowed spelling: {value}' }] : [];
  },
};

/** A list written with another separator than the standard's (`a|b` where the standard splits on `;`). */
export const listSeparator: Repair = {
  name: 'list-separator',
  propose(text, field) {
    if (!field.types.includes('array')) return [];
    const wanted = field.separator;
    for (const other of [';', '|', ',']) {
      if (other === wanted || !text.includes(other)) continue;
      const items = text
        .split(other)
        .map((s) => s.trim())
        .filter((s) => s !== '');
      if (items.length < 2) continue;
      return [{ value: items.join(wanted), hint: `separate the values with "${wanted}" instead of "${other}": {value}` }];
    }
    return [];
  },
};

/** A UK or Excel date where the standard wants another way of writing dates. */
export const standardDate: Repair = {
  name: 'standard-date',
  propose: (text, _field, context) => dateProposals(text, context),
};

/** The ways a date could be written instead (ISO 8601, then UK), with the words to say so. */
export function dateProposals(text: string, context: RepairContext): Proposal[] {
  const reading = readColumnDate(text, context.dateOrder);
  if (!reading) return [];
  const { date, alternative } = reading;
  return [isoDate, ukDate]
    .map((write) => {
      const value = write(date);
      const datesIn = context.datesIn ?? 'column';
      if (!alternative) {
        const why = reading.orderDependent ? ` (the ${datesIn}'s other dates put the ${context.dateOrder === 'month-first' ? 'month' : 'day'} first)` : '';
        return { value, hint: `write the date as {value}${why}`, dependsOnDateOrder: reading.orderDependent };
      }
      const unsettled =
        context.dateOrder === 'mixed'
          ? `the ${datesIn} has dates written with the day first and others with the month first`
          : `the ${datesIn}'s other dates do not show whether the day or the month comes first`;
      return {
        value,
        hint: `${JSON.stringify(text.trim())} could be ${spokenDate(date)} ({value}) or ${spokenDate(alternative)} (${write(alternative)}): ${unsettled}, so check which is meant`,
        doubtful: true,
        dependsOnDateOrder: true,
      };
    })
    .filter((p) => p.value !== text);
}

/** `NA`, `N/A`, `#N/A`, `NULL`, `-` where nothing is known: an empty cell says that. */
export const nullToken: Repair = {
  name: 'null-token',
  propose(text, field) {
    if (field.required && !field.nullable) return [];
    return isNullToken(text) ? [{ value: '', hint: `leave the cell empty instead of writing ${JSON.stringify(text)}` }] : [];
  },
};

/** Leading zeros that Excel dropped from an identifier (company number 9506232 for 09506232). */
export const leadingZeros: Repair = {
  name: 'leading-zeros',
  onlyIfUnique: true,
  propose(text, field) {
    if (!field.types.includes('string') || typeof field.schema.pattern !== 'string') return [];
    const digits = text.trim();
    if (!/^\d{1,11}$/.test(digits)) return [];
    const proposals: Proposal[] = [];
    for (let zeros = 1; zeros <= 4; zeros++) {
      proposals.push({ value: '0'.repeat(zeros) + digits, hint: 'put back the leading zeros that the spreadsheet removed: {value}' });
    }
    return proposals;
  },
};

/** Every repair, in the order they are tried. */
export const REPAIRS: Repair[] = [nullToken, wholeNumber, plainNumber, ratioToOne, yesNo, nameForYes, allowedSpelling, listSeparator, standardDate, leadingZeros, trimSpaces];

function wantsNumber(field: Field): boolean {
  return field.types.includes('number') || field.types.includes('integer');
}

export function enumValues(field: Field): string[] {
  const s = field.schema;
  const values = Array.isArray(s.enum) ? s.enum : 'const' in s ? [s.const] : Array.isArray(s.items?.enum) ? s.items.enum : [];
  return values.filter((v: unknown): v is string => typeof v === 'string');
}

const loose = (s: string) => s.toLowerCase().replace(/[\s_\-.]+/g, '');
