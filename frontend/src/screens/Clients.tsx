import {useRef, useState} from 'react';
import {Badge, Button, Checkbox, Group, SegmentedControl, Text, TextInput} from '@mantine/core';
import {IconPlus, IconSearch} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api, ClientFilter, ClientRow} from '../api';
import {formatTaxId} from '../format';
import {Column, Sort, VirtualTable} from '../components/VirtualTable';
import {Amount, EmptyState} from '../components/common';
import {ListHeader} from '../components/ListHeader';
import {ExportButton} from '../components/ExportButton';
import {ImportButton} from '../components/ImportButton';
import {useApp, useDebounced} from '../state';
import {useNav} from './Workspace';

export function ClientsScreen() {
  const {t} = useTranslation();
  const {money, today, int} = useApp();
  const nav = useNav();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 200);
  const [archived, setArchived] = useState('active');
  const [overdue, setOverdue] = useState(false);
  const [sort, setSort] = useState<Sort>({key: 'name', desc: false});
  const [counted, setCounted] = useState<{key: string; n: number}>();
  const searchRef = useRef<HTMLInputElement>(null);

  const columns: Column<ClientRow>[] = [
    {key: 'name', label: t('clients.name'), width: 'minmax(220px, 3fr)', sortable: true, render: (r) => (
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={500} truncate>{r.legalName}</Text>
        {r.archived && <Badge size="xs" color="gray">{t('clients.archivedBadge')}</Badge>}
      </Group>
    )},
    {key: 'taxId', label: t('clients.taxId'), width: 140, minWidth: 120, sortable: true, render: (r) => (
      <Text size="sm" c={r.taxIdStatus === 'invalid' ? 'red' : r.taxIdStatus === 'warning' ? 'orange' : undefined}>{formatTaxId(r.country, r.taxId)}</Text>
    )},
    {key: 'segment', label: t('clients.segment'), width: 'minmax(100px, 1fr)', priority: 3, sortable: true, render: (r) => r.segment},
    {key: 'balance', label: t('clients.balance'), width: 170, minWidth: 130, align: 'right', sortable: true, render: (r) => r.balance < 0 ? (
      <Group gap={6} justify="flex-end" wrap="nowrap" title={t('clients.inCreditHint')}>
        <Text size="xs" c="teal.7">{t('clients.inCredit')}</Text>
        <Text size="sm" component="div" c="teal.8" data-testid="client-row-balance"><Amount text={money(r.balance)} /></Text>
      </Group>
    ) : <Text size="sm" component="div" data-testid="client-row-balance"><Amount text={money(r.balance)} /></Text>},
    {key: 'overdue', label: t('clients.overdue'), width: 150, minWidth: 120, align: 'right', sortable: true, render: (r) => (
      <Text size="sm" component="div" c={r.overdue > 0 ? 'red.7' : 'dimmed'}><Amount text={money(r.overdue)} /></Text>
    )},
  ];
  const resetKey = JSON.stringify([q, archived, overdue, sort, nav.changed]);
  const filtered = q !== '' || overdue || archived !== 'active';
  // The list and its export select the same rows with the same filter.
  const filter: Partial<ClientFilter> = {search: q, archived, overdue, sort: sort.key, desc: sort.desc, today};
  const total = counted?.key === resetKey ? counted.n : undefined;

  return (
    <>
      <ListHeader title={t('clients.title')} count={total === undefined ? undefined : t('clients.count', {count: total, n: int(total)})} newLabel={t('clients.new')} onNew={nav.newClient} testId="new-client" extra={<><ImportButton target="clients" /><ExportButton list="clients" what={{list: 'clients', filter}} count={total} /></>} />
      <Group mb="sm" gap="sm">
        <TextInput ref={searchRef} leftSection={<IconSearch size={16} />} placeholder={t('clients.searchPh')} value={search}
          onChange={(e) => setSearch(e.currentTarget.value)} style={{flex: 1, maxWidth: 420}} data-testid="client-search"
          onKeyDown={(e) => e.key === 'Escape' && (setSearch(''), e.currentTarget.blur())} />
        <SegmentedControl size="sm" value={archived} onChange={setArchived}
          data={[{value: 'active', label: t('clients.active')}, {value: 'archived', label: t('clients.archived')}, {value: 'all', label: t('common.all')}]} />
        <Checkbox label={t('clients.onlyOverdue')} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} />
      </Group>
      <VirtualTable<ClientRow>
        columns={columns}
        resetKey={resetKey}
        sort={sort}
        onSort={setSort}
        onTotal={(n) => setCounted({key: resetKey, n})}
        testId="clients-table"
        searchRef={searchRef}
        fetchPage={(offset, limit) => api.clients({...filter, offset, limit})}
        onRowClick={(r) => nav.openClient(r.id)}
        empty={filtered ? <EmptyState title={t('clients.noMatch')} /> : (
          <EmptyState title={t('clients.empty')} hint={t('clients.emptyHint')}
            action={<Group gap="xs" mt="sm" justify="center"><Button leftSection={<IconPlus size={16} />} onClick={nav.newClient}>{t('clients.new')}</Button><ImportButton target="clients" /></Group>} />
        )}
      />
    </>
  );
}
