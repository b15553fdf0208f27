import {Code, Group, HoverCard, ScrollArea, Table, Text, Title} from '@mantine/core';
import {useTranslation} from 'react-i18next';
import {api, AuditEntry} from '../api';
import {formatDateTime} from '../format';
import {EmptyState, Loading} from '../components/common';
import {useApp, useAsync} from '../state';
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
              <Table.Td><Text size="sm">{formatDateTime(e.at, lang)}</Text></Table.Td>
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
  return (
    <>
      <Title order={3} mb="sm">{t('history.title')}</Title>
      <ScrollArea style={{flex: 1}}><HistoryTable entity="" id={0} /></ScrollArea>
    </>
  );
}
