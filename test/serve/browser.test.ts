// conform serve end to end in a real headless Chromium: a data officer's path through the page (choose
// a file, find the standard, check, read the verdict, download the repaired copy), compared with what the
// command line makes of the same file; hostile names and values stay text; the page asks nothing of any
// address but its own; axe-core finds nothing serious; nothing overflows a 360 px phone.
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/serve/server.js';
import { axeViolations, CHROMIUM, launchChromium, overflow, runHere, watchedPage, type Watched } from '../chromium.js';
import { cli, CORPUS, hasCorpus, ROOT, scratch } from '../helpers.js';
import { start } from './serve-helpers.js';

if (!runHere) console.log(`note: ${CHROMIUM} is absent, so conform serve was not opened in a browser (apt-get install chromium)`);
if (!hasCorpus) console.log('corpus not found beside the project: skipping conform serve on a real council spend file');

const OUT = join(ROOT, 'test-output');
const SAMPLE = join(ROOT, 'examples/spend-sample.csv');
const TAMESIDE = join(CORPUS, 'lga-spend/data/gmdsp/tameside-spend-2014-09.csv');

interface Opened extends Watched {
  said: string[];
}

describe.skipIf(!runHere)('conform serve in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  let server: RunningServer;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await start();
    browser = await launchChromium();
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(): Promise<Opened> {
    const opened: Opened = { ...(await watchedPage(context)), said: [] };
    const { page } = opened;
    // What the live region says to a screen reader, kept across the move to the report.
    await page.exposeFunction('recordSaid', (text: string) => opened.said.push(text));
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const live = document.getElementById('progress-live');
        if (!live) return;
        new MutationObserver(() => (window as unknown as { recordSaid(t: string): void }).recordSaid(live.textContent ?? '')).observe(live, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
    });
    await page.goto(server.url);
    return opened;
  }

  /** Choose the file, find the standard by typing, check, and wait for the report. */
  async function check(opened: Opened, file: string | { name: string; mimeType: string; buffer: Buffer }, standard?: { search: string; option: string }): Promise<void> {
    const { page } = opened;
    await page.getByLabel('Data file').setInputFiles(file);
    if (standard) {
      await page.getByLabel('Find a standard').fill(standard.search);
      await expect(page.locator('#filter-status').textContent()).resolves.toMatch(/standards? match/);
      await page.getByLabel('Standard', { exact: true }).selectOption({ label: standard.option });
    }
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.waitForURL(/\/checks\/[0-9a-f]{32}\/$/, { timeout: 120_000 });
  }

  /** The totals at the top of the report: rows, errors, warnings. */
  async function totals(page: Page): Promise<Record<string, number>> {
    const items = await page.locator('header.verdict .totals li').allInnerTexts();
    const result: Record<string, number> = {};
    for (const item of items) {
      const [number, word] = item.trim().split(/\s+/);
      result[word!.replace(/s$/, '')] = Number(number!.replace(/,/g, ''));
    }
    return result;
  }

  async function download(page: Page, name: string | RegExp): Promise<{ filename: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
    return { filename: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
  }

  /** What `conform validate -f json` and `conform fix` make of the same file. */
  async function fromCli(file: string, standard: string) {
    const json = JSON.parse((await cli(['validate', file, '--standard', standard, '-f', 'json'])).stdout);
    const dir = scratch();
    const fixed = join(dir, 'fixed.csv');
    const fix = await cli(['fix', file, '-s', standard, '-o', fixed, '-q']);
    return { report: json, fixCode: fix.code, fixed: readFileSync(fixed), log: readFileSync(`${fixed}.log.csv`) };
  }

  function onlyHere(opened: Opened): string[] {
    return opened.requests.filter((url) => !url.startsWith(server.url));
  }

  it('checks the bundled example against the chosen standard, as the command line does, and offers the same repaired file', async () => {
    const opened = await open();
    const { page } = opened;
    await check(opened, SAMPLE, { search: 'spend 500', option: (await page.locator('#standard option').filter({ hasText: 'spend-over-500' }).first().textContent())! });
    await page.screenshot({ path: join(OUT, 'serve-result.png'), fullPage: true });
    const cli = await fromCli(SAMPLE, 'spend-over-500');

    await expect(page.locator('header.verdict h1').innerText()).resolves.toContain('The file does not conform');
    expect(await totals(page)).toMatchObject({ row: cli.report.summary.rows, error: cli.report.summary.errors, warning: cli.report.summary.warnings });
    await expect(page.locator('header .stamp').innerText()).resolves.toMatch(/against spend-over-500/);
    await expect(page.locator('.plan').first().innerText()).resolves.toContain('Download the repaired file');

    const fixed = await download(page, 'Download the repaired file');
    expect(fixed.filename).toBe('spend-sample-fixed.csv');
    expect(fixed.bytes.equals(cli.fixed)).toBe(true);
    const log = await download(page, 'Download the list of changes');
    expect(log.filename).toBe('spend-sample-fixed.csv.log.csv');
    expect(log.bytes.equals(cli.log)).toBe(true);
    const json = await download(page, 'JSON report');
    const served = JSON.parse(json.bytes.toString('utf8'));
    expect(served.summary).toEqual(cli.report.summary);
    expect(served.files[0].byCode).toEqual(cli.report.files[0].byCode);
    expect(served.files[0].path).toBe('spend-sample.csv');
    for (const name of ['HTML report', 'Markdown report', 'JUnit XML report', 'SARIF report', 'CSV list of issues', 'GitHub annotations', 'Text report']) {
      expect((await download(page, name)).bytes.length, name).toBeGreaterThan(0);
    }

    expect(opened.said[0]).toBe('Passing the file to conform on this computer');
    expect(opened.said).toContain('Checking the file');
    expect(onlyHere(opened)).toEqual([]);
    expect(opened.errors).toEqual([]);
    await page.close();
  });

  it.skipIf(!hasCorpus)('checks a real council spend file with the standard detected, and repairs it byte for byte as conform fix does', async () => {
    const opened = await open();
    const { page } = opened;
    await check(opened, TAMESIDE);
    const cli = await fromCli(TAMESIDE, 'spend-over-500');
    await expect(page.locator('header .stamp').innerText()).resolves.toMatch(/against spend-over-500/);
    await expect(page.locator('header.verdict h1').innerText()).resolves.toContain(cli.report.passed ? 'The file conforms' : 'The file does not conform');
    expect(await totals(page)).toMatchObject({ row: cli.report.summary.rows, error: cli.report.summary.errors, warning: cli.report.summary.warnings });
    const fixed = await download(page, 'Download the repaired file');
    expect(fixed.filename).toBe(`${basename(TAMESIDE, '.csv')}-fixed.csv`);
    expect(fixed.bytes.equals(cli.fixed)).toBe(true);
    expect(onlyHere(opened)).toEqual([]);
    expect(opened.errors).toEqual([]);
    await page.close();
  });

  it('shows a hostile file name and hostile cells as text: nothing injected, no dialog', async () => {
    const opened = await open();
    const { page } = opened;
    const name = '<img src=x onerror=alert(1)>.csv';
    const header = readFileSync(SAMPLE, 'utf8').split('\n')[0];
    const row =
      'Anytown Borough Council,https://opendatacommunities.org/id/district-council/anytown,"<script>alert(2)</script>",Supplier,1,2,"<img src=x onerror=alert(3)>",X1,"=HYPERLINK(""http://evil.example"")",0,<b>bold</b>,None';
    const file = { name, mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${row}\n`) };
    await page.getByLabel('Data file').setInputFiles(file);
    await expect(page.locator('#chosen').textContent()).resolves.toContain(name);
    expect(await page.locator('main img').count()).toBe(0);
    await check(opened, file, { search: 'spend-over-500', option: (await page.locator('#standard option').filter({ hasText: 'spend-over-500' }).first().textContent())! });
    await page.screenshot({ path: join(OUT, 'serve-hostile.png'), fullPage: true });
    await expect(page.title()).resolves.toBe(`Failed: ${name} — conform report`);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('b').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('a[href^="http"]').count()).toBe(0);
    const body = await page.locator('body').innerText();
    expect(body).toContain('<img src=x onerror=alert(3)>');
    expect(body).toContain('=HYPERLINK("http://evil.example")');
    expect(opened.dialogs).toEqual([]);
    expect(onlyHere(opened)).toEqual([]);
    expect(opened.errors).toEqual([]);
    await page.close();
  });

  it('takes a file dropped on the page', async () => {
    const opened = await open();
    const { page } = opened;
    const text = readFileSync(SAMPLE, 'utf8');
    await page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped spend.csv', { type: 'text/csv' }));
      document.getElementById('drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    await expect(page.locator('#chosen').textContent()).resolves.toBe(`Chosen: dropped spend.csv (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB)`);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.waitForURL(/\/checks\/[0-9a-f]{32}\/$/);
    await expect(page.title()).resolves.toBe('Failed: dropped spend.csv — conform report');
    expect(opened.errors).toEqual([]);
    await page.close();
  });

  it('can be used with the keyboard alone: an error summary takes the focus, the file and standard are reached by Tab', async () => {
    const opened = await open();
    const { page } = opened;
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to main content');
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    expect(order).toEqual(['file', 'standard-filter', 'standard', 'submit']);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('error-summary');
    await expect(page.locator('#error-summary').innerText()).resolves.toContain('Choose a data file to check');
    await expect(page.locator('#file-error').isVisible()).resolves.toBe(true);
    const violations = await axeViolations(page);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  });

  it('passes axe and fits a 360 px phone with no sideways overflow, before and after the check', async () => {
    for (const [size, viewport] of [
      ['desktop', { width: 1280, height: 900 }],
      ['phone', { width: 360, height: 740 }],
    ] as const) {
      const opened = await open();
      const { page } = opened;
      await page.setViewportSize(viewport);
      await page.screenshot({ path: join(OUT, `serve-page.${size}.png`), fullPage: true });
      expect(await overflow(page), `page at ${size}`).toBeLessThanOrEqual(0);
      let violations = await axeViolations(page);
      expect(
        violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
        `page at ${size}`,
      ).toEqual([]);
      if (violations.length) console.log(`axe (serve page, ${size}): ${JSON.stringify(violations)}`);
      await check(opened, SAMPLE);
      await page.screenshot({ path: join(OUT, `serve-result.${size}.png`), fullPage: true });
      expect(await overflow(page), `result at ${size}`).toBeLessThanOrEqual(0);
      violations = await axeViolations(page);
      expect(
        violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
        `result at ${size}`,
      ).toEqual([]);
      expect(onlyHere(opened)).toEqual([]);
      expect(opened.errors).toEqual([]);
      await page.close();
    }
  });
});
