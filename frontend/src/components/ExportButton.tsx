import {useEffect, useState} from 'react';
import {Button, Group, Stack, Text} from '@mantine/core';
import {notifications} from '@mantine/notifications';
import {IconFileSpreadsheet} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api, events} from '../api';
import {notifyError, useApp} from '../state';

/** ExportButton asks where to save a list as Excel or CSV and exports it in the background, showing progress. */
export function ExportButton({list, clientId, label, size}: {list: 'clients' | 'invoices' | 'payments' | 'ledger'; clientId?: number; label?: string; size?: string}) {
  const {t} = useTranslation();
  const {int} = useApp();
  const [job, setJob] = useState<string>();
  useEffect(() => {
    if (!job) return;
    const off1 = events.onJobProgress((p) => {
      if (p.id === job) notifications.update({id: job, loading: true, message: t('export.working', {n: int(p.done)}), autoClose: false});
    });
    const off2 = events.onJobDone((d) => {
      if (d.id !== job) return;
      setJob(undefined);
      if (d.ok) notifications.update({id: job, loading: false, color: 'teal', withCloseButton: true, autoClose: 15000,
        message: <Written path={d.result.path} text={t('export.done', {n: int(d.result.rows), path: d.result.path})} />});
      else notifications.update({id: job, loading: false, withCloseButton: true, color: d.error?.code === 'canceled' ? 'gray' : 'red',
        message: d.error?.code === 'canceled' ? t('export.canceled') : d.error?.message ?? '', autoClose: 8000});
    });
    return () => { off1(); off2(); };
  }, [job]);
  const start = async () => {
    try {
      const path = list === 'ledger' ? await api.chooseLedgerFile(clientId!) : await api.chooseExportFile(list);
      if (!path) return;
      const id = list === 'ledger' ? await api.startLedgerExport(clientId!, path) : await api.startExport(list, path);
      notifications.show({id, loading: true, message: t('export.working', {n: 0}), autoClose: false, withCloseButton: false});
      setJob(id);
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Button variant="default" size={size} leftSection={<IconFileSpreadsheet size={16} />} onClick={start} loading={!!job} data-testid={`export-${list}`}>
      {label ?? t('export.button')}
    </Button>
  );
}

/** Written says where a file went and offers to open it or show it in its folder. */
function Written({path, text}: {path: string; text: string}) {
  const {t} = useTranslation();
  return (
    <Stack gap={6} data-testid="export-done">
      <Text size="sm" style={{wordBreak: 'break-all'}}>{text}</Text>
      <Group gap="xs">
        <Button size="compact-sm" variant="light" onClick={() => api.openFile(path).catch(notifyError)} data-testid="export-open">{t('export.open')}</Button>
        <Button size="compact-sm" variant="default" onClick={() => api.revealFile(path).catch(notifyError)} data-testid="export-reveal">{t('export.reveal')}</Button>
      </Group>
    </Stack>
  );
}
