import {useEffect, useMemo, useRef, useState} from 'react';
import {
  Alert, Badge, Button, Group, Kbd, List, Modal, Paper, ScrollArea, Select, Stack, Table, Tabs, Text, TextInput, Title, Tooltip,
} from '@mantine/core';
import {IconAlertTriangle, IconArrowBackUp, IconBuildingBank, IconCheck, IconFileImport, IconRefresh, IconSearch, IconX} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api, ApiError, capitalize, BankAccount, BankImportRecord, BankLineView, BankRule, LayoutMapping, Proposal, ProposalView, StatementResult, StatementSample, StatementSummary} from '../api';
import {ClientPicker, EmptyState, Loading} from '../components/common';
import {useShortcuts} from '../components/shortcuts';
import {useJob} from '../components/useJob';
import {notifyError, notifyOK, useApp, useAsync} from '../state';
import {useNav} from './Workspace';
import {AllocationEditor, toLines} from './PaymentForm';
import {formatDateTime} from '../format';

type Tab = 'queue' | 'matched' | 'other' | 'statements' | 'rules';

/**
 * BankScreen is the Banco section: import a statement, work the queue of
 * deposits with the matcher's suggestions and their reasons, see what was
 * matched (and undo it), the statements with their balance check, and the rules.
 */
