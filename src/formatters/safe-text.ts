// Text from data files (and from standards) is shown, never obeyed: control characters, terminal escape
// sequences, line and paragraph separators, invisible direction controls, invisible characters that make
// two different values look the same, and broken UTF-16 are written out as visible escapes. Every human
// format runs such text through this before its own escaping.

// C0 and C1 controls (keeping tab), DEL, U+2028/U+2029; the bidirectional controls (U+061C, U+200E/F,
// U+202A–202E, U+2066–2069); the invisible ones: soft hyphen, U+180E, zero-width space, joiners and
// non-joiner (U+200B–200D), word joiner and invisible operators (U+2060–2064), the deprecated format
// controls (U+206A–206F), U+FEFF, interlinear annotation marks (U+FFF9–FFFB), and the tag characters
// U+E0000–E007F; then surrogate halves without their partner (which no encoder can write).
const INVISIBLE = '\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb';
const TAG = '\udb40[\udc00-\udc7f]';
const UNSAFE = new RegExp(`[\u0000-\u0008\u000a-\u001f${INVISIBLE}]|${TAG}|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`, 'g');
/** In JSON text, C0 controls are the layout (strings have them escaped already), as are lone surrogates. */
const JSON_UNSAFE = new RegExp(`[${INVISIBLE}]|${TAG}`, 'g');

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    const code = c.length === 2 ? c.codePointAt(0)! : c.charCodeAt(0);
    if (code > 0xffff) return `\\u{${code.toString(16)}}`;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * JSON text with the characters terminalSafe marks written as \u escapes: the same JSON value, but
 * nothing in it that a terminal would obey or that would hide in it. (JSON.stringify already escapes C0.)
 */
export function jsonTerminalSafe(json: string): string {
  return json.replace(JSON_UNSAFE, (c) =>
    c
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
  );
}

/**
 * Text that a renderer (GitHub's Markdown, a code-scanning page) cannot turn into a live link or a
 * notification: a word joiner (U+2060, invisible) goes into every web address (`http:⁠//`, `www⁠.`), mention
 * and e-mail address (`@⁠user`), and issue reference (`#⁠123`, `GH-⁠123`), so none of them is recognised.
 */
export function inertLinks(text: string): string {
  return text
    .replace(/:(?=\/\/)/g, ':\u2060')
    .replace(/\b(www)\./gi, '$1\u2060.')
    .replace(/@(?=\w)/g, '@\u2060')
    .replace(/#(?=\w)/g, '#\u2060')
    .replace(/\b(GH)-(?=\d)/gi, '$1-\u2060');
}
