// How the change history reads: the backend (ar.Describe) says which record an
// entry is about and which fields changed, typed; this module writes them in
// the user's language and the portfolio's formats: "Plazo: 30 → 45 días".
import type {TFunction} from 'i18next';
import type {HistoryChange, HistoryEntry, RecordRef} from './api';
import {formatTaxId} from './format';

/** What the history needs to write values: the open portfolio's formats. */
export interface Formatters {
  lang: string;
  country: string;
  money: (minor: number, currency?: string) => string;
  date: (iso: string) => string;
  dateTime: (ts: string) => string;
  int: (n: number) => string;
}

const none = '—';

/** actionText names what was done: "Modificación", "Importación". */
export function actionText(action: string, t: TFunction): string {
  return t(`action.${action.replace(/\./g, '_')}`, {defaultValue: action});
}

/** valueText writes one stored value of a change as a user reads it. */
export function valueText(c: HistoryChange, v: string | undefined, t: TFunction, f: Formatters): string {
  if (v === undefined || v === '') return none;
  switch (c.type) {
    case 'money':
      return /^-?\d+$/.test(v) ? f.money(Number(v), c.unit || undefined) : v;
    case 'date':
      return f.date(v);
    case 'time':
      return f.dateTime(v);
    case 'days':
      return t('history.days', {count: Number(v), n: f.int(Number(v))});
    case 'count':
      return f.int(Number(v));
    case 'month': {
      const m = Number(v);
      if (!(m >= 1 && m <= 12)) return v;
      const name = new Date(Date.UTC(2000, m - 1, 1)).toLocaleString(f.lang === 'en' ? 'en-GB' : 'es-CL', {month: 'long', timeZone: 'UTC'});
      return name.charAt(0).toUpperCase() + name.slice(1);
    }
    case 'bool':
      return v === 'true' ? t('common.yes') : t('common.no');
    case 'taxId':
      return formatTaxId(c.unit || f.country, v);
    case 'enum':
      return t(`${c.unit}.${v}`, {defaultValue: v});
  }
  return v;
}

/** fieldLabel names a field: "Plazo", "Límite de crédito". */
export function fieldLabel(field: string, t: TFunction): string {
  return t(`historyField.${field}`, {defaultValue: field});
}

/**
 * changeText writes one change: "Plazo: 30 → 45 días", "Motivo de la reversa:
 * — → Cheque protestado", or only the value when the entry holds no earlier one.
 */
export function changeText(c: HistoryChange, t: TFunction, f: Formatters): string {
  const label = fieldLabel(c.field, t);
  if (c.before === undefined || c.before === null) return `${label}: ${valueText(c, c.after, t, f)}`;
  if (c.type === 'days') {
    const n = (v: string) => (v === '' ? none : f.int(Number(v)));
    return `${label}: ${t('history.daysRange', {before: n(c.before), after: n(c.after)})}`;
  }
  return `${label}: ${valueText(c, c.before, t, f)} → ${valueText(c, c.after, t, f)}`;
}

/** documentText names a document by its type and number: "Factura n.º F-77". */
function documentText(kind: string, number: string, t: TFunction): string {
  return t('historyRecord.document', {kind: t(`kind.${kind}`, {defaultValue: kind}), number});
}

/**
 * recordText names the record an entry is about the way a user knows it: the
 * client's name, a document's type and number, a payment's date, amount and
 * reference, an import's number and file.
 */
export function recordText(e: Pick<HistoryEntry, 'entity' | 'entityId'> & {record: RecordRef}, t: TFunction, f: Formatters): string {
  const r = e.record;
  const client = r.name ? ` · ${r.name}` : '';
  switch (e.entity) {
    case 'client':
      return r.name ? t('historyRecord.client', {name: r.name}) : t('entity.client');
    case 'document':
      return documentText(r.kind, r.number, t) + client;
    case 'payment': {
      const text = t('historyRecord.payment', {date: f.date(r.date), amount: f.money(r.amount, r.currency || undefined)});
      return text + (r.reference ? ` · ${r.reference}` : '') + client;
    }
    case 'allocation': {
      const doc = r.number ? documentText(r.docKind || 'invoice', r.number, t) : t('entity.document');
      const text = t('historyRecord.allocation', {amount: f.money(r.amount, r.currency || undefined), document: doc});
      return text + (r.reference ? ` · ${r.reference}` : '') + client;
    }
    case 'import':
      return r.name ? t('historyRecord.importFile', {number: r.number, file: r.name}) : t('historyRecord.import', {number: r.number});
    case 'portfolio':
      return r.name ? t('historyRecord.portfolio', {name: r.name}) : t('entity.portfolio');
  }
  return `${t(`entity.${e.entity}`, {defaultValue: e.entity})} ${e.entityId}`;
}
