// Money and date text for the user's country. Amounts are integer minor units
// (numbers that stay far below 2^53: the backend caps them at 10^15), never
// floats: parsing and formatting work on digit strings.

const commaDecimal = new Set(['CL', 'CO', 'AR', 'UY', 'PY', 'BO', 'BR']);

export interface Style {
  group: string;
  decimal: string;
}

/** The separators a country writes numbers with (mirrors backend/money.StyleFor). */
export function styleFor(country: string): Style {
  return commaDecimal.has(country) ? {group: '.', decimal: ','} : {group: ',', decimal: '.'};
}

/** Minor-unit exponent of an ISO 4217 currency (mirrors backend/money.Exponent). */
export function exponent(currency: string): number {
  switch (currency) {
    case 'CLP':
    case 'PYG':
    case 'JPY':
    case 'KRW':
      return 0;
    case 'CLF':
      return 4;
  }
  return 2;
}

export function symbol(currency: string): string {
  switch (currency) {
    case 'CLP':
    case 'COP':
    case 'MXN':
    case 'ARS':
      return '$';
    case 'PEN':
      return 'S/';
    case 'USD':
      return 'US$';
  }
  return currency;
}

/** formatPlain writes minor units without a symbol: 123456789 CLP in CL → "123.456.789". */
export function formatPlain(minor: number, currency: string, country: string): string {
  const st = styleFor(country);
  const exp = exponent(currency);
  const neg = minor < 0;
  let digits = String(Math.abs(Math.trunc(minor)));
  if (digits.length <= exp) digits = '0'.repeat(exp - digits.length + 1) + digits;
  const whole = digits.slice(0, digits.length - exp);
  const frac = digits.slice(digits.length - exp);
  let out = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) out += st.group;
    out += whole[i];
  }
  if (exp > 0) out += st.decimal + frac;
  return (neg ? '-' : '') + out;
}

/** formatMoney writes minor units with the currency sign: "$ 1.190.000" (as backend/money.Format). */
export function formatMoney(minor: number, currency: string, country: string): string {
  const plain = formatPlain(minor, currency, country);
  return plain.startsWith('-') ? '-' + symbol(currency) + ' ' + plain.slice(1) : symbol(currency) + ' ' + plain;
}

/**
 * parseMoney reads what a user typed ("1.190.000", "$ 1.234,50", "1234.5")
 * in the country's style into minor units; it returns null for text that is
 * not an amount, and never goes through a float.
 */
export function parseMoney(text: string, currency: string, country: string): number | null {
  const st = styleFor(country);
  const exp = exponent(currency);
  let s = text.replace(/[\s\u00a0]/g, '').replace(/^(US\$|S\/|\$)/, '');
  if (s === '') return null;
  let neg = false;
  if (s.startsWith('-')) {
    neg = true;
    s = s.slice(1);
  }
  let whole = s;
  let frac = '';
  const di = s.lastIndexOf(st.decimal);
  if (di >= 0 && (exp > 0 || /^0*$/.test(s.slice(di + 1)))) {
    whole = s.slice(0, di);
    frac = s.slice(di + 1);
  }
  // Grouping separators must fall every three digits.
  const groups = whole.split(st.group);
  if (groups.length > 1 && (groups[0] === '' || groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3))) return null;
  whole = groups.join('');
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(frac)) return null;
  if (frac.length > exp) {
    if (!/^0*$/.test(frac.slice(exp))) return null;
    frac = frac.slice(0, exp);
  }
  const digits = (whole + frac.padEnd(exp, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 16) return null;
  const v = Number(digits);
  if (!Number.isSafeInteger(v)) return null;
  return neg ? -v : v;
}

/** DATE_FORMAT is how every date is written and typed: day first, as in every country Cartera serves (CL, CO, MX, PE, AR), whatever the computer's locale. */
export const DATE_FORMAT = 'DD-MM-YYYY';

/** MIN_DATE and MAX_DATE bound every date a user can enter: nothing outside 1900–2100 is a real invoice date. */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2100-12-31';

/** formatDate writes an ISO date (YYYY-MM-DD) day first, as the portfolio's country does: 24-11-2026. */
export function formatDate(iso: string): string {
  if (!iso || iso.length < 10) return iso ?? '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}-${m}-${y}`;
}

/** isoDate writes year, month and day as YYYY-MM-DD if they make a real calendar day within MIN_DATE–MAX_DATE, else null. */
function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const t = new Date(Date.UTC(2000, m - 1, d));
  // 2000 is a leap year: 29-02 passes here and is checked against the real year below.
  if (t.getUTCMonth() !== m - 1) return null;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return iso >= MIN_DATE && iso <= MAX_DATE ? iso : null;
}

/**
 * parseDate reads a date as a user types it, day first: "31122026",
 * "31-12-2026", "31/12/2026", "1.2.2026", or ISO "2026-12-31". It returns
 * the ISO date, or null for anything else: a day that does not exist, a year
 * outside 1900–2100, a year that is not written with four digits.
 */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (m) return isoDate(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(s);
  if (m) return isoDate(+m[3], +m[2], +m[1]);
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  return null;
}

/** validDate reports whether iso is a date a request may carry: empty (no date) or a real day within MIN_DATE–MAX_DATE. */
export function validDate(iso: string | undefined | null): boolean {
  if (!iso) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return !!m && isoDate(+m[1], +m[2], +m[3]) === iso;
}

/** formatDateTime writes a UTC timestamp in local time, day first like every date: 03-12-2026 17:15. */
export function formatDateTime(ts: string, _lang?: string): string {
  const t = new Date(ts);
  if (!ts || isNaN(t.getTime())) return ts ?? '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getDate())}-${p(t.getMonth() + 1)}-${t.getFullYear()} ${p(t.getHours())}:${p(t.getMinutes())}`;
}

/** addDays adds n days to an ISO date, as calendar dates (no time zones). */
export function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return t.toISOString().slice(0, 10);
}

const group3 = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** formatTaxId writes a normalized tax ID as people write it (mirrors backend/taxid.Format): 761234560 → 76.123.456-0. */
export function formatTaxId(country: string, id: string): string {
  if (!id) return '';
  switch (country) {
    case 'CL':
      if (/^\d+[\dK]$/.test(id)) return group3(id.slice(0, -1)) + '-' + id.slice(-1);
      break;
    case 'CO':
      if (/^\d{2,}$/.test(id)) return group3(id.slice(0, -1)) + '-' + id.slice(-1);
      break;
    case 'AR':
      if (/^\d{11}$/.test(id)) return `${id.slice(0, 2)}-${id.slice(2, 10)}-${id.slice(10)}`;
      break;
  }
  return id;
}
