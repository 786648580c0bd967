// The page a check ends on: the HTML report exactly as `conform validate -f html` writes it, with one
// section added at the top of its main content: the repaired copy and its log to download, the report in
// every other format, and the way back. The section uses the report's own styles, so the report's policy
// (its style and script by hash, nothing else) holds for the whole page.
import { statSync } from 'node:fs';
import { esc } from '../formatters/html-escape.js';
import { html } from '../formatters/html.js';
import { FORMAT_WORDS } from '../formatters/index.js';
import type { Check } from './check.js';
import { REPORT_FORMATS, repairNames, reportFilename } from './downloads.js';
import { sizeText } from './options.js';
import { count } from '../formatters/where.js';

export interface ResultPage {
  html: string;
  /** The report's own Content-Security-Policy, to send as a header too. */
  policy: string;
}

export function resultPage(check: Check): ResultPage {
  const page = html(check.report!, {});
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1];
  if (!policy) throw new Error('The HTML report has no Content-Security-Policy');
  const section = downloadsSection(check);
  const main = /<main\b[^>]*>/.exec(page);
  if (!main) throw new Error('The HTML report has no main element');
  const at = main.index + main[0].length;
  return { html: `${page.slice(0, at)}\n${section}${page.slice(at)}`, policy };
}

function downloadsSection(check: Check): string {
  const base = `/checks/${check.id}`;
  const file = check.report!.files[0]!;
  const out = ['<section class="plan" aria-labelledby="downloads">', '<h2 id="downloads">Download</h2>'];
  out.push(`<p>${esc(file.path)} was checked on this computer and has been deleted from conform’s temporary folder; nothing was sent anywhere else.</p>`);
  if (check.repair) {
    const names = repairNames(check.shown);
    const left = check.repair.report.summary;
    const verdict = check.repair.report.passed
      ? 'The repaired copy meets the standard.'
      : `The repaired copy still has ${[count(left.errors, 'error'), left.warnings ? count(left.warnings, 'warning') : ''].filter(Boolean).join(' and ')}: those need a person (see the plan below).`;
    out.push(
      `<p><a href="${base}/fixed" download="${names.fixed}">Download the repaired file</a> (${names.fixed}, ${sizeText(statSync(check.repair.output).size)}): <code>conform fix</code> made ${count(check.repair.changes, 'change')}. ${verdict}</p>`,
      `<p><a href="${base}/changes" download="${names.log}">Download the list of changes</a> (${names.log}): one line a change, with the row, the column, the value before and after, and the repair.</p>`,
    );
  } else if (check.repairProblem) {
    out.push(`<p><code>conform fix</code> could not make a repaired copy: ${esc(check.repairProblem)}</p>`);
  } else if (file.plan?.issues && file.format === 'csv' && file.standard) {
    out.push('<p>None of these issues is one <code>conform fix</code> can repair safely, so there is no repaired copy.</p>');
  } else if (file.plan?.issues && (file.format === 'json' || file.format === 'ndjson')) {
    out.push('<p><code>conform fix</code> repairs CSV files only, so there is no repaired copy.</p>');
  }
  const links = REPORT_FORMATS.map((format) => {
    const filename = reportFilename(check.shown, format);
    return `<li><a href="${base}/report/${format}" download="${filename}">${esc(capitalised(FORMAT_WORDS[format]))}</a> (${filename})</li>`;
  });
  out.push('<h3 id="other-formats">The report in other formats</h3>', `<ul aria-labelledby="other-formats">${links.join('')}</ul>`);
  out.push(`<p><a href="/?done=${check.id}">Check another file</a> (this deletes the files above)</p>`, '</section>');
  return out.join('\n');
}

function capitalised(words: string): string {
  const text = words.replace(/^the /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
