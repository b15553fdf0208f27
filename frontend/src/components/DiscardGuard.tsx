import {ReactNode, useCallback, useEffect, useRef, useState} from 'react';
import {Button, Group, Modal, Text} from '@mantine/core';
import {useTranslation} from 'react-i18next';

/** What a form needs to ask before its changes are thrown away. */
export interface DiscardGuard {
  /** isDirty tells whether the user has typed, ticked or chosen anything in the form. */
  isDirty: () => boolean;
  /** markDirty records a change the DOM does not announce (a value set from a dropdown). */
  markDirty: () => void;
  /** requestClose closes at once when nothing changed, and asks first otherwise: give it to Modal's onClose and the Cancel button. */
  requestClose: () => void;
  /** formProps go on the <form>: any typing or ticking inside it marks the form dirty. */
  formProps: {onInputCapture: () => void; onChangeCapture: () => void};
  /** confirm is the question itself; render it beside the form's modal. */
  confirm: ReactNode;
}

// The dirty flags of the open forms, and the other unsaved work (a wizard
// half done), so that something arriving from outside (a portfolio opened by
// a double-click) can ask before replacing them.
const openForms = new Set<{current: boolean}>();
const unsaved = new Set<object>();

/** hasUnsavedForm tells whether an open form has changes that opening another portfolio would throw away. */
export function hasUnsavedForm(): boolean {
  return unsaved.size > 0 || [...openForms].some((f) => f.current);
}

/** useUnsavedWork counts the calling component as unsaved work while active is true (a wizard half done). */
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
  // A ref, not state: marking the form dirty must not re-render it in the
  // middle of the keystroke that made it dirty (React would then put the
  // controlled input's old value back and the first character would be lost).
  const dirty = useRef(false);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    openForms.add(dirty);
    return () => { openForms.delete(dirty); };
  }, []);
  const markDirty = useCallback(() => { dirty.current = true; }, []);
  const close = () => { dirty.current = false; setAsking(false); onClose(); };
  const requestClose = () => (dirty.current ? setAsking(true) : close());
  const confirm = (
    <Modal opened={asking} onClose={() => setAsking(false)} title={t('discard.title')} size="sm" centered zIndex={400} data-testid="discard-confirm">
      <Text size="sm">{t('discard.body')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => setAsking(false)} data-autofocus data-testid="discard-keep">{t('discard.keep')}</Button>
        <Button color="red" onClick={close} data-testid="discard-yes">{t('discard.yes')}</Button>
      </Group>
    </Modal>
  );
  return {isDirty: () => dirty.current, markDirty, requestClose, formProps: {onInputCapture: markDirty, onChangeCapture: markDirty}, confirm};
}
