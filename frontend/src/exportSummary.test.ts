import {describe, expect, it} from 'vitest';
import i18n from 'i18next';
import {en, es} from './i18n';
import {exportSummary, narrowed} from './exportSummary';

const int = (n: number) => String(n);

async function tr(lang: string) {
  const inst = i18n.createInstance();
  await inst.init({resources: {es: {translation: es}, en: {translation: en}}, lng: lang, interpolation: {escapeValue: false}});
  return inst.t.bind(inst) as unknown as (k: string, o?: Record<string, unknown>) => string;
}

describe('exportSummary', () => {
  it('names the rows an export of the documents list writes', async () => {
    const t = await tr('es');
    expect(exportSummary(t, {list: 'invoices', filter: {status: 'overdue'}}, 3, int)).toBe('Se exportarán 3 documentos vencidos.');
    expect(exportSummary(t, {list: 'invoices', filter: {status: 'overdue', kind: 'invoice'}}, 1, int)).toBe('Se exportará 1 factura vencida.');
    expect(exportSummary(t, {list: 'invoices', filter: {}}, 14, int)).toBe('Se exportarán 14 documentos.');
    expect(exportSummary(t, {list: 'invoices', filter: {kind: 'credit_note', status: 'available'}}, 2, int)).toBe('Se exportarán 2 notas de crédito disponibles.');
  });
  it('names clients by the archived choice and payments by their filter', async () => {
    const t = await tr('es');
    expect(exportSummary(t, {list: 'clients', filter: {archived: 'active'}}, 12, int)).toBe('Se exportarán 12 clientes activos.');
    expect(exportSummary(t, {list: 'clients', filter: {archived: 'all', overdue: true}}, 4, int)).toBe('Se exportarán 4 clientes con deuda vencida.');
    expect(exportSummary(t, {list: 'payments', filter: {unallocated: true}}, 1, int)).toBe('Se exportará 1 pago con saldo sin imputar.');
  });
  it('reads naturally in English', async () => {
    const t = await tr('en');
    expect(exportSummary(t, {list: 'invoices', filter: {status: 'overdue'}}, 3, int)).toBe('3 overdue documents will be exported.');
    expect(exportSummary(t, {list: 'clients', filter: {archived: 'archived'}}, 1, int)).toBe('1 archived client will be exported.');
  });
  it('knows when a search or a filter it does not name narrows the list', () => {
    expect(narrowed({list: 'invoices', filter: {status: 'overdue'}})).toBe(false);
    expect(narrowed({list: 'invoices', filter: {search: 'acme'}})).toBe(true);
    expect(narrowed({list: 'invoices', filter: {clientId: 4}})).toBe(true);
    expect(narrowed({list: 'clients', filter: {search: '  '}})).toBe(false);
  });
});
