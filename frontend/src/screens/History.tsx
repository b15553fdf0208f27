import {useState} from 'react';
import {Button, Code, Group, HoverCard, Modal, ScrollArea, SegmentedControl, Stack, Table, Text, Title} from '@mantine/core';
import {IconArrowBackUp} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api, AuditEntry, capitalize, ImportRecord, toApiError} from '../api';
import {formatDateTime} from '../format';
import {EmptyState, Loading} from '../components/common';
import {notifyError, notifyOK, useApp, useAsync} from '../state';
import {useNav} from './Workspace';

/** changes lists the fields that differ between two JSON records. */
function changes(before: string, after: string): string[] {
  try {
    const b = before ? JSON.parse(before) : {};
    const a = after ? JSON.parse(after) : {};
    const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
    return [...keys].filter((k) => !['updatedAt', 'createdAt'].includes(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  } catch {
    return [];
  }
}

export function HistoryTable({entity, id}: {entity: string; id: number}) {
  const {t} = useTranslation();
  const {lang} = useApp();
  const nav = useNav();
  const h = useAsync(() => api.history(entity, id, 300), [entity, id, nav.changed]);
  if (h.loading && !h.data) return <Loading />;
  if (h.error) return <Text c="red">{h.error.message}</Text>;
  if (!h.data || h.data.length === 0) return <EmptyState title={t('history.empty')} />;
  return (
    <Table striped highlightOnHover stickyHeader data-testid="history-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('history.when')}</Table.Th>
          <Table.Th>{t('history.user')}</Table.Th>
          <Table.Th>{t('history.action')}</Table.Th>
          <Table.Th>{t('history.record')}</Table.Th>
          <Table.Th>{t('history.detail')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {h.data.map((e: AuditEntry) => {
          const fields = changes(e.before, e.after);
          return (
            <Table.Tr key={e.id}>
              <Table.Td><Text size="sm" style={{whiteSpace: 'nowrap'}}>{formatDateTime(e.at, lang)}</Text></Table.Td>
              <Table.Td><Text size="sm">{e.user}</Text></Table.Td>
              <Table.Td><Text size="sm">{t(`action.${e.action}`, {defaultValue: e.action})}</Text></Table.Td>
              <Table.Td><Text size="sm">{t(`entity.${e.entity}`, {defaultValue: e.entity})} #{e.entityId}</Text></Table.Td>
              <Table.Td>
                <HoverCard width={520} shadow="md" withinPortal>
                  <HoverCard.Target>
                    <Text size="sm" c="dimmed" style={{cursor: 'help'}} truncate maw={360}>{fields.join(', ') || '—'}</Text>
                  </HoverCard.Target>
                  <HoverCard.Dropdown>
                    <Group align="flex-start" grow wrap="nowrap">
                      <div><Text size="xs" fw={600}>{t('history.before')}</Text><Code block style={{maxHeight: 300, overflow: 'auto', fontSize: 11}}>{pretty(e.before)}</Code></div>
                      <div><Text size="xs" fw={600}>{t('history.after')}</Text><Code block style={{maxHeight: 300, overflow: 'auto', fontSize: 11}}>{pretty(e.after)}</Code></div>
                    </Group>
                  </HoverCard.Dropdown>
                </HoverCard>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function pretty(s: string): string {
  if (!s) return '—';
  try {
    return JSON.stringify(JSON.parse(s), null, 2);
  } catch {
    return s;
  }
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
      <ScrollArea style={{flex: 1}}>{tab === 'changes' ? <HistoryTable entity="" id={0} /> : <ImportsTable />}</ScrollArea>
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
