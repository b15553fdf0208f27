import {useEffect, useMemo, useState} from 'react';
import {Button, Group, Modal, ScrollArea, SegmentedControl, Select, Stack, Table, Text, TextInput, Title} from '@mantine/core';
import {IconArrowBackUp} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api, AuditFilter, capitalize, HistoryEntry, ImportRecord, toApiError} from '../api';
import {formatDateTime} from '../format';
import {actionText, changeText, Formatters, recordText} from '../history';
import {EmptyState, Loading} from '../components/common';
import {notifyError, notifyOK, useApp, useAsync} from '../state';
import {useNav} from './Workspace';

const pageSize = 100;
const historyKinds = ['clients', 'documents', 'payments', 'imports', 'portfolio'];

/**
 * HistoryTable lists changes newest first, as a user reads them: the record by
 * what they know it as, each change "Plazo: 30 → 45 días". For one record
 * (entity and id), a client with its documents and payments (clientId), or
 * the whole portfolio with filters by kind and dates.
 */
export function HistoryTable({entity = '', id = 0, clientId = 0}: {entity?: string; id?: number; clientId?: number}) {
  const {t} = useTranslation();
  const app = useApp();
  const nav = useNav();
  const whole = entity === '' && !clientId;
  const [kind, setKind] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter: Partial<AuditFilter> = useMemo(
    () => (whole ? {kinds: kind ? [kind] : [], from, to} : clientId ? {clientId} : {entity, entityId: id}),
    [whole, kind, from, to, entity, id, clientId],
  );
  const first = useAsync(() => api.history({...filter, offset: 0, limit: pageSize}), [JSON.stringify(filter), nav.changed]);
  const [older, setOlder] = useState<HistoryEntry[]>([]);
  const [more, setMore] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => {
    setOlder([]);
    setMore(!!first.data?.more);
  }, [first.data]);
  const rows = [...(first.data?.rows ?? []), ...older];
  const loadMore = async () => {
    setLoadingMore(true);
    try {
      const page = await api.history({...filter, offset: rows.length, limit: pageSize});
      setOlder((o) => [...o, ...page.rows]);
      setMore(page.more);
    } catch (e) {
      notifyError(e);
    } finally {
      setLoadingMore(false);
    }
  };
  const f: Formatters = {lang: app.lang, country: app.country, money: app.money, date: app.date, int: app.int, dateTime: (ts) => formatDateTime(ts, app.lang)};
  const filters = whole && (
    <Group mb="sm" align="flex-end" data-testid="history-filters">
      <Select label={t('history.kinds')} placeholder={t('history.allKinds')} clearable value={kind} onChange={setKind} w={220}
        data={historyKinds.map((k) => ({value: k, label: t(`historyKind.${k}`)}))} data-testid="history-kind" />
      <TextInput type="date" label={t('history.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={170} data-testid="history-from" />
      <TextInput type="date" label={t('history.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={170} data-testid="history-to" />
    </Group>
  );
  let body;
  if (first.loading && !first.data) body = <Loading />;
  else if (first.error) body = <Text c="red">{first.error.message}</Text>;
  else if (rows.length === 0) body = <EmptyState title={whole && (kind || from || to) ? t('history.noMatch') : t('history.empty')} />;
  else body = (
    <>
      <Table striped highlightOnHover stickyHeader data-testid="history-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t('history.when')}</Table.Th>
            <Table.Th w={110}>{t('history.user')}</Table.Th>
            <Table.Th w={160}>{t('history.action')}</Table.Th>
            <Table.Th>{t('history.record')}</Table.Th>
            <Table.Th>{t('history.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td><Text size="sm" style={{whiteSpace: 'nowrap'}}>{formatDateTime(e.at, app.lang)}</Text></Table.Td>
              <Table.Td><Text size="sm">{e.user}</Text></Table.Td>
              <Table.Td><Text size="sm">{actionText(e.action, t)}</Text></Table.Td>
              <Table.Td><Text size="sm">{recordText(e, t, f)}</Text></Table.Td>
              <Table.Td>
                {e.changes && e.changes.length > 0
                  ? <Stack gap={0}>{e.changes.map((c) => <Text key={c.field} size="sm">{changeText(c, t, f)}</Text>)}</Stack>
                  : <Text size="sm" c="dimmed">—</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {more && (
        <Group justify="center" my="sm">
          <Button variant="default" loading={loadingMore} onClick={loadMore} data-testid="history-more">{t('history.more')}</Button>
        </Group>
      )}
    </>
  );
  return <>{filters}{body}</>;
}

export function HistoryScreen() {
  const {t} = useTranslation();
  const [tab, setTab] = useState('changes');
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t('history.title')}</Title>
        <SegmentedControl value={tab} onChange={setTab} data={[{value: 'changes', label: t('imports.changes')}, {value: 'imports', label: t('imports.tab')}]} data-testid="history-tab" />
      </Group>
      <ScrollArea style={{flex: 1}}>{tab === 'changes' ? <HistoryTable /> : <ImportsTable />}</ScrollArea>
    </>
  );
}

/** ImportsTable lists the imports, newest first, each with its undo. */
export function ImportsTable() {
  const {t} = useTranslation();
  const {lang, int} = useApp();
  const nav = useNav();
  const list = useAsync(() => api.imports(), [nav.changed]);
  const [confirm, setConfirm] = useState<ImportRecord>();
  const [busy, setBusy] = useState(false);
  const [blocked, setBlocked] = useState<string[]>();
  if (list.loading && !list.data) return <Loading />;
  if (list.error) return <Text c="red">{list.error.message}</Text>;
  if (!list.data || list.data.length === 0) return <EmptyState title={t('imports.empty')} hint={t('imports.emptyHint')} />;
  const undo = async (r: ImportRecord) => {
    setBusy(true);
    try {
      await api.undoImport(r.id);
      setConfirm(undefined);
      notifyOK(t('imports.undoneOK'));
      nav.bump();
    } catch (e) {
      const err = toApiError(e);
      if (err.issues.length > 0) setBlocked(err.issues.map((i) => capitalize(i.message)!));
      else notifyError(err);
      setConfirm(undefined);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Table striped highlightOnHover stickyHeader data-testid="imports-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.when')}</Table.Th><Table.Th>{t('imports.user')}</Table.Th><Table.Th>{t('imports.what')}</Table.Th>
            <Table.Th>{t('imports.file')}</Table.Th><Table.Th>{t('imports.counts')}</Table.Th><Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.map((r) => (
            <Table.Tr key={r.id} style={r.undoneAt ? {opacity: 0.55} : undefined}>
              <Table.Td><Text size="sm" style={{whiteSpace: 'nowrap'}}>{formatDateTime(r.at, lang)}</Text></Table.Td>
              <Table.Td><Text size="sm">{r.user}</Text></Table.Td>
              <Table.Td><Text size="sm">{t(`import.target.${r.target}`)}</Text></Table.Td>
              <Table.Td><Text size="sm" fw={500}>{r.fileName}</Text><Text size="xs" c="dimmed" title={r.fileHash}>SHA-256 {r.fileHash.slice(0, 12)}… · {r.fileSize < 1024 ? `${int(r.fileSize)} B` : `${int(Math.round(r.fileSize / 1024))} KB`}</Text></Table.Td>
              <Table.Td><Text size="sm">{t('imports.countsText', {created: int(r.counts.created), unchanged: int(r.counts.unchanged), updated: int(r.counts.updated), skipped: int(r.counts.skipped)})}</Text></Table.Td>
              <Table.Td>
                {r.undoneAt ? <Text size="xs" c="dimmed">{t('imports.undone', {when: formatDateTime(r.undoneAt, lang)})}</Text>
                  : <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} />} onClick={() => setConfirm(r)} data-testid={`undo-import-${r.id}`}>{t('imports.undo')}</Button>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={!!confirm} onClose={() => setConfirm(undefined)} title={t('imports.undo')} centered>
        {confirm && <Text size="sm">{t('imports.confirm', {file: confirm.fileName, created: int(confirm.counts.created)})}</Text>}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirm(undefined)}>{t('common.cancel')}</Button>
          <Button color="red" loading={busy} onClick={() => confirm && undo(confirm)} data-testid="undo-confirm">{t('imports.undo')}</Button>
        </Group>
      </Modal>
      <Modal opened={!!blocked} onClose={() => setBlocked(undefined)} title={t('imports.blocked')} centered size="lg">
        <Stack gap={4} data-testid="undo-blocked">{blocked?.map((m, i) => <Text key={i} size="sm">• {m}</Text>)}</Stack>
        <Group justify="flex-end" mt="md"><Button onClick={() => setBlocked(undefined)}>{t('common.close')}</Button></Group>
      </Modal>
    </>
  );
}
