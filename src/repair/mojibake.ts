// Text damaged by an earlier wrong conversion between encodings, baked into an otherwise valid file:
// `�` (U+FFFD) where a character was lost, `Ã©` / `â€™` / `Â£` where UTF-8 was read as Windows-1252 and
// saved again, invisible C1 control characters where Windows-1252 was read as Latin-1, and letters from
// alphabets no English text uses (`LǦATELIER`). Where the damage can be undone exactly (UTF-8 read as
// Windows-1252), the repair is offered.

/** Characters and pairs that mark damaged text; one test per chunk of the file, one per cell after that. */
export const MOJIBAKE = /[\uFFFD\u0080-\u009F\u0180-\u0217\u021C-\u024F]|[ÂÃ][\u00A0-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€/;

export interface Damage {
  /** The damaged characters, as found. */
  found: string;
  /** What happened, in words. */
  explanation: string;
  /** The text as it was before the damage, when that can be known exactly. */
  repaired?: string;
}

/** Windows-1252's characters for the bytes 0x80–0x9F (the rest of 0x00–0xFF are the same code points). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function findDamage(text: string): Damage | undefined {
  const m = MOJIBAKE.exec(text);
  if (!m) return undefined;
  const found = m[0];
  if (found === '\uFFFD') {
    return { found, explanation: 'the character � stands for one that was lost when the file was converted between encodings' };
  }
  const code = found.charCodeAt(0);
  if (code >= 0x80 && code <= 0x9f) {
    return {
      found,
      explanation: `it holds an invisible control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}), left where a Windows-1252 character such as ’ was read as Latin-1`,
    };
  }
  if (found.length === 1) {
    return { found, explanation: `"${found}" is a letter English text does not use: a character was probably damaged when the file was converted between encodings` };
  }
  const repaired = undoWindows1252(text);
  return {
    found,
    explanation: `"${found}" is what UTF-8 text looks like when it is read as Windows-1252 and saved again`,
    repaired,
  };
}

/**
 * Undo UTF-8 that was read as Windows-1252: turn each character back into its Windows-1252 byte and
 * read the bytes as UTF-8. Only when every character maps to a byte and the bytes are valid UTF-8, and
 * the result has no damage left, is the meaning certain.
 */
export function undoWindows1252(text: string): string | undefined {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else {
      const high = CP1252_HIGH.indexOf(ch);
      if (high < 0) return undefined;
      bytes.push(0x80 + high);
    }
  }
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    return decoded !== text && !MOJIBAKE.test(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}
