import {ReactNode, useEffect, useState} from 'react';
import {Badge, Center, Loader, Select, Stack, Text, TextInput, ThemeIcon} from '@mantine/core';
import {IconInbox} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api} from '../api';
import {formatPlain, formatTaxId, parseMoney} from '../format';
import {useApp, useDebounced} from '../state';

const statusColor: Record<string, string> = {
  open: 'blue', partly_paid: 'yellow', partly_credited: 'cyan', overdue: 'red', paid: 'teal', credited: 'gray', voided: 'gray', available: 'grape', applied: 'gray',
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

/** foldText lowers case and drops accents, as the backend's search does. */
export const foldText = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * matchesAll tells whether every word of a search appears in a label, ignoring
 * case and accents, and the dots, dashes and spaces of a tax ID as written
 * ("77.555.444-4", "77555444", "77.555" all find 77.555.444-4).
 */
export function matchesAll(label: string, search: string): boolean {
  const plain = foldText(label);
  const bare = plain.replace(/[.\-\s]/g, '');
  return foldText(search).split(/\s+/).filter(Boolean).every((w) => plain.includes(w) || (/\d/.test(w) && bare.includes(w.replace(/[.\-]/g, ''))));
}

/**
 * ClientPicker searches clients as the user types. The options on hand are
 * filtered at once, before the backend answers, so Enter right after typing
 * picks a client that matches what was typed, never one from before.
 */
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
      filter={({options, search}) => options.filter((o) => 'label' in o && matchesAll(o.label, search))}
      selectFirstOptionOnChange
      error={props.error}
      autoFocus={props.autoFocus}
      data-autofocus={props.autoFocus || undefined}
      disabled={props.disabled}
      nothingFoundMessage="—"
      data-testid="client-picker"
      comboboxProps={{withinPortal: true}}
    />
  );
}

/** MoneyInput is a text box for amounts in the portfolio's style; value is minor units or null. */
export function MoneyInput(props: {label: string; value: number | null; onChange: (v: number | null) => void; currency: string; error?: string; testId?: string; autoFocus?: boolean}) {
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
      data-autofocus={props.autoFocus || undefined}
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

/**
 * Amount shows a formatted amount that never overflows its column. In a box
 * whose width does not depend on its content (a list cell, a card) long
 * amounts shrink to fit; in a table that sizes its columns to their content
 * (fit=false) they may break after a thousands separator instead.
 */
export function Amount({text, fit = true, className}: {text: string; fit?: boolean; className?: string}) {
  if (!fit) {
    const parts = text.split(/(?<=[.,])/);
    return <span className={'num amount-wrap ' + (className ?? '')}>{parts.map((p, i) => <span key={i}>{p}{i < parts.length - 1 && <wbr />}</span>)}</span>;
  }
  return (
    <span className="amount-fit" title={text}>
      <span className={'num ' + (className ?? '')} style={{['--len' as string]: text.length}}>{text}</span>
    </span>
  );
}
