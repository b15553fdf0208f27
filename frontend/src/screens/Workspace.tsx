import {createContext, useContext, useEffect, useRef, useState} from 'react';
import {AppShell, Button, Group, NavLink, SegmentedControl, Stack, Text, Title} from '@mantine/core';
import {IconArrowsExchange, IconBuildingBank, IconSettings, IconCash, IconDatabase, IconFileInvoice, IconHistory, IconUsers} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {api, events, ImportTarget, PortfolioInfo} from '../api';
import {notifyError, useApp} from '../state';
import {useShortcuts} from '../components/shortcuts';
import {ClientsScreen} from './Clients';
import {ClientPage} from './ClientPage';
import {ClientForm} from './ClientForm';
import {InvoicesScreen} from './Invoices';
import {InvoiceForm} from './InvoiceForm';
import {PaymentsScreen} from './Payments';
import {PaymentForm} from './PaymentForm';
import {HistoryScreen} from './History';
import {BackupsScreen} from './Backups';
import {SettingsModal} from './Settings';
import {AboutLink} from '../components/About';
import {ImportWizard} from './ImportWizard';
import {BankScreen} from './Bank';

export type Section = 'clients' | 'invoices' | 'payments' | 'bank' | 'history' | 'backups';

/** What any screen can ask of the workspace: go somewhere, open a form, and learn that data changed. */
export interface Nav {
  section: Section;
  go: (s: Section) => void;
  openClient: (id: number) => void;
  newClient: () => void;
  editClient: (id: number) => void;
  newInvoice: (clientId?: number) => void;
  newPayment: (clientId?: number) => void;
  /** importFile opens the import wizard, for a file already chosen (dropped) or not. */
  importFile: (target: ImportTarget, path?: string) => void;
  /** changed counts the writes since the workspace opened; lists reload when it moves. */
  changed: number;
  bump: () => void;
  /** setDropHandler lets the screen on show take files dropped on the window (Banco takes statements); it returns the undo. */
  setDropHandler: (fn: ((path: string) => void) | null) => () => void;
}

const NavContext = createContext<Nav | null>(null);
export const useNav = () => useContext(NavContext)!;

export function LanguageSwitch() {
  const {lang, setLang} = useApp();
  return (
    <SegmentedControl size="xs" value={lang} onChange={setLang} data={[{value: 'es', label: 'ES'}, {value: 'en', label: 'EN'}]} aria-label="Idioma / Language" data-testid="lang-switch" />
  );
}

