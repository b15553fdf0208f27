import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {act, cleanup, fireEvent, render, screen, waitFor} from '@testing-library/react';
import {MantineProvider} from '@mantine/core';
import {Notifications, notifications} from '@mantine/notifications';
import {I18nextProvider} from 'react-i18next';

// The bindings are faked; a job's end is fired by hand, the way the Go side would.
const handlers: Record<string, (p: any) => void> = {};
let finishFirst = false;
vi.mock('../api', () => ({
  api: {
    chooseExportFile: vi.fn(async () => '/home/ana/Clientes.xlsx'),
    // A short export can end before its id reaches the page.
    startExport: vi.fn(async () => {
      if (finishFirst) handlers.done?.({id: 'export-1', ok: true, result: {path: '/home/ana/Clientes.xlsx', rows: 12}});
      return 'export-1';
    }),
    openFile: vi.fn(async () => undefined),
    revealFile: vi.fn(async () => undefined),
    cancelJob: vi.fn(async () => true),
  },
  events: {
    onJobProgress: (fn: any) => ((handlers.progress = fn), () => delete handlers.progress),
    onJobDone: (fn: any) => ((handlers.done = fn), () => delete handlers.done),
  },
  toApiError: (e: any) => e,
}));

import {api} from '../api';
import i18n, {initI18n} from '../i18n';
import {AppContext, makeState} from '../state';
import {ExportButton} from './ExportButton';

const meta = {version: 't', language: 'es', today: '2026-11-24', countries: ['CL'], channels: ['email'], methods: ['transfer']};
const open = {open: true, path: '/tmp/p.cartera', folder: '/tmp', portfolio: {country: 'CL', currency: 'CLP'} as any, generation: 1};

function renderButton() {
  initI18n('es');
  render(
    <MantineProvider>
      <I18nextProvider i18n={i18n}>
        <Notifications />
        <AppContext.Provider value={makeState(meta as any, open as any, 'es', () => {})}>
          <ExportButton list="clients" />
        </AppContext.Provider>
      </I18nextProvider>
    </MantineProvider>,
  );
}

beforeEach(() => {
  window.matchMedia = window.matchMedia || ((() => ({matches: false, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}})) as any);
  (globalThis as any).ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
});
afterEach(() => {
  act(() => notifications.clean());
  cleanup();
  vi.clearAllMocks();
});

describe('the export toast', () => {
  it('offers to open the written file and to show it in its folder', async () => {
    finishFirst = false;
    renderButton();
    fireEvent.click(screen.getByTestId('export-clients'));
    await waitFor(() => expect(api.startExport).toHaveBeenCalledWith('clients', '/home/ana/Clientes.xlsx'));
    await act(async () => {});
    act(() => handlers.done({id: 'export-1', ok: true, result: {path: '/home/ana/Clientes.xlsx', rows: 12}}));
    fireEvent.click(await screen.findByText('Abrir'));
    expect(api.openFile).toHaveBeenCalledWith('/home/ana/Clientes.xlsx');
    fireEvent.click(screen.getByText('Mostrar en la carpeta'));
    expect(api.revealFile).toHaveBeenCalledWith('/home/ana/Clientes.xlsx');
  });

  it('ends even when the job ends before its id comes back', async () => {
    finishFirst = true;
    renderButton();
    fireEvent.click(screen.getByTestId('export-clients'));
    expect(await screen.findByText('12 filas exportadas a /home/ana/Clientes.xlsx')).toBeInTheDocument();
    expect(screen.getByTestId('export-clients')).not.toHaveAttribute('data-loading');
  });
});
