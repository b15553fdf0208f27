// The sentence an export dialog shows before the save dialog: how many rows of
// which list will be written, named after the list's filter.
import type {ClientFilter, DocumentFilter, PaymentFilter} from './api';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** The filter of the list on screen, as the export receives it. */
export type ExportFilter =
  | {list: 'clients'; filter: Partial<ClientFilter>}
  | {list: 'invoices'; filter: Partial<DocumentFilter>}
  | {list: 'payments'; filter: Partial<PaymentFilter>};

/**
 * exportSummary says what an export of n rows of the list will write:
 * "Se exportarán 3 documentos vencidos", "Se exportará 1 factura vencida",
 * "Se exportarán 12 clientes activos".
 */
export function exportSummary(t: T, e: ExportFilter, n: number, int: (n: number) => string): string {
  const count = {count: n};
  let noun = '';
  let adj = '';
  let extra = '';
  switch (e.list) {
    case 'invoices': {
      const kind = e.filter.kind || 'document';
      noun = t(`exportDialog.noun.${kind}`, count);
      if (e.filter.status) adj = ' ' + t(`exportDialog.adj.${e.filter.status}`, {...count, context: kind === 'document' ? undefined : 'f'});
      break;
    }
    case 'clients':
      noun = t('exportDialog.noun.client', count);
      if (e.filter.archived !== 'all') adj = ' ' + t(`exportDialog.adj.${e.filter.archived || 'active'}`, count);
      if (e.filter.overdue) extra = ' ' + t('exportDialog.extra.overdue');
      break;
    case 'payments':
      noun = t('exportDialog.noun.payment', count);
      if (e.filter.unallocated) extra = ' ' + t('exportDialog.extra.unallocated');
      break;
  }
  return t('exportDialog.will', {count: n, n: int(n), noun, adj, extra});
}

/** narrowed says whether the list also has a search or filters the summary does not name. */
export function narrowed(e: ExportFilter): boolean {
  const f = e.filter as Record<string, unknown>;
  if (typeof f.search === 'string' && f.search.trim() !== '') return true;
  switch (e.list) {
    case 'invoices':
      return !!(e.filter.clientId || e.filter.dueFrom || e.filter.dueTo);
    case 'clients':
      return !!e.filter.segment;
    case 'payments':
      return !!(e.filter.clientId || e.filter.from || e.filter.to);
  }
}
