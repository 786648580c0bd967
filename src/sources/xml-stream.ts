// Reading a workbook's XML parts as a stream of tags and text, so a sheet of millions of rows is never
// held whole. Document type declarations are refused: they are how "billion laughs" entity expansion and
// external entities get in, and no spreadsheet needs one. Entities other than the five XML ones (and
// character references) are errors in saxes, so nothing is ever expanded.
import type { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import type { SaxesParser } from 'saxes';

// Loaded on the first workbook, not at start-up: most runs read no workbook.
const require = createRequire(import.meta.url);
let parserClass: typeof SaxesParser | undefined;
const saxesParser = () => (parserClass ??= (require('saxes') as { SaxesParser: typeof SaxesParser }).SaxesParser);
import { WorkbookError } from './zip.js';

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Read the XML of `stream`, calling the handlers; `stop()` ends the reading early (the rest is not read). */
export function readXml(stream: Readable, part: string, handlers: (stop: () => void) => XmlHandlers): Promise<void> {
  return new Promise((resolve, reject) => {
    const Parser = saxesParser();
    const parser = new Parser({ xmlns: false, position: true });
    const decoder = new TextDecoder('utf-8');
    let done = false;
    let failure: Error | undefined;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      stream.destroy();
      if (error) reject(error);
      else resolve();
    };
    const stop = () => finish();
    const on = handlers(stop);
    // The parser goes on to the end of the chunk it was given: once stopped, its events are not passed on.
    parser.on('opentag', (tag) => done || on.open(tag.name, tag.attributes as Record<string, string>, tag.isSelfClosing));
    if (on.close) parser.on('closetag', (tag) => done || on.close!(tag.name));
    if (on.text) {
      parser.on('text', (text) => done || on.text!(text));
      parser.on('cdata', (text) => done || on.text!(text));
    }
    parser.on('doctype', () => {
      failure ??= new WorkbookError(`its part "${part}" declares a document type, which a workbook never needs and which can hide entity expansion; it was not read`);
    });
    parser.on('error', (error) => {
      failure ??= new WorkbookError(`its part "${part}" is not well-formed XML (${error.message.split('\n')[0]})`);
    });
    const write = (text: string) => {
      try {
        parser.write(text);
      } catch (error) {
        failure ??= error instanceof WorkbookError ? error : new WorkbookError(`its part "${part}" could not be read (${(error as Error).message})`);
      }
      if (failure) finish(failure);
    };
    stream.on('data', (chunk: Buffer) => {
      if (!done) write(decoder.decode(chunk, { stream: true }));
    });
    stream.on('end', () => {
      if (done) return;
      write(decoder.decode());
      if (done) return;
      try {
        parser.close();
      } catch (error) {
        failure ??= new WorkbookError(`its part "${part}" is not well-formed XML (${(error as Error).message.split('\n')[0]})`);
      }
      finish(failure);
    });
    stream.on('error', (error) => finish(error instanceof WorkbookError ? error : new WorkbookError(`its part "${part}" cannot be unpacked (${error.message})`)));
  });
}
