// The command line, as a function: parse argv, run one command, return the exit code. It writes only
// through the `io` it is given, so every command can be tested in-process.
import { Command, CommanderError, Option } from 'commander';
import type { FixFlags } from './commands/fix.js';
import type { StandardsFlags } from './commands/standards.js';
import type { ImportFlags } from './commands/standards-import.js';
import type { TemplateFlags } from './commands/template.js';
import type { InitFlags } from './commands/init.js';
import type { MergeFlags } from './commands/merge.js';
import type { ValidateFlags } from './commands/validate.js';
import type { ServeFlags } from './serve/options.js';
import { FORMATTERS } from './formatters/index.js';
import { isConformError } from './errors.js';
import { terminalSafe } from './formatters/safe-text.js';
import type { Io } from './io/io.js';
import { VERSION } from './version.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The options several commands share, made in one place so each says the same. */
const shared = {
  standardsDir: (what = 'a folder of extra standards (repeatable)') => new Option('--standards-dir <dir>', what).argParser(collect),
  reportFormat: () => new Option('-f, --format <name>', `report format: ${Object.keys(FORMATTERS).join(', ')} (default: from the --output name, else stylish)`),
  alsoReport: (what = 'also write a report in another format (repeatable)') => new Option('--report <format=file>', what).argParser(collect),
  column: () => new Option('--column <name=field>', 'read a column of the file as a field of the standard, e.g. "Paid Date=PaymentDate" (repeatable)').argParser(collect),
  verbose: () => new Option('--verbose', 'show patterns and other technical detail in the terminal report'),
  quiet: () => new Option('-q, --quiet', 'print only the verdict of failing runs'),
  noColor: () => new Option('--no-color', 'no colour in terminal output'),
};