export function Workspace({onInfo}: {onInfo: (i: PortfolioInfo) => void}) {
  const {t} = useTranslation();
  const {info, country} = useApp();
  const [section, setSection] = useState<Section>('clients');
  const [clientId, setClientId] = useState<number>();
  const [changed, setChanged] = useState(0);
  const [clientForm, setClientForm] = useState<{open: boolean; id?: number}>({open: false});
  const [invoiceForm, setInvoiceForm] = useState<{open: boolean; clientId?: number}>({open: false});
  const [paymentForm, setPaymentForm] = useState<{open: boolean; clientId?: number}>({open: false});
  const [settings, setSettings] = useState(false);
  const [importing, setImporting] = useState<{target: ImportTarget; path?: string}>();
  const dropHandler = useRef<((path: string) => void) | null>(null);

  const nav: Nav = {
    section,
    go: (s) => { setSection(s); setClientId(undefined); },
    openClient: (id) => { setSection('clients'); setClientId(id); },
    newClient: () => setClientForm({open: true}),
    editClient: (id) => setClientForm({open: true, id}),
    newInvoice: (cid) => setInvoiceForm({open: true, clientId: cid}),
    newPayment: (cid) => setPaymentForm({open: true, clientId: cid}),
    importFile: (target, path) => setImporting({target, path}),
    changed,
    bump: () => setChanged((c) => c + 1),
    setDropHandler: (fn) => {
      dropHandler.current = fn;
      return () => { if (dropHandler.current === fn) dropHandler.current = null; };
    },
  };
  const anyModal = clientForm.open || invoiceForm.open || paymentForm.open || settings || !!importing;
  const sectionTarget: ImportTarget = section === 'payments' ? 'payments' : section === 'invoices' ? 'invoices' : 'clients';
  // A file dropped anywhere on the window opens the wizard (the wizard takes drops itself while open).
  useEffect(() => events.onFileDrop((paths) => {
    if (!paths[0] || importing) return;
    if (dropHandler.current) dropHandler.current(paths[0]);
    else setImporting({target: sectionTarget, path: paths[0]});
  }), [sectionTarget, !!importing]);
  const sections: [Section, string, React.ReactNode][] = [
    ['clients', t('nav.clients'), <IconUsers size={18} />],
    ['invoices', t('nav.invoices'), <IconFileInvoice size={18} />],
    ['payments', t('nav.payments'), <IconCash size={18} />],
    ['bank', t('nav.bank'), <IconBuildingBank size={18} />],
    ['history', t('nav.history'), <IconHistory size={18} />],
    ['backups', t('nav.backups'), <IconDatabase size={18} />],
  ];
  // Alt+1…6 work even with the cursor in a box; single letters do not, so typing never triggers them.
  useShortcuts([
    ...sections.map(([s], i): [string, () => void] => [`alt+${i + 1}`, () => !anyModal && nav.go(s)]),
    ['n', () => {
      if (anyModal) return;
      if (section === 'invoices') nav.newInvoice(clientId);
      else if (section === 'payments') nav.newPayment(clientId);
      else if (section === 'clients' && !clientId) nav.newClient();
    }],
    ['p', () => !anyModal && clientId && nav.newPayment(clientId)],
    ['i', () => !anyModal && ['clients', 'invoices', 'payments'].includes(section) && nav.importFile(sectionTarget)],
    // Esc leaves a client's page for the list, unless it is closing a form or a drawer on top.
    ['Escape', () => !anyModal && clientId && !document.querySelector('[role="dialog"]') && setClientId(undefined)],
  ]);

  const switchPortfolio = () => api.closePortfolio().then(() => api.current().then(onInfo), notifyError);

  return (
    <NavContext.Provider value={nav}>
      <AppShell header={{height: 56}} navbar={{width: 220, breakpoint: 0}} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" style={{minWidth: 0}}>
              <Title order={4} c="teal.8">Cartera</Title>
              <Text c="dimmed">·</Text>
              <Text fw={600} truncate data-testid="portfolio-name">{info.portfolio.name}</Text>
              <Text size="sm" c="dimmed">{t(`country.${country}`)} · {info.portfolio.currency}</Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              <Button size="xs" variant="default" leftSection={<IconSettings size={14} />} onClick={() => setSettings(true)}>{t('nav.settings')}</Button>
              <Button size="xs" variant="default" leftSection={<IconArrowsExchange size={14} />} onClick={switchPortfolio}>{t('nav.switch')}</Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <Stack gap={2} style={{flex: 1}}>
            {sections.map(([s, label, icon], i) => (
              <NavLink key={s} label={label} leftSection={icon} active={section === s} onClick={() => nav.go(s)}
                rightSection={<Text size="xs" c="dimmed">Alt+{i + 1}</Text>} data-testid={`nav-${s}`} />
            ))}
          </Stack>
          <Text size="xs" c="dimmed" p="xs">{t('common.shortcuts')}</Text>
          <Text px="xs" pb="xs"><AboutLink /></Text>
        </AppShell.Navbar>
        <AppShell.Main style={{height: '100dvh', display: 'flex', flexDirection: 'column'}}>
          <div style={{flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column'}}>
            {section === 'clients' && (clientId ? <ClientPage id={clientId} onBack={() => setClientId(undefined)} /> : <ClientsScreen />)}
            {section === 'invoices' && <InvoicesScreen />}
            {section === 'payments' && <PaymentsScreen />}
            {section === 'bank' && <BankScreen />}
            {section === 'history' && <HistoryScreen />}
            {section === 'backups' && <BackupsScreen onInfo={onInfo} />}
          </div>
        </AppShell.Main>
      </AppShell>
      {clientForm.open && <ClientForm id={clientForm.id} onClose={() => setClientForm({open: false})}
        onSaved={(c) => { setClientForm({open: false}); nav.bump(); nav.openClient(c.id); }} />}
      {invoiceForm.open && <InvoiceForm clientId={invoiceForm.clientId} onClose={() => setInvoiceForm({open: false})}
        onSaved={() => { setInvoiceForm({open: false}); nav.bump(); }} />}
      {settings && <SettingsModal onClose={() => setSettings(false)} onInfo={onInfo} />}
      {importing && <ImportWizard target={importing.target} path={importing.path} onClose={() => setImporting(undefined)}
        onImported={nav.bump} onShow={(target) => { setImporting(undefined); nav.go(target); }} />}
      {paymentForm.open && <PaymentForm clientId={paymentForm.clientId} onClose={() => setPaymentForm({open: false})}
        onSaved={() => { setPaymentForm({open: false}); nav.bump(); }} />}
    </NavContext.Provider>
  );
}
