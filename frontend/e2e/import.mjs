// End-to-end test of the import wizard: the real UI in Debian's chromium, the
// real Go backend (`wails dev`), a real CSV file on disk. A bookkeeper brings
// an ERP's list of open documents into a new portfolio: the wizard finds the
// header under the title rows, maps the columns, lists the problems by row and
// column, imports with the choices made, and the import is undone from the
// history. Screenshots land in $E2E_OUT.
import {open} from './harness.mjs';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'cartera-e2e-import-'));
const csv = join(dir, 'cxc-defontana.csv');
// Windows-1252 would be truer to life; the encodings have their own Go tests.
writeFileSync(csv, [
  'Informe de documentos por cobrar',
  'Emitido el 24/11/2026',
  '',
  'RUT;Razón Social;Tipo Doc;Nº Documento;Fecha Emisión;Vencimiento;Monto;Saldo',
  '76.086.428-5;Ferretería Sur Ltda.;Factura;1001;15/10/2026;14/11/2026;1.190.000;1.190.000',
  '76.086.428-5;Ferretería Sur Ltda.;Factura;1002;20/10/2026;19/11/2026;595.000;95.000',
  '12.345.678-5;Panadería El Sol;NC;55;21/10/2026;;-100.000;-100.000',
  '12.345.678-5;Panadería El Sol;Factura;1003;31/02/2026;;250.000;250.000',
  '',
  'Total;;;;;;1.935.000;',
].join('\r\n') + '\r\n');

const {page, step, expectText, shot, run, toStart} = await open('import');

await run(async () => {
  await step('a new portfolio offers to import documents when it has none', async () => {
    await toStart(); // another scenario's portfolio may be open, in English
    await expectText('Nueva cartera');
    await page.getByTestId('start-new').click();
    await page.getByLabel('Nombre de la cartera').fill('E2E Importación');
    await page.getByTestId('create-portfolio').click();
    await page.getByTestId('portfolio-name').filter({hasText: 'E2E Importación'}).waitFor();
    await page.getByTestId('nav-invoices').click();
    await expectText('importe las pendientes');
  });

  await step('the wizard finds the header under the title rows, the delimiter and the number style', async () => {
    await page.keyboard.press('i');
    await page.getByTestId('import-wizard').waitFor();
    await expectText('Sirven exportaciones de Defontana');
    await shot('20-import-empty');
    await page.getByTestId('import-path').fill(csv);
    await page.getByTestId('import-path').press('Enter');
    await page.getByTestId('import-samples').waitFor();
    if (await page.getByTestId('import-header-row').inputValue() !== '4') throw new Error('header row not detected as 4');
    const decimal = await page.getByTestId('import-wizard').getByLabel('Números').inputValue();
    if (decimal !== '1.234,56 (coma decimal)') throw new Error(`number style “${decimal}”`);
    await expectText('Ferretería Sur Ltda.');
    await shot('21-import-file');
  });

  await step('the columns are mapped from their Spanish names', async () => {
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-columns').waitFor();
    for (const [i, label] of [[0, 'RUT / NIT / RFC'], [3, 'Número / folio'], [4, 'Fecha de emisión'], [7, 'Saldo pendiente']]) {
      const v = await page.getByTestId(`column-${i}`).inputValue();
      if (!v.startsWith(label)) throw new Error(`column ${i} mapped to “${v}”, want ${label}`);
    }
    await page.getByTestId('mapping-name').fill('Defontana CxC');
    await page.getByRole('button', {name: 'Guardar asignación'}).click();
    await expectText('Asignación «Defontana CxC» guardada');
    await shot('22-import-columns');
  });

  await step('the review lists each problem with row, column and value, and blocks until decided', async () => {
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-report').waitFor({timeout: 30000});
    await page.getByTestId('import-problems').getByText('31/02/2026').waitFor();
    await expectText('es una fecha que no existe');
    await expectText('Crear los 2 clientes que faltan');
    await page.getByTestId('import-blocking').waitFor();
    if (await page.getByTestId('import-go').isEnabled()) throw new Error('import allowed with problems undecided');
    await shot('23-import-review');
  });

  await step('with the choices made the rows are imported and the balances agree with the file', async () => {
    await page.getByTestId('choice-createClients').click();
    await page.getByTestId('choice-skipInvalid').click();
    await page.getByTestId('import-go').click();
    // The wizard ends on a summary of what went in and what was left out.
    await page.getByTestId('import-summary').getByText('Importación guardada: 3 nuevos').waitFor({timeout: 30000});
    await page.getByTestId('result-skipped').getByText('1').waitFor();
    await page.getByTestId('result-classes').getByText('Errores').waitFor();
    await shot('24-import-summary');
    await page.getByTestId('import-show').click();
    await page.getByTestId('import-wizard').waitFor({state: 'detached'});
    await expectText('Panadería El Sol');
    await expectText('95.000');
    await shot('24-import-done');
  });

  await step('the import is in the history and undoing it restores the empty portfolio', async () => {
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-tab').getByText('Importaciones').click();
    await page.getByTestId('imports-table').getByText('cxc-defontana.csv').waitFor();
    await expectText('3 nuevos');
    await shot('25-import-history');
    await page.getByTestId('imports-table').getByRole('button', {name: 'Deshacer'}).click();
    await page.getByTestId('undo-confirm').click();
    await expectText('Importación deshecha.');
    await page.getByTestId('nav-invoices').click();
    await expectText('Todavía no hay documentos');
  });

  await step('the saved mapping is offered by itself for the next file with the same columns', async () => {
    await page.getByTestId('import-invoices').first().click();
    await page.getByTestId('import-path').fill(csv);
    await page.getByTestId('import-path').press('Enter');
    await page.getByTestId('import-samples').waitFor();
    await page.getByTestId('import-next').click();
    await expectText('Se aplicó la asignación guardada «Defontana CxC».');
    await page.keyboard.press('Escape');
  });
});
