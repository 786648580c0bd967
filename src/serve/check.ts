// One check of an uploaded file, with the engine and the commands of the command line: the report is
// made by validateTasks (as `conform validate` makes it), the repaired copy and its log by fixCommand (as
// `conform fix` makes them). The uploaded copy is removed as soon as both are done; the repaired copy and
// its log stay in the check's private folder for download.
import { createReadStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AUTO, DEFAULT_MAX_ISSUES } from '../batch/check-task.js';
import { fixCommand } from '../commands/fix.js';
import { isConformError } from '../errors.js';
import type { Io } from '../io/io.js';
import { locateFileCells } from '../report/cell-columns.js';
import type { Report } from '../types.js';
import { CsvTokenizer } from '../sources/csv-tokenizer.js';
import { validateTasks } from '../validate.js';
import { runSettings } from '../run/settings.js';
import { randomId } from './sessions.js';

export type CheckState = 'receiving' | 'checking' | 'repairing' | 'done' | 'failed';

/** What `conform fix` made of the file: its repaired copy, the log of changes and the copy's own report. */
export interface Repair {
  /** Paths in the check's folder. */
  output: string;
  log: string;
  changes: number;
  report: Report;
}

/** Where the uploaded file is kept while it is checked: a fixed name, with the extension that tells its format. */
export function uploadName(shown: string): string {
  const extension = /\.([a-z0-9]{1,10})$/i.exec(shown)?.[1]?.toLowerCase();
  return extension ? `upload.${extension}` : 'upload';
}

export class Check {
  readonly id = randomId();
  state: CheckState = 'receiving';
  /** Bytes received, then bytes and rows checked. */
  size = 0;
  bytes = 0;
  rows = 0;
  /** Why the check could not be done, in words for the page. */
  problem?: string;
  report?: Report;
  /** The report with each listed cell's character position, for GitHub annotations and SARIF. */
  located?: Report;
  repair?: Repair;
  /** Why there is no repaired copy, when conform fix could not make one. */
  repairProblem?: string;
  started = performance.now();

  constructor(
    /** The check's private folder. */
    readonly folder: string,
    /** The file's name as the browser gave it: shown in the report, never used as a path. */
    readonly shown: string,
  ) {}

  get upload(): string {
    return join(this.folder, uploadName(this.shown));
  }

  get finished(): boolean {
    return this.state === 'done' || this.state === 'failed';
  }

  /** Check the uploaded file against `standard` (an id, id@version or auto), then repair it if conform fix can. */
  async run(standard: string): Promise<void> {
    try {
      this.state = 'checking';
      const report = await validateTasks([{ path: this.upload, shown: this.shown, settings: { standard: standard || AUTO, maxIssues: DEFAULT_MAX_ISSUES } }], runSettings(), {
        onEvent: (event) => {
          if (event.type === 'progress') Object.assign(this, { rows: event.rows, bytes: event.bytes });
        },
      });
      this.report = report;
      this.rows = report.summary.rows;
      const located = structuredClone(report);
      const file = located.files[0]!;
      await locateFileCells({ ...file, path: this.upload }).catch(() => undefined);
      this.located = located;
      if ((report.files[0]?.plan?.fixable ?? 0) > 0 && report.files[0]?.standard) {
        this.state = 'repairing';
        await this.repairCopy(report.files[0].standard);
      }
      this.state = 'done';
    } catch (error) {
      this.problem = isConformError(error) ? error.message.replaceAll(this.upload, this.shown) : 'conform could not check this file because of a fault in conform itself';
      this.state = 'failed';
      if (!isConformError(error) && process.env.CONFORM_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
    } finally {
      rmSync(this.upload, { force: true });
    }
  }

  private async repairCopy(standard: { id: string; version: string }): Promise<void> {
    let stdout = '';
    // With quiet, fix writes nothing but its report; nothing of the file reaches the server's own output.
    const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, cwd: this.folder, env: {} };
    const output = join(this.folder, 'fixed.csv');
    const log = join(this.folder, 'fixed.csv.log.csv');
    try {
      await fixCommand(this.upload, { standard: `${standard.id}@${standard.version}`, output, log, format: 'json', quiet: true, color: false }, io);
      const report = JSON.parse(stdout) as Report;
      const changes = Math.max(0, (await countRecords(log)) - 1);
      this.repair = { output, log, changes, report };
    } catch (error) {
      this.repairProblem = isConformError(error) ? error.message.replaceAll(this.upload, this.shown) : 'conform fix could not repair this file';
      rmSync(output, { force: true });
      rmSync(log, { force: true });
    }
  }
}

/** Records in a CSV file (the log: a header, then one a change), counted as it is read. */
async function countRecords(path: string): Promise<number> {
  const tokenizer = new CsvTokenizer({ delimiter: ',', quote: '"' });
  let records = 0;
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) records += tokenizer.push(chunk as string).rows.length;
  return records + tokenizer.end().rows.length;
}