export async function run(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const program = new Command('conform')
    .description('Check published data (CSV, JSON, NDJSON) against data standards')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text.startsWith('error:') ? `conform: ${text.slice(7)}` : text),
    });

  program
    .command('validate')
    .description('check data files against standards (with no files named: every check of the config)')
    .argument('[files...]', 'files, folders and glob patterns to check; - reads standard input')
    .option('-s, --standard <id|file>', 'a standard id (spend-over-500, spend-over-500@1.0), a JSON Schema file, or auto (default, unless the config says)')
    .addOption(shared.reportFormat())
    .option('-o, --output <file>', 'write the report to a file instead of the terminal (.html, .md, .xml, .sarif, .json, .csv pick the format)')
    .addOption(shared.alsoReport())
    .addOption(shared.verbose())
    .option('--fail-on <level>', 'the severity that makes the exit code 1: error (default), warning, info, never')
    .option('--max-issues <n>', 'issues listed per file, default 1000; counting goes on past it')
    .option('--encoding <name>', 'auto (default), or utf-8, windows-1252, utf-16le, utf-16be…')
    .option('--delimiter <char>', 'auto (default), or one of , ; \\t |')
    .addOption(new Option('--input-format <format>', 'how to read the input when its name does not say').choices(['csv', 'json', 'ndjson']))
    .option('--sheet <name|number>', 'for workbooks (.xlsx, .ods): the sheet to check (default: the one whose header best matches the standard)')
    .option('--config <file>', 'the config file (default: conform.config.yaml, .yml or .json here or in a folder above)')
    .addOption(shared.standardsDir())
    .option('--allow-remote', 'fetch schemas and code lists that standards name by web address (10 s, 10 MB limits)')
    .option('--valid-rows <file>', "also write the records that pass, in the input's format ({name} = each input's name)")
    .option('--invalid-rows <file>', "also write the records that fail, in the input's format ({name} = each input's name)")
    .addOption(shared.column())
    .option(
      '--jobs <n>',
      'files checked in parallel, or for one file the threads that check its parts (default: the number of cores, for more than 16 MB of files; one file is checked on one thread unless --jobs says)',
    )
    .option('--shard <k/n>', 'check only the k-th of n parts of the files (merge with: conform report merge)')
    .addOption(shared.quiet())
    .addOption(shared.noColor())
    .option('--no-progress', 'no progress line while files are checked')
    .action(async (files: string[], flags: ValidateFlags) => {
      // Each command's code is loaded when it runs, so start-up pays only for the command in use.
      const { validateCommand } = await import('./commands/validate.js');
      code = await validateCommand(files, flags, io);
    });

  const standards = program.command('standards').description('the standards conform knows, and what each asks of a file');
  standards
    .command('list', { isDefault: true })
    .description('list the bundled standards and those in --standards-dir folders')
    .option('-f, --format <name>', 'table or json', 'table')
    .addOption(shared.standardsDir())
    .action(async (flags: StandardsFlags) => {
      const { standardsListCommand } = await import('./commands/standards.js');
      code = await standardsListCommand(flags, io);
    });
  standards
    .command('show')
    .description("one standard's fields: types, required, allowed values, patterns, examples, other names")
    .argument('<id>', 'a standard id (contracts, contracts@1.0) or a JSON Schema file')
    .option('-f, --format <name>', 'text, markdown (to publish as guidance) or json', 'text')
    .addOption(shared.standardsDir())
    .action(async (id: string, flags: StandardsFlags) => {
      const { standardsShowCommand } = await import('./commands/standards.js');
      code = await standardsShowCommand(id, flags, io);
    });

  standards
    .command('import')
    .description('make a standard folder from a Table Schema, data package, CSVW, csvlint schema or digital-land specification')
    .argument('<source>', 'the schema file, or the folder of a digital-land specification')
    .option('-o, --output <dir>', 'the folder to write schema.json and NOTES.md into')
    .option('--kind <kind>', 'tableschema, datapackage, csvw, csvlint or digital-land (default: told from the source)')
    .option('--dataset <name>', 'digital-land: the dataset to import')
    .option('--resource <name>', 'data package or CSVW: the resource (table) to import')
    .option('--id <id>', 'the id of the new standard (default: from the source)')
    .option('--force', 'replace a standard already in the folder')
    .action(async (source: string, flags: ImportFlags) => {
      const { standardsImportCommand } = await import('./commands/standards-import.js');
      code = await standardsImportCommand(source, flags, io);
    });

  program
    .command('template')
    .description('a blank CSV for a standard: its header row, and with --example a row of examples')
    .argument('<id>', 'a standard id (contracts, contracts@1.0) or a JSON Schema file')
    .option('--example', "add a row built from the fields' examples")
    .option('-o, --output <file>', 'write the CSV to a file instead of the terminal')
    .addOption(shared.standardsDir())
    .action(async (id: string, flags: TemplateFlags) => {
      const { templateCommand } = await import('./commands/template.js');
      code = await templateCommand(id, flags, io);
    });

  program
    .command('fix')
    .description('write a repaired copy of a CSV file using only safe, logged repairs, then check the copy')
    .argument('<file>', 'the CSV file to repair')
    .option('-s, --standard <id|file>', 'a standard id (spend-over-500), a JSON Schema file, or auto (detect it from the header)')
    .option('-o, --output <file>', 'where to write the repaired copy')
    .option('--in-place', 'replace the input file with the repaired copy')
    .option('--sheet <name|number>', 'for workbooks (.xlsx, .ods): the sheet to repair (default: the one whose header best matches the standard); the copy is CSV')
    .option('--log <file>', 'where to write the log of changes (default: <output>.log.csv)')
    .addOption(shared.column())
    .option('--encoding <name>', 'auto, or utf-8, windows-1252, utf-16le, utf-16be…', 'auto')
    .option('--delimiter <char>', 'auto, or one of , ; \\t |', 'auto')
    .option('-f, --format <name>', 'format of the report on the repaired copy (default stylish)')
    .addOption(shared.verbose())
    .addOption(shared.alsoReport('also write that report in another format (repeatable)'))
    .option('--fail-on <level>', 'the severity left in the copy that makes the exit code 1', 'error')
    .option('--max-issues <n>', 'issues listed in the report', '1000')
    .addOption(shared.standardsDir())
    .addOption(shared.quiet())
    .addOption(shared.noColor())
    .action(async (file: string, flags: FixFlags) => {
      const { fixCommand } = await import('./commands/fix.js');
      code = await fixCommand(file, flags, io);
    });

  program
    .command('init')
    .description('write a starter conform.config.yaml for the data files under this folder')
    .option('--force', 'replace an existing config')
    .addOption(shared.standardsDir('a folder of extra standards to recognise files by (repeatable)'))
    .action(async (flags: InitFlags) => {
      const { initCommand } = await import('./commands/init.js');
      code = await initCommand(flags, io);
    });

  program
    .command('report')
    .description('work with JSON reports')
    .command('merge')
    .description('merge the JSON reports of a sharded run (--shard k/n) into the report of the whole run')
    .argument('<reports...>', 'the JSON report of each shard')
    .addOption(shared.reportFormat())
    .option('-o, --output <file>', 'write the report to a file instead of the terminal')
    .addOption(shared.alsoReport())
    .addOption(shared.noColor())
    .action(async (reports: string[], flags: MergeFlags) => {
      const { mergeCommand } = await import('./commands/merge.js');
      code = await mergeCommand(reports, flags, io);
    });

  program
    .command('serve')
    .description('a web page on this computer where a file can be dropped and checked, and the report and repaired copy downloaded; nothing leaves the computer')
    .option('--port <n>', 'the port to listen on (0 picks a free one)', '8080')
    .option('--host <address>', 'the address to listen on; anything but 127.0.0.1 lets other computers reach the page', '127.0.0.1')
    .option('--open', 'open the page in the default browser')
    .option('--max-size <size>', 'the largest file taken, e.g. 500MB or 2GB', '1GB')
    .action(async (flags: ServeFlags, command: Command) => {
      const { serveCommand } = await import('./serve/command.js');
      code = await serveCommand({ ...flags, host: command.getOptionValueSource('host') === 'default' ? undefined : flags.host }, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isConformError(error)) {
      // Messages quote file names, titles and values: shown, never obeyed by the terminal.
      io.stderr.write(`conform: ${terminalSafe(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}
