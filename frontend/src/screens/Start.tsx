import {useEffect, useState} from 'react';
import {ActionIcon, Alert, Button, Card, Container, Group, Modal, Progress, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, ThemeIcon, Title, Tooltip} from '@mantine/core';
import {IconFilePlus, IconFolderOpen, IconSparkles, IconTrash, IconFileAlert} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api, ApiError, events, JobProgress, PortfolioInfo, RecentPortfolio, toApiError} from '../api';
import {useDiscardGuard} from '../components/DiscardGuard';
import {notifyError, useApp, useAsync} from '../state';
import {LanguageSwitch} from './Workspace';
import {AboutLink} from '../components/About';

const currencyOf: Record<string, string> = {CL: 'CLP', CO: 'COP', MX: 'MXN', PE: 'PEN', AR: 'ARS'};

export function StartScreen({onInfo}: {onInfo: (i: PortfolioInfo) => void}) {
  const {t} = useTranslation();
  const {lang} = useApp();
  const recent = useAsync(() => api.recent(), []);
  const [newOpen, setNewOpen] = useState(false);
  const [demoOpen, setDemoOpen] = useState(false);

  // A portfolio that cannot be opened is said on the screen itself, where the
  // user clicked, not in a notification that goes away.
  const [openError, setOpenError] = useState<string>();
  const open = (path: string) => { setOpenError(undefined); api.openPortfolio(path).then(onInfo, (e) => setOpenError(toApiError(e).message)); };
  const openDialog = () => { setOpenError(undefined); api.openDialog().then((i) => i.open && onInfo(i), (e) => {
    if (toApiError(e).code !== 'canceled') setOpenError(toApiError(e).message);
  }); };

  return (
    <Container size="md" py={48}>
      <Group justify="space-between" align="flex-start" mb="xl">
        <div>
          <Title order={1} c="teal.8">{t('app.name')}</Title>
          <Text c="dimmed" size="lg">{t('app.tagline')}</Text>
        </div>
        <Stack gap={4} align="flex-end">
          <LanguageSwitch />
          <AboutLink />
        </Stack>
      </Group>
      <SimpleGrid cols={{base: 1, sm: 3}} mb="xl">
        <ActionCard icon={<IconFilePlus />} title={t('start.new')} hint={t('start.newHint')} onClick={() => setNewOpen(true)} testId="start-new" />
        <ActionCard icon={<IconFolderOpen />} title={t('start.open')} hint={t('start.openHint')} onClick={openDialog} testId="start-open" />
        <ActionCard icon={<IconSparkles />} title={t('start.demo')} hint={t('start.demoHint')} onClick={() => setDemoOpen(true)} testId="start-demo" />
      </SimpleGrid>
      {openError && <Alert color="red" mb="md" withCloseButton onClose={() => setOpenError(undefined)} data-testid="open-error">{openError}</Alert>}
      <Title order={4} mb="sm">{t('start.recent')}</Title>
      {recent.data && recent.data.length === 0 && <Text c="dimmed">{t('start.noRecent')}</Text>}
      <Stack gap="xs">
        {(recent.data ?? []).map((r: RecentPortfolio) => (
          <Card key={r.path} withBorder padding="sm" style={{cursor: r.missing ? 'default' : 'pointer'}} onClick={() => !r.missing && open(r.path)}>
            <Group justify="space-between" wrap="nowrap">
              <div style={{minWidth: 0}}>
                <Group gap="xs">
                  {r.missing && <IconFileAlert size={16} color="var(--mantine-color-orange-6)" />}
                  <Text fw={600}>{r.name}</Text>
                  <Text size="sm" c="dimmed">{t(`country.${r.country}`, {defaultValue: r.country})}</Text>
                </Group>
                <Text size="xs" c="dimmed" truncate>{r.missing ? t('start.missing') + ': ' : ''}{r.path}</Text>
              </div>
              <Tooltip label={t('start.forget')}>
                <ActionIcon variant="subtle" color="gray" aria-label={t('start.forget')} onClick={(e) => {
                  e.stopPropagation();
                  api.forget(r.path).then(recent.reload, notifyError);
                }}><IconTrash size={16} /></ActionIcon>
              </Tooltip>
            </Group>
          </Card>
        ))}
      </Stack>
      <NewPortfolioModal opened={newOpen} onClose={() => setNewOpen(false)} onInfo={onInfo} />
      <DemoModal opened={demoOpen} onClose={() => setDemoOpen(false)} onInfo={onInfo} />
      <Text size="xs" c="dimmed" mt="xl" ta="center">Cartera · {lang.toUpperCase()}</Text>
    </Container>
  );
}

function ActionCard(props: {icon: React.ReactNode; title: string; hint: string; onClick: () => void; testId: string}) {
  return (
    <Card withBorder padding="lg" radius="md" style={{cursor: 'pointer'}} onClick={props.onClick} data-testid={props.testId} role="button">
      <ThemeIcon size={40} radius="md" variant="light" mb="sm">{props.icon}</ThemeIcon>
      <Text fw={700}>{props.title}</Text>
      <Text size="sm" c="dimmed">{props.hint}</Text>
    </Card>
  );
}

