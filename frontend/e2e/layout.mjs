// End-to-end test of small screens: the real UI at 1024×700 (a small laptop)
// and 1280×800. Every screen keeps the columns a user needs in view without a
// sideways scroll, the import wizard keeps Importar in view and ends on a
// summary, a toast never covers the header's buttons or a drawer's close
// button, and dates are typed and read day first (31122026 → 31-12-2026).
// Screenshots land in $E2E_OUT as layout-*.png.
import {open} from './harness.mjs';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'cartera-e2e-layout-'));
const csv = join(dir, 'cxc-erp.csv');
const rows = [];
for (let i = 0; i < 40; i++) {
  const d = String((i % 27) + 1).padStart(2, '0');
  rows.push(`76.086.428-5;Ferretería y Materiales de Construcción del Sur Limitada;Factura;${2000 + i};${d}/10/2026;${d}/11/2026;1.190.000;${i % 3 ? '1.190.000' : '190.000'}`);
}
writeFileSync(csv, [
  'Informe de documentos por cobrar',
  '',
  'RUT;Razón Social;Tipo Doc;Nº Documento;Fecha Emisión;Vencimiento;Monto;Saldo',
  ...rows,
  '12.345.678-5;Panadería El Sol;Factura;3001;31/02/2026;;250.000;250.000',
].join('\r\n') + '\r\n');

const {page, step, expectText, shot, run, toStart} = await open('layout');

/** box is the element's rectangle, or an error naming what is missing. */
async function box(loc, what) {
  const b = await loc.boundingBox();
  if (!b) throw new Error(`${what} is not on screen`);
  return b;
}

/** inView fails unless the element lies wholly inside the window. */
async function inView(loc, what) {
  const b = await box(loc, what);
  const v = page.viewportSize();
  if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > v.width + 0.5 || b.y + b.height > v.height + 0.5) {
    throw new Error(`${what} is outside the ${v.width}×${v.height} window: ${JSON.stringify(b)}`);
  }
}

const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** headersInView checks that a list shows these column headers inside the window and does not scroll sideways. */
async function headersInView(testId, labels) {
  const header = page.getByTestId(`${testId}-header`);
  await header.waitFor();
  for (const l of labels) await inView(header.getByText(l, {exact: true}), `column «${l}»`);
  const sideways = await page.getByTestId(testId).evaluate((el) => el.scrollWidth - el.clientWidth);
  if (sideways > 1) throw new Error(`${testId} scrolls ${sideways}px sideways`);
}

/** notFlooding fails if a toast covers any of the controls. */
async function toastsClearOf(controls) {
  const toast = page.locator('.mantine-Notification-root').first();
  await toast.waitFor();
  const t = await box(toast, 'the toast');
  for (const [what, loc] of controls) {
    if (overlap(t, await box(loc, what))) throw new Error(`the toast covers ${what}`);
  }
}

const headerButtons = () => [
  ['the language switch', page.getByTestId('lang-switch')],
  ['«Datos de la cartera»', page.getByRole('button', {name: 'Datos de la cartera'})],
  ['«Cambiar de cartera»', page.getByRole('button', {name: 'Cambiar de cartera'})],
];

