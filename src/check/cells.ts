// Checking one column's cells: a cell's text is typed from the field's schema (the contract's rules for
// CSV), validated by a validator compiled for that field alone, and — when it fails — offered a safe
// repair. Each distinct text is checked once per column while that pays off.
import type { ValidateFunction } from 'ajv';
import { DateOrder, quickYear } from '../repair/dates.js';
import { DIAGNOSES, isDateField } from '../repair/diagnoses.js';
import { enumValues, isNullToken, isPadded, REPAIRS, type RepairContext } from '../repair/repairs.js';
import { acceptedMatchers, sourceHint, type AcceptedMatcher } from '../standards/accepted.js';
import type { Field, Standard } from '../standards/standard.js';
import { severityFrom } from '../standards/standard.js';
import { CATALOG } from '../issues/catalog.js';
import { detach, detachStrings } from '../report/detach.js';
import type { IssueCode, Severity } from '../types.js';
import { explainErrors, typePhrase, type Finding } from './explain.js';
import { compileQuickCheck, type QuickCheck } from './fast-field.js';
import type { MissingCell } from './finding-issue.js';

/** A cell that holds nothing: the property is absent from the record. */
export const ABSENT: unique symbol = Symbol('absent');

export interface CellFinding extends Finding {
  severity: Severity;
  /** Why a required cell counts as empty, when it holds something. */
  missing?: MissingCell;
  hint?: string;
  fix?: string;
  /** The repair (or diagnosis) that gave the hint and fix. */
  repair?: string;
  /** The hint reads a date whose day and month the column's other dates decide, so it may change as they are read. */
  dateOrderDependent?: boolean;
}

/**
 * Something about a value that passes, worth one warning per column rather than one per cell: spaces
 * around it, or a text such as "N/A" that means no value. `fix` is what `conform fix` writes instead.
 */
export interface CellNote {
  kind: 'padded' | 'null-token';
  repair: string;
  fix?: string;
}

export interface CellOutcome {
  /** The typed value, or ABSENT. */
  value: unknown;
  findings: CellFinding[] | null;
  note?: CellNote;
}

export interface CellCheckerOptions {
  /** The file writes decimal commas (it is separated by semicolons). */
  decimalComma?: boolean;
}

const OK_ABSENT: CellOutcome = { value: ABSENT, findings: null };
const OK_NULL: CellOutcome = { value: null, findings: null };
/** A cell of only spaces where a value may be absent: empty, once the spaces are gone. */
const BLANK_NOTE: CellNote = { kind: 'padded', repair: 'trim-spaces', fix: '' };

/** After this many cells, a column whose texts rarely repeat stops remembering them. */
const CACHE_TRIAL = 4096;
const CACHE_LIMIT = 20000;

/** A number as JSON writes it: no sign but a minus, no leading zeros, digits on both sides of a point. */
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Builds the validator for one field from the standard's own compiled schema, so `$ref`s and the draft's
 * rules hold exactly as in the whole schema. A field that compares itself with another field (`$data`)
 * is validated one level down inside an empty record, where the comparison has nothing to compare with
 * and is skipped: the record's rules check it.
 */
export function compileField(standard: Standard, field: Field): ValidateFunction {
  // Compiled once per field and reused by every file checked against the standard: ajv keeps each
  // compiled schema for good, so compiling per file would grow memory with the number of files.
  let validate = compiledFields.get(field);
  if (!validate) {
    validate = buildFieldValidator(standard, field);
    compiledFields.set(field, validate);
  }
  return validate;
}

const compiledFields = new WeakMap<Field, ValidateFunction>();

function buildFieldValidator(standard: Standard, field: Field): ValidateFunction {
  // A field no declaration always governs (a name only required, or declared in a branch) takes any
  // value here: the record's own validator judges it.
  if (field.pointer === undefined) return standard.ajv.compile(true);
  const pointer = '#' + field.pointer.split('/').map(encodeURIComponent).join('/');
  const ref = { $ref: standard.schemaKey + pointer };
  if (!JSON.stringify(field.schema).includes('"$data"')) return standard.ajv.compile(ref);
  const inRecord = standard.ajv.compile({ type: 'object', properties: { value: ref } });
  const validate = ((value: unknown) => {
    const ok = inRecord({ value });
    validate.errors = inRecord.errors?.map((e) => ({ ...e, instancePath: e.instancePath.replace(/^\/value/, '') })) ?? null;
    return ok;
  }) as ValidateFunction;
  return validate;
}