export function BankScreen() {
  const {t} = useTranslation();
  const {int} = useApp();
  const nav = useNav();
  const [tab, setTab] = useState<Tab>('queue');
  const [importing, setImporting] = useState<string | undefined | null>(null);
  // The queue's page carries the counts; nothing else is read before the queue shows.
  const [c, setCounts] = useState<{pending: number; auto: number; matched: number}>();
  const job = useJob((ok, res: any, err) => {
    if (!ok) return notifyError(err);
    notifyOK(t('bank.rerun', {auto: int(res.auto), suggested: int(res.suggested)}));
    nav.bump();
  });
  useShortcuts([
    ['i', () => importing === null && setImporting(undefined)],
  ]);
  // A file dropped on the window while in Banco is a statement.
  useEffect(() => nav.setDropHandler((path) => setImporting(path)), []);
  return (
    <Stack gap="sm" style={{flex: 1, minHeight: 0}}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Title order={3}>{t('bank.title')}</Title>
          {c && <Text c="dimmed" size="sm" data-testid="bank-counts">{t('bank.counts', {pending: int(c.pending), auto: int(c.auto), matched: int(c.matched)})}</Text>}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconRefresh size={16} />} loading={job.running} onClick={() => job.start(api.reconcile())} data-testid="bank-rerun">{t('bank.reconcile')}</Button>
          <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(undefined)} data-testid="bank-import">{t('bank.import')}</Button>
        </Group>
      </Group>
      <Tabs value={tab} onChange={(v) => setTab((v ?? 'queue') as Tab)} keepMounted={false} style={{flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column'}}>
        <Tabs.List>
          <Tabs.Tab value="queue" data-testid="bank-tab-queue">{t('bank.tabQueue')}{c ? ` (${int(c.pending)})` : ''}</Tabs.Tab>
          <Tabs.Tab value="matched" data-testid="bank-tab-matched">{t('bank.tabMatched')}</Tabs.Tab>
          <Tabs.Tab value="other" data-testid="bank-tab-other">{t('bank.tabOther')}</Tabs.Tab>
          <Tabs.Tab value="statements" data-testid="bank-tab-statements">{t('bank.tabStatements')}</Tabs.Tab>
          <Tabs.Tab value="rules" data-testid="bank-tab-rules">{t('bank.tabRules')}</Tabs.Tab>
        </Tabs.List>
        <div style={{flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', paddingTop: 8}}>
          {tab === 'queue' && <Queue onCounts={setCounts} onImport={() => setImporting(undefined)} />}
          {tab === 'matched' && <MatchedList />}
          {tab === 'other' && <OtherList />}
          {tab === 'statements' && <Statements />}
          {tab === 'rules' && <Rules />}
        </div>
      </Tabs>
      {importing !== null && <ImportStatement path={importing} onClose={() => setImporting(null)} />}
    </Stack>
  );
}

/** ImportStatement takes a statement file (chosen, dropped or written) and imports it as a job, then shows what it brought. */
function ImportStatement({path, onClose}: {path?: string; onClose: () => void}) {
  const {t} = useTranslation();
  const {int} = useApp();
  const nav = useNav();
  const accounts = useAsync(() => api.bankAccounts(), []).data ?? [];
  const [file, setFile] = useState(path ?? '');
  const [account, setAccount] = useState('0');
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState<StatementResult>();
  const [mapping, setMapping] = useState<StatementSample>();
  const job = useJob((ok, res, err) => {
    if (!ok) return setError(err);
    setResult(res as StatementResult);
    nav.bump();
  });
  const start = (profile = '') => {
    setError(undefined);
    job.start(api.importStatement({path: file.trim(), accountId: Number(account), profile}));
  };
  // A layout no profile reads: the user says which column is which, once.
  const unknownLayout = error?.issues.some((i) => i.key === 'bank.unknown_layout');
  const openMapping = () => api.statementSample(file.trim()).then(setMapping, (e) => setError(e));
  const choose = () => api.chooseStatement().then((p) => p && setFile(p), notifyError);
  return (
    <Modal opened onClose={onClose} title={t('bank.importTitle')} size="lg">
      {mapping && !result ? (
        <MappingStep sample={mapping} path={file.trim()} onCancel={() => setMapping(undefined)}
          onSaved={(name) => { setMapping(undefined); start(name); }} />
      ) : result ? (
        <Stack data-testid="statement-result">
          {result.import.statements.map((s, i) => <StatementCheck key={i} s={s} />)}
          <Text>{t('bank.importCounts', {lines: int(result.import.lines), new: int(result.import.new), dup: int(result.import.duplicates)})}</Text>
          <Alert color="teal" variant="light" icon={<IconCheck size={18} />} data-testid="statement-run">
            {t('bank.runCounts', {auto: int(result.run.auto), suggested: int(result.run.suggested), unmatched: int(result.run.unmatched),
              other: int((result.run.classified?.fee ?? 0) + (result.run.classified?.tax ?? 0) + (result.run.classified?.transfer ?? 0) + (result.run.classified?.outgoing ?? 0))})}
          </Alert>
          <Group justify="flex-end"><Button onClick={onClose} data-autofocus>{t('bank.toQueue')}</Button></Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">{t('bank.importHint')}</Text>
          <Group align="flex-end" wrap="nowrap">
            <TextInput label={t('bank.file')} value={file} onChange={(e) => setFile(e.currentTarget.value)} style={{flex: 1}} data-autofocus data-testid="statement-path"
              onKeyDown={(e) => e.key === 'Enter' && file.trim() && start()} />
            <Button variant="default" onClick={choose}>{t('bank.choose')}</Button>
          </Group>
          <Select label={t('bank.account')} value={account} onChange={(v) => setAccount(v ?? '0')} allowDeselect={false} data-testid="statement-account"
            data={[{value: '0', label: t('bank.accountDetect')}, ...accounts.map((a) => ({value: String(a.id), label: accountLabel(a)}))]} />
          {error && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="statement-error">
              {capitalize(error.message)}
              {unknownLayout && <Group mt="xs"><Button size="xs" onClick={openMapping} data-testid="statement-map">{t('bank.mapColumns')}</Button></Group>}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button onClick={() => start()} loading={job.running} disabled={!file.trim()} data-testid="statement-start">{t('bank.importStart')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

const roles = ['', 'date', 'description', 'amount', 'credit', 'debit', 'balance', 'reference', 'payer', 'payerId', 'valueDate', 'branch'];

/**
 * MappingStep is the mapping wizard for a bank Cartera does not know: the
 * file's first rows, the row with the column names (a click), what each
 * column is, how dates and amounts are written, and a name to keep it under.
 */
function MappingStep({sample, path, onCancel, onSaved}: {sample: StatementSample; path: string; onCancel: () => void; onSaved: (name: string) => void}) {
  const {t} = useTranslation();
  const [header, setHeader] = useState(sample.headerLine || sample.rows[0]?.line || 1);
  const headerRow = sample.rows.find((r) => r.line === header) ?? sample.rows[0];
  const [chosen, setChosen] = useState<string[]>(() => (sample.headerLine ? sample.roles ?? [] : []));
  const [name, setName] = useState('');
  const [dateLayout, setDateLayout] = useState(sample.dates?.[0] ?? '');
  const [decimal, setDecimal] = useState('');
  const [error, setError] = useState<ApiError>();
  const width = Math.max(...sample.rows.map((r) => r.cells.length));
  const pick = (line: number) => { setHeader(line); setChosen([]); };
  const save = () => {
    const m: LayoutMapping = {name, bank: name, headerLine: header, roles: Array.from({length: width}, (_, j) => chosen[j] ?? ''), dateLayout, decimal};
    api.saveLayout(path, m).then((p) => onSaved(p.name), setError);
  };
  return (
    <Stack data-testid="mapping-step">
      <Text size="sm" c="dimmed">{t('bank.mapHint')}</Text>
      <ScrollArea h={260} type="auto" style={{border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6}}>
        <Table fz="xs" withColumnBorders highlightOnHover>
          <Table.Tbody>
            {sample.rows.slice(0, 30).map((r) => (
              <Table.Tr key={r.line} onClick={() => pick(r.line)} style={{cursor: 'pointer', background: r.line === header ? 'var(--mantine-color-teal-1)' : undefined, fontWeight: r.line === header ? 600 : undefined}} data-testid={`sample-row-${r.line}`}>
                <Table.Td c="dimmed">{r.line}</Table.Td>
                {Array.from({length: width}, (_, j) => <Table.Td key={j} style={{whiteSpace: 'nowrap'}}>{r.cells[j] ?? ''}</Table.Td>)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Text size="sm" fw={600}>{t('bank.mapColumnsOf', {line: header})}</Text>
      <Group gap="xs" align="flex-end">
        {(headerRow?.cells ?? []).map((c, j) => (
          <Select key={j} w={150} size="xs" label={c || `${t('bank.column')} ${j + 1}`} value={chosen[j] ?? ''} allowDeselect={false} data-testid={`map-role-${j}`}
            data={roles.map((r) => ({value: r, label: t(`bank.role_${r || 'none'}`)}))}
            onChange={(v) => { const next = [...chosen]; next[j] = v ?? ''; setChosen(next); }} />
        ))}
      </Group>
      <Group gap="sm" align="flex-end">
        <Select w={170} label={t('bank.dateLayout')} value={dateLayout} onChange={(v) => setDateLayout(v ?? '')} allowDeselect={false}
          data={(sample.dates ?? []).map((d) => ({value: d, label: d.replace(/d/g, 'D').replace(/y/g, 'A').toUpperCase()}))} />
        <Select w={200} label={t('bank.decimal')} value={decimal} onChange={(v) => setDecimal(v ?? '')} allowDeselect={false}
          data={[{value: '', label: t('bank.decimalAuto')}, {value: ',', label: '1.234,56'}, {value: '.', label: '1,234.56'}]} />
        <TextInput label={t('bank.layoutName')} placeholder={t('bank.layoutNamePh')} value={name} onChange={(e) => setName(e.currentTarget.value)} style={{flex: 1}} data-testid="layout-name" />
      </Group>
      {error && <Alert color="red" variant="light" data-testid="mapping-error">{capitalize(error.message)}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>{t('common.back')}</Button>
        <Button onClick={save} data-testid="layout-save">{t('bank.layoutSave')}</Button>
      </Group>
    </Stack>
  );
}

function accountLabel(a: BankAccount) {
  return [a.bank, a.number, a.name && `(${a.name})`, a.currency].filter(Boolean).join(' ');
}

/** StatementCheck says whether a statement's balances add up, and whether it leaves a gap with the previous one. */
function StatementCheck({s}: {s: StatementSummary}) {
  const {t} = useTranslation();
  const {money, date, int} = useApp();
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>{s.account} · {date(s.from)} – {date(s.to)}</Text>
        {s.check === 'ok' && <Badge color="teal" variant="light" tt="none" data-testid="balance-ok" style={{flexShrink: 0}}>{t('bank.balanceOk')}</Badge>}
        {s.check === 'mismatch' && <Badge color="red" variant="light" tt="none" data-testid="balance-mismatch" style={{flexShrink: 0}}>{t('bank.balanceBad')}</Badge>}
        {s.check === 'none' && <Badge color="gray" variant="light" tt="none" style={{flexShrink: 0}}>{t('bank.balanceNone')}</Badge>}
      </Group>
      <Text size="sm" c="dimmed">{t('bank.stmtLines', {lines: int(s.lines), new: int(s.new)})}</Text>
      {s.check === 'ok' && <Text size="sm">{t('bank.balanceOkText', {opening: money(s.opening!, s.currency), closing: money(s.closing!, s.currency)})}</Text>}
      {s.check === 'mismatch' && <Text size="sm" c="red.8">{t('bank.balanceBadText', {opening: money(s.opening!, s.currency), closing: money(s.closing!, s.currency), diff: money(s.diff, s.currency)})}</Text>}
      {s.gap && <Text size="sm" c="orange.8" data-testid="statement-gap">{s.gap.balances
        ? t('bank.gap', {prevTo: date(s.gap.previousTo), prev: money(s.gap.previousClosing, s.currency), from: date(s.gap.from), opening: money(s.gap.opening, s.currency)})
        : t('bank.gapDays', {prevTo: date(s.gap.previousTo), from: date(s.gap.from), days: s.gap.days})}</Text>}
    </Paper>
  );
}

/**
 * Queue is the daily work: one deposit at a time with its suggestions, the
 * reasons in words and the client's open invoices; everything by keyboard.
 */
function Queue({onCounts, onImport}: {onCounts: (c: {pending: number; auto: number; matched: number}) => void; onImport: () => void}) {
  const {t} = useTranslation();
  const {money, date, int} = useApp();
  const nav = useNav();
  const [search, setSearch] = useState('');
  const [index, setIndex] = useState(0);
  const [split, setSplit] = useState<{clientId: number | null} | null>(null);
  const [finding, setFinding] = useState(false);
  const [offer, setOffer] = useState<{lineId: number; clientId: number; label: string; rule: any}>();
  // The first 200 lines paint at once; more are read as the keyboard nears the end.
  const [limit, setLimit] = useState(200);
  const page = useAsync(() => api.bankLines({status: 'queue', search, limit}), [search, limit, nav.changed]);
  const rows = page.data?.rows ?? [];
  const line = rows[Math.min(index, Math.max(rows.length - 1, 0))];
  useEffect(() => { if (page.data) onCounts({pending: page.data.pending, auto: page.data.auto, matched: page.data.matched}); }, [page.data]);
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    listRef.current?.querySelector(`[data-line-index="${index}"]`)?.scrollIntoView({block: 'nearest'});
  }, [index, rows.length]);
  const move = (d: number) => setIndex((i) => {
    const next = Math.max(0, Math.min(rows.length - 1, i + d));
    if (next >= rows.length - 10 && (page.data?.total ?? 0) > rows.length && limit < 1000) setLimit((l) => l + 200);
    return next;
  });
  const done = (lineId: number, clientId: number, clientName: string) => {
    nav.bump();
    api.learnRule(lineId, clientId).then((o) => o.offer && setOffer({lineId, clientId, label: clientName, rule: o.rule}), () => {});
  };
  const accept = (p: ProposalView) => line && api.acceptMatch(line.id, p.proposal).then(() => {
    notifyOK(t('bank.accepted', {client: p.clientName}));
    done(line.id, p.proposal.clientId, p.clientName);
  }, notifyError);
  const reject = () => line && line.proposals.length > 0 && api.rejectSuggestion(line.id, 0).then(() => nav.bump(), notifyError);
  const ignore = () => line && api.ignoreLine(line.id, true).then(() => { notifyOK(t('bank.ignored')); nav.bump(); }, notifyError);
  const busy = !!split || finding;
  useShortcuts([
    ['j', () => !busy && move(1)], ['ArrowDown', () => !busy && move(1)],
    ['k', () => !busy && move(-1)], ['ArrowUp', () => !busy && move(-1)],
    ['Enter', () => !busy && line?.proposals[0] && accept(line.proposals[0])],
    ['a', () => !busy && line?.proposals[0] && accept(line.proposals[0])],
    ['r', () => !busy && reject()],
    ['s', () => !busy && line && setSplit({clientId: line.proposals[0]?.proposal.clientId ?? null})],
    ['x', () => !busy && ignore()],
    ['f', () => !busy && line && setFinding(true)],
    ['/', () => searchRef.current?.focus()],
  ]);
  if (page.loading && !page.data) return <Loading />;
  if (page.error) return <Alert color="red">{page.error.message}</Alert>;
  if (page.data && page.data.accounts === 0) {
    return <EmptyState title={t('bank.empty')} hint={t('bank.emptyHint')} action={<Button mt="sm" onClick={onImport}>{t('bank.import')}</Button>} />;
  }
  return (
    <Stack gap="xs" style={{flex: 1, minHeight: 0}}>
      <Group gap="sm" wrap="nowrap">
        <TextInput ref={searchRef} leftSection={<IconSearch size={16} />} placeholder={t('bank.searchPh')} value={search} onChange={(e) => { setSearch(e.currentTarget.value); setIndex(0); }} style={{flex: 1, maxWidth: 360}} />
        <Text size="xs" c="dimmed">{t('bank.keys')}</Text>
      </Group>
      {offer && (
        <Alert color="blue" variant="light" withCloseButton onClose={() => setOffer(undefined)} data-testid="learn-offer">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('bank.learn', {pattern: offer.rule.pattern, client: offer.label})}</Text>
            <Button size="xs" onClick={() => api.saveRule(offer.rule).then(() => { setOffer(undefined); notifyOK(t('bank.learned')); nav.bump(); }, notifyError)} data-testid="learn-accept">{t('bank.learnYes')}</Button>
          </Group>
        </Alert>
      )}
      {rows.length === 0 ? <EmptyState title={search ? t('bank.noMatch') : t('bank.queueEmpty')} hint={search ? undefined : t('bank.queueEmptyHint')} /> : (
        <div style={{display: 'grid', gridTemplateColumns: 'minmax(260px, 2fr) 3fr', gap: 12, flex: 1, minHeight: 0}}>
          <ScrollArea viewportRef={listRef} style={{border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6}} data-testid="queue-list">
            {rows.map((l, i) => (
              // Plain elements: a queue paints hundreds of these at once.
              <button type="button" key={l.id} data-line-index={i} onClick={() => setIndex(i)} className={'queue-row' + (i === index ? ' queue-row-current' : '')}>
                <span className="queue-row-top"><span className="queue-row-date">{date(l.date)}</span><span className="num queue-row-amount">{money(l.amount, l.currency)}</span></span>
                <span className="queue-row-desc">{l.description}</span>
                <span className={'queue-row-who' + (l.proposals.length ? ' queue-row-found' : '')}>
                  {l.proposals.length ? `${l.proposals[0].clientName} · ${Math.round(l.proposals[0].proposal.confidence * 100)} %` : t('bank.noSuggestion')}
                </span>
              </button>
            ))}
            {page.data && page.data.total > rows.length && <Text size="xs" c="dimmed" p="xs">{t('common.capped', {shown: int(rows.length), total: int(page.data.total)})}</Text>}
          </ScrollArea>
          {line && <LineDetail line={line} onAccept={accept} onReject={reject} onIgnore={ignore} onSplit={() => setSplit({clientId: line.proposals[0]?.proposal.clientId ?? null})} onFind={() => setFinding(true)} position={t('bank.position', {i: int(index + 1), n: int(page.data?.total ?? rows.length)})} />}
        </div>
      )}
      {split && line && <SplitDialog line={line} clientId={split.clientId} onClose={() => setSplit(null)}
        onDone={(clientId, name) => { setSplit(null); notifyOK(t('bank.accepted', {client: name})); done(line.id, clientId, name); }} />}
      {finding && line && <FindInvoice line={line} onClose={() => setFinding(false)}
        onPick={(clientId) => { setFinding(false); setSplit({clientId}); }} />}
    </Stack>
  );
}

function confidenceColor(c: number) {
  return c >= 0.95 ? 'teal' : c >= 0.7 ? 'yellow' : 'gray';
}

/** LineDetail shows one deposit, its suggestions with their reasons, and the client's open invoices. */
function LineDetail(props: {line: BankLineView; position: string; onAccept: (p: ProposalView) => void; onReject: () => void; onIgnore: () => void; onSplit: () => void; onFind: () => void}) {
  const {t} = useTranslation();
  const {money, date} = useApp();
  const {line} = props;
  const top = line.proposals[0];
  return (
    <ScrollArea style={{border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6}} data-testid="line-detail">
      <Stack gap="sm" p="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" c="dimmed">{props.position} · {line.fileName}, {t('bank.row', {row: line.row})}</Text>
          <Text fw={700} size="lg" className="num">{money(line.amount, line.currency)}</Text>
        </Group>
        <Text fw={600} data-testid="line-description">{line.description || '—'}</Text>
        <Text size="sm" c="dimmed">{date(line.date)}{line.reference ? ` · ${t('bank.reference')} ${line.reference}` : ''}{line.payer ? ` · ${line.payer}` : ''}{line.payerId ? ` (${line.payerId})` : ''}</Text>
        {line.proposals.length === 0 && <Alert color="gray" variant="light">{t('bank.noSuggestionHint')}</Alert>}
        {line.proposals.map((p, i) => (
          <Paper key={i} withBorder p="sm" data-testid={`proposal-${i}`} style={{borderColor: i === 0 ? 'var(--mantine-color-teal-4)' : undefined}}>
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600}>{p.clientName}</Text>
              <Badge color={confidenceColor(p.proposal.confidence)} variant="light" tt="none">{t('bank.confidence', {n: Math.round(p.proposal.confidence * 100)})}</Badge>
            </Group>
            <Table mt={4} fz="sm">
              <Table.Tbody>
                {p.documents.map((d) => (
                  <Table.Tr key={d.documentId}>
                    <Table.Td>{t('kind.invoice')} {d.number}</Table.Td><Table.Td c="dimmed">{t('bank.due', {date: date(d.dueDate)})}</Table.Td>
                    <Table.Td ta="right" className="num">{money(d.amount, line.currency)}</Table.Td>
                  </Table.Tr>
                ))}
                {p.credits.map((d) => (
                  <Table.Tr key={'c' + d.documentId}>
                    <Table.Td>{t('bank.creditNote', {number: d.number})}</Table.Td><Table.Td />
                    <Table.Td ta="right" className="num">−{money(d.amount, line.currency)}</Table.Td>
                  </Table.Tr>
                ))}
                {p.proposal.remainder > 0 && (
                  <Table.Tr><Table.Td>{t('bank.remainder')}</Table.Td><Table.Td /><Table.Td ta="right" className="num">{money(p.proposal.remainder, line.currency)}</Table.Td></Table.Tr>
                )}
              </Table.Tbody>
            </Table>
            <List size="sm" mt={4} spacing={2} data-testid={`reasons-${i}`}>
              {p.reasons.map((r, j) => <List.Item key={j}>{r}</List.Item>)}
            </List>
            <Group mt="xs" gap="xs">
              <Button size="xs" onClick={() => props.onAccept(p)} data-testid={`accept-${i}`} leftSection={<IconCheck size={14} />}>{t('bank.accept')}{i === 0 && <Kbd ml={6} size="xs">Enter</Kbd>}</Button>
              {i === 0 && <Button size="xs" variant="default" onClick={props.onReject} data-testid="reject" leftSection={<IconX size={14} />}>{t('bank.reject')}<Kbd ml={6} size="xs">R</Kbd></Button>}
            </Group>
          </Paper>
        ))}
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={props.onSplit} data-testid="split">{t('bank.split')}<Kbd ml={6} size="xs">S</Kbd></Button>
          <Button size="xs" variant="light" onClick={props.onFind} data-testid="find-invoice">{t('bank.find')}<Kbd ml={6} size="xs">F</Kbd></Button>
          <Button size="xs" variant="subtle" color="gray" onClick={props.onIgnore} data-testid="ignore">{t('bank.ignore')}<Kbd ml={6} size="xs">X</Kbd></Button>
        </Group>
        {top && <ClientOpenItems clientId={top.proposal.clientId} currency={line.currency} name={top.clientName} />}
      </Stack>
    </ScrollArea>
  );
}

/** ClientOpenItems lists what the suggested client still owes, beside the deposit. */
function ClientOpenItems({clientId, currency, name}: {clientId: number; currency: string; name: string}) {
  const {t} = useTranslation();
  const {money, date} = useApp();
  const items = useAsync(() => api.bankOpenItems(clientId, currency), [clientId, currency]);
  if (!items.data) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>{t('bank.openOf', {client: name})}</Text>
      {items.data.length === 0 ? <Text size="sm" c="dimmed">{t('bank.noOpen')}</Text> : (
        <Table fz="sm" data-testid="client-open-items">
          <Table.Tbody>
            {items.data.slice(0, 12).map((o) => (
              <Table.Tr key={o.documentId}>
                <Table.Td>{o.kind === 'invoice' ? '' : t(`kindShort.${o.kind}`) + ' '}{o.number}</Table.Td>
                <Table.Td c="dimmed">{date(o.dueDate)}</Table.Td>
                <Table.Td ta="right" className="num">{money(o.open, o.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {items.data.length > 12 && <Text size="xs" c="dimmed">{t('bank.moreOpen', {n: items.data.length - 12})}</Text>}
    </Stack>
  );
}

/** SplitDialog applies a deposit by hand: any client, any of its open invoices, any amounts; the rest is the client's credit. */
function SplitDialog({line, clientId, onClose, onDone}: {line: BankLineView; clientId: number | null; onClose: () => void; onDone: (clientId: number, name: string) => void}) {
  const {t} = useTranslation();
  const {money} = useApp();
  const [client, setClient] = useState<number | null>(clientId);
  const [lines, setLines] = useState<Record<number, number>>({});
  const [error, setError] = useState<string>();
  const applied = Object.values(lines).reduce((a, b) => a + b, 0);
  const save = () => {
    if (!client) return setError(t('bank.chooseClient'));
    const allocs = toLines(lines).map((l) => ({documentId: l.documentId, amount: l.amount}));
    const p = {clientId: client, allocs, credits: [], remainder: line.amount - applied, confidence: 1, reasons: [{key: 'bank.reason.manual', params: {}}]} as unknown as Proposal;
    api.acceptMatch(line.id, p).then((l) => onDone(client, l.match?.clientName ?? ''), (e) => setError(e.message));
  };
  return (
    <Modal opened onClose={onClose} title={t('bank.splitTitle', {amount: money(line.amount, line.currency)})} size="xl">
      <Stack>
        <Text size="sm" c="dimmed" lineClamp={2}>{line.description}</Text>
        <ClientPicker value={client} onChange={(id) => { setClient(id); setLines({}); }} label={t('payments.client')} autoFocus={!client} />
        <AllocationEditor clientId={client} currency={line.currency} amount={line.amount} lines={lines} setLines={setLines} />
        {error && <Alert color="red" variant="light" data-testid="split-error">{capitalize(error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={save} disabled={applied > line.amount} data-testid="split-save">{t('bank.splitSave')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** FindInvoice searches any open invoice (by number, client or tax ID) and takes its client to the split dialog. */
function FindInvoice({line, onClose, onPick}: {line: BankLineView; onClose: () => void; onPick: (clientId: number) => void}) {
  const {t} = useTranslation();
  const {money, date} = useApp();
  const [q, setQ] = useState('');
  const res = useAsync(() => (q.trim().length >= 2 ? api.documents({search: q, status: 'unpaid', limit: 20}) : Promise.resolve(null)), [q]);
  return (
    <Modal opened onClose={onClose} title={t('bank.findTitle')} size="lg">
      <Stack>
        <TextInput value={q} onChange={(e) => setQ(e.currentTarget.value)} placeholder={t('bank.findPh')} data-autofocus leftSection={<IconSearch size={16} />} data-testid="find-input" />
        {res.data && res.data.rows.length === 0 && <Text size="sm" c="dimmed">{t('bank.findNone')}</Text>}
        {res.data && res.data.rows.length > 0 && (
          <Table highlightOnHover fz="sm">
            <Table.Tbody>
              {res.data.rows.map((d) => (
                <Table.Tr key={d.id} style={{cursor: 'pointer'}} onClick={() => onPick(d.clientId)} data-testid={`find-${d.number}`}>
                  <Table.Td>{d.number}</Table.Td><Table.Td>{d.clientName}</Table.Td><Table.Td c="dimmed">{date(d.dueDate)}</Table.Td>
                  <Table.Td ta="right" className="num">{money(d.open, d.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed">{t('bank.findHint', {amount: money(line.amount, line.currency)})}</Text>
      </Stack>
    </Modal>
  );
}

/** MatchedList shows the deposits recorded as payments, automatic ones marked, each with its reasons and an undo. */
function MatchedList() {
  const {t} = useTranslation();
  const {money, date, lang} = useApp();
  const nav = useNav();
  const page = useAsync(() => api.bankLines({status: 'matched', limit: 500}), [nav.changed]);
  const runs = useAsync(() => api.reconcileRuns(), [nav.changed]);
  if (!page.data) return <Loading />;
  const lastRun = runs.data?.find((r) => !r.undoneAt && r.live > 0);
  return (
    <Stack gap="xs" style={{flex: 1, minHeight: 0}}>
      {lastRun && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">{t('bank.lastRun', {at: formatDateTime(lastRun.at, lang), n: lastRun.live})}</Text>
          <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} />} data-testid="undo-run"
            onClick={() => api.undoRun(lastRun.id).then((n) => { notifyOK(t('bank.runUndone', {n})); nav.bump(); }, notifyError)}>{t('bank.undoRun')}</Button>
        </Group>
      )}
      {page.data.rows.length === 0 ? <EmptyState title={t('bank.matchedEmpty')} /> : (
        <ScrollArea style={{flex: 1}}>
          <Table fz="sm" data-testid="matched-table">
            <Table.Thead><Table.Tr><Table.Th>{t('payments.date')}</Table.Th><Table.Th>{t('bank.description')}</Table.Th><Table.Th ta="right">{t('payments.amount')}</Table.Th><Table.Th>{t('payments.client')}</Table.Th><Table.Th>{t('bank.why')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {page.data.rows.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td style={{whiteSpace: 'nowrap'}}>{date(l.date)}</Table.Td>
                  <Table.Td>{l.description}</Table.Td>
                  <Table.Td ta="right" className="num" style={{whiteSpace: 'nowrap'}}>{money(l.amount, l.currency)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{l.match?.clientName}</Text>
                    <Text size="xs" c="dimmed">{(l.match?.documents ?? []).join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    {l.match && <Badge size="xs" variant="light" color={l.match.kind === 'auto' ? 'blue' : 'teal'} tt="none">{t(`bank.kind_${l.match.kind}`)}</Badge>}
                    <Text size="xs" c="dimmed" data-testid="matched-reasons">{l.reasons.join(' · ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={t('bank.undoHint')}>
                      <Button size="compact-xs" variant="subtle" data-testid={`undo-match-${l.id}`}
                        onClick={() => l.match && api.undoMatch(l.match.id).then(() => { notifyOK(t('bank.undone')); nav.bump(); }, notifyError)}>{t('bank.undo')}</Button>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Stack>
  );
}

/** OtherList shows what is kept out of the queue: fees, taxes, transfers, money out, and lines set aside. */
function OtherList() {
  const {t} = useTranslation();
  const {money, date} = useApp();
  const nav = useNav();
  const [status, setStatus] = useState<'other' | 'ignored'>('other');
  const page = useAsync(() => api.bankLines({status, limit: 500}), [status, nav.changed]);
  return (
    <Stack gap="xs" style={{flex: 1, minHeight: 0}}>
      <Select w={260} value={status} onChange={(v) => setStatus((v ?? 'other') as any)} allowDeselect={false}
        data={[{value: 'other', label: t('bank.otherClassified')}, {value: 'ignored', label: t('bank.otherIgnored')}]} />
      {!page.data ? <Loading /> : page.data.rows.length === 0 ? <EmptyState title={t('bank.otherEmpty')} /> : (
        <ScrollArea style={{flex: 1}}>
          <Table fz="sm" data-testid="other-table">
            <Table.Tbody>
              {page.data.rows.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td style={{whiteSpace: 'nowrap'}}>{date(l.date)}</Table.Td>
                  <Table.Td>{l.description}</Table.Td>
                  <Table.Td ta="right" className="num" style={{whiteSpace: 'nowrap'}}>{money(l.amount, l.currency)}</Table.Td>
                  <Table.Td><Badge size="sm" variant="light" color="gray" tt="none">{t(`bank.cat_${l.category}`, {defaultValue: l.category})}</Badge></Table.Td>
                  <Table.Td>{status === 'ignored' && <Button size="compact-xs" variant="subtle" onClick={() => api.ignoreLine(l.id, false).then(nav.bump, notifyError)}>{t('bank.unignore')}</Button>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Stack>
  );
}

/** Statements shows the accounts and every statement imported, with its balance check, and undoes an import. */
function Statements() {
  const {t} = useTranslation();
  const {money, date, int, lang} = useApp();
  const nav = useNav();
  const accounts = useAsync(() => api.bankAccounts(), [nav.changed]).data ?? [];
  const imports = useAsync(() => api.bankImports(), [nav.changed]);
  const [editing, setEditing] = useState<Partial<BankAccount> | null>(null);
  return (
    <ScrollArea style={{flex: 1}}>
      <Stack gap="md">
        <Group justify="space-between"><Title order={5}>{t('bank.accounts')}</Title>
          <Button size="xs" variant="default" leftSection={<IconBuildingBank size={14} />} onClick={() => setEditing({})} data-testid="new-account">{t('bank.newAccount')}</Button></Group>
        {accounts.length === 0 ? <Text size="sm" c="dimmed">{t('bank.noAccounts')}</Text> : (
          <Table fz="sm" data-testid="accounts-table">
            <Table.Thead><Table.Tr><Table.Th>{t('bank.bank')}</Table.Th><Table.Th>{t('bank.number')}</Table.Th><Table.Th>{t('bank.lines')}</Table.Th><Table.Th>{t('bank.pending')}</Table.Th><Table.Th>{t('bank.lastDate')}</Table.Th><Table.Th ta="right">{t('bank.lastBalance')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {accounts.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.bank}{a.name ? ` (${a.name})` : ''}</Table.Td><Table.Td>{a.number || '—'} · {a.currency}</Table.Td>
                  <Table.Td>{int(a.lines)}</Table.Td><Table.Td>{int(a.pending)}</Table.Td><Table.Td>{a.lastDate ? date(a.lastDate) : '—'}</Table.Td>
                  <Table.Td ta="right" className="num">{a.lastBalance != null ? money(a.lastBalance, a.currency) : '—'}</Table.Td>
                  <Table.Td><Button size="compact-xs" variant="subtle" onClick={() => setEditing(a)}>{t('common.edit')}</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Title order={5}>{t('bank.imports')}</Title>
        {!imports.data ? <Loading /> : imports.data.length === 0 ? <Text size="sm" c="dimmed">{t('bank.noImports')}</Text> : imports.data.map((r) => (
          <ImportCard key={r.id} r={r} lang={lang} />
        ))}
      </Stack>
      {editing && <AccountForm a={editing} onClose={() => setEditing(null)} />}
    </ScrollArea>
  );
}

function ImportCard({r, lang}: {r: BankImportRecord; lang: string}) {
  const {t} = useTranslation();
  const {int} = useApp();
  const nav = useNav();
  return (
    <Paper withBorder p="sm" data-testid={`bank-import-${r.id}`} style={{opacity: r.undoneAt ? 0.6 : 1}}>
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text fw={600}>{r.fileName}</Text>
          <Text size="xs" c="dimmed">{formatDateTime(r.at, lang)} · {r.user} · {t(`bank.format_${r.format}`, {defaultValue: r.format})}{r.profile ? ` (${r.profile})` : ''} · {t('bank.importCounts', {lines: int(r.lines), new: int(r.new), dup: int(r.lines - r.new)})}</Text>
        </div>
        {r.undoneAt ? <Badge color="gray" variant="outline" tt="none">{t('bank.importUndone')}</Badge> : (
          <Tooltip label={r.matched > 0 ? t('bank.undoImportBlocked', {n: r.matched}) : t('bank.undoImportHint')}>
            <Button size="compact-sm" variant="default" data-testid={`undo-bank-import-${r.id}`}
              onClick={() => api.undoBankImport(r.id).then(() => { notifyOK(t('bank.importUndoneOk')); nav.bump(); }, notifyError)}>{t('bank.undoImport')}</Button>
          </Tooltip>
        )}
      </Group>
      {!r.undoneAt && (r.statements ?? []).map((s, i) => <div key={i} style={{marginTop: 6}}><StatementCheck s={s} /></div>)}
    </Paper>
  );
}

function AccountForm({a, onClose}: {a: Partial<BankAccount>; onClose: () => void}) {
  const {t} = useTranslation();
  const {info} = useApp();
  const nav = useNav();
  const [v, setV] = useState({bank: a.bank ?? '', number: a.number ?? '', name: a.name ?? '', currency: a.currency ?? info.portfolio.currency});
  const [error, setError] = useState<ApiError>();
  const save = () => api.saveBankAccount({...(a as BankAccount), ...v, id: a.id ?? 0} as BankAccount).then(() => { nav.bump(); onClose(); }, setError);
  return (
    <Modal opened onClose={onClose} title={a.id ? t('bank.editAccount') : t('bank.newAccount')}>
      <Stack>
        <TextInput label={t('bank.bank')} withAsterisk value={v.bank} onChange={(e) => setV({...v, bank: e.currentTarget.value})} error={error?.field('bank')} data-autofocus data-testid="account-bank" />
        <TextInput label={t('bank.number')} withAsterisk value={v.number} onChange={(e) => setV({...v, number: e.currentTarget.value})} error={error?.field('number')} data-testid="account-number" />
        <TextInput label={t('bank.accountName')} value={v.name} onChange={(e) => setV({...v, name: e.currentTarget.value})} />
        <TextInput label={t('newPortfolio.currency')} value={v.currency} onChange={(e) => setV({...v, currency: e.currentTarget.value.toUpperCase()})} maxLength={3} w={120} />
        {error && !error.issues.length && <Alert color="red" variant="light">{error.message}</Alert>}
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>{t('common.cancel')}</Button><Button onClick={save} data-testid="account-save">{t('common.save')}</Button></Group>
      </Stack>
    </Modal>
  );
}

/** Rules lists the rules that classify lines and recognise payers; each can be changed or deleted. */
function Rules() {
  const {t} = useTranslation();
  const nav = useNav();
  const rules = useAsync(() => api.bankRules(), [nav.changed]);
  const [editing, setEditing] = useState<Partial<BankRule> | null>(null);
  const kinds = useMemo(() => ['client', 'fee', 'tax', 'transfer', 'outgoing', 'ignore'].map((k) => ({value: k, label: t(`bank.rule_${k}`)})), [t]);
  if (!rules.data) return <Loading />;
  return (
    <ScrollArea style={{flex: 1}}>
      <Stack gap="xs">
        <Group justify="space-between"><Text size="sm" c="dimmed">{t('bank.rulesHint')}</Text><Button size="xs" variant="default" onClick={() => setEditing({kind: 'client'})} data-testid="new-rule">{t('bank.newRule')}</Button></Group>
        <Table fz="sm" data-testid="rules-table">
          <Table.Thead><Table.Tr><Table.Th>{t('bank.ruleKind')}</Table.Th><Table.Th>{t('bank.rulePattern')}</Table.Th><Table.Th>{t('payments.client')}</Table.Th><Table.Th>{t('bank.ruleUses')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {rules.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{t(`bank.rule_${r.kind}`)}</Table.Td><Table.Td>{r.pattern}{r.note ? <Text span size="xs" c="dimmed"> · {r.note}</Text> : null}</Table.Td>
                <Table.Td>{r.clientName}</Table.Td><Table.Td>{r.uses}</Table.Td>
                <Table.Td style={{whiteSpace: 'nowrap'}}>
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(r)}>{t('common.edit')}</Button>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => api.deleteRule(r.id).then(nav.bump, notifyError)} data-testid={`delete-rule-${r.id}`}>{t('common.remove')}</Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {editing && <RuleForm r={editing} kinds={kinds} onClose={() => setEditing(null)} />}
    </ScrollArea>
  );
}

function RuleForm({r, kinds, onClose}: {r: Partial<BankRule>; kinds: {value: string; label: string}[]; onClose: () => void}) {
  const {t} = useTranslation();
  const nav = useNav();
  const [v, setV] = useState({kind: r.kind ?? 'client', pattern: r.pattern ?? '', clientId: r.clientId || null as number | null, note: r.note ?? ''});
  const [error, setError] = useState<ApiError>();
  const save = () => api.saveRule({id: r.id ?? 0, kind: v.kind, pattern: v.pattern, clientId: v.clientId ?? 0, note: v.note} as any).then(() => { nav.bump(); onClose(); }, setError);
  return (
    <Modal opened onClose={onClose} title={r.id ? t('bank.editRule') : t('bank.newRule')}>
      <Stack>
        <Select label={t('bank.ruleKind')} data={kinds} value={v.kind} onChange={(k) => setV({...v, kind: k ?? 'client'})} allowDeselect={false} error={error?.field('kind')} />
        <TextInput label={t('bank.rulePattern')} description={t('bank.rulePatternHint')} withAsterisk value={v.pattern} onChange={(e) => setV({...v, pattern: e.currentTarget.value})} error={error?.field('pattern')} data-autofocus data-testid="rule-pattern" />
        {v.kind === 'client' && <ClientPicker value={v.clientId} onChange={(id) => setV({...v, clientId: id})} label={t('payments.client')} error={error?.field('clientId')} />}
        <TextInput label={t('bank.ruleNote')} value={v.note} onChange={(e) => setV({...v, note: e.currentTarget.value})} />
        {error && !error.issues.length && <Alert color="red" variant="light">{error.message}</Alert>}
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>{t('common.cancel')}</Button><Button onClick={save} data-testid="rule-save">{t('common.save')}</Button></Group>
      </Stack>
    </Modal>
  );
}

