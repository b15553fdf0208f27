import {useRef, useState} from 'react';
import {Alert, Button, Drawer, Group, Select, Stack, Table, Text, Textarea, TextInput, Title} from '@mantine/core';
import {IconSearch} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {AllocationLine, api, DocumentFilter, DocumentRow, toApiError} from '../api';
import {Column, Sort, VirtualTable} from '../components/VirtualTable';
import {Amount, ClientPicker, EmptyState, Loading, StatusBadge} from '../components/common';
import {AllocationList} from '../components/Allocations';
import {ListHeader} from '../components/ListHeader';
import {ExportButton} from '../components/ExportButton';
import {ImportButton} from '../components/ImportButton';
import {DateField} from '../components/DateField';
import {notifyOK, useApp, useAsync, useDebounced} from '../state';
import {HistoryTable} from './History';
import {AllocationEditor, toLines} from './PaymentForm';
import {useNav} from './Workspace';

export function InvoicesScreen() {
  const {t} = useTranslation();
  const {money, date, today, int} = useApp();
  const nav = useNav();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 200);
  const [status, setStatus] = useState<string | null>(null);
  const [clientId, setClientId] = useState<number | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [dueFrom, setDueFrom] = useState('');
  const [dueTo, setDueTo] = useState('');
  const [sort, setSort] = useState<Sort>({key: 'issueDate', desc: true});
  const [counted, setCounted] = useState<{key: string; n: number}>();
  const [open, setOpen] = useState<number>();
  const searchRef = useRef<HTMLInputElement>(null);

  const columns: Column<DocumentRow>[] = [
    {key: 'number', label: t('invoices.number'), width: 120, minWidth: 90, sortable: true, render: (r) => (
      <Text size="sm" fw={500} title={t(`kind.${r.kind}`)}>{r.kind === 'invoice' ? '' : t(`kindShort.${r.kind}`) + ' '}{r.number}</Text>
    )},
    {key: 'client', label: t('invoices.client'), width: 'minmax(160px, 3fr)', sortable: true, render: (r) => r.clientName},
    {key: 'issueDate', label: t('invoices.issue'), width: 110, minWidth: 100, priority: 3, sortable: true, render: (r) => date(r.issueDate)},
    {key: 'dueDate', label: t('invoices.due'), width: 120, minWidth: 120, sortable: true, render: (r) => date(r.dueDate)},
    {key: 'amount', label: t('invoices.amount'), width: 150, minWidth: 120, priority: 2, align: 'right', sortable: true, render: (r) => <Amount text={money(r.amount, r.currency)} />},
    {key: 'open', label: t('invoices.open'), width: 150, minWidth: 120, align: 'right', sortable: true, render: (r) => (r.voidedAt ? '—' : <Amount text={money(r.open, r.currency)} />)},
    {key: 'status', label: t('invoices.status'), width: 170, minWidth: 130, render: (r) => <StatusBadge status={r.status} />},
  ];
  const resetKey = JSON.stringify([q, clientId, status, kind, dueFrom, dueTo, sort, nav.changed]);
  const filtered = q !== '' || !!clientId || !!status || !!kind || !!dueFrom || !!dueTo;
  const statuses = ['open', 'partly_paid', 'partly_credited', 'overdue', 'paid', 'credited', 'voided', 'available', 'applied'];
  // The list and its export select the same rows with the same filter.
  const filter: Partial<DocumentFilter> = {search: q, clientId: clientId ?? 0, status: status ?? '', kind: kind ?? '', dueFrom, dueTo, sort: sort.key, desc: sort.desc, today};
  const total = counted?.key === resetKey ? counted.n : undefined;

  return (
    <>
      <ListHeader title={t('invoices.title')} count={total === undefined ? undefined : t('invoices.count', {count: total, n: int(total)})} newLabel={t('invoices.new')} onNew={() => nav.newInvoice()} testId="new-invoice" extra={<><ImportButton target="invoices" /><ExportButton list="invoices" what={{list: 'invoices', filter}} count={total} /></>} />
      <Group mb="sm" gap="xs" wrap="wrap">
        <TextInput ref={searchRef} leftSection={<IconSearch size={16} />} placeholder={t('invoices.searchPh')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{flex: 1, minWidth: 150}} />
        <div style={{width: 220}}><ClientPicker label="" value={clientId} onChange={(id) => setClientId(id)} clearable /></div>
        <Select placeholder={t('invoices.status')} clearable value={status} onChange={setStatus} data={statuses.map((s) => ({value: s, label: t(`status.${s}`)}))} w={160} />
        <Select placeholder={t('invoices.kind')} clearable value={kind} onChange={setKind} data={['invoice', 'credit_note', 'debit_note'].map((k) => ({value: k, label: t(`kind.${k}`)}))} w={140} />
        <DateField aria-label={t('invoices.dueFrom')} title={t('invoices.dueFrom')} value={dueFrom} onChange={setDueFrom} clearable w={140} testId="due-from" />
        <Text size="sm" c="dimmed">–</Text>
        <DateField aria-label={t('invoices.dueTo')} title={t('invoices.dueTo')} value={dueTo} onChange={setDueTo} clearable w={140} testId="due-to" />
      </Group>
      <VirtualTable<DocumentRow>
        columns={columns}
        resetKey={resetKey}
        sort={sort}
        onSort={setSort}
        onTotal={(n) => setCounted({key: resetKey, n})}
        testId="invoices-table"
        searchRef={searchRef}
        fetchPage={(offset, limit) => api.documents({...filter, offset, limit})}
        onRowClick={(r) => setOpen(r.id)}
        empty={filtered ? <EmptyState title={t('invoices.noMatch')} /> : (
          <EmptyState title={t('invoices.empty')} hint={t('invoices.emptyHint')} action={<Group gap="xs" mt="sm" justify="center"><Button onClick={() => nav.newInvoice()}>{t('invoices.new')}</Button><ImportButton target="invoices" /></Group>} />
        )}
      />
      {open && <DocumentDrawer id={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}

/**
 * DocumentDrawer shows one document: its figures, what was applied to it (or,
 * for a credit note, what it was applied to, with "Aplicar a facturas" and an
 * undo per line), its history, and the voiding.
 */
export function DocumentDrawer({id, onClose}: {id: number; onClose: () => void}) {
  const {t} = useTranslation();
  const {money, date} = useApp();
  const nav = useNav();
  const d = useAsync(() => api.document(id), [id, nav.changed]);
  const [mode, setMode] = useState<'view' | 'apply' | 'void'>('view');
  const [lines, setLines] = useState<Record<number, number>>({});
  const [reason, setReason] = useState('');
  const doc = d.data?.document;
  // A refused action is said in the drawer, beside what was tried, not in a passing notification.
  const [err, setErr] = useState<string>();
  const fail = (e: unknown) => setErr(toApiError(e).message);
  const done = () => { setErr(undefined); notifyOK(t('common.saved')); setMode('view'); nav.bump(); };
  const undo = (a: AllocationLine) => api.unallocate(a.id).then(() => { setErr(undefined); notifyOK(t('notes.undone')); nav.bump(); }, fail);
  const isNote = doc?.kind === 'credit_note';
  const live = (d.data?.allocations ?? []).filter((a) => !a.reversedAt);
  const notes = [...new Set(live.filter((a) => a.creditNoteId).map((a) => a.creditNoteNumber))];
  const paid = live.some((a) => a.paymentId);
  const lineLabel = (a: AllocationLine) => isNote ? `${t('kind.invoice')} ${a.documentNumber}`
    : a.paymentId ? `${t('kind.payment')} ${date(a.paymentDate)} ${a.paymentReference}` : `${t('kind.credit_note')} ${a.creditNoteNumber}`;
  return (
    <Drawer opened onClose={onClose} position="right" size={mode === 'apply' ? 'xl' : 'lg'} title={doc ? `${t(`kind.${doc.kind}`)} ${doc.number}` : ''}>
      {!d.data || !doc ? <Loading /> : (
        <Stack>
          <Group justify="space-between">
            <Anchorish onClick={() => { onClose(); nav.openClient(doc.clientId); }}>{d.data.clientName}</Anchorish>
            <span data-testid="document-status"><StatusBadge status={d.data.status} /></span>
          </Group>
          <Table>
            <Table.Tbody>
              <Row k={t('invoices.issue')} v={date(doc.issueDate)} />
              <Row k={t('invoices.due')} v={date(doc.dueDate) + (d.data.daysOverdue > 0 ? ` · ${t('invoices.daysOverdue', {count: d.data.daysOverdue})}` : '')} />
              <Row k={t('invoices.amount')} v={money(doc.amount, doc.currency)} amount />
              {doc.credited > 0 && <Row k={t('kind.credit_note')} v={money(doc.credited, doc.currency)} amount />}
              {!doc.voidedAt && <Row k={isNote ? t('status.available') : t('invoices.open')} v={money(doc.open, doc.currency)} amount testId="document-open" />}
              {doc.description && <Row k={t('invoiceForm.description')} v={doc.description} />}
              {doc.voidedAt && <Row k={t('status.voided')} v={doc.voidReason} />}
            </Table.Tbody>
          </Table>
          <Title order={5}>{isNote ? t('notes.appliedTo') : t('invoices.allocations')}</Title>
          {(d.data.allocations ?? []).length === 0 ? (mode !== 'apply' && <Text size="sm" c="dimmed">{isNote ? t('notes.none') : t('invoices.noAllocations')}</Text>) : (
            <AllocationList lines={d.data.allocations} currency={doc.currency} label={lineLabel} testId="document-allocations"
              onUndo={doc.voidedAt ? undefined : undo} undoLabel={(a) => (a.creditNoteId ? t('notes.undo') : t('payments.unallocate'))} />
          )}
          {mode === 'apply' && (
            <Stack gap="xs" data-testid="apply-note">
              <AllocationEditor clientId={doc.clientId} currency={doc.currency} amount={doc.open} lines={lines} setLines={setLines}
                words={{hint: t('notes.applyHint'), pay: t('notes.toApply'), applied: t('notes.applied'), remainder: t('notes.remainder')}} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setMode('view')}>{t('common.cancel')}</Button>
                <Button onClick={() => api.applyCreditNote(id, toLines(lines)).then(done, fail)} disabled={toLines(lines).length === 0} data-testid="save-apply">{t('common.save')}</Button>
              </Group>
            </Stack>
          )}
          {mode === 'void' && (
            <Stack gap="xs" data-testid="void-panel">
              {!isNote && paid && <Alert color="red" p="xs" data-testid="void-blocked">{t('notes.voidHasPayments', {number: doc.number})}</Alert>}
              {!isNote && !paid && notes.length > 0 && (
                <Alert color="yellow" p="xs" data-testid="void-notes">{t('notes.voidHasNotes', {count: notes.length, number: doc.number, notes: notes.join(', ')})}</Alert>
              )}
              {!(!isNote && paid) && <>
                <Text size="sm" c="dimmed">{isNote && live.length > 0 ? t('notes.voidHint') : t('invoices.voidHint')}</Text>
                <Textarea label={t('invoices.voidReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize data-autofocus data-testid="void-reason" />
              </>}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setMode('view')}>{t('common.cancel')}</Button>
                {!isNote && !paid && notes.length > 0 ? (
                  <Button color="red" onClick={() => api.voidUnapplyingNotes(id, reason).then(done, fail)} disabled={!reason.trim()} data-testid="unapply-and-void">{t('notes.unapplyAndVoid')}</Button>
                ) : !(!isNote && paid) && (
                  <Button color="red" onClick={() => api.voidDocument(id, reason).then(done, fail)} disabled={!reason.trim()} data-testid="void-confirm">{t('invoices.void')}</Button>
                )}
              </Group>
            </Stack>
          )}
          {err && <Alert color="red" p="xs" withCloseButton onClose={() => setErr(undefined)} data-testid="drawer-error">{err}</Alert>}
          {mode === 'view' && !doc.voidedAt && (
            <Group>
              {isNote && doc.open > 0 && <Button variant="light" onClick={() => { setLines({}); setMode('apply'); }} data-testid="apply-note-button">{t('notes.apply')}</Button>}
              <Button variant="light" color="red" onClick={() => setMode('void')} data-testid="void-button">{t('invoices.void')}</Button>
            </Group>
          )}
          <Title order={5}>{t('client.history')}</Title>
          <HistoryTable entity="document" id={id} />
        </Stack>
      )}
    </Drawer>
  );
}

function Row({k, v, amount, testId}: {k: string; v: string; amount?: boolean; testId?: string}) {
  return <Table.Tr><Table.Td c="dimmed" w={180}>{k}</Table.Td><Table.Td className="num" data-testid={testId}>{amount ? <Amount text={v} fit={false} /> : v}</Table.Td></Table.Tr>;
}

function Anchorish({children, onClick}: {children: React.ReactNode; onClick: () => void}) {
  return <Text fw={600} c="teal.8" style={{cursor: 'pointer'}} onClick={onClick}>{children}</Text>;
}
