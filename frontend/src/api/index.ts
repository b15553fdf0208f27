// The only module that touches the generated Wails bindings. Screens call
// these functions and get plain data or an ApiError; they never see
// window.go or the generated classes.
import * as Bank from '../../wailsjs/go/app/Bank';
import * as Clients from '../../wailsjs/go/app/Clients';
import * as Exports from '../../wailsjs/go/app/Exports';
import * as Imports from '../../wailsjs/go/app/Imports';
import * as Invoices from '../../wailsjs/go/app/Invoices';
import * as Launch from '../../wailsjs/go/app/Launch';
import * as Payments from '../../wailsjs/go/app/Payments';
import * as Portfolios from '../../wailsjs/go/app/Portfolios';
import * as Preferences from '../../wailsjs/go/app/Preferences';
import * as Shell from '../../wailsjs/go/app/Shell';
import {EventsOn, OnFileDrop, OnFileDropOff} from '../../wailsjs/runtime/runtime';
import type {app, ar, bankfile, reconcile, settings, sqlite} from '../../wailsjs/go/models';
import type {ExportFilter} from '../exportSummary';
import {validDate} from '../format';
import i18n from '../i18n';

/** Data<T> is a generated class without its methods: what the bindings really send and receive. */
export type Data<T> = {[K in keyof T as T[K] extends (...a: any[]) => any ? never : K]: T[K]};

export type PortfolioInfo = app.PortfolioInfo;
export type Portfolio = Data<ar.Portfolio>;
export type RecentPortfolio = app.RecentPortfolio;
export type Meta = app.Meta;
export type About = app.About;
export type Client = ar.Client;
export type Contact = ar.Contact;
export type ClientInput = Data<ar.ClientInput>;
export type ClientRow = sqlite.ClientRow;
export type ClientFilter = sqlite.ClientFilter;
export type ClientSummary = sqlite.ClientSummary;
export type CurrencyBalance = ar.CurrencyBalance;
export type LedgerEntry = ar.LedgerEntry;
export type TaxIDCheck = app.TaxIDCheck;
export type Document = ar.Document;
export type DocumentInput = Data<ar.DocumentInput>;
export type DocumentRow = sqlite.DocumentRow;
export type DocumentFilter = sqlite.DocumentFilter;
export type DocumentDetail = sqlite.DocumentDetail;
export type OpenItem = ar.OpenItem;
export type Line = ar.Line;
export type Payment = ar.Payment;
export type PaymentInput = Data<ar.PaymentInput>;
export type PaymentRow = sqlite.PaymentRow;
export type PaymentFilter = sqlite.PaymentFilter;
export type PaymentDetail = sqlite.PaymentDetail;
export type AllocationLine = sqlite.AllocationLine;
export type HistoryEntry = Data<ar.HistoryEntry>;
export type HistoryChange = Data<ar.Change>;
export type RecordRef = Data<ar.RecordRef>;
export type AuditFilter = Data<sqlite.AuditFilter>;
export type HistoryPage = Data<sqlite.HistoryPage>;
export type Backup = sqlite.Backup;
export type Violation = sqlite.Violation;
export type NewPortfolioRequest = Data<app.NewPortfolioRequest>;
export type DemoRequest = Data<app.DemoRequest>;
export type ImportRequest = Data<app.ImportRequest>;
export type ImportPreview = app.ImportPreview;
export type PreviewRow = app.PreviewRowDTO;
export type Problem = app.ProblemDTO;
export type ImportCounts = sqlite.ImportCounts;
/** ImportReport arrives as a job's result (app.ImportReport in Go). */
export interface ImportReport {
  importId: number;
  committed: boolean;
  dryRun: boolean;
  counts: ImportCounts;
  problems: Problem[];
  byClass: Record<string, number>;
  rowsByClasses: Record<string, number>;
  blocking: number;
}
export type ImportRecord = sqlite.ImportRecord;
export type Mapping = settings.Mapping;
export type ImportTarget = 'clients' | 'invoices' | 'payments';
export type BankAccount = sqlite.BankAccount;
export type BankImportRecord = sqlite.BankImportRecord;
export type StatementSummary = sqlite.StatementSummary;
export type BankLineFilter = sqlite.BankLineFilter;
export type BankLineView = app.LineView;
export type ProposalView = app.ProposalView;
export type Proposal = reconcile.Proposal;
export type BankRule = sqlite.BankRule;
export type RunRecord = sqlite.RunRecord;
export type StatementSample = bankfile.Sample;
export type LayoutMapping = Data<bankfile.Mapping>;
export type StatementRequest = Data<app.StatementRequest>;
/** StatementResult arrives as a job's result (app.StatementResult in Go). */
export interface StatementResult {
  import: {importId: number; format: string; profile: string; statements: sqlite.StatementSummary[]; lines: number; new: number; duplicates: number; dryRun: boolean};
  run: {runId: number; lines: number; deposits: number; auto: number; suggested: number; unmatched: number; classified: Record<string, number>};
}