export class CellChecker {
  private readonly validate: ValidateFunction;
  private readonly missing: Set<string>;
  private cache: Map<string, CellOutcome> | undefined;
  private readonly quick: QuickCheck | undefined;
  private lookups = 0;
  private hits = 0;
  /** Reused for every passing cell: read it before checking the next cell. */
  private readonly passing: CellOutcome = { value: undefined, findings: null };
  /** What the column's dates say about the order of day and month. */
  readonly dates = new DateOrder();
  private readonly decimalComma: boolean;
  private readonly dateField: boolean;
  private readonly allowed: Set<string>;
  private readonly accepted: AcceptedMatcher[];

  constructor(
    readonly field: Field,
    standard: Standard,
    private readonly severityOf: (code: IssueCode, field: Field) => Severity,
    options: CellCheckerOptions = {},
  ) {
    this.validate = compileField(standard, field);
    this.quick = compileQuickCheck(field.schema);
    this.missing = new Set(standard.missingValues.filter((token) => token !== ''));
    // Remembering texts costs a hash lookup per cell: worth it only where checking costs more.
    if (!this.quick) this.cache = new Map();
    this.decimalComma = options.decimalComma ?? false;
    // A standard's own x-dateRange governs its dates; otherwise years far off are warned of.
    this.dateField = isDateField(field) && field.schema['x-dateRange'] === undefined;
    this.allowed = new Set(enumValues(field));
    this.accepted = acceptedMatchers(field.schema);
  }

  check(text: string): CellOutcome {
    const cache = this.cache;
    if (cache === undefined) return this.evaluate(text, true);
    const known = cache.get(text);
    this.lookups++;
    if (known !== undefined) {
      this.hits++;
      return known;
    }
    const outcome = this.evaluate(text, true);
    if (cache.size < CACHE_LIMIT) cache.set(detach(text), detachOutcome({ value: outcome.value, findings: outcome.findings, note: outcome.note }));
    if (this.lookups === CACHE_TRIAL && this.hits < CACHE_TRIAL / 4) this.cache = undefined;
    return outcome;
  }

  /** The outcome for a text, without the cache; with a repair hint when `repair` is set and it fails. */
  evaluate(text: string, repair: boolean): CellOutcome {
    if (text === '' || (this.missing.size !== 0 && this.missing.has(text)) || isBlank(text)) {
      if (this.field.nullable) {
        // The cell means null, which the rest of the field's schema (an enum, a const) may still refuse.
        const refused = this.nullRefused();
        if (refused) return { value: null, findings: refused };
        return text !== '' && repair && isBlank(text) ? { ...OK_NULL, note: BLANK_NOTE } : OK_NULL;
      }
      if (!this.field.required) return text !== '' && repair && isBlank(text) ? { ...OK_ABSENT, note: BLANK_NOTE } : OK_ABSENT;
      const missing: MissingCell | undefined = text === '' ? undefined : isBlank(text) ? 'spaces-only' : 'means-no-value';
      const hint = sourceHint(this.field.schema, 'value-missing');
      return { value: ABSENT, findings: [this.finding({ code: 'value-missing', path: '', keyword: 'required', ...(missing ? { missing } : {}), ...(hint ? { hint } : {}) })] };
    }
    let typed = typeCell(text, this.field);
    let findings: CellFinding[] | null = null;
    if (typed === NOT_TYPED) {
      findings = [this.finding({ code: 'value-type', path: '', keyword: 'type', expected: typePhrase(this.field.types), data: text })];
    } else if ((this.quick === undefined || !this.quick(typed)) && !validateSafely(this.validate, typed)) {
      findings = explainErrors(this.validate.errors!, { examples: () => this.field.examples }).map((f) => this.finding(f));
      // A field of several types means whichever reading of the text is valid: "07" where an enum
      // allows only the text "07" is that text, not the number 7.
      const other = this.field.types.length > 1 ? this.validReading(text) : NOT_TYPED;
      if (other !== NOT_TYPED) {
        typed = other;
        findings = null;
      }
    }
    if (findings === null) {
      if (repair && typeof typed === 'string' && (this.dateField || worthANote(text))) return this.passedText(text, typed);
      this.passing.value = typed;
      this.passing.note = undefined;
      return this.passing;
    }
    if (repair) {
      // A date that settles the column's order of day and month changes how its other dates are repaired.
      if (this.dates.note(text)) this.cache?.clear();
      if (!this.attachRepair(text, findings)) this.attachDiagnosis(text, findings);
    }
    if (this.accepted.length) this.lowerIfAccepted(text, findings);
    return { value: typed === NOT_TYPED ? text : typed, findings };
  }

