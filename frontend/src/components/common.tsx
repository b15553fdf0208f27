import {ReactNode, useEffect, useState} from 'react';
import {Badge, Center, Loader, Select, Stack, Text, TextInput, ThemeIcon} from '@mantine/core';
import {IconInbox} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api} from '../api';
import {formatPlain, formatTaxId, parseMoney} from '../format';
import {useApp, useDebounced} from '../state';

const statusColor: Record<string, string> = {
  open: 'blue', partly_paid: 'yellow', overdue: 'red', paid: 'teal', credited: 'gray', voided: 'gray', available: 'grape', applied: 'gray',
};

export function StatusBadge({status}: {status: string}) {
  const {t} = useTranslation();
  if (!status) return null;
  return <Badge variant="light" color={statusColor[status] ?? 'gray'} radius="sm" maw="100%">{t(`status.${status}`)}</Badge>;
}

export function EmptyState({title, hint, action}: {title: string; hint?: string; action?: ReactNode}) {
  return (
    <Stack align="center" gap="xs" py="xl">
      <ThemeIcon size={48} radius="xl" variant="light" color="gray"><IconInbox size={26} /></ThemeIcon>
      <Text fw={600}>{title}</Text>
      {hint && <Text size="sm" c="dimmed" ta="center" maw={420}>{hint}</Text>}
      {action}
    </Stack>
  );
}

export function Loading() {
  const {t} = useTranslation();
  return <Center p="xl"><Loader size="sm" /><Text ml="sm" c="dimmed">{t('common.loading')}</Text></Center>;
}

/** ClientPicker searches clients as the user types. */
export function ClientPicker(props: {value: number | null; onChange: (id: number | null, terms?: number) => void; label?: string; error?: string; autoFocus?: boolean; disabled?: boolean; clearable?: boolean}) {
  const {t} = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 150);
  const [options, setOptions] = useState<{value: string; label: string}[]>([]);
  useEffect(() => {
    let live = true;
    api.clients({search: q, limit: 30, archived: 'active', sort: 'name'}).then((p) => {
      if (!live) return;
      const opts = (p.rows ?? []).map((r) => ({value: String(r.id), label: `${r.legalName}${r.taxId ? ' · ' + formatTaxId(r.country, r.taxId) : ''}`}));
      setOptions((prev) => {
        const keep = prev.filter((o) => o.value === String(props.value) && !opts.some((x) => x.value === o.value));
        return [...keep, ...opts];
      });
    }, () => {});
    return () => {
      live = false;
    };
  }, [q, props.value]);
  return (
    <Select
      label={props.label ?? t('invoiceForm.client')}
      clearable={props.clearable}
      placeholder={t('invoiceForm.clientPh')}
      searchable
      data={options}
      value={props.value ? String(props.value) : null}
      onSearchChange={setSearch}
      onChange={(v) => {
        const id = v ? Number(v) : null;
        if (id) api.client(id).then((s) => props.onChange(id, s.client.paymentTermsDays), () => props.onChange(id));
        else props.onChange(null);
      }}
      filter={({options}) => options}
      error={props.error}
      autoFocus={props.autoFocus}
      disabled={props.disabled}
      nothingFoundMessage="—"
      data-testid="client-picker"
      comboboxProps={{withinPortal: true}}
    />
  );
}

/** MoneyInput is a text box for amounts in the portfolio's style; value is minor units or null. */
export function MoneyInput(props: {label: string; value: number | null; onChange: (v: number | null) => void; currency: string; error?: string; testId?: string}) {
  const {t} = useTranslation();
  const {country} = useApp();
  const [text, setText] = useState(props.value != null ? formatPlain(props.value, props.currency, country) : '');
  const [bad, setBad] = useState(false);
  useEffect(() => {
    // Follow outside changes (a proposal) without fighting the user's typing.
    const parsed = parseMoney(text, props.currency, country);
    if (props.value !== parsed) setText(props.value != null ? formatPlain(props.value, props.currency, country) : '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.value, props.currency]);
  return (
    <TextInput
      label={props.label}
      value={text}
      inputMode="decimal"
      data-testid={props.testId}
      onChange={(e) => {
        const s = e.currentTarget.value;
        setText(s);
        const v = parseMoney(s, props.currency, country);
        setBad(s.trim() !== '' && v === null);
        props.onChange(v);
      }}
      onBlur={() => {
        const v = parseMoney(text, props.currency, country);
        if (v !== null) setText(formatPlain(v, props.currency, country));
      }}
      error={props.error ?? (bad ? t('invoiceForm.badAmount', {example: formatPlain(123456700, props.currency, country)}) : undefined)}
    />
  );
}
