import {useState} from 'react';
import {Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput} from '@mantine/core';
import {useTranslation} from 'react-i18next';
import {api, ApiError, PortfolioInfo, toApiError} from '../api';
import {notifyOK, useApp} from '../state';
import {useDiscardGuard} from '../components/DiscardGuard';

/** SettingsModal edits the portfolio's own data; country and currency are fixed once it holds documents. */
export function SettingsModal({onClose, onInfo}: {onClose: () => void; onInfo: (i: PortfolioInfo) => void}) {
  const {t, i18n} = useTranslation();
  const {info} = useApp();
  const [p, setP] = useState({...info.portfolio});
  const [err, setErr] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const guard = useDiscardGuard(onClose);
  const months = Array.from({length: 12}, (_, i) => ({
    value: String(i + 1),
    label: new Date(2026, i, 1).toLocaleString(i18n.language === 'en' ? 'en' : 'es', {month: 'long'}),
  }));
  const save = () => {
    setBusy(true);
    api.updatePortfolio(p).then((i) => { notifyOK(t('common.saved')); onInfo(i); onClose(); }, (e) => setErr(toApiError(e))).finally(() => setBusy(false));
  };
  return (
    <>
    {guard.confirm}
    <Modal opened onClose={guard.requestClose} title={t('settings.title')} size="lg">
      <form {...guard.formProps} onSubmit={(e) => { e.preventDefault(); save(); }}>
        <Stack gap="sm">
          <TextInput label={t('newPortfolio.name')} value={p.name} onChange={(e) => setP({...p, name: e.currentTarget.value})} error={err?.field('name')} withAsterisk data-autofocus />
          <TextInput label={t('settings.legalName')} value={p.legalName} onChange={(e) => setP({...p, legalName: e.currentTarget.value})} error={err?.field('legalName')} />
          <TextInput label={t('settings.taxId')} value={p.taxId} onChange={(e) => setP({...p, taxId: e.currentTarget.value})} error={err?.field('taxId')} />
          <SimpleGrid cols={2}>
            <NumberInput label={t('settings.terms')} value={p.defaultTermsDays} min={0} max={3650} allowDecimal={false}
              onChange={(v) => setP({...p, defaultTermsDays: typeof v === 'number' ? v : 0})} error={err?.field('defaultTermsDays')} />
            <Select label={t('settings.fiscal')} data={months} value={String(p.fiscalYearStartMonth || 1)} allowDeselect={false}
              onChange={(v) => { guard.markDirty(); setP({...p, fiscalYearStartMonth: Number(v || 1)}); }} />
          </SimpleGrid>
          <Text size="sm" c="dimmed">{t(`country.${p.country}`)} · {p.currency} · {t('settings.file')}: {info.path}</Text>
          {err && err.issues.length === 0 && <Text c="red" size="sm">{err.message}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={busy}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
    </>
  );
}
