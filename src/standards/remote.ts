// Fetching a schema or a code list from the web, only when the user allows it (--allow-remote), with a
// time limit and a size limit so a slow or huge answer cannot stall or swamp a run.
import { ConformError } from '../errors.js';

export const REMOTE_TIMEOUT_MS = 10_000;
export const REMOTE_MAX_BYTES = 10 * 1024 * 1024;

export function isRemote(reference: string): boolean {
  return /^https?:\/\//i.test(reference);
}

/** `subject` names the thing and where it is mentioned: "The code list https://… (in grants.json)". */
export function remoteRefused(subject: string): ConformError {
  return new ConformError(`${subject} is on the internet, and conform fetches nothing unless asked: add --allow-remote to fetch it, or save it beside the standard`);
}

export async function fetchText(url: string, timeoutMs = REMOTE_TIMEOUT_MS, maxBytes = REMOTE_MAX_BYTES): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    if (!response.ok) throw new ConformError(`Fetching ${url} failed: the server answered ${response.status} ${response.statusText}`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > maxBytes) throw new ConformError(`Fetching ${url} stopped: it is ${declared} bytes, more than the limit of ${maxBytes}`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > maxBytes) {
        controller.abort();
        throw new ConformError(`Fetching ${url} stopped: it is more than the limit of ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    if (error instanceof ConformError) throw error;
    const reason = controller.signal.aborted ? `no answer within ${timeoutMs / 1000} s` : (error as Error).message;
    throw new ConformError(`Fetching ${url} failed: ${reason}`);
  } finally {
    clearTimeout(timer);
  }
}
