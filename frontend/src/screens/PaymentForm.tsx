import {useEffect, useState} from 'react';
import {Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput} from '@mantine/core';
import {useTranslation} from 'react-i18next';
import {api, ApiError, Line, OpenItem, toApiError} from '../api';
import {ClientPicker, MoneyInput} from '../components/common';
import {useAmountGuard} from '../components/AmountGuard';
import {DateField} from '../components/DateField';
import {FormFooter} from '../components/FormFooter';
import {notifyOK, useApp, useAsync} from '../state';
import {useDiscardGuard} from '../components/DiscardGuard';

/**
 * AllocationEditor lists a client's open invoices in one currency with the
 * amount to apply to each; it starts from the oldest-first proposal and the
 * user may change any line. words names the hint, the amount column and the
 * remainder for what is applied (a credit note says "aplicar", not "pagar").
 */
export function AllocationEditor(props: {clientId: number | null; currency: string; amount: number | null; lines: Record<number, number>; setLines: (l: Record<number, number>) => void;
  words?: {hint: string; pay: string; applied: string; remainder: string}}) {
  const {t} = useTranslation();
  const {money, date} = useApp();
  const {clientId, currency, amount, lines, setLines} = props;
  const items = useAsync<OpenItem[]>(() => (clientId ? api.openItems(clientId, currency) : Promise.resolve([])), [clientId, currency]);
  const propose = () => {
    if (!clientId || !amount || amount <= 0) return setLines({});
    api.propose(clientId, currency, amount).then((ls) => setLines(Object.fromEntries((ls ?? []).map((l) => [l.documentId, l.amount]))), () => setLines({}));
  };
  useEffect(propose, [clientId, currency, amount]);
  if (!clientId) return <Text size="sm" c="dimmed">{t('paymentForm.chooseClient')}</Text>;
  if (items.data && items.data.length === 0) return <Text size="sm" c="dimmed" data-testid="no-open-items">{t('paymentForm.noOpen', {currency})}</Text>;
  const applied = Object.values(lines).reduce((a, b) => a + b, 0);
  const rest = (amount ?? 0) - applied;
  const words = props.words ?? {hint: t('paymentForm.proposeHint'), pay: t('paymentForm.pay'), applied: t('paymentForm.applied'), remainder: t('paymentForm.remainder')};
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{words.hint}</Text>
        <Button size="xs" variant="subtle" onClick={propose}>{t('paymentForm.propose')}</Button>
      </Group>
      <Table withTableBorder data-testid="allocation-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoices.number')}</Table.Th><Table.Th>{t('invoices.due')}</Table.Th>
            <Table.Th ta="right">{t('paymentForm.openAmount')}</Table.Th><Table.Th ta="right" w={180}>{words.pay}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(items.data ?? []).map((o) => (
            <Table.Tr key={o.documentId}>
              <Table.Td>{o.kind === 'invoice' ? '' : t(`kindShort.${o.kind}`) + ' '}{o.number}</Table.Td>
              <Table.Td>{date(o.dueDate)}</Table.Td>
              <Table.Td ta="right" className="num">{money(o.open, o.currency)}</Table.Td>
              <Table.Td>
                <MoneyInput label="" currency={currency} value={lines[o.documentId] ?? null} testId={`alloc-${o.number}`}
                  error={(lines[o.documentId] ?? 0) > o.open ? money(o.open, currency) : undefined}
                  onChange={(v) => {
                    const next = {...lines};
                    if (v && v > 0) next[o.documentId] = v;
                    else delete next[o.documentId];
                    setLines(next);
                  }} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end" gap="xl">
        <Text size="sm">{words.applied}: <b className="num">{money(applied, currency)}</b></Text>
        {rest > 0 && <Text size="sm" c="grape.7">{words.remainder}: <b className="num">{money(rest, currency)}</b></Text>}
        {rest < 0 && (amount ?? 0) > 0 && <Text size="sm" c="red">{t('paymentForm.over')}</Text>}
      </Group>
    </Stack>
  );
}

export const toLines = (lines: Record<number, number>): Line[] =>
  Object.entries(lines).filter(([, v]) => v > 0).map(([k, v]) => ({documentId: Number(k), amount: v}));

export function PaymentForm({clientId, onClose, onSaved}: {clientId?: number; onClose: () => void; onSaved: () => void}) {
  const {t} = useTranslation();
  const {today, currency: home, meta} = useApp();
  const [client, setClient] = useState<number | null>(clientId ?? null);
  const [day, setDay] = useState(today);
  const [amount, setAmount] = useState<number | null>(null);
  const [currency, setCurrency] = useState(home);
  const [method, setMethod] = useState('transfer');
  const [reference, setReference] = useState('');
  const [notes, setNotes] = useState('');
  const [lines, setLines] = useState<Record<number, number>>({});
  const [err, setErr] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const guard = useDiscardGuard(onClose);
  const currencies = useAsync(() => api.currencies(), []);
  const amountGuard = useAmountGuard(currency);

  const submit = async () => {
    setErr(undefined);
    if (!client) return setErr(new ApiError('invalid', t('invoiceForm.clientPh'), [{field: 'clientId', key: 'required', message: t('invoiceForm.clientPh'), full: ''}]));
    if (amount !== null && !(await amountGuard.confirm(amount))) return;
    setBusy(true);
    api.createPayment({clientId: client, date: day, currency, amount: amount ?? 0, method, reference, notes, allocations: toLines(lines)})
      .then(() => { notifyOK(t('common.saved')); onSaved(); }, (e) => setErr(toApiError(e)))
      .finally(() => setBusy(false));
  };
  const fe = (k: string) => err?.field(k);
  const known = ['clientId', 'date', 'amount', 'currency', 'method', 'reference', 'notes'];
  return (
    <>
    {guard.confirm}
    <Modal opened onClose={guard.requestClose} title={t('paymentForm.title')} size="xl">
      <form {...guard.formProps} onSubmit={(e) => { e.preventDefault(); submit(); }} data-testid="payment-form">
        <Stack gap="sm">
          <ClientPicker value={client} onChange={(id) => { guard.markDirty(); setClient(id); setLines({}); }} error={fe('clientId')} autoFocus={!clientId} />
          <SimpleGrid cols={3}>
            <DateField label={t('paymentForm.date')} value={day} onChange={setDay} error={fe('date')} required testId="payment-date" />
            <MoneyInput label={t('paymentForm.amount')} currency={currency} value={amount} onChange={setAmount} error={fe('amount') ?? amountGuard.fieldError(amount)} testId="payment-amount" autoFocus={!!clientId} />
            <Select label={t('paymentForm.currency')} value={currency} onChange={(v) => setCurrency(v || home)} data={currencies.data ?? [home]} searchable allowDeselect={false} error={fe('currency')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select label={t('paymentForm.method')} value={method} onChange={(v) => setMethod(v || 'transfer')} allowDeselect={false}
              data={meta.methods.map((m) => ({value: m, label: t(`method.${m}`)}))} />
            <TextInput label={t('paymentForm.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={fe('reference')} />
          </SimpleGrid>
          <TextInput label={t('paymentForm.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={fe('notes')} />
          <Text fw={600} size="sm">{t('paymentForm.allocation')}</Text>
          <AllocationEditor clientId={client} currency={currency} amount={amount} lines={lines} setLines={setLines} />
          {err && err.issues.filter((i) => !known.includes(i.field)).map((i) => <Alert key={i.key + i.field} color="red" p="xs">{i.full}</Alert>)}
          {err && err.issues.length === 0 && <Alert color="red" p="xs">{err.message}</Alert>}
          <FormFooter>
            <Button variant="default" onClick={guard.requestClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={busy} data-testid="save-payment">{t('common.save')}</Button>
          </FormFooter>
        </Stack>
      </form>
      {amountGuard.modal}
    </Modal>
    </>
  );
}
