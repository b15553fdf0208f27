// End-to-end test of the Banco section: the real UI in Debian's chromium, the
// real Go backend (`wails dev`), real files on disk. An owner brings the open
// invoices from the ERP, then the bank's cartola: the app says the balances
// agree, matches a deposit by itself and says why, suggests another that the
// owner accepts, and the owner splits a third over two invoices; an automatic
// match is undone; a broken file gets a sentence, not a crash.
import {open} from './harness.mjs';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'cartera-e2e-bank-'));
const invoices = join(dir, 'cxc.csv');
writeFileSync(invoices, [
  'RUT;Razón Social;Tipo Doc;Nº Documento;Fecha Emisión;Vencimiento;Monto;Saldo',
  '76.086.428-5;Ferretería Sur Ltda.;Factura;1001;01/10/2026;31/10/2026;1.190.000;1.190.000',
  '76.086.428-5;Ferretería Sur Ltda.;Factura;1002;05/10/2026;04/11/2026;595.000;595.000',
  '12.345.678-5;Panadería El Sol;Factura;2001;10/10/2026;09/11/2026;250.000;250.000',
  '77.555.444-4;Óptica Central SpA;Factura;3001;12/10/2026;11/11/2026;400.000;400.000',
  '77.555.444-4;Óptica Central SpA;Factura;3002;14/10/2026;13/11/2026;350.000;350.000',
].join('\r\n') + '\r\n');

// A Banco de Chile cartola as its CSV export writes it: a preamble with the
// account and the balances, the movements, and a legal footer.
const cartola = join(dir, 'cartola-noviembre.csv');
writeFileSync(cartola, [
  'Cartola de Cuenta Corriente',
  'Sr(a): COMERCIAL E2E LTDA',
  'Cuenta: 00-123-45678-09',
  'Moneda: CLP',
  'Saldo inicial: 1.000.000',
  '',
  'Fecha;Descripción;Canal o Sucursal;Cargos (CLP);Abonos (CLP);Saldo (CLP)',
  '03/11/2026;TRASPASO DE:FERRETERIA SUR LTDA 76.086.428-5 FACT 1001;Internet;;1.190.000;2.190.000',
  '05/11/2026;DEPOSITO EN EFECTIVO;Sucursal Centro;;595.000;2.785.000',
  '06/11/2026;TRASPASO DE:OPTICA CENTRAL SPA;Internet;;600.000;3.385.000',
  '07/11/2026;COMISION MANTENCION PLAN;Central;5.950;;3.379.050',
  '',
  'Saldo final: 3.379.050',
  'Infórmese sobre la garantía estatal de los depósitos en su banco o en www.cmfchile.cl',
].join('\r\n') + '\r\n');

const broken = join(dir, 'cartola-rota.sta');
writeFileSync(broken, ':20:STMT-1\r\n:25:00-123-45678-09\r\n:28C:1/1\r\n:60F:C261101CLP1000000,\r\n:61:261103C1190000,NTRFNONREF\r\n:86:TRASPASO DE FERRETERIA\r\n');

// A bank Cartera does not know, with names no alias covers.
const andino = join(dir, 'extracto-andino.csv');
writeFileSync(andino, 'Banco Andino - Extracto\r\n\r\nDia;Texto del movimiento;Sale;Entra;Queda\r\n10/11/2026;PAGO PANADERIA EL SOL F 2001;;250.000;3.629.050\r\n');

const {page, step, expectText, shot, run, toStart} = await open('bank');

