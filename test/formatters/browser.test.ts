// The HTML report opened in a real headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core): it renders with no console error and no request beyond the page itself, its filters
// work, hostile values stay text, and axe-core finds no serious or critical accessibility problem.
// Screenshots are saved to test-output/ to be looked at. Without Chromium the test is skipped with a
// note, except in CI, where it must run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../../src/formatters/html.js';
import { AXE, axeViolations, CHROMIUM, launchChromium, overflow, runHere, watchedPage, type Watched } from '../chromium.js';
import { ROOT } from '../helpers.js';
import type { Report } from '../../src/types.js';
import { loadReport, type ReportFixture } from './report-fixtures.js';
import { lostDates, reportOf } from './synthetic.js';

/** A failing file of 5,000 rows with its first 1,000 issues listed, as most real failing files are reported. */
const BIG = { name: 'big-failing', report: reportOf([lostDates('spend-2024-q1.csv', 5000, 1000)]) };

if (!runHere) console.log(`note: ${CHROMIUM} is absent, so the HTML report was not opened in a browser (apt-get install chromium)`);

const OUT = join(ROOT, 'test-output');

interface Opened extends Watched {
  url: string;
}

describe.skipIf(!runHere)('the HTML report in Chromium', () => {
  let context: BrowserContext;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(fixture: ReportFixture | { name: string; report: Report }, options: { scripts?: boolean } = {}): Promise<Opened> {
    const name = typeof fixture === 'string' ? fixture : fixture.name;
    const file = join(OUT, `${name}${options.scripts === false ? '.no-js' : ''}.html`);
    writeFileSync(file, html(typeof fixture === 'string' ? loadReport(fixture) : fixture.report, {}));
    const opened: Opened = { ...(await watchedPage(context)), url: pathToFileURL(file).href };
    const { page } = opened;
    if (options.scripts === false) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    }
    await page.goto(opened.url, { waitUntil: 'load' });
    return opened;
  }

  /** The listed issues a reader can see, as severity:code. */
  async function visibleIssues(page: Page): Promise<string[]> {
    return page.locator('tr.issue:visible').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-issues')!));
  }

  it('renders with no console error and no request but the page itself', async () => {
    for (const fixture of ['failing-csv', 'json-document', 'batch', 'clean-csv'] as const) {
      const { page, url, requests, errors } = await open(fixture);
      await page.screenshot({ path: join(OUT, `${fixture}.png`), fullPage: true });
      expect(errors, fixture).toEqual([]);
      expect(requests, fixture).toEqual([url]);
      await page.close();
    }
  });

  it('filters the listed issues by severity and by code', async () => {
    const { page, errors } = await open('failing-csv');
    const report = loadReport('failing-csv');
    const all = report.files[0]!.issues.map((i) => `${i.severity}:${i.code}`);
    // The script ran under the page's policy: it showed the filters and said what is shown.
    await expect(page.locator('#filters').isVisible()).resolves.toBe(true);
    await expect(page.locator('#filter-status').textContent()).resolves.toBe('Showing all 26 listed issues.');
    expect(await visibleIssues(page)).toEqual(all);

    await page.getByLabel('Warnings (16 listed)').uncheck();
    expect(await visibleIssues(page)).toEqual(all.filter((i) => i.startsWith('error:')));
    await expect(page.locator('#filter-status').textContent()).resolves.toBe('Showing 10 of 26 listed issues.');
    // Grid rows with no error left are hidden too: row 14 had only a duplicate-row warning.
    await expect(page.locator('table.grid tbody tr:visible th').allTextContents()).resolves.toEqual(['2', '7', '8', '9', '10', '11', '12']);

    await page.getByLabel('Warnings (16 listed)').check();
    await page.getByLabel('Issue', { exact: true }).selectOption('value-type');
    expect(await visibleIssues(page)).toEqual(['error:value-type', 'error:value-type', 'error:value-type']);
    await expect(page.locator('table.grid tbody tr:visible th').allTextContents()).resolves.toEqual(['2', '7', '11']);
    // In a shown grid row, the cells of other kinds are dimmed, not hidden.
    await expect(page.locator('table.grid tbody tr:visible td.muted').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'failing-csv.filtered.png'), fullPage: true });

    await page.getByLabel('Errors (10 listed)').uncheck();
    expect(await visibleIssues(page)).toEqual([]);
    await expect(page.locator('#filter-status').textContent()).resolves.toBe('Showing 0 of 26 listed issues.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows hostile values as text: no element injected, no dialog', async () => {
    const { page, url, requests, errors, dialogs } = await open('hostile-values');
    await page.screenshot({ path: join(OUT, 'hostile-values.png'), fullPage: true });
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('b').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('a[href^="http"]').count()).toBe(0);
    const cell = page.locator('tr.issue', { hasText: 'value-format' }).locator('code.value');
    await expect(cell.textContent()).resolves.toBe('<img src=x onerror=alert(1)>');
    await expect(page.title()).resolves.toBe('Failed: uploads/q1, 100% final: <v2>.csv — conform report');
    const body = await page.locator('body').innerText();
    expect(body).toContain('</script><script>alert("hint")</script>');
    expect(body).toContain('\\x1b[31mPAID\\x1b[0m');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it('shows everything, and no dead controls, with scripts off', async () => {
    const { page, errors } = await open('failing-csv', { scripts: false });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await visibleIssues(page)).toHaveLength(26);
    expect(await page.locator('table.grid tbody tr:visible').count()).toBe(8);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints without the filters and with every issue', async () => {
    const { page } = await open('failing-csv');
    await page.getByLabel('Errors (10 listed)').uncheck();
    expect(await visibleIssues(page)).toHaveLength(16);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await visibleIssues(page)).toHaveLength(26);
    expect(await page.locator('table.grid tbody tr:visible').count()).toBe(8);
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    for (const fixture of ['failing-csv', 'hostile-values', 'json-document', 'batch', 'clean-csv'] as const) {
      const { page } = await open(fixture);
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
        ).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      expect(
        violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
        fixture,
      ).toEqual([]);
      // Lesser findings are printed so they can be judged, not hidden.
      if (violations.length) console.log(`axe (${fixture}): ${JSON.stringify(violations)}`);
      await page.close();
    }
  });

  it('fits a desktop and a 360 px phone with no sideways overflow, and passes axe at both', async () => {
    for (const fixture of ['failing-csv', 'hostile-values', 'json-document', 'batch', BIG] as const) {
      const name = typeof fixture === 'string' ? fixture : fixture.name;
      for (const [size, viewport] of [
        ['desktop', { width: 1280, height: 900 }],
        ['phone', { width: 360, height: 740 }],
      ] as const) {
        const { page, errors } = await open(fixture);
        await page.setViewportSize(viewport);
        await page.screenshot({ path: join(OUT, `${name}.${size}.png`), fullPage: size === 'phone' || name !== BIG.name });
        expect(await overflow(page), `${name} at ${size}`).toBeLessThanOrEqual(0);
        const violations = await axeViolations(page);
        expect(
          violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
          `${name} at ${size}`,
        ).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      }
    }
  });

  it('leads with the plan and says when the check was made, by which conform, against which standard', async () => {
    const { page } = await open('failing-csv');
    const text = await page.locator('body').innerText();
    expect(text.indexOf('What to do first')).toBeLessThan(text.indexOf('Issues by column'));
    await expect(page.locator('.plan pre.command').textContent()).resolves.toBe(
      'conform fix data/anytown-spend-2024-04.csv --standard spend-over-500 -o data/anytown-spend-2024-04-fixed.csv',
    );
    await expect(page.locator('header .stamp').innerText()).resolves.toMatch(/conform [\d.]+ against spend-over-500 1\.0/);
    await page.close();
  });

  it('prints a failing 5,000-row file in a few A4 pages: the summary, the plan and the first issues of each kind', async () => {
    const { page } = await open(BIG);
    await page.emulateMedia({ media: 'print' });
    expect(await visibleIssues(page)).toHaveLength(5);
    expect(await page.locator('.plan').isVisible()).toBe(true);
    await page.setViewportSize({ width: 794, height: 1123 });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(OUT, `${BIG.name}.print.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(OUT, `${BIG.name}.pdf`), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(4);
    await page.emulateMedia({ media: 'screen' });
    expect(await visibleIssues(page)).toHaveLength(1000);
    await page.close();
  });
});
