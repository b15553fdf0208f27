import {useEffect, useRef} from 'react';
import {Button, Group, Stack, Text} from '@mantine/core';
import {notifications} from '@mantine/notifications';
import {IconFileSpreadsheet} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api} from '../api';
import {useJob} from './useJob';
import {notifyError, useApp} from '../state';

/** ExportButton asks where to save a list as Excel or CSV and exports it in the background, showing progress. */
export function ExportButton({list, clientId, label, size}: {list: 'clients' | 'invoices' | 'payments' | 'ledger'; clientId?: number; label?: string; size?: string}) {
  const {t} = useTranslation();
  const {int} = useApp();
  // The toast's id: the job's own id is known only once the call returns.
  const toast = useRef('');
  const job = useJob((ok, result, error) => {
    if (ok) notifications.update({id: toast.current, loading: false, color: 'teal', withCloseButton: true, autoClose: 15000,
      message: <Written path={result.path} text={t('export.done', {n: int(result.rows), path: result.path})} />});
    else notifications.update({id: toast.current, loading: false, withCloseButton: true, color: error?.code === 'canceled' ? 'gray' : 'red',
      message: error?.code === 'canceled' ? t('export.canceled') : error?.message ?? '', autoClose: 8000});
  });
  useEffect(() => {
    if (job.running) notifications.update({id: toast.current, loading: true, message: t('export.working', {n: int(job.done)}), autoClose: false});
  }, [job.done]);
  const start = async () => {
    try {
      const path = list === 'ledger' ? await api.chooseLedgerFile(clientId!) : await api.chooseExportFile(list);
      if (!path) return;
      toast.current = `export-${Date.now()}`;
      notifications.show({id: toast.current, loading: true, message: t('export.working', {n: 0}), autoClose: false, withCloseButton: false});
      job.start(list === 'ledger' ? api.startLedgerExport(clientId!, path) : api.startExport(list, path));
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Button variant="default" size={size} leftSection={<IconFileSpreadsheet size={16} />} onClick={start} loading={job.running} data-testid={`export-${list}`}>
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
