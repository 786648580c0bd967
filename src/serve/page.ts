// The upload page: a file to choose or drop, a standard to pick (searchable, or detected from the file),
// and where the check's progress is shown. Its style and script are inline and allowed by hash; the tab's
// token, which every POST must carry, is written into the form.
import { createHash } from 'node:crypto';
import { DATA_EXTENSIONS } from '../batch/inputs.js';
import { esc } from '../formatters/html-escape.js';
import type { RegistryEntry } from '../standards/registry.js';
import { VERSION } from '../version.js';
import { sizeText } from './options.js';
import { PAGE_SCRIPT, PAGE_STYLE } from './page-assets.js';

export function hashOf(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The page's policy: its own style and script, requests to this server only, nothing else. */
export const PAGE_POLICY = [
  "default-src 'none'",
  `style-src ${hashOf(PAGE_STYLE)}`,
  `script-src ${hashOf(PAGE_SCRIPT)}`,
  "connect-src 'self'",
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The kinds of file the engine reads, as the page lists them and the file chooser offers them. */
function fileKinds(): { accept: string; words: string } {
  const extensions = DATA_EXTENSIONS.map((e) => `.${e}`);
  const names = [...new Set(DATA_EXTENSIONS.map((e) => (e === 'jsonl' ? 'NDJSON' : e.toUpperCase())))];
  const words = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
  return { accept: extensions.join(','), words: `${words} (${extensions.join(', ')})` };
}

export function uploadPage(token: string, standards: RegistryEntry[], maxBytes: number): string {
  const kinds = fileKinds();
  const newest = standards.filter((s, i) => standards.findIndex((t) => t.id === s.id) === i);
  const options = newest.map((s) => `<option value="${esc(`${s.id}@${s.version}`)}">${esc(s.title)} (${esc(s.id)} ${esc(s.version)})</option>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<title>Check a data file — conform</title>',
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to main content</a>',
    '<header class="bar"><div class="wrap"><p class="service">conform</p></div></header>',
    '<main id="main" class="wrap">',
    '<h1>Check a data file against a standard</h1>',
    '<p class="lead">conform checks the file on this computer and shows what does not meet the standard, row by row. The file is not sent anywhere else.</p>',
    '<p id="needs-script" class="panel">This page needs JavaScript, which is switched off in this browser. Switch it on, or use <code>conform validate</code> in a terminal. The page’s script runs only on this computer.</p>',
    '<div id="error-summary" class="error-summary" tabindex="-1" role="alert" aria-labelledby="error-heading" hidden><h2 id="error-heading">There is a problem</h2><p id="error-text"></p></div>',
    `<form id="check-form" novalidate hidden data-token="${esc(token)}" data-max-bytes="${maxBytes}" data-max-text="${esc(sizeText(maxBytes))}">`,
    '<div class="field" id="file-field">',
    '<label for="file">Data file</label>',
    `<p class="hint" id="file-hint">${esc(kinds.words)}, up to ${esc(sizeText(maxBytes))}.</p>`,
    '<p class="field-error" id="file-error" hidden></p>',
    `<div class="drop" id="drop"><input type="file" id="file" name="file" accept="${esc(kinds.accept)}" aria-describedby="file-hint file-error"><p>or drag and drop the file onto this page</p></div>`,
    '<p id="chosen" class="chosen"></p>',
    '</div>',
    '<div class="field">',
    '<label for="standard-filter">Find a standard</label>',
    '<p class="hint" id="filter-hint">Type part of its name to shorten the list.</p>',
    '<input type="search" id="standard-filter" aria-describedby="filter-hint filter-status" aria-controls="standard" autocomplete="off" spellcheck="false">',
    '<p id="filter-status" class="hint" role="status"></p>',
    '<label for="standard">Standard</label>',
    '<select id="standard" name="standard">',
    '<option value="auto" selected>Detect automatically from the file’s columns</option>',
    ...options,
    '</select>',
    '</div>',
    '<button type="submit" class="button" id="submit">Check the file</button>',
    '</form>',
    '<section id="progress-panel" class="panel" aria-labelledby="progress-heading" hidden>',
    '<h2 id="progress-heading" tabindex="-1">Checking</h2>',
    '<progress id="progress" max="100" value="0" aria-labelledby="progress-heading"></progress>',
    '<p id="progress-text"></p>',
    '<p id="progress-live" class="sr-only" role="status"></p>',
    '</section>',
    '<p class="privacy">conform keeps the file in a private temporary folder while it checks it, then deletes it. The repaired copy is kept until you check another file or stop conform. Nothing is logged but counts.</p>',
    '</main>',
    `<footer><div class="wrap"><p>conform ${esc(VERSION)} · running on this computer</p></div></footer>`,
    `<script>${PAGE_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
