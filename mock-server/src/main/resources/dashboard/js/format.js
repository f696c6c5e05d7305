// Amounts and times as people read them. Amount values are unsigned 64-bit integers in the asset's
// smallest unit, carried as strings: they are converted with string and BigInt arithmetic, never
// through floating point.

/** "10000" at scale 2 -> "100.00". */
export function units(value, scale) {
  const digits = String(value ?? '0').replace(/^0+(?=\d)/, '');
  if (!scale) return digits;
  const padded = digits.padStart(scale + 1, '0');
  return `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

/** {value, assetCode, assetScale} -> "100.00 USD". */
export function amount(a) {
  if (!a) return '—';
  return `${units(a.value, a.assetScale)} ${a.assetCode}`;
}

/**
 * "12.5" at scale 2 -> "1250": what a person types in the asset's units, as the smallest-unit
 * value the admin API takes. Throws an Error saying what is wrong.
 */
export function toSmallestUnits(text, scale) {
  const match = /^\s*(\d{1,20})(?:[.](\d*))?\s*$/.exec(text ?? '');
  if (!match) {
    throw new Error(`"${text}" is not an amount: use digits and at most one decimal point, e.g. 100.00`);
  }
  const fraction = match[2] ?? '';
  if (fraction.length > scale) {
    throw new Error(`"${text}" has more than ${scale} decimal${scale === 1 ? '' : 's'}, the asset's scale`);
  }
  const value = BigInt(match[1]) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0') || '0');
  if (value > 18446744073709551615n) {
    throw new Error(`"${text}" is more than an amount can hold (2^64 - 1 smallest units)`);
  }
  return value.toString();
}

/** An RFC 3339 instant as "2026-12-01 00:00:00 UTC". */
export function instant(text) {
  if (!text) return '—';
  return text.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
}

/** Part of a long id, for tables: the first 8 characters of a UUID. */
export function shortId(id) {
  const text = String(id ?? '');
  const last = text.slice(text.lastIndexOf('/') + 1);
  return last.length > 8 ? last.slice(0, 8) : last;
}

/** A fraction 0..1 of two smallest-unit values, for meters. */
export function ratio(part, whole) {
  const w = BigInt(whole ?? '0');
  if (w === 0n) return 0;
  return Number((BigInt(part ?? '0') * 10000n) / w) / 10000;
}
