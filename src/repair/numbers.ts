// Reading amounts the way finance systems and Excel write them: `£1,200.00`, `"5,303.57 "`,
// `(1,234.50)`, `600.00 CR`, `1,234.50-`, and in semicolon-separated files from European-locale Excel,
// `1.234,56` with a decimal comma. The result is the number written plainly (`-1234.50`), and what was
// removed, in words.

export interface AmountReading {
  /** The number written plainly. */
  value: string;
  /** What had to change, as a phrase: "remove the currency sign and the thousands separators". */
  changes: string[];
  /** The text can be read two ways (`1,234` in a file that uses decimal commas). */
  doubtful?: string;
}

const THOUSANDS_POINT = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^(\d+\.?\d*|\.\d+)$/;
const THOUSANDS_COMMA_DECIMAL = /^\d{1,3}(\.\d{3})+(,\d+)?$/;
const DECIMAL_COMMA = /^\d+,\d+$/;

/** Read an amount; `decimalComma` when the file comes from a locale that writes 1.234,56. */
export function readAmount(text: string, decimalComma = false): AmountReading | undefined {
  const changes: string[] = [];
  let t = text;
  if (/[\s\u00a0]/.test(t)) {
    t = t.replace(/[\s\u00a0]+/g, '');
    changes.push('the spaces');
  }
  if (/GBP|[£$€]/i.test(t)) {
    t = t.replace(/GBP|[£$€]/gi, '');
    changes.unshift('the currency sign');
  }
  let negative = false;
  let negativeStyle = '';
  if (t.length > 2 && t.startsWith('(') && t.endsWith(')')) {
    negative = true;
    negativeStyle = 'brackets';
    t = t.slice(1, -1);
  } else if (/CR$/i.test(t)) {
    negative = true;
    negativeStyle = 'CR';
    t = t.slice(0, -2);
  } else if (t.length > 1 && t.endsWith('-')) {
    negative = true;
    negativeStyle = 'a minus sign at the end';
    t = t.slice(0, -1);
  }
  if (t.startsWith('-') || t.startsWith('+')) {
    if (t.startsWith('-')) negative = !negative;
    t = t.slice(1);
  }
  let digits: string | undefined;
  let doubtful: string | undefined;
  if (PLAIN.test(t)) digits = t;
  else if (decimalComma && THOUSANDS_COMMA_DECIMAL.test(t)) {
    digits = t.replace(/\./g, '').replace(',', '.');
    changes.push('the thousands separators', 'the decimal comma');
  } else if (decimalComma && DECIMAL_COMMA.test(t)) {
    digits = t.replace(',', '.');
    changes.push('the decimal comma');
    // 1,234 is a thousand and more with a thousands separator, or just over one with a decimal comma.
    if (/^\d{1,3},\d{3}$/.test(t)) doubtful = `${t} could be ${digits} (a decimal comma) or ${t.replace(',', '')} (a thousands separator)`;
  } else if (THOUSANDS_POINT.test(t)) {
    digits = t.replace(/,/g, '');
    changes.push('the thousands separators');
  }
  if (digits === undefined) return undefined;
  // JSON writes numbers one way: no leading zeros, and digits on both sides of a decimal point.
  const plain = digits
    .replace(/^0+(?=\d)/, '')
    .replace(/^\./, '0.')
    .replace(/\.$/, '');
  if (plain !== digits && !changes.length)
    changes.push(digits.startsWith('0') && /^0\d/.test(digits) ? 'the leading zeros' : 'write the number as JSON does, with digits on both sides of any decimal point');
  digits = plain;
  const value = (negative ? '-' : '') + digits;
  if (negativeStyle) changes.push(`write the negative amount with a minus sign instead of ${negativeStyle}`);
  return { value, changes, doubtful };
}

/** "remove the currency sign and the thousands separators, and write the negative amount …". */
export function describeChanges(changes: string[]): string {
  const removals = changes.filter((c) => c.startsWith('the '));
  const others = changes.filter((c) => !c.startsWith('the '));
  const decimalComma = removals.includes('the decimal comma');
  const removed = removals.filter((c) => c !== 'the decimal comma');
  const parts: string[] = [];
  if (removed.length) parts.push(`remove ${joinWords(removed)}`);
  if (decimalComma) parts.push('use a decimal point');
  parts.push(...others);
  return parts.length ? parts.join(', and ') : 'write the number plainly';
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
