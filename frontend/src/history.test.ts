import {describe, expect, it} from 'vitest';
import i18next, {TFunction} from 'i18next';
import {en, es} from './i18n';
import {formatDate, formatDateTime, formatMoney, formatPlain} from './format';
import {actionText, changeText, Formatters, recordText} from './history';
import type {HistoryChange, RecordRef} from './api';

async function setup(lang: 'es' | 'en'): Promise<{t: TFunction; f: Formatters}> {
  const i = i18next.createInstance();
  await i.init({resources: {es: {translation: es}, en: {translation: en}}, lng: lang, interpolation: {escapeValue: false}});
  const f: Formatters = {
    lang, country: 'CL',
    money: (m, c) => formatMoney(m, c || 'CLP', 'CL'),
    date: (iso) => formatDate(iso),
    dateTime: (ts) => formatDateTime(ts, lang),
    int: (n) => formatPlain(n, 'CLP', 'CL'),
  };
  return {t: i.t, f};
}

const change = (c: Partial<HistoryChange>): HistoryChange => ({field: '', type: 'text', unit: '', after: '', ...c});
const rec = (r: Partial<RecordRef>): RecordRef => ({kind: '', number: '', docKind: '', name: '', date: '', amount: 0, currency: '', reference: '', clientId: 0, documentId: 0, paymentId: 0, creditNoteId: 0, ...r});

describe('history changes', () => {
  it('write a change of terms as the owner says it, in Spanish and in English', async () => {
    const terms = change({field: 'paymentTermsDays', type: 'days', before: '30', after: '45'});
    const es = await setup('es');
    expect(changeText(terms, es.t, es.f)).toBe('Plazo: 30 → 45 días');
    const en = await setup('en');
    expect(changeText(terms, en.t, en.f)).toBe('Payment terms: 30 → 45 days');
  });
  it('format money in the portfolio style, dates as dd-mm-yyyy, tax IDs, enums, and an empty before as a dash', async () => {
    const {t, f} = await setup('es');
    expect(changeText(change({field: 'creditLimit', type: 'money', unit: 'CLP', before: '0', after: '5000000'}), t, f)).toBe('Límite de crédito: $ 0 → $ 5.000.000');
    expect(changeText(change({field: 'dueDate', type: 'date', before: '2026-10-31', after: '2026-11-30'}), t, f)).toBe('Vencimiento: 31-10-2026 → 30-11-2026');
    expect(changeText(change({field: 'taxId', type: 'taxId', unit: 'CL', before: '', after: '761234560'}), t, f)).toBe('Identificación tributaria: — → 76.123.456-0');
    expect(changeText(change({field: 'method', type: 'enum', unit: 'method', before: 'cash', after: 'check'}), t, f)).toBe('Medio de pago: Efectivo → Cheque');
    expect(changeText(change({field: 'fiscalYearStartMonth', type: 'month', before: '1', after: '7'}), t, f)).toBe('Inicio del año fiscal: Enero → Julio');
    expect(changeText(change({field: 'reversalReason', type: 'text', before: '', after: 'Cheque protestado'}), t, f)).toBe('Motivo de la reversa: — → Cheque protestado');
  });
  it('write only the value when the entry holds no earlier one (older entries, imports)', async () => {
    const {t, f} = await setup('es');
    expect(changeText(change({field: 'defaultTermsDays', type: 'days', after: '1'}), t, f)).toBe('Plazo por defecto: 1 día');
    expect(changeText(change({field: 'created', type: 'count', after: '12000'}), t, f)).toBe('Creados: 12.000');
  });
  it('write timestamps with four-digit years', async () => {
    const {t, f} = await setup('es');
    expect(changeText(change({field: 'reversedAt', type: 'time', before: '', after: '2026-12-03T15:04:00Z'}), t, f)).toMatch(/^Reversado el: — → \d\d-\d\d-2026 \d\d:\d\d$/);
    // Day first in both languages, like every date on screen.
    expect(formatDateTime('2026-12-03T15:04:00Z', 'en')).toMatch(/^\d\d-\d\d-2026 \d\d:\d\d$/);
  });
});

describe('history records', () => {
  it('name records the way a user knows them', async () => {
    const {t, f} = await setup('es');
    expect(recordText({entity: 'document', entityId: 5, record: rec({kind: 'invoice', number: 'F-77', name: 'Comercial Peña'})}, t, f)).toBe('Factura n.º F-77 · Comercial Peña');
    expect(recordText({entity: 'client', entityId: 7, record: rec({kind: 'client', name: 'Acme SpA'})}, t, f)).toBe('Cliente Acme SpA');
    expect(recordText({entity: 'payment', entityId: 9, record: rec({kind: 'payment', date: '2026-11-04', amount: 200000, currency: 'CLP', reference: 'TEF 9', name: 'Acme SpA'})}, t, f))
      .toBe('Pago del 04-11-2026 por $ 200.000 · TEF 9 · Acme SpA');
    expect(recordText({entity: 'allocation', entityId: 3, record: rec({kind: 'allocation', docKind: 'invoice', number: 'F-77', amount: 200000, currency: 'CLP', reference: 'TEF 9'})}, t, f))
      .toBe('$ 200.000 a Factura n.º F-77 · TEF 9');
    expect(recordText({entity: 'import', entityId: 1, record: rec({kind: 'import', number: '1', name: 'clientes.xlsx'})}, t, f)).toBe('Importación n.º 1 (clientes.xlsx)');
    expect(recordText({entity: 'import', entityId: 2, record: rec({kind: 'import', number: '2'})}, t, f)).toBe('Importación n.º 2');
  });
  it('name them in English too, and translate every action the store writes', async () => {
    const {t, f} = await setup('en');
    expect(recordText({entity: 'document', entityId: 5, record: rec({kind: 'credit_note', number: '12'})}, t, f)).toBe('Credit note no. 12');
    expect(recordText({entity: 'import', entityId: 1, record: rec({kind: 'import', number: '1', name: 'a.csv'})}, t, f)).toBe('Import no. 1 (a.csv)');
    for (const a of ['create', 'update', 'archive', 'unarchive', 'void', 'reverse', 'allocate', 'unallocate', 'demo', 'import', 'import.update', 'import.undo']) {
      expect(actionText(a, t), a).not.toBe(a);
    }
    expect(actionText('import.update', t)).toBe('Changed by an import');
  });
});
