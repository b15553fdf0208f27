import {useEffect, useMemo, useRef, useState} from 'react';
import {
  Alert, Badge, Button, Checkbox, Group, Loader, Modal, NumberInput, Paper, SegmentedControl, Select, SimpleGrid,
  Stack, Stepper, Table, Text, TextInput, Tooltip,
} from '@mantine/core';
import {useHotkeys} from '@mantine/hooks';
import {IconAlertTriangle, IconCheck, IconFileImport, IconInfoCircle, IconUpload} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api, ApiError, capitalize, events, ImportPreview, ImportReport, ImportRequest, ImportTarget, Problem, toApiError} from '../api';
import {notifyError, notifyOK, useApp} from '../state';
import {useUnsavedWork} from '../components/DiscardGuard';
import {useJob} from '../components/useJob';

type Classes = 'error' | 'missing_client' | 'tax_id' | 'conflict' | 'notice';
type Choices = ImportRequest['choices'];
const noChoices: Choices = {createClients: false, skipInvalid: false, acceptChanges: false, acceptTaxIds: false};

/** rowsWith counts the rows that have a problem of class c. */
function rowsWith(rowsByClasses: Record<string, number>, c: string): number {
  return Object.entries(rowsByClasses ?? {}).filter(([set]) => set.split('+').includes(c)).reduce((a, [, n]) => a + n, 0);
}

/**
 * ImportWizard takes a file from another program to the portfolio in three
 * steps: how it is read, which column is which, and a full check whose
 * problems the user fixes in the file or decides about before anything is written.
 */
