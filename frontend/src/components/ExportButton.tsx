import {useEffect, useState} from 'react';
import {Button, Group, Modal, Stack, Text} from '@mantine/core';
import {notifications} from '@mantine/notifications';
import {IconFileSpreadsheet} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api, events} from '../api';
import {ExportFilter, exportSummary, narrowed} from '../exportSummary';
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
  const [job, setJob] = useState<string>();
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (!job) return;
    const off1 = events.onJobProgress((p) => {
      if (p.id === job) notifications.update({id: job, loading: true, message: t('export.working', {n: int(p.done)}), autoClose: false});
    });
    const off2 = events.onJobDone((d) => {
      if (d.id !== job) return;
      setJob(undefined);
      if (d.ok) notifications.update({id: job, loading: false, color: 'teal', message: t('export.done', {n: int(d.result.rows), path: d.result.path}), autoClose: 8000});
      else notifications.update({id: job, loading: false, color: d.error?.code === 'canceled' ? 'gray' : 'red',
        message: d.error?.code === 'canceled' ? t('export.canceled') : d.error?.message ?? '', autoClose: 8000});
    });
    return () => { off1(); off2(); };
  }, [job]);
  const start = async () => {
    setAsking(false);
    try {
      const path = list === 'ledger' ? await api.chooseLedgerFile(clientId!) : await api.chooseExportFile(list);
      if (!path) return;
      const id = list === 'ledger' ? await api.startLedgerExport(clientId!, path) : await api.startExport(what!, path);
      notifications.show({id, loading: true, message: t('export.working', {n: 0}), autoClose: false, withCloseButton: false});
      setJob(id);
    } catch (e) {
      notifyError(e);
    }
  };
  const n = count ?? 0;
  return (
    <>
      <Button variant="default" size={size} leftSection={<IconFileSpreadsheet size={16} />} onClick={() => (what ? setAsking(true) : start())}
        loading={!!job} disabled={!!what && count === undefined} data-testid={`export-${list}`}>
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