  /** The first reading of the text, after the first one, that the field's schema accepts; NOT_TYPED when none does. */
  private validReading(text: string): unknown {
    let first = true;
    for (const type of this.field.types) {
      const value = typeAs(text, type, this.field);
      if (value === NOT_TYPED) continue;
      if (first) {
        first = false; // the reading already refused
        continue;
      }
      if (validateSafely(this.validate, value)) return value;
    }
    return NOT_TYPED;
  }

  private nullFindings?: CellFinding[] | null;

  /** Why the field refuses null, worked out once: null where the type allows it, but an enum does not. */
  private nullRefused(): CellFinding[] | null {
    if (this.nullFindings === undefined) {
      this.nullFindings = validateSafely(this.validate, null) ? null : explainErrors(this.validate.errors!).map((f) => this.finding({ ...f, data: '' }));
    }
    return this.nullFindings;
  }

  /** A text that passes but may still deserve a word: a date in an implausible year, spaces, "N/A". */
  private passedText(text: string, typed: string): CellOutcome {
    if (this.dateField) {
      const implausible = this.plausibleDate(text);
      if (implausible) return { value: typed, findings: implausible };
    }
    this.passing.value = typed;
    this.passing.note = worthANote(text) ? this.noteFor(text) : undefined;
    return this.passing;
  }

  /** Passing texts that still deserve a word: spaces around them, or "N/A" for no value. */
  private noteFor(text: string): CellNote | undefined {
    if (isNullToken(text) && !this.allowed.has(text)) {
      const fix = this.field.required ? undefined : '';
      return { kind: 'null-token', repair: 'null-token', fix };
    }
    if (isPadded(text)) {
      const trimmed = text.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
      return { kind: 'padded', repair: 'trim-spaces', fix: this.evaluate(trimmed, false).findings ? undefined : trimmed };
    }
    return undefined;
  }

  /** A date in 1066 or 2999 passes the format, but is almost surely a typing mistake. */
  private plausibleDate(text: string): CellFinding[] | null {
    const year = quickYear(text);
    if (year === undefined || (year >= EARLIEST_PLAUSIBLE_YEAR && year <= LATEST_PLAUSIBLE_YEAR)) return null;
    const latest = LATEST_PLAUSIBLE_YEAR;
    return [
      {
        code: 'value-range',
        path: '',
        keyword: 'plausible-date',
        expected: `a date between ${EARLIEST_PLAUSIBLE_YEAR} and ${latest}`,
        severity: 'warning',
        hint: 'check the year',
      },
    ];
  }

  private finding(f: Finding & { missing?: MissingCell }): CellFinding {
    return { ...f, severity: f.severity ?? this.severityOf(f.code, this.field) };
  }

  /** The first repair whose value passes becomes the hint (and the fix, unless its meaning is in doubt). */
  private attachRepair(text: string, findings: CellFinding[]): boolean {
    const main = findings[0]!;
    if (main.hint) return true; // the finding explains itself (a near miss in a code list)
    const context: RepairContext = { dateOrder: this.dates.state, decimalComma: this.decimalComma };
    for (const repair of REPAIRS) {
      const passing = repair.propose(text, this.field, context).filter((p) => !this.evaluate(p.value, false).findings);
      if (!passing.length || (repair.onlyIfUnique && passing.length > 1)) continue;
      const proposal = passing[0]!;
      main.hint = proposal.hint.replace('{value}', proposal.value === '' ? '(empty)' : proposal.value);
      if (!proposal.doubtful) main.fix = proposal.value;
      main.repair = repair.name;
      if (proposal.dependsOnDateOrder) main.dateOrderDependent = true;
      return true;
    }
    return false;
  }

  /**
   * A value in a form one of the standard's sources accepts (x-accepted) is a warning, not an error: the
   * hint names the source, and the repair to the stricter form still stands.
   */
  private lowerIfAccepted(text: string, findings: CellFinding[]): void {
    const form = this.accepted.find((f) => f.test.test(text));
    if (!form) return;
    for (const finding of findings) if (finding.severity === 'error') finding.severity = 'warning';
    const main = findings[0]!;
    main.hint = main.hint ? `${main.hint} (${form.because})` : form.because;
  }

