// What a form does with an amount before saving it: the one place that decides
// whether an amount is refused, saved, or first confirmed by the user.
import {exponent} from './format';

/** The hard ceiling of one document or payment in minor units (mirrors backend ar.MaxAmount). */
export const MAX_AMOUNT = 1_000_000_000_000_000;

/** An amount this many times the portfolio's largest so far asks for confirmation. */
export const UNUSUAL_FACTOR = 100;

/** In a portfolio with nothing in the currency yet, amounts above this many whole units ask for confirmation. */
export const FIRST_AMOUNT_UNITS = 1_000_000_000;

export type AmountVerdict = 'empty' | 'notPositive' | 'tooLarge' | 'unusual' | 'ok';

/** unusualAbove is the amount (minor units) beyond which a form asks "¿Seguro?". */
export function unusualAbove(largest: number, currency: string): number {
  return largest > 0 ? largest * UNUSUAL_FACTOR : FIRST_AMOUNT_UNITS * 10 ** exponent(currency);
}

/**
 * judgeAmount says what to do with an amount typed in currency, given the
 * largest live document or payment of the portfolio in that currency.
 */
export function judgeAmount(amount: number | null, largest: number, currency: string): AmountVerdict {
  if (amount === null) return 'empty';
  if (amount <= 0) return 'notPositive';
  if (amount > MAX_AMOUNT) return 'tooLarge';
  if (amount > unusualAbove(largest, currency)) return 'unusual';
  return 'ok';
}
