import {ReactNode} from 'react';
import {Group} from '@mantine/core';

/**
 * FormFooter holds a form's buttons at the bottom of its dialog: a tall form
 * (a payment against many invoices, a client with contacts) scrolls under
 * it, so Guardar stays in view on a small screen.
 */
export function FormFooter({children}: {children: ReactNode}) {
  return (
    <Group justify="flex-end" py="sm"
      style={{position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-gray-2)',
        marginBottom: 'calc(-1 * var(--mb-padding, var(--mantine-spacing-md)))'}}>
      {children}
    </Group>
  );
}
