import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {act, cleanup, fireEvent, render, screen, waitFor} from '@testing-library/react';
import {MantineProvider} from '@mantine/core';
import {I18nextProvider} from 'react-i18next';

// The Wails bindings do not exist in a test: the api module is replaced by a
// fake whose events the test fires by hand, the way the Go side would.
const handlers: Record<string, (p: any) => void> = {};
vi.mock('../api', () => ({
  api: {
    recent: vi.fn(async () => []),
    startDemo: vi.fn(async () => 'demo-1'),
    cancelJob: vi.fn(async () => true),
    currencies: vi.fn(async () => ['CLP']),
    defaultFolder: vi.fn(async () => '/tmp'),
  },
  events: {
    onJobProgress: (fn: any) => ((handlers.progress = fn), () => delete handlers.progress),
    onJobDone: (fn: any) => ((handlers.done = fn), () => delete handlers.done),
    onPortfolio: () => () => {},
  },
  toApiError: (e: any) => e,
}));

import {api} from '../api';
import i18n, {initI18n} from '../i18n';
import {AppContext, makeState} from '../state';
import {StartScreen} from './Start';

const meta = {version: 't', language: 'es', today: '2026-11-24', countries: ['CL', 'CO', 'MX', 'PE', 'AR'], channels: ['email'], methods: ['transfer']};
const closed = {open: false, path: '', folder: '', portfolio: {} as any, generation: 1};

function renderStart(onInfo = vi.fn()) {
  initI18n('es');
  render(
    <MantineProvider>
      <I18nextProvider i18n={i18n}>
        <AppContext.Provider value={makeState(meta as any, closed as any, 'es', () => {})}>
          <StartScreen onInfo={onInfo} />
        </AppContext.Provider>
      </I18nextProvider>
    </MantineProvider>,
  );
  return onInfo;
}

beforeEach(() => {
  window.matchMedia = window.matchMedia || ((() => ({matches: false, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}})) as any);
  (globalThis as any).ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('the demo from the first screen', () => {
  it('shows progress from job events, can be cancelled, and says nothing was left', async () => {
    renderStart();
    expect(await screen.findByText('Aún no ha abierto ninguna cartera. Cree una nueva o pruebe la demostración.')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('start-demo'));
    fireEvent.click(await screen.findByTestId('demo-generate'));
    await waitFor(() => expect(api.startDemo).toHaveBeenCalledWith(expect.objectContaining({country: 'CL', clients: 200, invoices: 5000})));
    await waitFor(() => expect(handlers.progress).toBeDefined());
    act(() => handlers.progress({id: 'demo-1', stage: 'demo.invoices', done: 2500, total: 5000}));
    expect(await screen.findByText(/Facturas y pagos · 50%/)).toBeInTheDocument();
    act(() => handlers.progress({id: 'other-job', stage: 'demo.invoices', done: 4900, total: 5000}));
    expect(screen.queryByText(/98%/)).toBeNull();
    fireEvent.click(screen.getByText('Cancelar'));
    expect(api.cancelJob).toHaveBeenCalledWith('demo-1');
    act(() => handlers.done({id: 'demo-1', ok: false, error: {code: 'canceled', message: 'cancelado'}, result: null}));
    expect(await screen.findByText('Se canceló la demostración; no quedó ningún archivo a medias.')).toBeInTheDocument();
  });

  it('opens the portfolio the job reports when it ends well', async () => {
    const onInfo = renderStart();
    fireEvent.click(screen.getByTestId('start-demo'));
    fireEvent.click(await screen.findByTestId('demo-generate'));
    await waitFor(() => expect(handlers.done).toBeDefined());
    const info = {open: true, generation: 2};
    act(() => handlers.done({id: 'demo-1', ok: true, result: info}));
    expect(onInfo).toHaveBeenCalledWith(info);
  });
});
