import {describe, expect, it} from 'vitest';
import {addDays, formatMoney, formatPlain, parseMoney} from './format';

describe('money text', () => {
  it('formats pesos without decimals and with dots in Chile', () => {
    expect(formatMoney(1190000, 'CLP', 'CL')).toBe('$ 1.190.000');
    expect(formatMoney(-690000, 'CLP', 'CL')).toBe('-$ 690.000');
  });
  it('formats cents per country style', () => {
    expect(formatPlain(123456789, 'COP', 'CO')).toBe('1.234.567,89');
    expect(formatPlain(123456789, 'MXN', 'MX')).toBe('1,234,567.89');
    expect(formatMoney(5, 'PEN', 'PE')).toBe('S/ 0.05');
  });
  it('parses what people type, without floats', () => {
    expect(parseMoney('1.190.000', 'CLP', 'CL')).toBe(1190000);
    expect(parseMoney('$ 500.000', 'CLP', 'CL')).toBe(500000);
    expect(parseMoney('1.234,5', 'COP', 'CO')).toBe(123450);
    expect(parseMoney('1,234.56', 'MXN', 'MX')).toBe(123456);
    expect(parseMoney('0.29', 'MXN', 'MX')).toBe(29);
    expect(parseMoney('1234', 'ARS', 'AR')).toBe(123400);
  });
  it('refuses text that is not an amount', () => {
    for (const bad of ['', 'abc', '1.23.4', '1,5', '12,34,567', '1.234,5.6']) {
      expect(parseMoney(bad, 'CLP', 'CL'), bad).toBeNull();
    }
    expect(parseMoney('1.234,567', 'COP', 'CO')).toBeNull();
    expect(parseMoney('99999999999999999', 'CLP', 'CL')).toBeNull();
  });
  it('round-trips formatted amounts', () => {
    for (const [v, cur, c] of [[1, 'CLP', 'CL'], [999999999, 'COP', 'CO'], [100, 'MXN', 'MX'], [123456, 'PEN', 'PE']] as const) {
      expect(parseMoney(formatPlain(v, cur, c), cur, c)).toBe(v);
    }
  });
});

describe('dates', () => {
  it('adds calendar days across months and leap years', () => {
    expect(addDays('2026-11-24', 30)).toBe('2026-12-24');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

import {formatTaxId} from './format';

describe('tax IDs', () => {
  it('are written as people write them', () => {
    expect(formatTaxId('CL', '761234560')).toBe('76.123.456-0');
    expect(formatTaxId('CL', '5126663K')).toBe('5.126.663-K');
    expect(formatTaxId('CO', '8909039388')).toBe('890.903.938-8');
    expect(formatTaxId('AR', '30712345671')).toBe('30-71234567-1');
    expect(formatTaxId('MX', 'ABA150312K43')).toBe('ABA150312K43');
  });
});

// The same table backend/money and backend/taxid are tested against: the two
// sides can never write an amount or a tax ID differently.
import cases from '../../testdata/format_cases.json';

describe('the shared format table', () => {
  it.each(cases.money)('formatMoney($minor $currency, $country) = $text', (c) => {
    expect(formatMoney(c.minor, c.currency, c.country)).toBe(c.text);
    expect(formatPlain(c.minor, c.currency, c.country)).toBe(c.plain);
  });
  it.each(cases.parse)('parseMoney($text, $country) = $minor', (c) => {
    expect(parseMoney(c.text, c.currency, c.country)).toBe(c.minor);
  });
  it.each(cases.taxId)('formatTaxId($country, $id) = $text', (c) => {
    expect(formatTaxId(c.country, c.id)).toBe(c.text);
  });
});
