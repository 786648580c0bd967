// A short text for a JSON value in an issue: at most `max` characters, built without recursion and
// without serialising more than it shows, so a huge or absurdly deep value costs nothing to describe.

export function preview(value: unknown, max = 200): string {
  if (typeof value === 'string') return value.length > max ? value.slice(0, max) + '…' : value;
  if (value === null || typeof value !== 'object') return String(value);
  let out = '';
  // Each entry is text to emit, or a value still to describe.
  const stack: Array<{ text: string } | { value: unknown }> = [{ value }];
  while (stack.length && out.length <= max) {
    const next = stack.pop()!;
    if ('text' in next) {
      out += next.text;
      continue;
    }
    const v = next.value;
    if (v === null || typeof v !== 'object') {
      out += JSON.stringify(v) ?? 'null';
    } else if (Array.isArray(v)) {
      const parts: Array<{ text: string } | { value: unknown }> = [{ text: '[' }];
      v.slice(0, max).forEach((item, i) => parts.push(...(i ? [{ text: ',' }] : []), { value: item }));
      parts.push({ text: ']' });
      stack.push(...parts.reverse());
    } else {
      const parts: Array<{ text: string } | { value: unknown }> = [{ text: '{' }];
      Object.keys(v)
        .slice(0, max)
        .forEach((key, i) => parts.push({ text: `${i ? ',' : ''}${JSON.stringify(key)}:` }, { value: (v as Record<string, unknown>)[key] }));
      parts.push({ text: '}' });
      stack.push(...parts.reverse());
    }
  }
  return out.length > max ? out.slice(0, max) + '…' : out;
}
