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
    chooseExportFile: vi.fn(async (list: string) => (list === 'invoices' ? '/tmp/vencidas.xlsx' : '/home/ana/Clientes.xlsx')),
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
const info = {open: true, path: '/tmp/p.cartera', folder: '/tmp', portfolio: {country: 'CL', currency: 'CLP'} as any, generation: 1};
const overdue = {search: '', status: 'overdue', sort: 'issueDate', desc: true, today: '2026-11-24'};
const allClients = {search: '', archived: 'active', sort: 'name', desc: false, today: '2026-11-24'};

function renderButton(count: number | undefined, list: 'invoices' | 'clients' = 'invoices') {
  initI18n('es');
  render(
    <MantineProvider>
      <I18nextProvider i18n={i18n}>
        <Notifications />
        <AppContext.Provider value={makeState(meta as any, info as any, 'es', () => {})}>
          <ExportButton list={list} what={list === 'invoices' ? {list: 'invoices', filter: overdue} : {list: 'clients', filter: allClients}} count={count} />
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

describe('ExportButton', () => {
  it('says what and how many before the save dialog, then exports the list’s filter', async () => {
    renderButton(3);
    fireEvent.click(screen.getByTestId('export-invoices'));
    expect(await screen.findByText('Se exportarán 3 documentos vencidos.')).toBeInTheDocument();
    expect(api.chooseExportFile).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('export-choose'));
    await waitFor(() => expect(api.startExport).toHaveBeenCalledWith({list: 'invoices', filter: overdue}, '/tmp/vencidas.xlsx'));
    expect(api.chooseExportFile).toHaveBeenCalledWith('invoices');
  });
  it('waits for the list’s count and offers nothing to export from an empty list', async () => {
    renderButton(undefined);
    expect(screen.getByTestId('export-invoices')).toBeDisabled();
    cleanup();
    renderButton(0);
    fireEvent.click(screen.getByTestId('export-invoices'));
    expect(await screen.findByText('La lista está vacía: no hay nada que exportar.')).toBeInTheDocument();
    expect(screen.getByTestId('export-choose')).toBeDisabled();
  });
});

describe('the export toast', () => {
  it('offers to open the written file and to show it in its folder', async () => {
    finishFirst = false;
    renderButton(12, 'clients');
    fireEvent.click(screen.getByTestId('export-clients'));
    fireEvent.click(await screen.findByTestId('export-choose'));
    await waitFor(() => expect(api.startExport).toHaveBeenCalledWith({list: 'clients', filter: allClients}, '/home/ana/Clientes.xlsx'));
    await act(async () => {});
    act(() => handlers.done({id: 'export-1', ok: true, result: {path: '/home/ana/Clientes.xlsx', rows: 12}}));
    fireEvent.click(await screen.findByText('Abrir'));
    expect(api.openFile).toHaveBeenCalledWith('/home/ana/Clientes.xlsx');
    fireEvent.click(screen.getByText('Mostrar en la carpeta'));
    expect(api.revealFile).toHaveBeenCalledWith('/home/ana/Clientes.xlsx');
  });

  it('ends even when the job ends before its id comes back', async () => {
    finishFirst = true;
    renderButton(12, 'clients');
    fireEvent.click(screen.getByTestId('export-clients'));
    fireEvent.click(await screen.findByTestId('export-choose'));
    expect(await screen.findByText('12 filas exportadas a /home/ana/Clientes.xlsx')).toBeInTheDocument();
    expect(screen.getByTestId('export-clients')).not.toHaveAttribute('data-loading');
  });
});