function NewPortfolioModal({opened, onClose, onInfo}: {opened: boolean; onClose: () => void; onInfo: (i: PortfolioInfo) => void}) {
  const {t} = useTranslation();
  const {meta} = useApp();
  const [name, setName] = useState('');
  const [country, setCountry] = useState('CL');
  const [currency, setCurrency] = useState('CLP');
  const [taxId, setTaxId] = useState('');
  const [folder, setFolder] = useState('');
  const [err, setErr] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const guard = useDiscardGuard(onClose);
  const currencies = useAsync(() => api.currencies(), []);
  useEffect(() => {
    if (opened) api.defaultFolder().then(setFolder, () => {});
  }, [opened]);
  const submit = () => {
    setBusy(true);
    api.createPortfolio({name, country, currency, taxId, folder}).then(onInfo, (e) => setErr(toApiError(e))).finally(() => setBusy(false));
  };
  return (
    <>
    {guard.confirm}
    <Modal opened={opened} onClose={guard.requestClose} title={t('newPortfolio.title')} size="lg">
      <form {...guard.formProps} onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack>
          <TextInput label={t('newPortfolio.name')} placeholder={t('newPortfolio.namePh')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={err?.field('name')} data-autofocus withAsterisk />
          <Group grow>
            <Select label={t('newPortfolio.country')} data={meta.countries.map((c) => ({value: c, label: t(`country.${c}`)}))} value={country}
              onChange={(v) => { guard.markDirty(); setCountry(v || 'CL'); setCurrency(currencyOf[v || 'CL']); }} allowDeselect={false} />
            <Select label={t('newPortfolio.currency')} data={currencies.data ?? [currency]} value={currency} onChange={(v) => setCurrency(v || currency)} searchable allowDeselect={false} error={err?.field('currency')} />
          </Group>
          <TextInput label={t('newPortfolio.taxId')} value={taxId} onChange={(e) => setTaxId(e.currentTarget.value)} error={err?.field('taxId')} />
          <Group align="flex-end">
            <TextInput style={{flex: 1}} label={t('newPortfolio.folder')} value={folder} onChange={(e) => setFolder(e.currentTarget.value)} error={err?.field('path') ?? err?.field('folder')} />
            <Button variant="default" onClick={() => api.chooseFolder().then((f) => f && setFolder(f), notifyError)}>{t('newPortfolio.choose')}</Button>
          </Group>
          {err && !err.issues.some((i) => ['name', 'currency', 'taxId', 'path', 'folder'].includes(i.field)) && <Text c="red" size="sm">{err.message}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={busy} data-testid="create-portfolio">{t('newPortfolio.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
    </>
  );
}

function DemoModal({opened, onClose, onInfo}: {opened: boolean; onClose: () => void; onInfo: (i: PortfolioInfo) => void}) {
  const {t} = useTranslation();
  const [country, setCountry] = useState('CL');
  const [size, setSize] = useState('small');
  const [job, setJob] = useState<string>();
  const [progress, setProgress] = useState<JobProgress>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!job) return;
    const off1 = events.onJobProgress((p) => p.id === job && setProgress(p));
    const off2 = events.onJobDone((d) => {
      if (d.id !== job) return;
      setJob(undefined);
      setProgress(undefined);
      if (d.ok) onInfo(d.result as PortfolioInfo);
      else if (d.error?.code === 'canceled') setError(t('demo.canceled'));
      else setError(d.error?.message ?? '');
    });
    return () => { off1(); off2(); };
  }, [job]);
  const sizes: Record<string, [number, number]> = {small: [200, 5000], medium: [2000, 100000], large: [20000, 1000000]};
  const start = () => {
    setError(undefined);
    const [clients, invoices] = sizes[size];
    api.startDemo({country, clients, invoices, folder: '', seed: 0}).then(setJob, (e) => setError(toApiError(e).message));
  };
  const stage = progress?.stage?.replace(/^demo\./, '') ?? '';
  const pct = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <Modal opened={opened} onClose={() => !job && onClose()} title={t('demo.title')} size="lg" closeOnClickOutside={!job}>
      {job ? (
        <Stack>
          <Text>{t('demo.working')}</Text>
          <Text size="sm" c="dimmed">{stage ? t(`demo.${stage}`, {defaultValue: stage}) : ''} {pct ? `· ${pct}%` : ''}</Text>
          <Progress value={stage === 'indexes' ? 100 : pct} animated striped={stage === 'indexes'} data-testid="demo-progress" />
          <Group justify="flex-end">
            <Button variant="default" color="red" onClick={() => api.cancelJob(job)}>{t('common.cancel')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Select label={t('demo.country')} data={['CL', 'CO', 'MX', 'PE', 'AR'].map((c) => ({value: c, label: t(`country.${c}`)}))} value={country} onChange={(v) => setCountry(v || 'CL')} allowDeselect={false} />
          <div>
            <Text size="sm" fw={500} mb={4}>{t('demo.size')}</Text>
            <SegmentedControl fullWidth orientation="vertical" value={size} onChange={setSize}
              data={['small', 'medium', 'large'].map((s) => ({value: s, label: t(`demo.${s}`)}))} />
          </div>
          {error && <Text c={error === t('demo.canceled') ? 'dimmed' : 'red'} size="sm">{error}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button onClick={start} data-testid="demo-generate">{t('demo.generate')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
