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

/** formatDate writes an ISO date (YYYY-MM-DD) as the user's locale writes it: 24-11-2026 in Chile. */
export function formatDate(iso: string, lang: string): string {
  if (!iso || iso.length < 10) return iso ?? '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return lang === 'en' ? `${y}-${m}-${d}` : `${d}-${m}-${y}`;
}

/** formatDateTime writes a UTC timestamp in local time, with a four-digit year: 03-12-2026, 16:34. */
export function formatDateTime(ts: string, lang: string): string {
  const t = new Date(ts);
  if (!ts || isNaN(t.getTime())) return ts ?? '';
  return t.toLocaleString(lang === 'en' ? 'en-GB' : 'es-CL', {day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
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