/** A field problem, as the backend's error formatter describes it. */
export interface FieldIssue {
  field: string;
  key: string;
  params?: Record<string, string>;
  message: string;
  full: string;
}

/** Every failed call rejects with an ApiError: a stable code and a sentence in the user's language. */
export class ApiError extends Error {
  code: string;
  issues: FieldIssue[];
  constructor(code: string, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.code = code;
    this.issues = issues;
  }
  /** The message for one form field, if the backend named it. */
  field(name: string): string | undefined {
    return capitalize(this.issues.find((i) => i.field === name)?.message);
  }
}

/** capitalize starts a backend sentence ("el RUT…") with a capital, as a form shows it. */
export function capitalize(s: string | undefined): string | undefined {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/**
 * toApiError turns whatever a binding rejected with into an ApiError. The Wails
 * runtime rejects with new Error(<the formatter's JSON text>) in the desktop
 * window and in wails dev; job events carry the plain object.
 */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  let v: any = e;
  if (v instanceof Error) v = v.message;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return new ApiError('internal', v);
    }
  }
  if (v && typeof v === 'object' && typeof v.code === 'string') {
    return new ApiError(v.code, v.message ?? v.code, Array.isArray(v.issues) ? v.issues : []);
  }
  return new ApiError('internal', String((v && v.message) || v));
}

/**
 * withDates refuses a request that carries a date no user could mean (a year
 * of 22026, a 31st of February) before it reaches the bindings: Wails cannot
 * decode it and would never answer, leaving a list loading forever.
 */
function withDates<T>(dates: (string | undefined)[], fn: () => Promise<T>): Promise<T> {
  if (dates.every((d) => validDate(d))) return call(fn());
  return Promise.reject(new ApiError('invalid', i18n.t('dates.bad')));
}

async function call<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw toApiError(e);
  }
}

