// Text for HTML: control characters and direction overrides made visible (as in the terminal), then the
// five characters that could start markup or end an attribute written as entities. Every piece of text
// that reaches the HTML report goes through here, so a value like <img onerror=…> is shown, never run.
import { terminalSafe } from './safe-text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: string | number): string {
  return terminalSafe(String(value)).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
