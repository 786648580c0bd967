// A header name damaged by an earlier conversion, and the name it was: a byte-order mark read as
// Windows-1252 and saved again (`ï»¿` before the first name), a byte-order mark kept as a character, or a
// name whose UTF-8 was read as Windows-1252 (`DÃ©partement`). The repaired name is the one matched to
// the standard, reported, and written by `conform fix`.
import { MOJIBAKE, undoWindows1252 } from '../repair/mojibake.js';

export interface RepairedName {
  name: string;
  /** What was wrong, completing "the name …". */
  damage: string;
}

/** A byte-order mark as text: its UTF-8 bytes read as Windows-1252 or Latin-1, or the character itself. */
const DAMAGED_BOM = /^(?:\u00EF\u00BB\u00BF|\uFEFF|\u00FE\u00FF|\u00FF\u00FE)+/;

export function repairHeaderName(raw: string): RepairedName | undefined {
  let name = raw;
  const damage: string[] = [];
  const bom = DAMAGED_BOM.exec(name);
  if (bom) {
    name = name.slice(bom[0].length);
    // The mark came before the opening quote, so the quotes were read as part of the name.
    if (/^".*"$/s.test(name)) name = name.slice(1, -1).replace(/""/g, '"');
    damage.push(bom[0].startsWith('\uFEFF') ? 'starts with a byte-order mark kept as a character' : `starts with "${bom[0]}", a byte-order mark damaged by an earlier conversion`);
  }
  if (MOJIBAKE.test(name)) {
    const undone = undoWindows1252(name);
    if (undone !== undefined) {
      damage.push(`has characters damaged by an earlier conversion (UTF-8 read as Windows-1252)`);
      name = undone;
    }
  }
  return damage.length ? { name, damage: damage.join(' and ') } : undefined;
}
