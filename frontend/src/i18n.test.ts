import {describe, expect, it} from 'vitest';
import {en, es} from './i18n';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, prefix + k + '.') : [prefix + k]));
}

function get(o: any, path: string): string {
  return path.split('.').reduce((a, k) => a?.[k], o);
}

describe('translations', () => {
  it('have the same keys in Spanish and English', () => {
    expect(keys(en).sort()).toEqual(keys(es).sort());
  });
  it('have no empty text and the same placeholders in both languages', () => {
    for (const k of keys(es)) {
      expect(get(es, k), k).not.toBe('');
      const ph = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort();
      expect(ph(get(en, k)), k).toEqual(ph(get(es, k)));
    }
  });
});
