// Wording for people: a regular expression is no help to a data officer, so a message that quotes a
// pattern says instead what the value should look like (by the standard's example when it has one); the
// pattern itself stays in the JSON report and in --verbose output. Also: the shape of a piece of advice,
// so that advice repeated for many values can be given once.

const PATTERN = /must match the pattern (.+?)(?: \(for example ("(?:[^"\\]|\\.)*")\))?(?=, but is |$)/;
const PATTERNS = /must match one of the patterns (.+?)(?=, but is |$)/;
const TEXT_PATTERN = /text matching the pattern (.+?)(?= or |, but is |$)/g;

/** A message with its patterns put in words. */
export function inWords(message: string): string {
  return message
    .replace(PATTERN, (_, _pattern: string, example?: string) => (example ? `must be written like ${example}` : 'must be written in the form the standard sets'))
    .replace(PATTERNS, 'must be written in one of the forms the standard sets')
    .replace(TEXT_PATTERN, 'text in the form the standard sets');
}

/** Whether a message quotes a pattern (so a report can say where to see it). */
export function quotesPattern(message: string): boolean {
  return PATTERN.test(message) || PATTERNS.test(message) || /text matching the pattern /.test(message);
}

const MONTHS = /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/g;

/**
 * The shape of a message or hint with its particulars taken out: quoted values, numbers and month names.
 * Two issues whose advice has the same shape say the same thing about different values.
 */
export function adviceShape(text: string | undefined): string {
  if (text === undefined) return '';
  return text
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(MONTHS, 'M')
    .replace(/\d+(?:[.,:/-]\d+)*/g, '#');
}

/**
 * Text broken into lines no wider than `width` at spaces (a word longer than the line is cut). Each line
 * after the first is the continuation of the same sentence.
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(20, width);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let piece = word;
    if (line && line.length + 1 + piece.length > limit) {
      lines.push(line);
      line = '';
    }
    while (piece.length > limit) {
      const room = line ? limit - line.length - 1 : limit;
      if (room < 8) {
        lines.push(line);
        line = '';
        continue;
      }
      const head = piece.slice(0, room);
      lines.push(line ? `${line} ${head}` : head);
      line = '';
      piece = piece.slice(room);
    }
    line = line ? `${line} ${piece}` : piece;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}
