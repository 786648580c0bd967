// Text from data files is shown, never obeyed: control characters, terminal escape sequences, line and
// paragraph separators, invisible direction overrides and broken UTF-16 are written out as visible escapes.
// Every format runs data text through this before its own escaping.

// C0 and C1 controls (keeping tab), DEL, U+2028/U+2029, the Unicode bidirectional controls, and surrogate
// halves without their partner (which no encoder can write).
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
