import {useEffect, useState} from 'react';
import {Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput} from '@mantine/core';
import {useTranslation} from 'react-i18next';
import {api, ApiError, OpenItem, toApiError} from '../api';
import {addDays} from '../format';
import {ClientPicker, MoneyInput} from '../components/common';
import {useAmountGuard} from '../components/AmountGuard';
import {DateField} from '../components/DateField';
import {notifyOK, useApp, useAsync} from '../state';
import {useDiscardGuard} from '../components/DiscardGuard';

export function InvoiceForm({clientId, onClose, onSaved}: {clientId?: number; onClose: () => void; onSaved: () => void}) {
  const {t} = useTranslation();
  const {today, currency: home, money, date} = useApp();
  const [client, setClient] = useState<number | null>(clientId ?? null);
  const [terms, setTerms] = useState<number>();
  const [kind, setKind] = useState('invoice');
  const [number, setNumber] = useState('');
  const [issue, setIssue] = useState(today);
  const [due, setDue] = useState(today);
  const [dueTouched, setDueTouched] = useState(false);
  const [currency, setCurrency] = useState(home);
  const [amount, setAmount] = useState<number | null>(null);
  const [description, setDescription] = useState('');
  const [appliesTo, setAppliesTo] = useState<string | null>(null);
  const [err, setErr] = useState<ApiError>();
  const guard = useDiscardGuard(onClose);
  const [busy, setBusy] = useState(false);
  const currencies = useAsync(() => api.currencies(), []);
  const amountGuard = useAmountGuard(currency);
  const open = useAsync<OpenItem[]>(() => (client && kind === 'credit_note' ? api.openItems(client, currency) : Promise.resolve([])), [client, kind, currency]);

  useEffect(() => {
    if (clientId) api.client(clientId).then((s) => setTerms(s.client.paymentTermsDays), () => {});
  }, [clientId]);
  useEffect(() => {
    // The due date follows the client's terms until the user sets it.
    if (!dueTouched && issue) setDue(kind === 'credit_note' ? issue : addDays(issue, terms ?? 0));
  }, [issue, terms, kind, dueTouched]);

  const submit = async () => {
    setErr(undefined);
    if (!client) return setErr(new ApiError('invalid', t('invoiceForm.clientPh'), [{field: 'clientId', key: 'required', message: t('invoiceForm.clientPh'), full: ''}]));
    if (amount !== null && !(await amountGuard.confirm(amount))) return;
    setBusy(true);
    api.createDocument({clientId: client, kind, number, issueDate: issue, dueDate: due, currency, amount: amount ?? 0,
      appliesToId: appliesTo ? Number(appliesTo) : 0, description})
      .then(() => { notifyOK(t('common.saved')); onSaved(); }, (e) => setErr(toApiError(e)))
      .finally(() => setBusy(false));
  };
  const fe = (k: string) => err?.field(k);
  const known = ['clientId', 'kind', 'number', 'issueDate', 'dueDate', 'currency', 'amount', 'appliesToId', 'description'];

  return (
    <>
    {guard.confirm}
    <Modal opened onClose={guard.requestClose} title={t('invoiceForm.title')} size="lg">
      <form {...guard.formProps} onSubmit={(e) => { e.preventDefault(); submit(); }} data-testid="invoice-form">
        <Stack gap="sm">
          <ClientPicker value={client} onChange={(id, tm) => { guard.markDirty(); setClient(id); setTerms(tm); }} error={fe('clientId')} autoFocus={!clientId} />
          <SimpleGrid cols={2}>
            <Select label={t('invoiceForm.kind')} value={kind} onChange={(v) => { guard.markDirty(); setKind(v || 'invoice'); }} allowDeselect={false}
              data={['invoice', 'credit_note', 'debit_note'].map((k) => ({value: k, label: t(`kind.${k}`)}))} />
            <TextInput label={t('invoiceForm.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} error={fe('number')} withAsterisk data-testid="invoice-number" data-autofocus={!!clientId || undefined} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <DateField label={t('invoiceForm.issue')} value={issue} onChange={setIssue} error={fe('issueDate')} required testId="invoice-issue" />
            <DateField label={t('invoiceForm.due')} value={due} onChange={(v) => { setDue(v); setDueTouched(true); }} error={fe('dueDate')} testId="invoice-due"
              description={!dueTouched && terms !== undefined && kind !== 'credit_note' ? t('invoiceForm.dueHint', {days: terms}) : undefined} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <MoneyInput label={t('invoiceForm.amount')} currency={currency} value={amount} onChange={setAmount} error={fe('amount') ?? amountGuard.fieldError(amount)} testId="invoice-amount" />
            <Select label={t('invoiceForm.currency')} value={currency} onChange={(v) => setCurrency(v || home)} data={currencies.data ?? [home]} searchable allowDeselect={false} error={fe('currency')} />
          </SimpleGrid>
          {kind === 'credit_note' && (
            <Select label={t('invoiceForm.appliesTo')} clearable value={appliesTo} onChange={setAppliesTo} error={fe('appliesToId')}
              data={(open.data ?? []).map((o) => ({value: String(o.documentId), label: `${o.number} · ${date(o.issueDate)} · ${money(o.open, o.currency)}`}))} />
          )}
          <Textarea label={t('invoiceForm.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize error={fe('description')} />
          {err && err.issues.filter((i) => !known.includes(i.field)).map((i) => <Text key={i.key + i.field} c="red" size="sm">{i.full}</Text>)}
          {err && err.issues.length === 0 && <Text c="red" size="sm">{err.message}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={busy} data-testid="save-invoice">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
      {amountGuard.modal}
    </Modal>
    </>
  );
}
