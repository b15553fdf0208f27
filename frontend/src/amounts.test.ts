import {describe, expect, it} from 'vitest';
import {judgeAmount, MAX_AMOUNT, unusualAbove} from './amounts';

describe('judgeAmount', () => {
  it('refuses negative and zero amounts', () => {
    expect(judgeAmount(-50000, 1_000_000, 'CLP')).toBe('notPositive');
    expect(judgeAmount(0, 1_000_000, 'CLP')).toBe('notPositive');
  });
  it('refuses what the backend refuses, above the ceiling', () => {
    expect(judgeAmount(MAX_AMOUNT + 1, 0, 'CLP')).toBe('tooLarge');
    expect(judgeAmount(MAX_AMOUNT, MAX_AMOUNT, 'CLP')).toBe('ok');
  });
  it('asks about 999.999.999.999.999 pesos in a portfolio of millions', () => {
    expect(judgeAmount(999_999_999_999_999, 1_190_000, 'CLP')).toBe('unusual');
  });
  it('asks above a hundred times the largest amount so far, not at it', () => {
    expect(judgeAmount(119_000_000, 1_190_000, 'CLP')).toBe('ok');
    expect(judgeAmount(119_000_001, 1_190_000, 'CLP')).toBe('unusual');
  });
  it('uses a fixed threshold in whole units for an empty portfolio', () => {
    expect(unusualAbove(0, 'CLP')).toBe(1_000_000_000);
    expect(unusualAbove(0, 'USD')).toBe(100_000_000_000);
    expect(judgeAmount(500_000_000, 0, 'CLP')).toBe('ok');
    expect(judgeAmount(1_500_000_000, 0, 'CLP')).toBe('unusual');
  });
  it('says nothing about an empty box', () => {
    expect(judgeAmount(null, 0, 'CLP')).toBe('empty');
  });
});