  /** No repair, but an explanation of what went wrong, as the hint. */
  private attachDiagnosis(text: string, findings: CellFinding[]): void {
    for (const diagnosis of DIAGNOSES) {
      const hint = diagnosis.explain(text, this.field);
      if (hint === undefined) continue;
      findings[0]!.hint = hint;
      findings[0]!.repair = diagnosis.name;
      return;
    }
  }
}

/** A space at either end, or the first letter of a no-value token: only then is a passing text looked at again. */
function worthANote(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (first === 32 || first === 9 || first === 0xa0 || last === 32 || last === 9 || last === 0xa0) return true;
  return text.length <= 5 && ((first | 0x20) === 0x6e || first === 0x23 || first === 0x2d);
}

const EARLIEST_PLAUSIBLE_YEAR = 1900;
const LATEST_PLAUSIBLE_YEAR = new Date().getUTCFullYear() + 50;

/** An outcome to remember: no string in it may keep the text's chunk alive. */
function detachOutcome(outcome: CellOutcome): CellOutcome {
  if (typeof outcome.value === 'string') outcome.value = detach(outcome.value);
  outcome.findings?.forEach((f) => {
    detachStrings(f);
    if (typeof f.data === 'string') f.data = detach(f.data);
  });
  return outcome;
}

/** Validate, turning a stack overflow on absurdly nested JSON in a cell into a finding. */
function validateSafely(validate: ValidateFunction, value: unknown): boolean {
  try {
    return validate(value);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    validate.errors = [{ keyword: 'nesting', instancePath: '', schemaPath: '#', params: {}, message: 'is nested too deeply to be checked' }];
    return false;
  }
}

/** The default severity of a field's issue: the field's own x-severity, else the catalog's. */
export function fieldSeverity(code: IssueCode, field: Field): Severity {
  return severityFrom(field.severity, code) ?? CATALOG[code].severity;
}

const NOT_TYPED: unique symbol = Symbol('not typed');

/** A cell's text as the JSON value its field's types allow, or NOT_TYPED. */
function typeCell(text: string, field: Field): unknown {
  return readAs(text, field.types, field);
}

/** The first reading of a text among `types`, or NOT_TYPED. */
function readAs(text: string, types: readonly string[], field: Field): unknown {
  for (let i = 0; i < types.length; i++) {
    const value = typeAs(text, types[i]!, field);
    if (value !== NOT_TYPED) return value;
  }
  return NOT_TYPED;
}

const ITEM_ORDER = ['boolean', 'integer', 'number', 'string'];

/** The types a list cell's items are read as (text last), or undefined when they are all text. */
function itemTypesOf(field: Field): string[] | undefined {
  const declared = field.schema.items?.type;
  const types = (Array.isArray(declared) ? declared : [declared]).filter((t): t is string => ITEM_ORDER.includes(t));
  if (!types.length || (types.length === 1 && types[0] === 'string')) return undefined;
  return types.sort((a, b) => ITEM_ORDER.indexOf(a) - ITEM_ORDER.indexOf(b));
}

function typeAs(text: string, type: string, field: Field): unknown {
  switch (type) {
    case 'string':
      return text;
    case 'number':
    case 'integer': {
      if (!NUMBER.test(text)) return NOT_TYPED;
      const n = Number(text);
      if (!Number.isFinite(n)) return NOT_TYPED;
      // "12.0" is written as a decimal; a whole number must be written as one.
      if (type === 'integer' && (!Number.isInteger(n) || /[.eE]/.test(text))) return NOT_TYPED;
      return n;
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : NOT_TYPED;
    }
    case 'array': {
      const items = text
        .split(field.separator)
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const itemTypes = itemTypesOf(field);
      if (itemTypes === undefined) return items;
      const typed = items.map((s) => readAs(s, itemTypes, field));
      return typed.includes(NOT_TYPED) ? NOT_TYPED : typed;
    }
    case 'object': {
      try {
        const value = JSON.parse(text);
        return value && typeof value === 'object' && !Array.isArray(value) ? value : NOT_TYPED;
      } catch {
        return NOT_TYPED;
      }
    }
    default:
      return NOT_TYPED;
  }
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}
