import {useState} from 'react';
import {Badge, Button, Checkbox, Drawer, Group, Stack, Table, Text, Textarea, TextInput, Title} from '@mantine/core';
import {IconSearch} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api, PaymentRow} from '../api';
import {Column, Sort, VirtualTable} from '../components/VirtualTable';
import {EmptyState, Loading} from '../components/common';
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
  const [unallocated, setUnallocated] = useState(false);
  const [sort, setSort] = useState<Sort>({key: 'date', desc: true});
  const [total, setTotal] = useState<number>();
  const [open, setOpen] = useState<number>();
  const columns: Column<PaymentRow>[] = [
    {key: 'date', label: t('payments.date'), width: 110, minWidth: 100, sortable: true, render: (r) => date(r.date)},
    {key: 'client', label: t('payments.client'), width: 'minmax(200px, 3fr)', sortable: true, render: (r) => r.clientName},
    {key: 'method', label: t('payments.method'), width: 130, priority: 3, render: (r) => t(`method.${r.method}`, {defaultValue: r.method})},
    {key: 'reference', label: t('payments.reference'), width: 'minmax(120px, 1.5fr)', priority: 2, render: (r) => r.reference},
    {key: 'amount', label: t('payments.amount'), width: 150, minWidth: 120, align: 'right', sortable: true, render: (r) => (
      <span className="num" style={{textDecoration: r.reversedAt ? 'line-through' : undefined}}>{money(r.amount, r.currency)}</span>
    )},
    {key: 'unallocated', label: t('payments.unallocated'), width: 150, minWidth: 120, align: 'right', render: (r) => (
      r.reversedAt ? <Badge color="gray" size="sm">{t('payments.reversed')}</Badge> :
        <Text size="sm" className="num" c={r.unallocated > 0 ? 'grape.7' : 'dimmed'}>{money(r.unallocated, r.currency)}</Text>
    )},
  ];
  return (
    <>
      <ListHeader title={t('payments.title')} count={total === undefined ? undefined : t('payments.count', {count: total, n: int(total)})} newLabel={t('payments.new')} onNew={() => nav.newPayment()} testId="new-payment" extra={<><ImportButton target="payments" /><ExportButton list="payments" /></>} />
      <Group mb="sm">
        <TextInput leftSection={<IconSearch size={16} />} placeholder={t('payments.searchPh')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{flex: 1, maxWidth: 380}} />
        <Checkbox label={t('payments.onlyUnallocated')} checked={unallocated} onChange={(e) => setUnallocated(e.currentTarget.checked)} />
      </Group>
      <VirtualTable<PaymentRow>
        columns={columns}
        resetKey={JSON.stringify([q, unallocated, sort, nav.changed])}
        sort={sort}
        onSort={setSort}
        onTotal={setTotal}
        testId="payments-table"
        fetchPage={(offset, limit) => api.payments({search: q, unallocated, sort: sort.key, desc: sort.desc, offset, limit})}
        onRowClick={(r) => setOpen(r.id)}
        empty={q || unallocated ? <EmptyState title={t('payments.noMatch')} /> : (
          <EmptyState title={t('payments.empty')} hint={t('payments.emptyHint')} action={<Group gap="xs" mt="sm" justify="center"><Button onClick={() => nav.newPayment()}>{t('payments.new')}</Button><ImportButton target="payments" /></Group>} />
        )}
      />
      {open && <PaymentDrawer id={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}

/** PaymentDrawer shows a payment with its allocations; the remainder can be allocated, an allocation undone, the payment reversed. */
export function PaymentDrawer({id, onClose}: {id: number; onClose: () => void}) {
  const {t} = useTranslation();
  const {money, date} = useApp();
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
            {p.reversedAt && <Badge color="gray">{t('payments.reversed')}</Badge>}
          </Group>
          <Table>
            <Table.Tbody>
              <Table.Tr><Table.Td c="dimmed" w={180}>{t('payments.amount')}</Table.Td><Table.Td className="num">{money(p.amount, p.currency)}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td c="dimmed">{t('payments.unallocated')}</Table.Td><Table.Td className="num">{money(p.unallocated, p.currency)}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td c="dimmed">{t('payments.method')}</Table.Td><Table.Td>{t(`method.${p.method}`, {defaultValue: p.method})}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td c="dimmed">{t('payments.reference')}</Table.Td><Table.Td>{p.reference}</Table.Td></Table.Tr>
              {p.reversedAt && <Table.Tr><Table.Td c="dimmed">{t('payments.reverseReason')}</Table.Td><Table.Td>{p.reversalReason}</Table.Td></Table.Tr>}
            </Table.Tbody>
          </Table>
          <Title order={5}>{t('invoices.allocations')}</Title>
          <Table>
            <Table.Tbody>
              {(d.data.allocations ?? []).map((a) => (
                <Table.Tr key={a.id} style={{opacity: a.reversedAt ? 0.5 : 1}}>
                  <Table.Td>{t('kind.invoice')} {a.documentNumber}</Table.Td>
                  <Table.Td ta="right" className="num">{money(a.amount, p.currency)}</Table.Td>
                  <Table.Td w={160}>{!a.reversedAt && !p.reversedAt && (
                    <Button size="xs" variant="subtle" color="gray" onClick={() => api.unallocate(a.id).then(done, notifyError)}>{t('payments.unallocate')}</Button>
                  )}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {mode === 'allocate' && (
            <Stack gap="xs">
              <AllocationEditor clientId={p.clientId} currency={p.currency} amount={p.unallocated} lines={lines} setLines={setLines} />
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
              {p.unallocated > 0 && <Button variant="light" onClick={() => setMode('allocate')}>{t('payments.allocateRest')}</Button>}
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
