// The overview of a run of several files, for the HTML report: the share of valid rows by standard, by
// publisher and by file, each table ranked worst first as the report's overview already is.
import type { Overview, OverviewCounts } from '../types.js';
import { esc } from './html-escape.js';
import { n } from './where.js';

export function overviewSection(overview: Overview): string {
  const out = [
    '<h2 class="files">Overview</h2>',
    groupTable(
      'By standard',
      'Standard',
      overview.byStandard.map((g) => ({ ...g, name: g.standard })),
      'no standard',
    ),
  ];
  if (overview.byPublisher.some((g) => g.publisher !== null)) {
    out.push(
      groupTable(
        'By publisher',
        'Publisher',
        overview.byPublisher.map((g) => ({ ...g, name: g.publisher })),
        'not stated in the data',
      ),
    );
  }
  const rows = overview.files.map(
    (f) =>
      `<tr><td>${f.passed ? 'passed' : '<strong>failed</strong>'}</td><td class="num">${percent(f.conformance)}</td><td class="num">${n(f.rows)}</td><td class="num">${n(f.errors)}</td><td class="num">${n(f.warnings)}</td><td>${f.standard === null ? '—' : `<code>${esc(f.standard)}</code>`}</td><td>${f.publisher === null ? '—' : esc(f.publisher)}</td><td><code>${esc(f.path)}</code></td></tr>`,
  );
  out.push(
    '<h3>Files, worst first</h3>',
    '<div class="scroll" role="region" aria-label="Files, worst first" tabindex="0"><table>',
    '<thead><tr><th scope="col">Result</th><th scope="col" class="num">Valid rows</th><th scope="col" class="num">Rows</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th><th scope="col">Standard</th><th scope="col">Publisher</th><th scope="col">File</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table></div>`,
  );
  return out.join('\n');
}

function groupTable(title: string, label: string, groups: Array<OverviewCounts & { name: string | null }>, none: string): string {
  const rows = groups.map(
    (g) =>
      `<tr><td>${g.name === null ? esc(none) : esc(g.name)}</td><td class="num">${percent(g.conformance)}</td><td class="num">${n(g.files)}</td><td class="num">${n(g.failedFiles)}</td><td class="num">${n(g.rows)}</td><td class="num">${n(g.errors)}</td><td class="num">${n(g.warnings)}</td></tr>`,
  );
  return [
    `<h3>${esc(title)}</h3>`,
    `<div class="scroll" role="region" aria-label="${esc(title)}" tabindex="0"><table>`,
    `<thead><tr><th scope="col">${esc(label)}</th><th scope="col" class="num">Valid rows</th><th scope="col" class="num">Files</th><th scope="col" class="num">Failed</th><th scope="col" class="num">Rows</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table></div>`,
  ].join('\n');
}

const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);
