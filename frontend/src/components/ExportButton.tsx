import {useEffect, useRef, useState} from 'react';
import {Button, Group, Modal, Stack, Text} from '@mantine/core';
import {notifications} from '@mantine/notifications';
import {IconFileSpreadsheet} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api} from '../api';
import {ExportFilter, exportSummary, narrowed} from '../exportSummary';
import {useJob} from './useJob';
import {notifyError, useApp} from '../state';

/**
 * ExportButton exports a list as Excel or CSV in the background, showing
 * progress. For a list (what) it first says what will be written, the rows
 * the list shows for its filter with their count (count), and only then asks
 * where to save; a client's ledger (list="ledger") goes straight to the save dialog.
 */
export function ExportButton({list, what, count, clientId, label, size}: {list: 'clients' | 'invoices' | 'payments' | 'ledger'; what?: ExportFilter; count?: number; clientId?: number; label?: string; size?: string}) {
  const {t} = useTranslation();
  const {int} = useApp();
  const [asking, setAsking] = useState(false);
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
    setAsking(false);
    try {
      const path = list === 'ledger' ? await api.chooseLedgerFile(clientId!) : await api.chooseExportFile(list);
      if (!path) return;
      toast.current = `export-${Date.now()}`;
      notifications.show({id: toast.current, loading: true, message: t('export.working', {n: 0}), autoClose: false, withCloseButton: false});
      job.start(list === 'ledger' ? api.startLedgerExport(clientId!, path) : api.startExport(what!, path));
    } catch (e) {
      notifyError(e);
    }
  };
  const n = count ?? 0;
  return (
    <>
      <Button variant="default" size={size} leftSection={<IconFileSpreadsheet size={16} />} onClick={() => (what ? setAsking(true) : start())}
        loading={job.running} disabled={!!what && count === undefined} data-testid={`export-${list}`}>
        {label ?? t('export.button')}
      </Button>
      {asking && what && (
        <Modal opened onClose={() => setAsking(false)} title={t('exportDialog.title')} data-testid="export-dialog">
          <Stack gap="sm">
            <Text fw={600} data-testid="export-summary">{exportSummary(t, what, n, int)}</Text>
            <Text size="sm" c="dimmed">{n === 0 ? t('exportDialog.empty') : narrowed(what) ? t('exportDialog.narrowed') : t('exportDialog.asShown')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(false)}>{t('common.cancel')}</Button>
              <Button onClick={start} disabled={n === 0} data-testid="export-choose" data-autofocus>{t('exportDialog.choose')}</Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
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
