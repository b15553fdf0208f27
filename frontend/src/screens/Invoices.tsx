import {useRef, useState} from 'react';
import {Button, Drawer, Group, Select, Stack, Table, Text, Textarea, TextInput, Title} from '@mantine/core';
import {useHotkeys} from '@mantine/hooks';
import {IconSearch} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api, DocumentRow} from '../api';
import {Column, Sort, VirtualTable} from '../components/VirtualTable';
import {ClientPicker, EmptyState, Loading, StatusBadge} from '../components/common';
import {ListHeader} from '../components/ListHeader';
import {ExportButton} from '../components/ExportButton';
import {ImportButton} from '../components/ImportButton';
import {DateField} from '../components/DateField';
import {notifyError, notifyOK, useApp, useAsync, useDebounced} from '../state';
import {HistoryTable} from './History';
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
  const [total, setTotal] = useState<number>();
  const [open, setOpen] = useState<number>();
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => searchRef.current?.focus()]]);

  const columns: Column<DocumentRow>[] = [
    {key: 'number', label: t('invoices.number'), width: 120, minWidth: 90, sortable: true, render: (r) => (
      <Text size="sm" fw={500} title={t(`kind.${r.kind}`)}>{r.kind === 'invoice' ? '' : t(`kindShort.${r.kind}`) + ' '}{r.number}</Text>
    )},
    {key: 'client', label: t('invoices.client'), width: 'minmax(160px, 3fr)', sortable: true, render: (r) => r.clientName},
    {key: 'issueDate', label: t('invoices.issue'), width: 110, minWidth: 100, priority: 3, sortable: true, render: (r) => date(r.issueDate)},
    {key: 'dueDate', label: t('invoices.due'), width: 120, minWidth: 120, sortable: true, render: (r) => date(r.dueDate)},
    {key: 'amount', label: t('invoices.amount'), width: 150, minWidth: 120, priority: 2, align: 'right', sortable: true, render: (r) => <span className="num">{money(r.amount, r.currency)}</span>},
    {key: 'open', label: t('invoices.open'), width: 150, minWidth: 120, align: 'right', sortable: true, render: (r) => (r.voidedAt ? '—' : <span className="num">{money(r.open, r.currency)}</span>)},
    {key: 'status', label: t('invoices.status'), width: 170, minWidth: 130, render: (r) => <StatusBadge status={r.status} />},
  ];
  const resetKey = JSON.stringify([q, clientId, status, kind, dueFrom, dueTo, sort, nav.changed]);
  const filtered = q !== '' || !!clientId || !!status || !!kind || !!dueFrom || !!dueTo;
  const statuses = ['open', 'partly_paid', 'overdue', 'paid', 'credited', 'voided', 'available', 'applied'];

  return (
    <>
      <ListHeader title={t('invoices.title')} count={total === undefined ? undefined : t('invoices.count', {count: total, n: int(total)})} newLabel={t('invoices.new')} onNew={() => nav.newInvoice()} testId="new-invoice" extra={<><ImportButton target="invoices" /><ExportButton list="invoices" /></>} />
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
        onTotal={setTotal}
        testId="invoices-table"
        fetchPage={(offset, limit) => api.documents({search: q, clientId: clientId ?? 0, status: status ?? '', kind: kind ?? '', dueFrom, dueTo, sort: sort.key, desc: sort.desc, offset, limit, today})}
        onRowClick={(r) => setOpen(r.id)}
        empty={filtered ? <EmptyState title={t('invoices.noMatch')} /> : (
          <EmptyState title={t('invoices.empty')} hint={t('invoices.emptyHint')} action={<Group gap="xs" mt="sm" justify="center"><Button onClick={() => nav.newInvoice()}>{t('invoices.new')}</Button><ImportButton target="invoices" /></Group>} />
        )}
      />
      {open && <DocumentDrawer id={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}

/** DocumentDrawer shows one document: its figures, what was applied to it, its history, and the voiding. */
export function DocumentDrawer({id, onClose}: {id: number; onClose: () => void}) {
  const {t} = useTranslation();
  const {money, date} = useApp();
  const nav = useNav();
  const d = useAsync(() => api.document(id), [id, nav.changed]);
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');
  const doc = d.data?.document;
  const doVoid = () => api.voidDocument(id, reason).then(() => { notifyOK(t('common.saved')); setVoiding(false); nav.bump(); }, notifyError);
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={doc ? `${t(`kind.${doc.kind}`)} ${doc.number}` : ''}>
      {!d.data || !doc ? <Loading /> : (
        <Stack>
          <Group justify="space-between">
            <Anchorish onClick={() => { onClose(); nav.openClient(doc.clientId); }}>{d.data.clientName}</Anchorish>
            <StatusBadge status={d.data.status} />
          </Group>
          <Table>
            <Table.Tbody>
              <Row k={t('invoices.issue')} v={date(doc.issueDate)} />
              <Row k={t('invoices.due')} v={date(doc.dueDate) + (d.data.daysOverdue > 0 ? ` · ${t('invoices.daysOverdue', {count: d.data.daysOverdue})}` : '')} />
              <Row k={t('invoices.amount')} v={money(doc.amount, doc.currency)} />
              {doc.credited > 0 && <Row k={t('kind.credit_note')} v={money(doc.credited, doc.currency)} />}
              {!doc.voidedAt && <Row k={t('invoices.open')} v={money(doc.open, doc.currency)} />}
              {doc.description && <Row k={t('invoiceForm.description')} v={doc.description} />}
              {doc.voidedAt && <Row k={t('status.voided')} v={doc.voidReason} />}
            </Table.Tbody>
          </Table>
          <Title order={5}>{t('invoices.allocations')}</Title>
          {(d.data.allocations ?? []).length === 0 ? <Text size="sm" c="dimmed">{t('invoices.noAllocations')}</Text> : (
            <Table>
              <Table.Tbody>
                {d.data.allocations.map((a) => (
                  <Table.Tr key={a.id} style={{opacity: a.reversedAt ? 0.5 : 1}}>
                    <Table.Td>{a.paymentId ? `${t('kind.payment')} ${date(a.paymentDate)} ${a.paymentReference}` : `${t('kind.credit_note')} ${a.creditNoteNumber}`}</Table.Td>
                    <Table.Td ta="right" className="num">{money(a.amount, doc.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {!doc.voidedAt && (voiding ? (
            <Stack gap="xs">
              <Text size="sm" c="dimmed">{t('invoices.voidHint')}</Text>
              <Textarea label={t('invoices.voidReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize data-autofocus />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setVoiding(false)}>{t('common.cancel')}</Button>
                <Button color="red" onClick={doVoid} disabled={!reason.trim()}>{t('invoices.void')}</Button>
              </Group>
            </Stack>
          ) : (
            <Group><Button variant="light" color="red" onClick={() => setVoiding(true)}>{t('invoices.void')}</Button></Group>
          ))}
          <Title order={5}>{t('client.history')}</Title>
          <HistoryTable entity="document" id={id} />
        </Stack>
      )}
    </Drawer>
  );
}

function Row({k, v}: {k: string; v: string}) {
  return <Table.Tr><Table.Td c="dimmed" w={180}>{k}</Table.Td><Table.Td className="num">{v}</Table.Td></Table.Tr>;
}

function Anchorish({children, onClick}: {children: React.ReactNode; onClick: () => void}) {
  return <Text fw={600} c="teal.8" style={{cursor: 'pointer'}} onClick={onClick}>{children}</Text>;
}
