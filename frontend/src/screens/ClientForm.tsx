import {useEffect, useState} from 'react';
import {ActionIcon, Autocomplete, Button, Checkbox, Divider, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput} from '@mantine/core';
import {IconPlus, IconTrash} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api, ApiError, capitalize, Client, ClientInput, Contact, TaxIDCheck, toApiError} from '../api';
import {MoneyInput} from '../components/common';
import {useDiscardGuard} from '../components/DiscardGuard';
import {FormFooter} from '../components/FormFooter';
import {notifyOK, useApp, useAsync, useDebounced} from '../state';

const blankContact = (): Contact => ({id: 0, name: '', role: '', email: '', phone: '', channel: 'email'});

export function ClientForm({id, onClose, onSaved}: {id?: number; onClose: () => void; onSaved: (c: Client) => void}) {
  const {t} = useTranslation();
  const {country: home, currency, meta, info} = useApp();
  const [f, setF] = useState<ClientInput>({
    legalName: '', tradeName: '', taxId: '', country: home, paymentTermsDays: info.portfolio.defaultTermsDays || 30,
    creditLimit: 0, segment: '', tags: [], notes: '', contacts: [], confirmTaxId: false,
  });
  const [err, setErr] = useState<ApiError>();
  const guard = useDiscardGuard(onClose);
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<TaxIDCheck>();
  const segments = useAsync(() => api.segments(), []);
  useEffect(() => {
    if (!id) return;
    api.client(id).then((s) => {
      const c = s.client;
      setF({legalName: c.legalName, tradeName: c.tradeName, taxId: c.taxId, country: c.country || home, paymentTermsDays: c.paymentTermsDays,
        creditLimit: c.creditLimit, segment: c.segment, tags: c.tags ?? [], notes: c.notes, contacts: c.contacts ?? [], confirmTaxId: c.taxIdStatus === 'invalid'});
    }, (e) => setErr(toApiError(e)));
  }, [id]);
  const set = <K extends keyof ClientInput>(k: K, v: ClientInput[K]) => { guard.markDirty(); setF((p) => ({...p, [k]: v})); };
  const tax = useDebounced(f.taxId, 250);
  useEffect(() => {
    if (!tax.trim()) return setCheck(undefined);
    api.checkTaxId(f.country, tax).then(setCheck, () => setCheck(undefined));
  }, [tax, f.country]);
  const setContact = (i: number, patch: Partial<Contact>) => set('contacts', f.contacts.map((c, j) => (j === i ? {...c, ...patch} : c)));

  const submit = () => {
    setBusy(true);
    setErr(undefined);
    const p = id ? api.updateClient(id, f) : api.createClient(f);
    p.then((c) => { notifyOK(t('common.saved')); onSaved(c); }, (e) => setErr(toApiError(e))).finally(() => setBusy(false));
  };

  const taxLabel = check?.name ? `${t('clientForm.taxId')} (${check.name})` : t('clientForm.taxId');
  const taxProblem = check && (check.severity === 'invalid' || check.severity === 'warning');
  const taxError = err?.field('taxId') ?? (check?.severity === 'invalid' ? capitalize(check.message) : undefined);
  const fieldErr = (k: string) => err?.field(k);
  const known = new Set([...f.contacts.flatMap((_, i) => ['name', 'email', 'phone'].map((k) => `contacts.${i}.${k}`)), 'legalName', 'tradeName', 'taxId', 'country', 'paymentTermsDays', 'creditLimit', 'segment', 'tags', 'notes']);
  const otherErrors = err ? (err.issues.length ? err.issues.filter((i) => !known.has(i.field)).map((i) => i.full) : [err.message]) : [];

  return (
    <>
    {guard.confirm}
    <Modal opened onClose={guard.requestClose} title={id ? t('clientForm.titleEdit') : t('clientForm.titleNew')} size="xl">
      <form {...guard.formProps} onSubmit={(e) => { e.preventDefault(); submit(); }} data-testid="client-form">
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput label={t('clientForm.legalName')} value={f.legalName} onChange={(e) => set('legalName', e.currentTarget.value)} error={fieldErr('legalName')} data-autofocus withAsterisk data-testid="client-legal-name" />
            <TextInput label={t('clientForm.tradeName')} value={f.tradeName} onChange={(e) => set('tradeName', e.currentTarget.value)} error={fieldErr('tradeName')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Stack gap={4}>
              <TextInput label={taxLabel} value={f.taxId} onChange={(e) => { set('taxId', e.currentTarget.value); set('confirmTaxId', false); }}
                error={taxError} data-testid="client-tax-id"
                description={check?.severity === 'ok' ? t('clientForm.taxOk', {name: check.name, formatted: check.formatted}) : undefined} />
              {check?.severity === 'warning' && <Text size="xs" c="orange.8" data-testid="tax-warning">{capitalize(check.message)}</Text>}
              {taxProblem && check?.severity === 'invalid' && (
                <Checkbox size="xs" label={t('clientForm.confirmTaxId')} checked={f.confirmTaxId} onChange={(e) => set('confirmTaxId', e.currentTarget.checked)} data-testid="confirm-tax-id" />
              )}
            </Stack>
            <Select label={t('clientForm.country')} value={f.country} allowDeselect={false}
              data={[...meta.countries.map((c) => ({value: c, label: t(`country.${c}`)})), {value: 'XX', label: t('clientForm.other')}]}
              onChange={(v) => set('country', v || home)} error={fieldErr('country')} />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            <NumberInput label={t('clientForm.terms')} value={f.paymentTermsDays} min={0} max={3650} allowDecimal={false}
              onChange={(v) => set('paymentTermsDays', typeof v === 'number' ? v : 0)} error={fieldErr('paymentTermsDays')} />
            <MoneyInput label={t('clientForm.creditLimit')} currency={currency} value={f.creditLimit || null} onChange={(v) => set('creditLimit', v ?? 0)} error={fieldErr('creditLimit')} />
            <Autocomplete label={t('clientForm.segment')} data={segments.data ?? []} value={f.segment} onChange={(v) => set('segment', v)} error={fieldErr('segment')} />
          </SimpleGrid>
          <TagsInput label={t('clientForm.tags')} placeholder={t('clientForm.tagsPh')} value={f.tags} onChange={(v) => set('tags', v)} error={fieldErr('tags')} />
          <Textarea label={t('clientForm.notes')} value={f.notes} onChange={(e) => set('notes', e.currentTarget.value)} autosize minRows={2} error={fieldErr('notes')} />
          <Divider label={t('clientForm.contacts')} labelPosition="left" />
          {f.contacts.map((c, i) => (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput size="xs" style={{flex: 2}} placeholder={t('clientForm.contactName')} aria-label={t('clientForm.contactName')} value={c.name} onChange={(e) => setContact(i, {name: e.currentTarget.value})} error={fieldErr(`contacts.${i}.name`)} />
              <TextInput size="xs" style={{flex: 1.5}} placeholder={t('clientForm.role')} aria-label={t('clientForm.role')} value={c.role} onChange={(e) => setContact(i, {role: e.currentTarget.value})} />
              <TextInput size="xs" style={{flex: 2}} placeholder={t('clientForm.email')} aria-label={t('clientForm.email')} value={c.email} onChange={(e) => setContact(i, {email: e.currentTarget.value})} error={fieldErr(`contacts.${i}.email`)} />
              <TextInput size="xs" style={{flex: 1.5}} placeholder={t('clientForm.phone')} aria-label={t('clientForm.phone')} value={c.phone} onChange={(e) => setContact(i, {phone: e.currentTarget.value})} error={fieldErr(`contacts.${i}.phone`)} />
              <Select size="xs" style={{flex: 1.3}} aria-label={t('clientForm.channel')} value={c.channel} allowDeselect={false}
                data={meta.channels.map((ch) => ({value: ch, label: t(`channel.${ch}`)}))} onChange={(v) => setContact(i, {channel: v || 'email'})} />
              <ActionIcon variant="subtle" color="red" aria-label={t('common.remove')} onClick={() => set('contacts', f.contacts.filter((_, j) => j !== i))}><IconTrash size={16} /></ActionIcon>
            </Group>
          ))}
          <Group><Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => set('contacts', [...f.contacts, blankContact()])}>{t('clientForm.addContact')}</Button></Group>
          {otherErrors.map((m) => <Text key={m} c="red" size="sm">{m}</Text>)}
          <FormFooter>
            <Button variant="default" onClick={guard.requestClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={busy} data-testid="save-client">{t('common.save')}</Button>
          </FormFooter>
        </Stack>
      </form>
    </Modal>
    </>
  );
}
