import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {cleanup, fireEvent, render, screen, waitFor} from '@testing-library/react';
import {MantineProvider} from '@mantine/core';
import {Notifications} from '@mantine/notifications';
import {I18nextProvider} from 'react-i18next';

// The Wails bindings do not exist in a test: the api module is a fake.
vi.mock('../api', () => ({
  api: {
    chooseExportFile: vi.fn(async () => '/tmp/vencidas.xlsx'),
    startExport: vi.fn(async () => 'export-1'),
  },
  events: {onJobProgress: () => () => {}, onJobDone: () => () => {}},
  toApiError: (e: any) => e,
}));

import {api} from '../api';
import i18n, {initI18n} from '../i18n';
import {AppContext, makeState} from '../state';
import {ExportButton} from './ExportButton';

const meta = {version: 't', language: 'es', today: '2026-11-24', countries: ['CL'], channels: ['email'], methods: ['transfer']};
const info = {open: true, path: '/tmp/p.cartera', folder: '/tmp', portfolio: {country: 'CL', currency: 'CLP'} as any, generation: 1};
const overdue = {search: '', status: 'overdue', sort: 'issueDate', desc: true, today: '2026-11-24'};

function renderButton(count: number | undefined) {
  initI18n('es');
  render(
    <MantineProvider>
      <Notifications />
      <I18nextProvider i18n={i18n}>
        <AppContext.Provider value={makeState(meta as any, info as any, 'es', () => {})}>
          <ExportButton list="invoices" what={{list: 'invoices', filter: overdue}} count={count} />
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