await run(async () => {
  await step('a new portfolio with the open invoices of three clients', async () => {
    await toStart();
    await page.getByTestId('start-new').click();
    await page.getByLabel('Nombre de la cartera').fill('E2E Banco');
    await page.getByTestId('create-portfolio').click();
    await page.getByTestId('portfolio-name').filter({hasText: 'E2E Banco'}).waitFor();
    await page.getByTestId('nav-invoices').click();
    await page.keyboard.press('i');
    await page.getByTestId('import-path').fill(invoices);
    await page.getByTestId('import-path').press('Enter');
    await page.getByTestId('import-samples').waitFor();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-report').waitFor({timeout: 30000});
    await page.getByTestId('choice-createClients').click();
    await page.getByTestId('import-go').click();
    await page.getByTestId('import-summary').getByText('5 nuevos').waitFor({timeout: 30000});
    await page.getByTestId('import-show').click();
  });

  await step('Banco (Alt+4) with no statement says what to do', async () => {
    await page.keyboard.press('Alt+4');
    await expectText('Todavía no hay cartolas.');
    await shot('40-bank-empty');
  });

  await step('a broken statement file gets a sentence naming the problem, and nothing is imported', async () => {
    await page.keyboard.press('i');
    await page.getByTestId('statement-path').fill(broken);
    await page.getByTestId('statement-start').click();
    const alert = page.getByTestId('statement-error');
    await alert.waitFor();
    const text = await alert.innerText();
    if (!/[a-záéíóúñ]{4,}/i.test(text) || /bankfile|mt940:|error:/i.test(text)) throw new Error(`error shown as “${text}”`);
    await shot('41-bank-broken');
    await page.keyboard.press('Escape');
    await expectText('Todavía no hay cartolas.');
  });

  await step('the cartola imports: balances agree, the deposit with RUT and invoice number is matched by itself', async () => {
    await page.keyboard.press('i');
    await page.getByTestId('statement-path').fill(cartola);
    await page.getByTestId('statement-start').click();
    await page.getByTestId('statement-result').waitFor({timeout: 30000});
    await page.getByTestId('balance-ok').waitFor();
    await page.getByTestId('statement-run').getByText('1 depósitos conciliados automáticamente').waitFor();
    await shot('42-bank-imported');
    await page.getByRole('button', {name: 'Ir a la conciliación'}).click();
    await page.getByTestId('bank-tab-matched').click();
    const reasons = page.getByTestId('matched-reasons').first();
    await reasons.waitFor();
    const why = await reasons.innerText();
    if (!why.includes('1001') || !why.includes('76.086.428-5')) throw new Error(`the automatic match says “${why}”`);
    await expectText('Ferretería Sur Ltda.');
    await shot('43-bank-auto');
  });

  await step('a suggestion with its reasons is accepted with Enter, and the payer rule is offered', async () => {
    await page.getByTestId('bank-tab-queue').click();
    await page.getByTestId('queue-list').getByText('DEPOSITO EN EFECTIVO').click();
    const first = page.getByTestId('proposal-0');
    await first.getByText('Ferretería Sur Ltda.').waitFor();
    await first.getByText('1002').waitFor();
    await page.getByTestId('reasons-0').waitFor();
    await shot('44-bank-suggestion');
    await page.keyboard.press('Enter');
    await expectText('Pago registrado para Ferretería Sur Ltda.');
  });

  await step('a deposit is split over two invoices by hand (S)', async () => {
    await page.getByTestId('queue-list').getByText('OPTICA CENTRAL').click();
    await page.keyboard.press('s');
    await page.getByTestId('allocation-table').waitFor();
    await page.getByTestId('alloc-3001').fill('400.000');
    await page.getByTestId('alloc-3002').fill('200.000');
    await shot('45-bank-split');
    await page.getByTestId('split-save').click();
    await expectText('Pago registrado para Óptica Central SpA');
    await expectText('No queda nada por conciliar.');
  });

  await step('the fee is kept out of the queue', async () => {
    await page.getByTestId('bank-tab-other').click();
    await page.getByTestId('other-table').getByText('COMISION MANTENCION PLAN').waitFor();
    await expectText('Comisión');
  });

  await step('undoing the automatic match reverses its payment and the deposit waits again', async () => {
    await page.getByTestId('bank-tab-matched').click();
    await page.getByTestId('matched-table').getByText('FACT 1001').waitFor();
    const row = page.getByTestId('matched-table').getByRole('row').filter({hasText: 'FACT 1001'});
    await row.getByRole('button', {name: 'Deshacer'}).click();
    await expectText('Conciliación deshecha.');
    await page.getByTestId('bank-tab-queue').click();
    await page.getByTestId('queue-list').getByText('FACT 1001').waitFor();
    await page.getByTestId('nav-invoices').click();
    await expectText('1.190.000');
    await page.keyboard.press('Alt+4');
    await page.getByTestId('bank-tab-statements').click();
    await page.getByText('cartola-noviembre.csv').waitFor();
    await shot('46-bank-statements');
  });

  await step('a layout Cartera does not know is mapped once in the wizard and imports', async () => {
    await page.getByTestId('bank-tab-queue').click();
    await page.keyboard.press('i');
    await page.getByTestId('statement-path').fill(andino);
    await page.getByTestId('statement-start').click();
    await page.getByTestId('statement-map').click();
    await page.getByTestId('mapping-step').waitFor();
    await page.getByTestId('sample-row-3').click();
    for (const [j, role] of [[0, 'Fecha'], [1, 'Descripción'], [2, 'Cargos (sale)'], [3, 'Abonos (entra)'], [4, 'Saldo']]) {
      await page.getByTestId(`map-role-${j}`).click();
      await page.getByRole('option', {name: role, exact: true}).click();
    }
    await page.getByTestId('layout-save').click();
    await page.getByTestId('mapping-error').getByText('nombre').waitFor();
    await page.getByTestId('layout-name').fill('Banco Andino');
    await shot('47-bank-mapping');
    await page.getByTestId('layout-save').click();
    await page.getByTestId('statement-result').waitFor({timeout: 30000});
    await expectText('1 movimientos leídos: 1 nuevos');
    await page.getByRole('button', {name: 'Ir a la conciliación'}).click();
    await page.getByTestId('bank-tab-statements').click();
    await page.getByText('extracto-andino.csv').waitFor();
  });

  await step('at 1024×700 every tab of Banco fits the window', async () => {
    await page.setViewportSize({width: 1024, height: 700});
    for (const tab of ['queue', 'matched', 'other', 'statements', 'rules']) {
      await page.getByTestId(`bank-tab-${tab}`).click();
      await page.waitForTimeout(300);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (over > 0) throw new Error(`the ${tab} tab is ${over} px wider than the window`);
      await shot(`49-bank-1024-${tab}`);
    }
    await page.setViewportSize({width: 1280, height: 800});
  });

  await step('in English, the broken file is explained in English', async () => {
    await page.getByTestId('lang-switch').getByText('EN').click();
    await page.getByTestId('bank-tab-queue').click();
    await page.keyboard.press('i');
    await page.getByTestId('statement-path').fill(broken);
    await page.getByTestId('statement-start').click();
    const text = await page.getByTestId('statement-error').innerText();
    if (!/line 6/i.test(text) || /Línea|estado de cuenta/.test(text)) throw new Error(`English error shown as “${text}”`);
    await shot('49-bank-broken-en');
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-switch').getByText('ES').click();
  });
});
