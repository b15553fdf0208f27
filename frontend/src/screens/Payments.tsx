import {useRef, useState} from 'react';
import {Alert, Badge, Button, Drawer, Group, Select, Stack, Table, Text, Textarea, TextInput, Title} from '@mantine/core';
import {IconSearch} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api, PaymentFilter, PaymentRow} from '../api';
import {formatDateTime} from '../format';
import {Column, Sort, VirtualTable} from '../components/VirtualTable';
import {Amount, EmptyState, Loading} from '../components/common';
import {AllocationList} from '../components/Allocations';
import {ListHeader} from '../components/ListHeader';
import {ExportButton} from '../components/ExportButton';
import {ImportButton} from '../components/ImportButton';
import {notifyError, notifyOK, useApp, useAsync, useDebounced} from '../state';
import {HistoryTable} from './History';
import {AllocationEditor, toLines} from './PaymentForm';
import {useNav} from './Workspace';

export function PaymentsScreen() {
  const {t} = useTranslation();
  const {money, date, int} = useApp();
  const nav = useNav();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 200);
  // '' lists every payment, reversed ones too (marked); the filter hides them or picks one status.
  const [status, setStatus] = useState('');
  const [sort, setSort] = useState<Sort>({key: 'date', desc: true});
  const [counted, setCounted] = useState<{key: string; n: number}>();
  const [open, setOpen] = useState<number>();
  const searchRef = useRef<HTMLInputElement>(null);
  const columns: Column<PaymentRow>[] = [
    {key: 'date', label: t('payments.date'), width: 112, minWidth: 100, sortable: true, render: (r) => date(r.date)},
    {key: 'client', label: t('payments.client'), width: 'minmax(120px, 1.3fr)', sortable: true, render: (r) => r.clientName},
    // The method rides with the reference, so that the status fits at 1024 px.
    {key: 'reference', label: t('payments.reference'), width: 'minmax(110px, 1fr)', priority: 2, render: (r) => (
      <>{r.reference}{r.reference ? ' · ' : ''}<Text span size="sm" c="dimmed">{t(`method.${r.method}`, {defaultValue: r.method})}</Text></>
    )},
    {key: 'amount', label: t('payments.amount'), width: 120, minWidth: 110, align: 'right', sortable: true, render: (r) => (
      <Amount text={money(r.amount, r.currency)} className={r.status === 'reversed' ? 'struck' : undefined} />
    )},
    {key: 'unallocated', label: t('payments.unallocated'), width: 120, align: 'right', render: (r) => (
      r.status === 'reversed' ? <Text size="sm" c="dimmed">—</Text> :
        <Text size="sm" component="div" c={r.available > 0 ? 'grape.7' : 'dimmed'}><Amount text={money(r.available, r.currency)} /></Text>
    )},
    {key: 'status', label: t('payments.status'), width: 180, render: (r) => <PaymentStatusBadge status={r.status} />},
  ];
  const resetKey = JSON.stringify([q, status, sort, nav.changed]);
  // The list and its export select the same rows with the same filter.
  const filter: Partial<PaymentFilter> = {search: q, status, sort: sort.key, desc: sort.desc};
  const total = counted?.key === resetKey ? counted.n : undefined;
  return (
    <>
      <ListHeader title={t('payments.title')} count={total === undefined ? undefined : t('payments.count', {count: total, n: int(total)})} newLabel={t('payments.new')} onNew={() => nav.newPayment()} testId="new-payment" extra={<><ImportButton target="payments" /><ExportButton list="payments" what={{list: 'payments', filter}} count={total} /></>} />
      <Group mb="sm">
        <TextInput ref={searchRef} leftSection={<IconSearch size={16} />} placeholder={t('payments.searchPh')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{flex: 1, maxWidth: 380}} />
        <Select value={status} onChange={(v) => setStatus(v ?? '')} allowDeselect={false} maxDropdownHeight={320} w={230} aria-label={t('payments.status')} data-testid="payment-status-filter"
          data={[{value: '', label: t('payments.filterAll')}, {value: 'live', label: t('payments.filterLive')}, {value: 'open', label: t('payments.filterOpen')},
            ...['allocated', 'partial', 'unallocated', 'reversed'].map((v) => ({value: v, label: t(`paymentStatus.${v}`)}))]} />
      </Group>
      <VirtualTable<PaymentRow>
        columns={columns}
        resetKey={resetKey}
        sort={sort}
        onSort={setSort}
        onTotal={(n) => setCounted({key: resetKey, n})}
        testId="payments-table"
        searchRef={searchRef}
        fetchPage={(offset, limit) => api.payments({...filter, offset, limit})}
        onRowClick={(r) => setOpen(r.id)}
        empty={q || status ? <EmptyState title={t('payments.noMatch')} /> : (
          <EmptyState title={t('payments.empty')} hint={t('payments.emptyHint')} action={<Group gap="xs" mt="sm" justify="center"><Button onClick={() => nav.newPayment()}>{t('payments.new')}</Button><ImportButton target="payments" /></Group>} />
        )}
      />
      {open && <PaymentDrawer id={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}

const statusColor: Record<string, string> = {allocated: 'teal', partial: 'yellow', unallocated: 'grape', reversed: 'gray'};

/** PaymentStatusBadge shows a payment's status: Imputado, Parcialmente imputado, Sin imputar, Reversado. */
export function PaymentStatusBadge({status}: {status: string}) {
  const {t} = useTranslation();
  return <Badge color={statusColor[status] ?? 'gray'} variant={status === 'reversed' ? 'outline' : 'light'} size="sm" tt="none" maw="100%">{t(`paymentStatus.${status}`, {defaultValue: status})}</Badge>;
}

/** PaymentDrawer shows a payment with its allocations; the remainder can be allocated, an allocation undone, the payment reversed. */
export function PaymentDrawer({id, onClose}: {id: number; onClose: () => void}) {
  const {t} = useTranslation();
  const {money, date, lang} = useApp();
  const nav = useNav();
  const d = useAsync(() => api.payment(id), [id, nav.changed]);
  const [mode, setMode] = useState<'view' | 'allocate' | 'reverse'>('view');
  const [lines, setLines] = useState<Record<number, number>>({});
  const [reason, setReason] = useState('');
  const p = d.data?.payment;
  const done = () => { notifyOK(t('common.saved')); setMode('view'); nav.bump(); };
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={p ? `${t('kind.payment')} · ${date(p.date)}` : ''}>
      {!d.data || !p ? <Loading /> : (
        <Stack>
          <Group justify="space-between">
            <Text fw={600} c="teal.8" style={{cursor: 'pointer'}} onClick={() => { onClose(); nav.openClient(p.clientId); }}>{d.data.clientName}</Text>
            <PaymentStatusBadge status={d.data.status} />
          </Group>
          {p.reversedAt && <Alert color="gray" variant="light" data-testid="payment-reversed-note">{t('payments.reversedNote')}</Alert>}
          <Table data-testid="payment-facts">
            <Table.Tbody>
              <Table.Tr><Table.Td c="dimmed" w={180}>{t('payments.amount')}</Table.Td><Table.Td className="num" style={{textDecoration: p.reversedAt ? 'line-through' : undefined}}>{money(p.amount, p.currency)}</Table.Td></Table.Tr>
              {!p.reversedAt && <Table.Tr><Table.Td c="dimmed">{t('payments.unallocated')}</Table.Td><Table.Td className="num">{money(d.data.available, p.currency)}</Table.Td></Table.Tr>}
              <Table.Tr><Table.Td c="dimmed">{t('payments.method')}</Table.Td><Table.Td>{t(`method.${p.method}`, {defaultValue: p.method})}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td c="dimmed">{t('payments.reference')}</Table.Td><Table.Td>{p.reference}</Table.Td></Table.Tr>
              {p.reversedAt && <>
                <Table.Tr><Table.Td c="dimmed">{t('payments.reversedAt')}</Table.Td><Table.Td>{formatDateTime(p.reversedAt, lang)}</Table.Td></Table.Tr>
                {d.data.reversedBy && <Table.Tr><Table.Td c="dimmed">{t('payments.reversedBy')}</Table.Td><Table.Td>{d.data.reversedBy}</Table.Td></Table.Tr>}
                <Table.Tr><Table.Td c="dimmed">{t('payments.reverseReason')}</Table.Td><Table.Td data-testid="payment-reverse-reason">{p.reversalReason}</Table.Td></Table.Tr>
              </>}
            </Table.Tbody>
          </Table>
          <Title order={5}>{t('invoices.allocations')}</Title>
          <AllocationList lines={d.data.allocations ?? []} currency={p.currency} label={(a) => `${t('kind.invoice')} ${a.documentNumber}`}
            onUndo={p.reversedAt ? undefined : (a) => api.unallocate(a.id).then(done, notifyError)} />
          {mode === 'allocate' && (
            <Stack gap="xs">
              <AllocationEditor clientId={p.clientId} currency={p.currency} amount={d.data.available} lines={lines} setLines={setLines} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setMode('view')}>{t('common.cancel')}</Button>
                <Button onClick={() => api.allocate(id, toLines(lines)).then(done, notifyError)}>{t('common.save')}</Button>
              </Group>
            </Stack>
          )}
          {mode === 'reverse' && (
            <Stack gap="xs">
              <Text size="sm" c="dimmed">{t('payments.reverseHint')}</Text>
              <Textarea label={t('payments.reverseReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize data-autofocus />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setMode('view')}>{t('common.cancel')}</Button>
                <Button color="red" disabled={!reason.trim()} onClick={() => api.reversePayment(id, reason).then(done, notifyError)}>{t('payments.reverse')}</Button>
              </Group>
            </Stack>
          )}
          {mode === 'view' && !p.reversedAt && (
            <Group>
              {d.data.available > 0 && <Button variant="light" onClick={() => setMode('allocate')}>{t('payments.allocateRest')}</Button>}
              <Button variant="light" color="red" onClick={() => setMode('reverse')}>{t('payments.reverse')}</Button>
            </Group>
          )}
          <Title order={5}>{t('client.history')}</Title>
          <HistoryTable entity="payment" id={id} />
        </Stack>
      )}
    </Drawer>
  );
}
