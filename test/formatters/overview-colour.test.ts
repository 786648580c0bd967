// The overview tables of a run of several files, in a colour terminal: the marks conform colours are sent as
// colour, and escape sequences from outside (here a file's name) are still shown as text, never sent.
import { describe, expect, it } from 'vitest';
import { spendCsv, tree } from '../batch/make-data.js';
import { cli } from '../helpers.js';

/** A file name that is an escape sequence: clear the screen, then a hidden link. */
const HOSTILE = 'evil\x1b[2J\x1b]8;;example.invalid\x07.csv';

describe('the overview in a colour terminal', () => {
  it('colours its marks and shows escape sequences from the data as text', async () => {
    const dir = tree({
      'good.csv': spendCsv(1, { rows: 4 }).text,
      'bad.csv': spendCsv(2, { rows: 4, badShare: 1 }).text,
      [HOSTILE]: spendCsv(3, { rows: 4 }).text,
    });
    const { code, stdout } = await cli(['validate', '.', '-s', 'spend-over-500', '--jobs', '1'], { cwd: dir, tty: true, env: { FORCE_COLOR: '1' } });
    expect(code).toBe(1);
    const overview = stdout.slice(stdout.indexOf('Files, worst first'));
    // conform's own colour reaches the terminal as colour, not as the text of an escape.
    expect(overview).toContain('\x1b[31m✖\x1b[39m');
    expect(overview).toContain('\x1b[32m✔\x1b[39m');
    const shownHostile = 'evil\\x1b[2J\\x1b]8;;example.invalid\\x07.csv';
    expect(stdout.replaceAll(shownHostile, '')).not.toMatch(/\\x1b|\\u001b/i);
    // The only escapes sent are colour (SGR); the hostile file name is written out as visible escapes.
    expect(stdout.replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(overview).toContain(shownHostile);
  });
});
