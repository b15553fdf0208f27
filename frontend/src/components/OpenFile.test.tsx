import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {act, cleanup, fireEvent, render, screen, waitFor} from '@testing-library/react';
import {MantineProvider} from '@mantine/core';
import {I18nextProvider} from 'react-i18next';

// The Go side is faked: pendingFile answers what Cartera was started with,
// and the test fires 'open-file' the way a second launch would.
const handlers: Record<string, (p: any) => void> = {};
let pending = '';
vi.mock('../api', () => ({
  api: {
    pendingFile: vi.fn(async () => pending),
    openPortfolio: vi.fn(async () => ({open: true})),
  },
  events: {
    onOpenFile: (fn: any) => ((handlers.openFile = fn), () => delete handlers.openFile),
  },
  toApiError: (e: any) => e,
}));

import {api} from '../api';
import i18n, {initI18n} from '../i18n';
import {hasUnsavedForm, useDiscardGuard, useUnsavedWork} from './DiscardGuard';
import {baseName, OpenFileRequests} from './OpenFile';

/** A form with a discard guard, as the client, invoice and payment forms have. */
function Form() {
  const guard = useDiscardGuard(() => {});
  return <form {...guard.formProps}><input aria-label="name" /></form>;
}

function renderApp(withForm = false) {
  initI18n('es');
  render(
    <MantineProvider>
      <I18nextProvider i18n={i18n}>
        <OpenFileRequests />
        {withForm && <Form />}
      </I18nextProvider>
    </MantineProvider>,
  );
}

beforeEach(() => {
  window.matchMedia = window.matchMedia || ((() => ({matches: false, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}})) as any);
  (globalThis as any).ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
  pending = '';
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('portfolio files handed to Cartera from outside', () => {
  it('opens the file Cartera was started with', async () => {
    pending = '/home/ana/A.cartera';
    renderApp();
    await waitFor(() => expect(api.openPortfolio).toHaveBeenCalledWith('/home/ana/A.cartera'));
  });

  it('opens a file from a second launch at once when no form has changes', async () => {
    renderApp(true);
    await waitFor(() => expect(handlers.openFile).toBeDefined());
    act(() => handlers.openFile('/home/ana/B.cartera'));
    await waitFor(() => expect(api.openPortfolio).toHaveBeenCalledWith('/home/ana/B.cartera'));
    expect(screen.queryByText(/Se pidió abrir/)).not.toBeInTheDocument();
  });

  it('asks first when a form has unsaved changes, and opens only on "Descartar y abrir"', async () => {
    renderApp(true);
    await waitFor(() => expect(handlers.openFile).toBeDefined());
    fireEvent.input(screen.getByLabelText('name'), {target: {value: 'Ferretería'}});
    act(() => handlers.openFile('/home/ana/B.cartera'));
    expect(await screen.findByText(/Se pidió abrir B\.cartera/)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('open-file-keep'));
    expect(api.openPortfolio).not.toHaveBeenCalled();
    act(() => handlers.openFile('C:\\Carteras\\B.cartera'));
    fireEvent.click(await screen.findByTestId('open-file-yes'));
    await waitFor(() => expect(api.openPortfolio).toHaveBeenCalledWith('C:\\Carteras\\B.cartera'));
  });
});

describe('baseName', () => {
  it('takes the last part of Windows and Unix paths', () => {
    expect(baseName('C:\\Users\\ana\\B.cartera')).toBe('B.cartera');
    expect(baseName('/home/ana/A.cartera')).toBe('A.cartera');
  });
});

describe('an import wizard under way', () => {
  it('counts as unsaved work while it is open', async () => {
    function Wizard() {
      useUnsavedWork(true);
      return <p>wizard</p>;
    }
    initI18n('es');
    const {unmount} = render(<Wizard />);
    expect(hasUnsavedForm()).toBe(true);
    unmount();
    expect(hasUnsavedForm()).toBe(false);
  });
});
