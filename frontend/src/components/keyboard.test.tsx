import {afterEach, describe, expect, it, vi} from 'vitest';
import {cleanup, fireEvent, render, screen} from '@testing-library/react';
import {useState} from 'react';
import {MantineProvider, Modal, TextInput} from '@mantine/core';
import {I18nextProvider} from 'react-i18next';
import i18n, {initI18n} from '../i18n';
import {typing} from './shortcuts';
import {hasUnsavedForm, useDiscardGuard} from './DiscardGuard';

vi.mock('../api', () => ({api: {}, toApiError: (e: any) => e}));
import {matchesAll} from './common';

afterEach(cleanup);

describe('typing', () => {
  const el = (html: string) => {
    const d = document.createElement('div');
    d.innerHTML = html;
    return d.firstElementChild;
  };
  it.each([
    ['<input type="text">', true], ['<input>', true], ['<input type="search">', true], ['<textarea></textarea>', true],
    ['<input type="checkbox">', false], ['<input type="radio">', false], ['<button>x</button>', false], ['<div></div>', false],
  ])('%s → %s', (html, want) => expect(typing(el(html))).toBe(want));
});

describe('matchesAll', () => {
  it.each([
    ['Beta SpA · 77.555.444-4', 'beta', true],
    ['Beta SpA · 77.555.444-4', '77.555.444-4', true],
    ['Beta SpA · 77.555.444-4', '77555444', true],
    ['Beta SpA · 77.555.444-4', '77.555', true],
    ['Óptica Ñandú', 'optica nandu', true],
    ['Alfa Limitada', 'beta', false],
    ['Beta SpA', 'beta alfa', false],
  ])('%s / %s → %s', (label, search, want) => expect(matchesAll(label, search)).toBe(want));
});

function Form({onClose}: {onClose: () => void}) {
  const guard = useDiscardGuard(onClose);
  const [name, setName] = useState('');
  return (
    <>
      {guard.confirm}
      <Modal opened onClose={guard.requestClose} title="Form" transitionProps={{duration: 0}}>
        <form {...guard.formProps}>
          <TextInput label="Nombre" value={name} onChange={(e) => setName(e.currentTarget.value)} />
        </form>
      </Modal>
    </>
  );
}

function renderForm(onClose = vi.fn()) {
  initI18n('es');
  render(<MantineProvider><I18nextProvider i18n={i18n}><Form onClose={onClose} /></I18nextProvider></MantineProvider>);
  return onClose;
}

describe('useDiscardGuard', () => {
  it('closes an untouched form at once', () => {
    const onClose = renderForm();
    fireEvent.keyDown(screen.getByLabelText('Nombre'), {key: 'Escape'});
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('keeps the keystroke that dirtied the form, asks on Esc, and only an answer closes', async () => {
    const onClose = renderForm();
    const input = screen.getByLabelText('Nombre') as HTMLInputElement;
    fireEvent.input(input, {target: {value: 'H'}});
    expect(input.value).toBe('H');
    expect(hasUnsavedForm()).toBe(true);
    fireEvent.keyDown(input, {key: 'Escape'});
    expect(onClose).not.toHaveBeenCalled();
    expect(await screen.findByText('¿Descartar los cambios?')).toBeTruthy();
    fireEvent.click(screen.getByText('Seguir editando'));
    expect(onClose).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Nombre') as HTMLInputElement).value).toBe('H');
    fireEvent.keyDown(screen.getByLabelText('Nombre'), {key: 'Escape'});
    fireEvent.click(await screen.findByText('Descartar'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
