import {ReactNode, useCallback, useEffect, useRef, useState} from 'react';
import {Button, Group, Modal, Text} from '@mantine/core';
import {useTranslation} from 'react-i18next';

/** What a form needs to ask before its changes are thrown away. */
export interface DiscardGuard {
  /** dirty is true once the user has typed, ticked or chosen anything in the form. */
  dirty: boolean;
  /** markDirty records a change the DOM does not announce (a value set from a dropdown). */
  markDirty: () => void;
  /** requestClose closes at once when nothing changed, and asks first otherwise: give it to Modal's onClose and the Cancel button. */
  requestClose: () => void;
  /** formProps go on the <form>: any typing or ticking inside it marks the form dirty. */
  formProps: {onInputCapture: () => void; onChangeCapture: () => void};
  /** confirm is the question itself; render it beside the form's modal. */
  confirm: ReactNode;
}

/** The forms now open with unsaved changes (one key per form). */
const unsaved = new Set<object>();

/** hasUnsavedForm tells whether an open form has changes that opening another portfolio would throw away. */
export function hasUnsavedForm(): boolean {
  return unsaved.size > 0;
}

/** useUnsavedWork counts the calling component as unsaved work while active is true (a wizard half done, a form changed). */
export function useUnsavedWork(active: boolean) {
  const key = useRef({}).current;
  useEffect(() => {
    if (!active) return;
    unsaved.add(key);
    return () => { unsaved.delete(key); };
  }, [active, key]);
}

/**
 * useDiscardGuard keeps a filled-in form from being lost to Esc, a click
 * outside or Cancel: with changes, it asks "¿Descartar los cambios?" and only
 * an explicit answer closes the form.
 */
export function useDiscardGuard(onClose: () => void): DiscardGuard {
  const {t} = useTranslation();
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState(false);
  const markDirty = useCallback(() => setDirty(true), []);
  useUnsavedWork(dirty);
  const close = () => { setDirty(false); setAsking(false); onClose(); };
  const requestClose = () => (dirty ? setAsking(true) : close());
  const confirm = (
    <Modal opened={asking} onClose={() => setAsking(false)} title={t('discard.title')} size="sm" centered zIndex={400} data-testid="discard-confirm">
      <Text size="sm">{t('discard.body')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => setAsking(false)} data-autofocus data-testid="discard-keep">{t('discard.keep')}</Button>
        <Button color="red" onClick={close} data-testid="discard-yes">{t('discard.yes')}</Button>
      </Group>
    </Modal>
  );
  return {dirty, markDirty, requestClose, formProps: {onInputCapture: markDirty, onChangeCapture: markDirty}, confirm};
}
