import {useState} from 'react';
import {Button, Group, Modal, ScrollArea, Table, Text, Title} from '@mantine/core';
import {useTranslation} from 'react-i18next';
import {api, Backup, PortfolioInfo} from '../api';
import {formatDateTime} from '../format';
import {EmptyState, Loading} from '../components/common';
import {notifyError, notifyOK, useApp, useAsync} from '../state';

export function BackupsScreen({onInfo}: {onInfo: (i: PortfolioInfo) => void}) {
  const {t} = useTranslation();
  const {lang, info} = useApp();
  const list = useAsync(() => api.backups(), []);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<Backup>();
  const now = () => {
    setBusy(true);
    api.backupNow().then(() => { notifyOK(t('backups.done')); list.reload(); }, notifyError).finally(() => setBusy(false));
  };
  const restore = (b: Backup) => api.restore(b.path).then((i) => { notifyOK(t('backups.restored')); onInfo(i); }, notifyError);
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Title order={3}>{t('backups.title')}</Title>
        <Button onClick={now} loading={busy}>{t('backups.now')}</Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">{t('backups.hint')} {t('settings.file')}: {info.path}</Text>
      {list.loading && !list.data ? <Loading /> : list.error ? <Text c="red">{list.error.message}</Text> : (list.data ?? []).length === 0 ? (
        <EmptyState title={t('backups.empty')} />
      ) : (
        <ScrollArea style={{flex: 1}}>
          <Table striped>
            <Table.Thead><Table.Tr><Table.Th>{t('backups.at')}</Table.Th><Table.Th ta="right">{t('backups.size')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {(list.data ?? []).map((b) => (
                <Table.Tr key={b.path}>
                  <Table.Td>{formatDateTime(b.at, lang)}</Table.Td>
                  <Table.Td ta="right">{(b.bytes / 1048576).toFixed(1)} MB</Table.Td>
                  <Table.Td ta="right"><Button size="xs" variant="light" onClick={() => setConfirm(b)}>{t('backups.restore')}</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      <Modal opened={!!confirm} onClose={() => setConfirm(undefined)} title={t('backups.restore')}>
        <Text mb="md">{confirm && t('backups.confirm', {at: formatDateTime(confirm.at, lang)})}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirm(undefined)}>{t('common.cancel')}</Button>
          <Button color="orange" onClick={() => confirm && restore(confirm)}>{t('backups.restore')}</Button>
        </Group>
      </Modal>
    </>
  );
}
