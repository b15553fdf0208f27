import {Anchor, Badge, Button, Card, Group, ScrollArea, SimpleGrid, Stack, Table, Tabs, Text, Title} from '@mantine/core';
import {IconArchive, IconArrowLeft, IconCash, IconEdit, IconFilePlus} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {useState} from 'react';
import {api, CurrencyBalance, LedgerEntry} from '../api';
import {formatTaxId} from '../format';
import {Amount, EmptyState, Loading, StatusBadge} from '../components/common';
import {notifyError, useApp, useAsync} from '../state';
import {ExportButton} from '../components/ExportButton';
import {HistoryTable} from './History';
import {DocumentDrawer} from './Invoices';
import {PaymentDrawer} from './Payments';
import {useNav} from './Workspace';

export function ClientPage({id, onBack}: {id: number; onBack: () => void}) {
  const {t} = useTranslation();
  const {money, currency} = useApp();
  const nav = useNav();
  const s = useAsync(() => api.client(id), [id, nav.changed]);
  const ledger = useAsync(() => api.ledger(id), [id, nav.changed]);
  const [doc, setDoc] = useState<number>();
  const [pay, setPay] = useState<number>();
  if (s.error) return <Text c="red">{s.error.message}</Text>;
  if (!s.data) return <Loading />;
  const c = s.data.client;
  const balances: CurrencyBalance[] = s.data.balances?.length ? s.data.balances : [{currency, receivable: 0, overdue: 0, credit: 0, balance: 0, openCount: 0, overdueCount: 0, oldestDays: 0}];
  const main = balances.find((b) => b.currency === currency) ?? balances[0];
  const archived = !!c.archivedAt;
  const archive = () => api.archiveClient(id, !archived).then(nav.bump, notifyError);

  return (
    <Stack gap="sm" style={{flex: 1, minHeight: 0}}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div style={{minWidth: 0, flex: '1 1 320px'}}>
          <Anchor size="sm" onClick={onBack}><Group gap={4}><IconArrowLeft size={14} />{t('nav.clients')}</Group></Anchor>
          <Group gap="xs" mt={4}>
            <Title order={3} data-testid="client-title">{c.legalName}</Title>
            {archived && <Badge color="gray">{t('clients.archivedBadge')}</Badge>}
            {c.taxIdStatus === 'invalid' && <Badge color="red" variant="light">{formatTaxId(c.country, c.taxId)}</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            {[c.tradeName, formatTaxId(c.country, c.taxId), t('client.terms', {days: c.paymentTermsDays}), c.segment, ...(c.tags ?? [])].filter(Boolean).join(' · ')}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button size="sm" leftSection={<IconFilePlus size={16} />} onClick={() => nav.newInvoice(id)} data-testid="client-new-invoice" disabled={archived}>{t('client.newInvoice')}</Button>
          <Button size="sm" leftSection={<IconCash size={16} />} onClick={() => nav.newPayment(id)} data-testid="client-new-payment">{t('client.newPayment')}</Button>
          <Button size="sm" variant="default" leftSection={<IconEdit size={16} />} onClick={() => nav.editClient(id)}>{t('common.edit')}</Button>
          <Button size="sm" variant="default" leftSection={<IconArchive size={16} />} onClick={archive}>{archived ? t('client.unarchive') : t('client.archive')}</Button>
        </Group>
      </Group>
      <SimpleGrid cols={4}>
        <Stat label={t('client.balance')} value={money(main.balance, main.currency)} color={main.balance < 0 ? 'teal.8' : undefined}
          sub={main.balance < 0 ? `${t('client.inCredit')} · ${t('client.open', {count: main.openCount})}` : t('client.open', {count: main.openCount})} testId="client-balance" />
        <Stat label={t('client.overdue')} value={money(main.overdue, main.currency)} color={main.overdue > 0 ? 'red.7' : undefined}
          sub={main.oldestDays > 0 ? t('client.oldest', {days: main.oldestDays}) : ''} testId="client-overdue" />
        <Stat label={t('client.creditUsed')} value={c.creditLimit > 0 ? `${s.data.creditUsed} %` : '—'}
          sub={c.creditLimit > 0 ? t('client.of', {pct: s.data.creditUsed, limit: money(c.creditLimit)}) : t('client.noLimit')}
          color={s.data.creditUsed > 100 ? 'red.7' : undefined} />
        <Stat label={t('client.credit')} value={money(main.credit, main.currency)} />
      </SimpleGrid>
      {balances.filter((b) => b !== main).map((b) => (
        <Text key={b.currency} size="sm">{b.currency}: {t('client.balance')} {money(b.balance, b.currency)} · {t('client.overdue')} {money(b.overdue, b.currency)}</Text>
      ))}
      <Tabs defaultValue="ledger" style={{flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column'}}>
        <Tabs.List>
          <Tabs.Tab value="ledger">{t('client.ledger')}</Tabs.Tab>
          <Tabs.Tab value="contacts">{t('client.contacts')} ({c.contacts?.length ?? 0})</Tabs.Tab>
          <Tabs.Tab value="history">{t('client.history')}</Tabs.Tab>
          <div style={{marginLeft: 'auto', paddingBottom: 4}}><ExportButton list="ledger" clientId={id} label={t('export.ledger')} size="xs" /></div>
        </Tabs.List>
        <Tabs.Panel value="ledger" style={{flex: 1, minHeight: 0}}>
          <ScrollArea h="100%">
            {ledger.data && ledger.data.length === 0 ? <EmptyState title={t('client.emptyLedger')} /> : (
              <LedgerTable rows={ledger.data ?? []} onDoc={setDoc} onPay={setPay} />
            )}
          </ScrollArea>
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="sm">
          {(c.contacts ?? []).length === 0 ? <EmptyState title={t('client.noContacts')} /> : (
            <Table>
              <Table.Tbody>
                {c.contacts.map((ct) => (
                  <Table.Tr key={ct.id}>
                    <Table.Td fw={500}>{ct.name}</Table.Td><Table.Td>{ct.role}</Table.Td><Table.Td>{ct.email}</Table.Td>
                    <Table.Td>{ct.phone}</Table.Td><Table.Td><Badge variant="light">{t(`channel.${ct.channel}`)}</Badge></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="history" style={{flex: 1, minHeight: 0}}>
          <ScrollArea h="100%"><HistoryTable clientId={id} /></ScrollArea>
        </Tabs.Panel>
      </Tabs>
      {doc && <DocumentDrawer id={doc} onClose={() => setDoc(undefined)} />}
      {pay && <PaymentDrawer id={pay} onClose={() => setPay(undefined)} />}
    </Stack>
  );
}

function Stat({label, value, sub, color, testId}: {label: string; value: string; sub?: string; color?: string; testId?: string}) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="xl" fw={700} c={color} component="div" data-testid={testId}><Amount text={value} /></Text>
      {sub && <Text size="xs" c="dimmed">{sub}</Text>}
    </Card>
  );
}

function LedgerTable({rows, onDoc, onPay}: {rows: LedgerEntry[]; onDoc: (id: number) => void; onPay: (id: number) => void}) {
  const {t} = useTranslation();
  const {money, date} = useApp();
  // Newest first is what a collector reads; the running balance was computed oldest first.
  const shown = [...rows].reverse();
  return (
    <Table striped highlightOnHover stickyHeader data-testid="ledger-table" style={{whiteSpace: 'nowrap'}} horizontalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ledger.date')}</Table.Th><Table.Th>{t('ledger.type')}</Table.Th><Table.Th>{t('ledger.reference')}</Table.Th>
          <Table.Th ta="right">{t('ledger.debit')}</Table.Th><Table.Th ta="right">{t('ledger.credit')}</Table.Th>
          <Table.Th ta="right">{t('ledger.balance')}</Table.Th><Table.Th>{t('ledger.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shown.map((e, i) => (
          <Table.Tr key={i} style={{cursor: 'pointer'}} onClick={() => (e.documentId ? onDoc(e.documentId) : e.paymentId && onPay(e.paymentId))}>
            <Table.Td>{date(e.date)}</Table.Td>
            <Table.Td>{t(`kind.${e.type}`, {defaultValue: e.type})}</Table.Td>
            {/* The reference takes what the other columns leave and is cut short, so the table never scrolls sideways. */}
            <Table.Td style={{maxWidth: 0, width: '100%'}}><Text size="sm" truncate>{e.reference || (e.type === 'payment' ? t(`method.${e.description}`, {defaultValue: e.description}) : '')}{e.type !== 'payment' && e.description ? ` · ${e.description}` : ''}</Text></Table.Td>
            {/* Amounts and the status keep to one line (an absurd amount wraps after a separator): the reference gives way first. */}
            <Table.Td ta="right">{e.debit ? <LedgerAmount text={money(e.debit, e.currency)} /> : ''}</Table.Td>
            <Table.Td ta="right">{e.credit ? <LedgerAmount text={money(e.credit, e.currency)} /> : ''}</Table.Td>
            <Table.Td ta="right" fw={500}><LedgerAmount text={money(e.balance, e.currency)} /></Table.Td>
            <Table.Td style={{whiteSpace: 'nowrap', minWidth: 120}}><StatusBadge status={e.status} /></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * LedgerAmount keeps an amount on one line, as people read money; only an
 * amount too long for its column (above hundreds of billions) may wrap after
 * a thousands separator, so the ledger still fits a small window.
 */
function LedgerAmount({text}: {text: string}) {
  return text.length > 16 ? <Amount text={text} fit={false} /> : <span className="num" style={{whiteSpace: 'nowrap'}}>{text}</span>;
}
