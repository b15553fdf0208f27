import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {cleanup, fireEvent, render, screen} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {useState} from 'react';
import {MantineProvider} from '@mantine/core';
import {I18nextProvider} from 'react-i18next';
import i18n, {initI18n} from '../i18n';
import {formatDate, formatDateTime, parseDate, validDate} from '../format';
import {DateField} from './DateField';

beforeEach(() => {
  window.matchMedia = window.matchMedia || ((() => ({matches: false, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}})) as any);
  (globalThis as any).ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
});
afterEach(cleanup);

describe('parseDate', () => {
  const cases: [string, string | null][] = [
    ['31122026', '2026-12-31'],
    ['31-12-2026', '2026-12-31'],
    ['31/12/2026', '2026-12-31'],
    ['1.2.2026', '2026-02-01'],
    [' 05-03-2026 ', '2026-03-05'],
    ['2026-12-31', '2026-12-31'],
    ['29-02-2024', '2024-02-29'],
    ['29-02-2026', null], // not a leap year
    ['31-04-2026', null], // April has 30 days
    ['311220260', null], // the 9th digit would make year 22026
    ['3112202', null],
    ['31-12-22026', null],
    ['01-01-1899', null],
    ['01-01-2101', null],
    ['01-01-1900', '1900-01-01'],
    ['31-12-2100', '2100-12-31'],
    ['31-12-26', null], // a two-digit year is never guessed
    ['12/31/2026', null], // month first is not how the countries write it
    ['', null],
    ['hoy', null],
  ];
  for (const [text, want] of cases) {
    it(`reads "${text}" as ${want}`, () => expect(parseDate(text)).toBe(want));
  }
});

describe('validDate', () => {
  it('lets no date and real days within 1900–2100 through, and nothing else', () => {
    expect(validDate('')).toBe(true);
    expect(validDate('2026-12-31')).toBe(true);
    expect(validDate('22026-12-31')).toBe(false);
    expect(validDate('2026-02-30')).toBe(false);
    expect(validDate('1850-01-01')).toBe(false);
  });
});

describe('formatDate', () => {
  it('writes day first whatever the language', () => expect(formatDate('2026-12-03')).toBe('03-12-2026'));
  it('writes a moment day first with a four-digit year', () => expect(formatDateTime('2026-12-03T17:05:00')).toBe('03-12-2026 17:05'));
});

function Harness({initial, onChange}: {initial: string; onChange: (v: string) => void}) {
  const [v, setV] = useState(initial);
  return <DateField label="Fecha" value={v} onChange={(x) => { setV(x); onChange(x); }} testId="date" />;
}

function renderField(lang: string, initial = '2026-03-12') {
  initI18n(lang);
  i18n.changeLanguage(lang);
  const onChange = vi.fn();
  render(
    <MantineProvider>
      <I18nextProvider i18n={i18n}>
        <Harness initial={initial} onChange={onChange} />
      </I18nextProvider>
    </MantineProvider>,
  );
  return {input: screen.getByTestId('date') as HTMLInputElement, onChange};
}

for (const lang of ['es', 'en']) {
  describe(`DateField in ${lang}`, () => {
    it('shows the date day first, not in the machine locale', () => {
      const {input} = renderField(lang);
      expect(input.value).toBe('12-03-2026');
    });

    it('reads 31122026 typed key by key as 31-12-2026', async () => {
      const {input, onChange} = renderField(lang);
      const user = userEvent.setup();
      await user.clear(input);
      await user.type(input, '31122026');
      fireEvent.blur(input);
      expect(onChange).toHaveBeenLastCalledWith('2026-12-31');
      expect(input.value).toBe('31-12-2026');
    }, 30000);

    it('never produces a year outside 1900–2100, whatever is typed', async () => {
      const {input, onChange} = renderField(lang);
      const user = userEvent.setup();
      for (const text of ['311220260', '01012101', '31-12-1899', '31-12-22026', '99999999']) {
        await user.clear(input);
        await user.type(input, text);
        fireEvent.blur(input);
      }
      for (const [v] of onChange.mock.calls) {
        if (v === '') continue;
        const year = Number(v.slice(0, 4));
        expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(year).toBeGreaterThanOrEqual(1900);
        expect(year).toBeLessThanOrEqual(2100);
      }
      expect(input.value).toMatch(/^\d{2}-\d{2}-(19\d\d|20\d\d|2100)$/);
    }, 30000);
  });
}
