import {createContext, useCallback, useContext, useEffect, useRef, useState} from 'react';
import {notifications} from '@mantine/notifications';
import {ApiError, Meta, PortfolioInfo, toApiError} from './api';
import {formatDate, formatMoney, formatPlain} from './format';

/** What every screen needs: the app's meta data, the open portfolio and the language. */
export interface AppState {
  meta: Meta;
  info: PortfolioInfo;
  lang: string;
  setLang: (lang: string) => void;
  /** money formats minor units in the portfolio's country style. */
  money: (minor: number, currency?: string) => string;
  date: (iso: string) => string;
  /** int writes a whole number with the country's grouping: 20.000 in Chile. */
  int: (n: number) => string;
  country: string;
  currency: string;
  today: string;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const s = useContext(AppContext);
  if (!s) throw new Error('useApp outside AppContext');
  return s;
}

export function makeState(meta: Meta, info: PortfolioInfo, lang: string, setLang: (l: string) => void): AppState {
  const country = info.portfolio?.country || 'CL';
  const currency = info.portfolio?.currency || 'CLP';
  return {
    meta, info, lang, setLang, country, currency, today: meta.today,
    money: (minor, cur) => formatMoney(minor, cur || currency, country),
    date: (iso) => formatDate(iso),
    int: (n) => formatPlain(n, 'CLP', country),
  };
}

export interface Async<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * useAsync runs fn when deps change and keeps only the answer to the latest
 * call: a slow answer for an earlier filter (or an earlier portfolio) never
 * replaces a newer one.
 */
export function useAsync<T>(fn: () => Promise<T>, deps: unknown[]): Async<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    fn().then(
      (v) => {
        if (mine === seq.current) {
          setData(v);
          setError(undefined);
          setLoading(false);
        }
      },
      (e) => {
        if (mine === seq.current) {
          setError(toApiError(e));
          setLoading(false);
        }
      },
    );
    return () => {
      seq.current++;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return {data, error, loading, reload};
}

export function notifyError(e: unknown, title?: string) {
  const err = toApiError(e);
  notifications.show({color: 'red', title: title ?? undefined, message: err.message, autoClose: 8000});
}

export function notifyOK(message: string) {
  notifications.show({color: 'teal', message, autoClose: 3000});
}

/** Debounced value, for search boxes. */
export function useDebounced<T>(value: T, ms = 200): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}
