// Safe repairs: each a small named function that proposes how a cell could be written so that it passes.
// A proposal is only offered (as a hint, and by `conform fix`) after the caller has checked that the
// repaired value passes the field's rules; a proposal whose meaning is in doubt carries no fix.
import type { Field } from '../standards/standard.js';
import { isoDate, readDate, spokenDate, ukDate } from './dates.js';

export interface Proposal {
  /** The repaired cell text. */
  value: string;
  /** How to fix it, in words; `{value}` is replaced by the repaired value. */
  hint: string;
  /** The repair could change the meaning (an ambiguous date), so it is suggested but never applied. */
  doubtful?: boolean;
}

export interface Repair {
  name: string;
  propose(text: string, field: Field): Proposal[];
}

const NULL_TOKENS = new Set(['na', 'n/a', '#n/a', 'null', 'none', 'nil', '-', '--', 'n.a.', '#value!', '#ref!']);

export const trimSpaces: Repair = {
  name: 'trim-spaces',
  propose(text) {
    const value = text.replace(/[\s\u00a0]+/g, ' ').trim();
    if (value === text) return [];
    const hint = text.trim() === text ? 'collapse the repeated spaces: {value}' : 'remove the spaces around the value: {value}';
    return [{ value, hint }];
  },
};

/** `£1,200.00`, `"5,303.57 "`, `(1,234.50)`, `1 200`, `600.00 CR` where a number is expected. */
export const plainNumber: Repair = {
  name: 'plain-number',
  propose(text, field) {
    if (!wantsNumber(field)) return [];
    let t = text.replace(/[\s\u00a0]/g, '');
    let negative = false;
    const hadCurrency = /[£$€]|GBP/i.test(t);
    t = t.replace(/GBP|[£$€]/gi, '');
    if (/^\(.*\)$/.test(t)) {
      negative = true;
      t = t.slice(1, -1);
    }
    if (/CR$/i.test(t)) {
      negative = true;
      t = t.slice(0, -2);
    }
    if (t.startsWith('-')) {
      negative = !negative;
      t = t.slice(1);
    }
    const hadSeparators = t.includes(',');
    if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t)) return [];
    t = t.replace(/,/g, '');
    const value = (negative ? '-' : '') + t;
    if (value === text) return [];
    const what = [hadCurrency && 'the currency sign', hadSeparators && 'the thousands separators', text !== text.trim() && 'the spaces']
      .filter(Boolean)
      .join(' and ');
    const sign = /^\(.*\)$/.test(text.trim()) || /CR\s*$/i.test(text) ? 'write the negative amount with a minus sign' : '';
    const hint = [what && `remove ${what}`, sign].filter(Boolean).join(', and ') || 'write the number plainly';
    return [{ value, hint: `${hint}: {value}` }];
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

/** A UK or Excel date where the standard wants another way of writing dates. */
export const standardDate: Repair = {
  name: 'standard-date',
  propose(text) {
    const date = readDate(text);
    if (!date) return [];
    const spoken = spokenDate(date);
    return [isoDate(date), ukDate(date)]
      .filter((value) => value !== text)
      .map((value) => ({
        value,
        hint: date.ambiguous
          ? `if this is ${spoken}, write it as {value} (the day and month could be either way round, so check)`
          : `write the date as {value}`,
        doubtful: date.ambiguous,
      }));
  },
};

/** `NA`, `N/A`, `#N/A`, `NULL` where nothing is known: an empty cell says that. */
export const nullToken: Repair = {
  name: 'null-token',
  propose(text, field) {
    if (field.required && !field.nullable) return [];
    return NULL_TOKENS.has(text.trim().toLowerCase()) ? [{ value: '', hint: `leave the cell empty instead of writing ${JSON.stringify(text)}` }] : [];
  },
};

/** Every repair, in the order they are tried. */
export const REPAIRS: Repair[] = [nullToken, wholeNumber, plainNumber, yesNo, allowedSpelling, standardDate, trimSpaces];

function wantsNumber(field: Field): boolean {
  return field.types.includes('number') || field.types.includes('integer');
}

function enumValues(field: Field): string[] {
  const s = field.schema;
  const values = Array.isArray(s.enum) ? s.enum : 'const' in s ? [s.const] : Array.isArray(s.items?.enum) ? s.items.enum : [];
  return values.filter((v: unknown): v is string => typeof v === 'string');
}

const loose = (s: string) => s.toLowerCase().replace(/[\s_\-.]+/g, '');
