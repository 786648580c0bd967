// Numbers and the order of names, without Intl: the first use of Intl loads ICU's data for the whole
// process, memory in every run for the sake of a comma in "3,836 rows".

/** A number as a British reader writes it: thousands separated by commas, at most three decimals. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return value.toLocaleString('en-GB');
  const size = Math.abs(value);
  const rounded = Number.isInteger(size) ? size : Math.round(size * 1000) / 1000;
  if (rounded >= 1e21) return value.toLocaleString('en-GB');
  const [whole, fraction] = String(rounded).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${value < 0 || Object.is(value, -0) ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Names in the order of their characters' codes (standard ids and versions are plain ASCII). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