export function ImportWizard(props: {target: ImportTarget; path?: string; onClose: () => void; onImported: () => void; onShow: (target: ImportTarget) => void}) {
  const {t} = useTranslation();
  const {int} = useApp();
  // A file handed to Cartera from outside asks before dropping a wizard under way.
  useUnsavedWork(true);
  const [step, setStep] = useState(0);
  const [req, setReq] = useState<ImportRequest>({
    path: props.path ?? '', target: props.target, settings: {format: '', sheet: '', encoding: '', delimiter: '', headerRow: 0},
    columns: null as unknown as string[], format: {dateOrder: '', decimal: '', cells: false}, choices: noChoices, mapping: '',
  });
  const [pv, setPv] = useState<ImportPreview>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [report, setReport] = useState<ImportReport>();
  // The import's outcome: the wizard ends on it instead of closing.
  const [result, setResult] = useState<ImportReport>();
  const [choices, setChoices] = useState<Choices>(noChoices);
  const [mappingName, setMappingName] = useState('');
  // The saved mapping the first reading of this file applied (later readings carry the columns themselves).
  const [savedMapping, setSavedMapping] = useState('');
  useEffect(() => setSavedMapping(''), [req.path, req.target]);
  const seq = useRef(0);

  // Every change of the request reads the file again (a few hundred rows: under a second).
  useEffect(() => {
    if (!req.path) return;
    const mine = ++seq.current;
    setLoading(true);
    api.importPreview(req).then((p) => {
      if (mine !== seq.current) return;
      setPv(p); setError(undefined); setLoading(false);
      if (p.savedMapping) setSavedMapping(p.savedMapping);
      if (req.columns === null) setReq((r) => ({...r, columns: p.columns, format: {...r.format, dateOrder: p.format.dateOrder, decimal: p.format.decimal}}));
    }, (e) => {
      if (mine !== seq.current) return;
      setPv(undefined); setError(toApiError(e)); setLoading(false);
    });
  }, [JSON.stringify(req)]);

  const check = useJob((ok, result, err) => {
    if (ok) setReport(result as ImportReport);
    else if (err?.code !== 'canceled') setError(err);
  });
  const run = useJob((ok, result, err) => {
    if (!ok) {
      if (err?.code === 'canceled') notifyOK(t('import.canceled'));
      else setError(err);
      return;
    }
    const r = result as ImportReport;
    if (r.committed) {
      setResult(r);
      setStep(3);
      props.onImported();
    } else if (r.blocking > 0) {
      setReport(r);
    } else {
      // Nothing went in: the summary says whether it was all there already or all left out.
      setResult(r);
      setStep(3);
    }
  });

  // Entering the last step checks the whole file.
  useEffect(() => {
    if (step === 2 && !report && !check.running && pv && !pv.mappingError) check.start(api.importCheck(req));
  }, [step]);

  const choose = async () => {
    try {
      const path = await api.chooseImportFile();
      if (path) { setReport(undefined); setStep(0); setReq((r) => ({...r, path, columns: null as unknown as string[], settings: {format: '', sheet: '', encoding: '', delimiter: '', headerRow: 0}, format: {dateOrder: '', decimal: '', cells: false}})); }
    } catch (e) {
      notifyError(e);
    }
  };
  useEffect(() => events.onFileDrop((paths) => {
    if (paths[0]) { setReport(undefined); setStep(0); setReq((r) => ({...r, path: paths[0], columns: null as unknown as string[]})); }
  }), []);

  const set = (patch: Partial<ImportRequest>) => { setReport(undefined); setReq((r) => ({...r, ...patch})); };
  const setSettings = (patch: Partial<ImportRequest['settings']>, remap = false) =>
    set({settings: {...req.settings, ...(pv?.info.settings ?? {}), ...patch}, ...(remap ? {columns: null as unknown as string[]} : {})});
  // How many rows the choices leave blocking: the backend's rule, asked as they change.
  const [blocking, setBlocking] = useState(0);
  useEffect(() => {
    if (!report) return;
    setBlocking(report.blocking);
    api.importBlocking(report.rowsByClasses, choices).then(setBlocking, notifyError);
  }, [report, choices]);
  const canImport = !!report && !report.committed && blocking === 0 && !run.running && !check.running;
  const doImport = () => canImport && run.start(api.importStart({...req, choices}));
  // Ctrl+Enter works from anywhere in the wizard's last step, a just-ticked choice included (no tags ignored).
  useHotkeys([['mod+Enter', () => step === 2 && doImport()]], []);
  const busy = run.running;

  const title = (
    <Group gap="xs"><IconFileImport size={20} /><Text fw={600}>{t('import.title')}</Text>{req.path && <Text c="dimmed" size="sm" truncate maw={420}>· {req.path.split(/[\\/]/).pop()}</Text>}</Group>
  );
  const footer = (
    <Group justify="space-between" py="sm" px="md" data-testid="import-footer"
      style={{borderTop: '1px solid var(--mantine-color-gray-3)', background: 'var(--mantine-color-body)'}}>
      {/* Every button at the right: the bottom left is where toasts appear. */}
      <span />
      <Group gap="xs">
      {step < 3 && (
        <Button variant="default" onClick={step === 0 ? props.onClose : () => setStep(step - 1)} disabled={busy}>{step === 0 ? t('common.cancel') : t('import.back')}</Button>
      )}
      {step < 2 && <Button onClick={() => setStep(step + 1)} disabled={!pv || loading || (step === 1 && !!pv.mappingError)} data-testid="import-next">{t('import.next')}</Button>}
      {step === 2 && (busy
        ? <Group><Loader size="sm" /><Text size="sm">{t('import.going', {n: int(run.done)})}</Text><Button variant="default" onClick={run.cancel}>{t('import.cancel')}</Button></Group>
        : <Tooltip label={t('import.blocking', {count: blocking, n: int(blocking)})} disabled={blocking === 0}>
            <Button leftSection={<IconCheck size={16} />} onClick={doImport} disabled={!canImport} data-testid="import-go">
              {t('import.go')} <Text span size="xs" ml={6} c="teal.1">Ctrl+Enter</Text>
            </Button>
          </Tooltip>)}
      {step === 3 && (
        <Group gap="xs">
          <Button variant="default" onClick={props.onClose} data-testid="import-close">{t('common.close')}</Button>
          {result?.committed && <Button onClick={() => props.onShow(req.target as ImportTarget)} data-testid="import-show">{t(`import.result.show_${req.target}`)}</Button>}
        </Group>
      )}
      </Group>
    </Group>
  );
  return (
    <Modal opened onClose={props.onClose} title={title} size="90%" centered closeOnEscape={!busy} padding={0}
      styles={{
        header: {paddingInline: 'var(--mantine-spacing-md)'},
        content: {display: 'flex', flexDirection: 'column', overflow: 'hidden'},
        body: {flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column'},
      }}>
      <div data-testid="import-wizard" style={{flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column'}}>
        <Stepper active={step} onStepClick={(s) => s < step && step < 3 && !busy && setStep(s)} size="sm" px="md" pb="sm">
          <Stepper.Step label={t('import.steps.file')} />
          <Stepper.Step label={t('import.steps.columns')} />
          <Stepper.Step label={t('import.steps.review')} />
          <Stepper.Step label={t('import.result.step')} />
        </Stepper>
        {/* The one scroll area of the wizard: the footer with Importar stays in view below it. */}
        <div style={{flex: '1 1 auto', minHeight: 0, overflowY: 'auto', paddingInline: 'var(--mantine-spacing-md)', paddingBottom: 'var(--mantine-spacing-sm)'}} data-testid="import-body">
          {error && <Alert color="red" icon={<IconAlertTriangle size={16} />} mb="sm" data-testid="import-error">
            {error.issues.length > 1 ? error.issues.map((i, k) => <div key={k}>{i.full}</div>) : error.message}
          </Alert>}
          {step === 0 && <FileStep req={req} pv={pv} loading={loading} choose={choose} setPath={(path) => setReq((r) => ({...r, path, columns: null as unknown as string[]}))} setTarget={(target) => set({target, columns: null as unknown as string[]})} setSettings={setSettings}
            setFormat={(f) => set({format: {...req.format, ...f}})} />}
          {step === 1 && pv && <ColumnsStep req={req} pv={pv} loading={loading} setColumn={(i, f) => set({columns: (req.columns ?? pv.columns).map((c, k) => (k === i ? f : c))})}
            mappingName={mappingName} setMappingName={setMappingName} savedMapping={savedMapping}
            save={() => api.saveMapping(mappingName, pv.header, req).then(() => notifyOK(t('import.saved', {name: mappingName})), notifyError)} />}
          {step === 2 && pv && <ReviewStep pv={pv} report={report} checking={check.running} checked={check.done} choices={choices} setChoices={setChoices}
            blocking={blocking} recheck={() => { setReport(undefined); check.start(api.importCheck(req)); }} cancel={check.cancel} />}
          {step === 3 && result && <SummaryStep r={result} choices={choices} />}
        </div>
        {footer}
      </div>
    </Modal>
  );
}

/** SummaryStep ends an import: what went in, what was already there, and what was left out and why. */
function SummaryStep({r, choices}: {r: ImportReport; choices: Choices}) {
  const {t} = useTranslation();
  const {int} = useApp();
  const c = r.counts;
  // A class of problem left its rows out unless the user chose to accept it (notices never do).
  const accepted: Record<string, boolean> = {missing_client: choices.createClients, tax_id: choices.acceptTaxIds, conflict: choices.acceptChanges, notice: true};
  const classes = Object.entries(r.byClass ?? {}).filter(([, n]) => n > 0);
  const out = classes.filter(([cls]) => !accepted[cls]);
  const resolved = classes.filter(([cls]) => accepted[cls]);
  const badges = (list: [string, number][], testId: string) => (
    <Group gap="xs" data-testid={testId}>
      {list.map(([cls, n]) => <Badge key={cls} variant="light" color={cls === 'error' ? 'red' : cls === 'notice' ? 'gray' : 'orange'}>{t(`import.classes.${cls}`)}: {int(n)}</Badge>)}
    </Group>
  );
  const stat = (key: string, n: number, color?: string) => (
    <Paper withBorder p="sm" data-testid={`result-${key}`}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t(`import.result.${key}`)}</Text>
      <Text size="xl" fw={700} className="num" c={n > 0 ? color : 'dimmed'}>{int(n)}</Text>
    </Paper>
  );
  return (
    <Stack gap="sm" data-testid="import-summary">
      <Alert color={r.committed ? 'teal' : 'gray'} icon={r.committed ? <IconCheck size={16} /> : <IconInfoCircle size={16} />}>
        {r.committed ? t('import.done', {created: int(c.created), updated: int(c.updated), skipped: int(c.skipped)})
          : c.skipped > 0 && c.unchanged === 0 ? t('import.allLeftOut', {skipped: int(c.skipped)}) : t('import.nothing')}
      </Alert>
      <SimpleGrid cols={4}>
        {stat('created', c.created, 'teal.8')}
        {stat('updated', c.updated, 'blue.8')}
        {stat('unchanged', c.unchanged)}
        {stat('skipped', c.skipped, 'orange.8')}
      </SimpleGrid>
      {(c.clientsCreated > 0 || c.payments > 0) && (
        <Text size="sm">
          {[c.clientsCreated > 0 && t('import.result.clientsCreated', {n: int(c.clientsCreated)}), c.payments > 0 && t('import.result.payments', {n: int(c.payments)})].filter(Boolean).join(' · ')}
        </Text>
      )}
      {out.length > 0 && (
        <>
          <Text fw={600} mt="xs">{t('import.result.leftOut')}</Text>
          {badges(out, 'result-classes')}
          <ProblemTable problems={(r.problems ?? []).filter((x) => !accepted[x.class])} />
        </>
      )}
      {resolved.length > 0 && (
        <>
          <Text fw={600} mt="xs">{t('import.result.found')}</Text>
          {badges(resolved, 'result-resolved')}
        </>
      )}
    </Stack>
  );
}

/** ProblemTable lists problems with their row, column and value (the first 2000). */
function ProblemTable({problems}: {problems: Problem[]}) {
  const {t} = useTranslation();
  return (
    <Table fz="sm" striped data-testid="import-problems">
      <Table.Thead><Table.Tr><Table.Th w={70}>{t('import.line')}</Table.Th><Table.Th>{t('import.column')}</Table.Th><Table.Th>{t('import.examples')}</Table.Th><Table.Th>{t('import.problems')}</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {problems.slice(0, 2000).map((x: Problem, k) => (
          <Table.Tr key={k}>
            <Table.Td>{x.line || '—'}</Table.Td><Table.Td>{x.column}</Table.Td><Table.Td><Text size="sm" truncate maw={220}>{x.value}</Text></Table.Td>
            <Table.Td><Text size="sm" c={x.class === 'error' ? 'red' : x.class === 'notice' ? 'dimmed' : 'orange'}>{x.message}</Text></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** PathInput takes a pasted path ("Copiar como ruta de acceso" in Windows Explorer). */
function PathInput({onPath}: {onPath: (path: string) => void}) {
  const {t} = useTranslation();
  const [path, setPath] = useState('');
  const go = () => path.trim() && onPath(path.trim().replace(/^"(.*)"$/, '$1'));
  return (
    <Group gap="xs" mt="xs">
      <TextInput size="xs" w={420} placeholder={t('import.pathPh')} value={path} onChange={(e) => setPath(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && go()} aria-label={t('import.pathPh')} data-testid="import-path" />
      <Button size="xs" variant="default" onClick={go} disabled={!path.trim()}>{t('import.open')}</Button>
    </Group>
  );
}

function FileStep(p: {req: ImportRequest; pv?: ImportPreview; loading: boolean; choose: () => void; setPath: (path: string) => void; setTarget: (t: ImportTarget) => void;
  setSettings: (s: Partial<ImportRequest['settings']>, remap?: boolean) => void; setFormat: (f: Partial<ImportRequest['format']>) => void}) {
  const {t} = useTranslation();
  const s = p.pv?.info.settings;
  return (
    <Stack>
      <Group align="flex-end">
        <div>
          <Text size="sm" fw={500} mb={4}>{t('import.what')}</Text>
          <SegmentedControl value={p.req.target} onChange={(v) => p.setTarget(v as ImportTarget)} data-testid="import-target"
            data={(['clients', 'invoices', 'payments'] as const).map((k) => ({value: k, label: t(`import.target.${k}`)}))} />
        </div>
        {p.req.path && <Button variant="default" leftSection={<IconUpload size={16} />} onClick={p.choose}>{t('import.change')}</Button>}
      </Group>
      {!p.req.path && (
        <Paper withBorder p="xl" style={{borderStyle: 'dashed', textAlign: 'center'}}>
          <Stack align="center" gap="xs">
            <IconUpload size={32} color="gray" />
            <Text fw={500}>{t('import.empty')}</Text>
            <Text size="sm" c="dimmed" maw={560}>{t('import.emptyHint')}</Text>
            <Group gap="xs"><Text size="sm">{t('import.drop')}</Text><Button onClick={p.choose} data-testid="import-choose">{t('import.choose')}</Button></Group>
            <PathInput onPath={p.setPath} />
          </Stack>
        </Paper>
      )}
      {p.req.path && p.loading && !p.pv && <Group><Loader size="sm" /><Text size="sm">{t('import.reading')}</Text></Group>}
      {s && p.pv && (
        <>
          <Text fw={600}>{t('import.how')}</Text>
          <SimpleGrid cols={{base: 2, md: 4}}>
            <TextInput label={t('import.format')} value={s.format === 'xlsx' || s.format === 'xls' ? t('import.xlsx') : t('import.text')} readOnly />
            {s.format === 'xlsx' || s.format === 'xls'
              ? <Select label={t('import.sheet')} data={p.pv.info.sheets} value={s.sheet} onChange={(v) => v && p.setSettings({sheet: v, headerRow: 0}, true)} allowDeselect={false} />
              : <Select label={t('import.encoding')} value={s.encoding} onChange={(v) => v && p.setSettings({encoding: v})} allowDeselect={false}
                  data={[{value: 'utf-8', label: 'UTF-8'}, {value: 'utf-8-bom', label: 'UTF-8 con BOM'}, {value: 'utf-16le', label: 'UTF-16 (Unicode de Excel)'}, {value: 'utf-16be', label: 'UTF-16 BE'}, {value: 'windows-1252', label: 'Windows-1252 (ANSI)'}]} />}
            {s.format !== 'xlsx' && s.format !== 'xls' && <Select label={t('import.delimiter')} value={s.delimiter} onChange={(v) => v && p.setSettings({delimiter: v, headerRow: 0}, true)} allowDeselect={false}
              data={[{value: ';', label: t('import.semicolon')}, {value: ',', label: t('import.commaSep')}, {value: '\t', label: t('import.tab')}, {value: '|', label: t('import.pipe')}]} />}
            <NumberInput label={t('import.headerRow')} min={1} max={1000} value={s.headerRow} onChange={(v) => typeof v === 'number' && v >= 1 && p.setSettings({headerRow: v}, true)} data-testid="import-header-row" />
            <Select label={t('import.decimal')} value={p.req.format.decimal || p.pv.format.decimal} onChange={(v) => v && p.setFormat({decimal: v})} allowDeselect={false}
              data={[{value: ',', label: t('import.comma')}, {value: '.', label: t('import.dot')}]} />
            <Select label={t('import.dateOrder')} value={p.req.format.dateOrder || p.pv.format.dateOrder} onChange={(v) => v && p.setFormat({dateOrder: v})} allowDeselect={false}
              data={(['dmy', 'mdy', 'ymd'] as const).map((o) => ({value: o, label: t(`import.${o}`)}))} />
          </SimpleGrid>
          <Text fw={600} mt="xs">{t('import.samples')}</Text>
          <Table.ScrollContainer minWidth={600} type="native">
            <Table striped withTableBorder withColumnBorders fz="xs" data-testid="import-samples">
              <Table.Thead><Table.Tr>{p.pv.header.map((h, i) => <Table.Th key={i}>{h}</Table.Th>)}</Table.Tr></Table.Thead>
              <Table.Tbody>{p.pv.samples.map((r, i) => <Table.Tr key={i}>{p.pv!.header.map((_, k) => <Table.Td key={k}>{r[k] ?? ''}</Table.Td>)}</Table.Tr>)}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}

function ColumnsStep(p: {req: ImportRequest; pv: ImportPreview; loading: boolean; setColumn: (i: number, f: string) => void; mappingName: string; setMappingName: (s: string) => void; savedMapping: string; save: () => void}) {
  const {t} = useTranslation();
  const options = [{value: '', label: t('import.ignore')}, ...p.pv.fields.map((f) => ({value: f.field, label: t(`importField.${f.field}`) + (f.required ? ` (${t('import.required')})` : '')}))];
  const columns = p.req.columns ?? p.pv.columns;
  return (
    <Stack gap="xs">
      {p.savedMapping && <Alert color="teal" icon={<IconInfoCircle size={16} />}>{t('import.savedApplied', {name: p.savedMapping})}</Alert>}
      {p.pv.mappingError && <Alert color="orange" icon={<IconAlertTriangle size={16} />} data-testid="mapping-error">
        {p.pv.mappingError.issues.map((i, k) => <div key={k}>{capitalize(i.message)}</div>)}
      </Alert>}
      <Table striped data-testid="import-columns">
          <Table.Thead><Table.Tr><Table.Th style={{whiteSpace: 'nowrap'}}>{t('import.column')}</Table.Th><Table.Th>{t('import.examples')}</Table.Th><Table.Th w={300}>{t('import.field')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {p.pv.header.map((h, i) => (
              <Table.Tr key={i}>
                <Table.Td><Text fw={500} size="sm" style={{whiteSpace: 'nowrap'}}>{h || `#${i + 1}`}</Text></Table.Td>
                <Table.Td><Text size="xs" c="dimmed" truncate maw={420}>{p.pv.samples.slice(0, 3).map((r) => r[i] ?? '').filter(Boolean).join(' · ')}</Text></Table.Td>
                <Table.Td><Select size="xs" data={options} value={columns[i] ?? ''} onChange={(v) => p.setColumn(i, v ?? '')} allowDeselect={false} aria-label={h} data-testid={`column-${i}`} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      {!p.pv.mappingError && (
        <Group gap="xs" align="flex-end">
          <TextInput label={t('import.saveAs')} placeholder={t('import.savePh')} value={p.mappingName} onChange={(e) => p.setMappingName(e.currentTarget.value)} w={320} data-testid="mapping-name" />
          <Button variant="default" disabled={!p.mappingName.trim()} onClick={p.save}>{t('import.saveBtn')}</Button>
        </Group>
      )}
    </Stack>
  );
}

function ReviewStep(p: {pv: ImportPreview; report?: ImportReport; checking: boolean; checked: number; choices: Choices; setChoices: (c: Choices) => void;
  blocking: number; recheck: () => void; cancel: () => void}) {
  const {t} = useTranslation();
  const {money, date, int} = useApp();
  const [filter, setFilter] = useState<string>('all');
  const r = p.report;
  const target = p.pv.fields.some((f) => f.field === 'legalName') ? 'clients' : p.pv.fields.some((f) => f.field === 'date') ? 'payments' : 'invoices';
  const problems = useMemo(() => (r?.problems ?? []).filter((x) => filter === 'all' || x.class === filter), [r, filter]);
  const total = r ? Object.values(r.byClass ?? {}).reduce((a, n) => a + n, 0) : 0;
  const choice = (key: keyof Choices, cls: Classes, label: string) => {
    const n = r ? rowsWith(r.rowsByClasses, cls) : 0;
    if (n === 0) return null;
    return <Checkbox label={t(label, {count: n, n: int(n)})} checked={p.choices[key]} onChange={(e) => p.setChoices({...p.choices, [key]: e.currentTarget.checked})} data-testid={`choice-${key}`} />;
  };
  return (
    <Stack gap="sm">
      {p.checking && <Group><Loader size="sm" /><Text size="sm" data-testid="import-checking">{t('import.checking', {n: int(p.checked)})}</Text><Button size="xs" variant="default" onClick={p.cancel}>{t('import.cancel')}</Button></Group>}
      {r && (
        <Paper withBorder p="sm" data-testid="import-report">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>{t('import.summary', {count: r.counts.rows, rows: int(r.counts.rows), created: int(r.counts.created), unchanged: int(r.counts.unchanged)})}</Text>
            <Button size="xs" variant="subtle" onClick={p.recheck}>{t('import.checkAgain')}</Button>
          </Group>
          {total === 0 ? <Alert color="teal" icon={<IconCheck size={16} />}>{t('import.noProblems')}</Alert> : (
            <>
              <Text size="sm" fw={500}>{t('import.decide')}</Text>
              <Group gap="lg" my="xs">
                {choice('createClients', 'missing_client', 'import.choices.createClients')}
                {choice('acceptTaxIds', 'tax_id', 'import.choices.acceptTaxIds')}
                {choice('acceptChanges', 'conflict', 'import.choices.acceptChanges')}
                {(rowsWith(r.rowsByClasses, 'error') > 0 || p.blocking > 0 || p.choices.skipInvalid) && <Checkbox label={t('import.choices.skipInvalid')} checked={p.choices.skipInvalid} onChange={(e) => p.setChoices({...p.choices, skipInvalid: e.currentTarget.checked})} data-testid="choice-skipInvalid" />}
              </Group>
              {p.blocking > 0 && <Alert color="orange" icon={<IconAlertTriangle size={16} />} mb="xs" data-testid="import-blocking">{t('import.blocking', {count: p.blocking, n: int(p.blocking)})}</Alert>}
              <SegmentedControl size="xs" value={filter} onChange={setFilter} mb="xs"
                data={[{value: 'all', label: `${t('import.allClasses')} (${int(total)})`}, ...Object.entries(r.byClass ?? {}).map(([c, n]) => ({value: c, label: `${t(`import.classes.${c}`)} (${int(n)})`}))]} />
              <ProblemTable problems={problems} />
              {problems.length > 2000 || total > (r.problems?.length ?? 0) ? <Text size="xs" c="dimmed">{t('import.more', {shown: int(Math.min(problems.length, 2000)), total: int(total)})}</Text> : null}
            </>
          )}
        </Paper>
      )}
      <Text fw={600}>{t('import.previewTitle', {count: p.pv.rows.length, n: p.pv.rows.length})}</Text>
      <Table.ScrollContainer minWidth={1000} type="native">
        <Table striped fz="sm" data-testid="import-preview" style={{whiteSpace: 'nowrap'}}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.line')}</Table.Th><Table.Th>{t('import.client')}</Table.Th>
              {target === 'invoices' && <><Table.Th>{t('import.kind')}</Table.Th><Table.Th>{t('import.number')}</Table.Th><Table.Th>{t('import.issue')}</Table.Th><Table.Th>{t('import.due')}</Table.Th></>}
              {target === 'payments' && <><Table.Th>{t('import.date')}</Table.Th><Table.Th>{t('import.number')}</Table.Th></>}
              <Table.Th style={{textAlign: 'right'}}>{target === 'clients' ? t('importField.creditLimit') : t('import.amount')}</Table.Th>
              {target === 'invoices' && <Table.Th style={{textAlign: 'right'}}>{t('import.balance')}</Table.Th>}
              <Table.Th>{t('import.detail')}</Table.Th><Table.Th>{t('import.problems')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.pv.rows.map((row) => (
              <Table.Tr key={row.line} bg={row.problems.some((x) => x.class === 'error') ? 'red.0' : undefined}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td><Text component="div" size="sm" truncate maw={260}>{row.client} {row.taxId && <Text span c="dimmed" size="xs">{row.taxId}</Text>} {target !== 'clients' && !row.clientId && <Badge size="xs" variant="light">{t('import.newClient')}</Badge>}</Text></Table.Td>
                {target === 'invoices' && <><Table.Td>{row.kind && t(`kind.${row.kind}`, {defaultValue: row.kind})}</Table.Td><Table.Td>{row.number}</Table.Td><Table.Td>{row.issue && date(row.issue)}</Table.Td><Table.Td>{row.due && date(row.due)}</Table.Td></>}
                {target === 'payments' && <><Table.Td>{row.issue && date(row.issue)}</Table.Td><Table.Td>{row.number}</Table.Td></>}
                <Table.Td style={{textAlign: 'right'}} className="num">{row.currency || target === 'clients' ? money(row.amount, row.currency || undefined) : ''}</Table.Td>
                {target === 'invoices' && <Table.Td style={{textAlign: 'right'}} className="num">{row.currency ? money(row.balance, row.currency) : ''}</Table.Td>}
                <Table.Td><Text size="xs" c="dimmed" truncate maw={200}>{row.detail}</Text></Table.Td>
                <Table.Td style={{whiteSpace: 'normal', minWidth: 260}}>{row.problems.map((x, k) => <Text key={k} size="xs" c={x.class === 'error' ? 'red' : x.class === 'notice' ? 'dimmed' : 'orange'}>{x.column && `${x.column}: `}{x.message}</Text>)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