export const api = {
  meta: () => call(Preferences.Meta()),
  about: () => call(Preferences.About()),
  /** The portfolio file Cartera was started with ("" if none), once; later ones arrive through events.onOpenFile. */
  pendingFile: () => call(Launch.Pending()),
  setLanguage: (lang: string) => call(Preferences.SetLanguage(lang)),
  history: (f: Partial<AuditFilter>) => call(Preferences.History(f as sqlite.AuditFilter)) as Promise<HistoryPage>,

  current: () => call(Portfolios.Current()),
  recent: () => call(Portfolios.Recent()),
  forget: (path: string) => call(Portfolios.Forget(path)),
  defaultFolder: () => call(Portfolios.DefaultFolder()),
  chooseFolder: () => call(Portfolios.ChooseFolder()),
  createPortfolio: (req: NewPortfolioRequest) => call(Portfolios.Create(req as app.NewPortfolioRequest)),
  openPortfolio: (path: string) => call(Portfolios.Open(path)),
  openDialog: () => call(Portfolios.OpenDialog()),
  closePortfolio: () => call(Portfolios.Close()),
  startDemo: (req: DemoRequest) => call(Portfolios.StartDemo(req as app.DemoRequest)),
  cancelJob: (id: string) => call(Portfolios.CancelJob(id)),
  updatePortfolio: (p: Portfolio) => call(Portfolios.Update(p as ar.Portfolio)),
  backups: () => call(Portfolios.Backups()),
  backupNow: () => call(Portfolios.BackupNow()),
  restore: (path: string) => call(Portfolios.Restore(path)),
  checkPortfolio: () => call(Portfolios.Check()),
  currencies: () => call(Portfolios.Currencies()),

  clients: (f: Partial<ClientFilter>) => call(Clients.List(f as sqlite.ClientFilter)),
  client: (id: number) => call(Clients.Get(id)),
  createClient: (c: ClientInput) => call(Clients.Create(c as ar.ClientInput)),
  updateClient: (id: number, c: ClientInput) => call(Clients.Update(id, c as ar.ClientInput)),
  archiveClient: (id: number, archived: boolean) => call(Clients.Archive(id, archived)),
  ledger: (id: number) => call(Clients.Ledger(id)),
  segments: () => call(Clients.Segments()),
  checkTaxId: (country: string, value: string) => call(Clients.CheckTaxID(country, value)),

  documents: (f: Partial<DocumentFilter>) => withDates([f.dueFrom, f.dueTo], () => Invoices.List(f as sqlite.DocumentFilter)),
  document: (id: number) => call(Invoices.Get(id)),
  createDocument: (d: DocumentInput) => withDates([d.issueDate, d.dueDate], () => Invoices.Create(d as ar.DocumentInput)),
  voidDocument: (id: number, reason: string) => call(Invoices.Void(id, reason)),
  voidUnapplyingNotes: (id: number, reason: string) => call(Invoices.VoidUnapplyingNotes(id, reason)),
  largestAmount: (currency: string) => call(Invoices.LargestAmount(currency)),
  openItems: (clientId: number, currency: string) => call(Invoices.OpenItems(clientId, currency)),
  applyCreditNote: (id: number, lines: Line[]) => call(Invoices.ApplyCreditNote(id, lines as ar.Line[])),

  payments: (f: Partial<PaymentFilter>) => call(Payments.List(f as sqlite.PaymentFilter)),
  payment: (id: number) => call(Payments.Get(id)),
  propose: (clientId: number, currency: string, amount: number) => call(Payments.Propose(clientId, currency, amount)),
  createPayment: (p: PaymentInput) => withDates([p.date], () => Payments.Create(p as ar.PaymentInput)),
  allocate: (paymentId: number, lines: Line[]) => call(Payments.Allocate(paymentId, lines as ar.Line[])),
  unallocate: (allocationId: number) => call(Payments.Unallocate(allocationId)),
  reversePayment: (id: number, reason: string) => call(Payments.Reverse(id, reason)),

  chooseExportFile: (list: string) => call(Exports.ChooseFile(list)),
  /** startExport writes the rows the list shows for its filter (without paging), in its order. */
  startExport: (e: ExportFilter, path: string) => call(
    e.list === 'clients' ? Exports.StartClients(e.filter as sqlite.ClientFilter, path)
      : e.list === 'invoices' ? Exports.StartDocuments(e.filter as sqlite.DocumentFilter, path)
        : Exports.StartPayments(e.filter as sqlite.PaymentFilter, path)),
  chooseLedgerFile: (clientId: number) => call(Exports.ChooseLedgerFile(clientId)),
  startLedgerExport: (clientId: number, path: string) => call(Exports.StartLedger(clientId, path)),
  /** openFile opens a file Cartera wrote in this session with its usual program; revealFile shows it in its folder. */
  openFile: (path: string) => call(Shell.Open(path)),
  revealFile: (path: string) => call(Shell.Reveal(path)),
  /** openFolder opens one of About's folders: 'portfolios', 'backups' or 'settings'. */
  openFolder: (which: 'portfolios' | 'backups' | 'settings') => call(Shell.OpenFolder(which)),

  chooseImportFile: () => call(Imports.ChooseFile()),
  importPreview: (req: ImportRequest) => call(Imports.Preview(req as app.ImportRequest)),
  importCheck: (req: ImportRequest) => call(Imports.Check(req as app.ImportRequest)),
  importStart: (req: ImportRequest) => call(Imports.Start(req as app.ImportRequest)),
  saveMapping: (name: string, header: string[], req: ImportRequest) => call(Imports.SaveMapping(name, header, req as app.ImportRequest)),
  importBlocking: (rowsByClasses: Record<string, number>, choices: ImportRequest['choices']) => call(Imports.Blocking(rowsByClasses, choices as any)),
  imports: () => call(Imports.History()),
  undoImport: (id: number) => call(Imports.Undo(id)),

  bankAccounts: () => call(Bank.Accounts()),
  saveBankAccount: (a: BankAccount) => call(Bank.SaveAccount(a)),
  chooseStatement: () => call(Bank.ChooseStatement()),
  /** importStatement imports a statement file as a job (then reconciles); the end carries a StatementResult. */
  importStatement: (req: StatementRequest) => call(Bank.ImportStatement(req as app.StatementRequest)),
  reconcile: () => call(Bank.Reconcile()),
  /** statementSample is the top of a statement no layout reads, for the mapping wizard; saveLayout keeps the user's mapping as a layout. */
  statementSample: (path: string) => call(Bank.Sample(path)),
  saveLayout: (path: string, m: LayoutMapping) => call(Bank.SaveLayout(path, m as bankfile.Mapping)),
  bankImports: () => call(Bank.Imports()),
  undoBankImport: (id: number) => call(Bank.UndoImport(id)),
  bankLines: (f: Partial<BankLineFilter>) => call(Bank.Lines(f as sqlite.BankLineFilter)),
  acceptMatch: (lineId: number, p: Proposal) => call(Bank.Accept(lineId, p)),
  rejectSuggestion: (lineId: number, index: number) => call(Bank.Reject(lineId, index)),
  ignoreLine: (lineId: number, ignored: boolean) => call(Bank.Ignore(lineId, ignored)),
  undoMatch: (matchId: number) => call(Bank.UndoMatch(matchId)),
  reconcileRuns: () => call(Bank.Runs()),
  undoRun: (runId: number) => call(Bank.UndoRun(runId)),
  bankOpenItems: (clientId: number, currency: string) => call(Bank.OpenItems(clientId, currency)),
  bankRules: () => call(Bank.Rules()),
  saveRule: (r: reconcile.Rule) => call(Bank.SaveRule(r)),
  deleteRule: (id: number) => call(Bank.DeleteRule(id)),
  learnRule: (lineId: number, clientId: number) => call(Bank.LearnRule(lineId, clientId)),
};

export interface JobProgress {
  id: string;
  stage: string;
  done: number;
  total: number;
}

export interface JobDone {
  id: string;
  ok: boolean;
  error?: {code: string; message: string} | null;
  result: any;
}

/** Backend events; each returns the function that stops listening. */
export const events = {
  onPortfolio: (fn: (info: PortfolioInfo) => void) => EventsOn('portfolio', fn),
  onJobProgress: (fn: (p: JobProgress) => void) => EventsOn('job:progress', fn),
  onJobDone: (fn: (d: JobDone) => void) => EventsOn('job:done', fn),
  /** A portfolio file handed to the running Cartera (a double-click, a second launch). */
  onOpenFile: (fn: (path: string) => void) => EventsOn('open-file', fn),
  /** Files dropped on the window (only in the desktop app; a browser has no paths). */
  onFileDrop: (fn: (paths: string[]) => void) => {
    try {
      OnFileDrop((_x, _y, paths) => fn(paths), false);
      return () => { try { OnFileDropOff(); } catch { /* not in the desktop app */ } };
    } catch {
      return () => {};
    }
  },
};