await run(async () => {
  await page.setViewportSize({width: 1024, height: 700});

  await step('at 1024×700 the first screen shows its three choices', async () => {
    await toStart(); // another scenario's portfolio may be open, in English
    await inView(page.getByTestId('start-new'), 'Nueva cartera');
    await shot('layout-01-start');
    await page.getByTestId('start-new').click();
    await page.getByLabel('Nombre de la cartera').fill('E2E Pantalla chica');
    await inView(page.getByTestId('create-portfolio'), 'Crear');
    await page.getByTestId('create-portfolio').click();
    await page.getByTestId('portfolio-name').filter({hasText: 'E2E Pantalla chica'}).waitFor();
  });

  await step('the import wizard keeps Importar in view at 1024×700 and 1280×800', async () => {
    await page.getByTestId('nav-invoices').click();
    await page.keyboard.press('i');
    await page.getByTestId('import-path').fill(csv);
    await page.getByTestId('import-path').press('Enter');
    await page.getByTestId('import-samples').waitFor();
    await inView(page.getByTestId('import-next'), 'Siguiente on the file step');
    await shot('layout-02-import-file');
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-columns').waitFor();
    await inView(page.getByTestId('import-next'), 'Siguiente on the columns step');
    await page.getByTestId('mapping-name').fill('ERP pantalla chica');
    await page.getByRole('button', {name: 'Guardar asignación'}).click();
    await expectText('Asignación «ERP pantalla chica» guardada');
    await toastsClearOf([
      ['Siguiente', page.getByTestId('import-next')],
      ['Atrás', page.getByTestId('import-footer').getByRole('button', {name: 'Atrás'})],
      ['the wizard\'s close button', page.locator('.mantine-Modal-close')],
      ...headerButtons(),
    ]);
    await shot('layout-03-import-columns');
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-report').waitFor({timeout: 30000});
    await inView(page.getByTestId('import-go'), 'Importar');
    await shot('layout-04-import-review-1024');
    await page.setViewportSize({width: 1280, height: 800});
    await inView(page.getByTestId('import-go'), 'Importar at 1280×800');
    await shot('layout-05-import-review-1280');
    await page.setViewportSize({width: 1024, height: 700});
    // The review scrolls as one: its body, never the page or a box inside it.
    const nested = await page.getByTestId('import-body').evaluate((el) =>
      [...el.querySelectorAll('*')].filter((e) => {
        const s = getComputedStyle(e);
        return /(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1;
      }).length);
    if (nested) throw new Error(`${nested} scroll areas inside the review`);
  });

  await step('an import ends on its summary: what went in and what was left out', async () => {
    await page.getByTestId('choice-createClients').click();
    await page.getByTestId('choice-skipInvalid').click();
    await page.getByTestId('import-go').click();
    await page.getByTestId('import-summary').waitFor({timeout: 30000});
    await page.getByTestId('result-created').getByText('40').waitFor();
    await page.getByTestId('result-skipped').getByText('1').waitFor();
    await page.getByTestId('result-classes').getByText('Errores').waitFor();
    await inView(page.getByTestId('import-show'), 'Ver los documentos');
    await shot('layout-06-import-summary');
    await page.getByTestId('import-show').click();
    await page.getByTestId('import-wizard').waitFor({state: 'detached'});
  });

  await step('at 1024×700 the documents list shows Pendiente and Estado, and its filters, without a sideways scroll', async () => {
    await page.getByTestId('invoices-table').getByText('2026', {exact: true}).waitFor();
    await headersInView('invoices-table', ['Número', 'Cliente', 'Vencimiento', 'Pendiente', 'Estado']);
    await inView(page.getByTestId('due-from'), 'Vence desde');
    await inView(page.getByTestId('due-to'), 'Vence hasta');
    await shot('layout-07-documents-1024');
  });

  await step('dates read day first and 31122026 typed in a filter is 31-12-2026, never the year 22026', async () => {
    const row = page.getByTestId('invoices-table').locator('.vt-row').filter({hasText: '2026'}).first();
    await row.getByText('27-11-2026').waitFor();
    const from = page.getByTestId('due-from');
    await from.click();
    await page.keyboard.type('31122026');
    await page.keyboard.press('Tab');
    if (await from.inputValue() !== '31-12-2026') throw new Error(`the filter shows «${await from.inputValue()}»`);
    await expectText('Ningún documento coincide con los filtros.');
    await from.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('311220260');
    await page.keyboard.press('Tab');
    const v = await from.inputValue();
    if (!/^\d\d-\d\d-(19\d\d|20\d\d|2100)$/.test(v)) throw new Error(`the filter shows «${v}»`);
    await expectText('Ningún documento coincide con los filtros.');
    await page.getByTestId('due-from').locator('xpath=..').locator('button').click();
    await page.getByTestId('invoices-table').getByText('2026', {exact: true}).waitFor();
  });

  await step('the invoice form takes 31122026 as the due date and the list shows 31-12-2026', async () => {
    await page.getByTestId('new-invoice').click();
    await page.getByTestId('invoice-form').waitFor();
    const issue = await page.getByTestId('invoice-issue').inputValue();
    if (!/^\d\d-\d\d-\d{4}$/.test(issue)) throw new Error(`the issue date shows «${issue}», not day first`);
    const picker = page.getByTestId('invoice-form').getByTestId('client-picker');
    await picker.click();
    await picker.fill('Ferre');
    await page.getByRole('option', {name: /Ferretería y Materiales/}).click();
    await page.getByTestId('invoice-number').fill('9001');
    const due = page.getByTestId('invoice-due');
    await due.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('31122026');
    await page.keyboard.press('Tab');
    if (await due.inputValue() !== '31-12-2026') throw new Error(`the due date shows «${await due.inputValue()}»`);
    await page.getByTestId('invoice-amount').fill('100.000');
    await inView(page.getByTestId('save-invoice'), 'Guardar');
    await shot('layout-08-invoice-form');
    await page.getByTestId('save-invoice').click();
    await page.getByTestId('invoice-form').waitFor({state: 'detached'});
    await page.getByTestId('invoices-table').locator('.vt-row').filter({hasText: '9001'}).getByText('31-12-2026').waitFor();
  });

  await step('a toast stays off the header buttons', async () => {
    // «Guardado» from the form above may still be up; either way it is a toast to check.
    await page.getByTestId('nav-backups').click();
    await page.getByRole('button', {name: 'Crear copia ahora'}).click();
    await expectText('Copia creada');
    await toastsClearOf(headerButtons());
    await shot('layout-09-backups-toast');
  });

  await step('a toast stays off a drawer\'s close button', async () => {
    await page.getByTestId('nav-invoices').click();
    await page.getByTestId('invoices-table').getByText('9001', {exact: true}).click();
    await page.getByRole('button', {name: 'Anular'}).click();
    await page.getByLabel('Motivo de la anulación').fill('Prueba de pantalla');
    await page.getByRole('button', {name: 'Anular'}).click();
    await page.getByRole('dialog').getByText('Prueba de pantalla').first().waitFor();
    await toastsClearOf([...headerButtons(), ['the drawer\'s close button', page.locator('.mantine-Drawer-close')]]);
    await shot('layout-10-drawer-toast');
    await page.keyboard.press('Escape');
  });

  await step('at 1024×700 the clients list, a client page and its ledger fit', async () => {
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('clients-table').getByText('Ferretería y Materiales', {exact: false}).waitFor();
    await headersInView('clients-table', ['Cliente', 'Identificación', 'Saldo', 'Vencido']);
    await shot('layout-11-clients-1024');
    await page.getByTestId('new-client').click();
    await page.getByTestId('client-form').waitFor();
    await inView(page.getByTestId('save-client'), 'Guardar in the client form');
    if (await page.locator('.mantine-Notification-root').count()) {
      await toastsClearOf([['Guardar', page.getByTestId('save-client')], ['Cancelar', page.getByRole('dialog').getByRole('button', {name: 'Cancelar'})]]);
    }
    await shot('layout-11b-client-form');
    await page.getByRole('dialog').getByRole('button', {name: 'Cancelar'}).click();
    await page.getByTestId('client-form').waitFor({state: 'detached'});
    await page.getByTestId('clients-table').getByText('Ferretería y Materiales').click();
    await page.getByTestId('client-title').waitFor();
    await inView(page.getByTestId('client-new-payment'), 'Registrar pago');
    await page.getByTestId('ledger-table').waitFor();
    for (const l of ['Fecha', 'Referencia', 'Saldo', 'Estado']) await inView(page.getByTestId('ledger-table').locator('thead').getByText(l, {exact: true}), `ledger column «${l}»`);
    await shot('layout-12-client-1024');
  });

  await step('the payment form shows its date day first and fits', async () => {
    await page.getByTestId('client-new-payment').click();
    await page.getByTestId('payment-form').waitFor();
    const d = await page.getByTestId('payment-date').inputValue();
    if (!/^\d\d-\d\d-\d{4}$/.test(d)) throw new Error(`the payment date shows «${d}»`);
    await page.getByTestId('payment-amount').fill('500.000');
    await page.getByTestId('allocation-table').waitFor();
    // The allocation list runs below the fold; Guardar stays in view under it.
    await inView(page.getByTestId('save-payment'), 'Guardar in the payment form');
    await shot('layout-13-payment-form');
    await page.getByTestId('save-payment').click();
    await page.getByTestId('payment-form').waitFor({state: 'detached'});
  });

  await step('at 1024×700 payments, history, backups and settings fit', async () => {
    await page.getByTestId('nav-payments').click();
    await page.locator('.vt-row').first().waitFor();
    await headersInView('payments-table', ['Fecha', 'Cliente', 'Monto', 'Sin imputar']);
    await shot('layout-14-payments-1024');
    await page.getByTestId('payments-table').locator('.vt-row').first().click();
    await page.getByRole('dialog').getByText('Pagos y notas aplicados').waitFor();
    await inView(page.locator('.mantine-Drawer-close'), 'the payment drawer\'s close button');
    await shot('layout-14b-payment-drawer-1024');
    await page.keyboard.press('Escape');
    await page.locator('.mantine-Drawer-content').waitFor({state: 'detached'});
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-table').waitFor();
    await shot('layout-15-history-1024');
    await page.getByTestId('history-tab').getByText('Importaciones').click();
    await page.getByTestId('imports-table').getByText('cxc-erp.csv').waitFor();
    await inView(page.getByTestId('imports-table').getByRole('button', {name: 'Deshacer'}).first(), 'Deshacer');
    await shot('layout-16-imports-1024');
    await page.getByTestId('nav-backups').click();
    await page.getByRole('button', {name: 'Restaurar'}).first().waitFor();
    await inView(page.getByRole('button', {name: 'Restaurar'}).first(), 'Restaurar');
    await shot('layout-17-backups-1024');
    await page.getByRole('button', {name: 'Datos de la cartera'}).click();
    await inView(page.getByRole('dialog').getByRole('button', {name: 'Guardar'}), 'Guardar in the settings');
    await shot('layout-18-settings-1024');
    await page.keyboard.press('Escape');
  });

  await step('at 1280×800 the lists show every column', async () => {
    await page.setViewportSize({width: 1280, height: 800});
    await page.getByTestId('nav-invoices').click();
    await headersInView('invoices-table', ['Número', 'Cliente', 'Emisión', 'Vencimiento', 'Monto', 'Pendiente', 'Estado']);
    await shot('layout-19-documents-1280');
    await page.getByTestId('nav-clients').click();
    await headersInView('clients-table', ['Cliente', 'Identificación', 'Segmento', 'Saldo', 'Vencido']);
    await page.getByTestId('nav-payments').click();
    await headersInView('payments-table', ['Fecha', 'Cliente', 'Referencia', 'Monto', 'Sin imputar', 'Estado']);
    await shot('layout-20-payments-1280');
  });
});
