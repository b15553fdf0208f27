import {useEffect, useState} from 'react';
import {Button, Group, Modal, Text} from '@mantine/core';
import {useTranslation} from 'react-i18next';
import {api, events} from '../api';
import {notifyError} from '../state';
import {hasUnsavedForm} from './DiscardGuard';

/** baseName is a path's last part, either separator. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/**
 * OpenFileRequests opens the portfolio files handed to Cartera from outside:
 * the one it was started with (a double-click), and those a second launch
 * passes to this window. With a form's changes unsaved, it asks first.
 */
export function OpenFileRequests() {
  const {t} = useTranslation();
  const [asking, setAsking] = useState<string>();
  useEffect(() => {
    const off = events.onOpenFile((path) => (hasUnsavedForm() ? setAsking(path) : open(path)));
    api.pendingFile().then((path) => path && open(path), notifyError);
    return off;
  }, []);
  const confirm = () => {
    if (asking) open(asking);
    setAsking(undefined);
  };
  return (
    <Modal opened={!!asking} onClose={() => setAsking(undefined)} title={t('openFile.title')} size="md" centered zIndex={500} data-testid="open-file-confirm">
      <Text size="sm">{t('openFile.body', {file: baseName(asking ?? '')})}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => setAsking(undefined)} data-autofocus data-testid="open-file-keep">{t('openFile.keep')}</Button>
        <Button color="red" onClick={confirm} data-testid="open-file-yes">{t('openFile.open')}</Button>
      </Group>
    </Modal>
  );
}

function open(path: string) {
  api.openPortfolio(path).catch((e) => notifyError(e));
}
