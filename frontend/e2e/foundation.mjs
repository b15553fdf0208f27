// End-to-end test of the foundation: the real UI in Debian's chromium, talking
// to the real Go backend (served by `wails dev`) and a real portfolio file.
// A bookkeeper creates a portfolio, a client (first with a wrong RUT), an
// invoice and a partial payment, checks the balance and the status, and
// switches the UI to English. Screenshots land in $E2E_OUT.
import {open} from './harness.mjs';

const {page, step, expectText, shot, run, toStart} = await open('foundation');

await run(async () => {
  await step('the first screen offers a new portfolio, opening one and the demo, in Spanish', async () => {
    await toStart();
    await expectText('Abrir cartera…');
    await expectText('Probar con una cartera de demostración');
    await shot('01-start');
  });

  await step('a new Chilean portfolio opens on an empty client list that says what to do', async () => {
    await page.getByTestId('start-new').click();
    await page.getByLabel('Nombre de la cartera').fill('E2E Prueba');
    await page.getByTestId('create-portfolio').click();
    await page.getByTestId('portfolio-name').filter({hasText: 'E2E Prueba'}).waitFor();
    await expectText('Todavía no hay clientes.');
    await shot('02-empty-clients');
  });

  await step('a wrong RUT check digit is a clear warning in the form and is not saved', async () => {
    await page.getByTestId('new-client').click();
    await page.getByTestId('client-legal-name').fill('Ferretería El Tornillo SpA');
    await page.getByTestId('client-tax-id').fill('76.123.456-K');
    // The warning appears while typing, before saving.
    await page.getByText('dígito verificador', {exact: false}).first().waitFor({timeout: 5000});
    await shot('03-bad-rut');
    await page.getByTestId('save-client').click();
    await page.waitForTimeout(500);
    if (!(await page.getByTestId('client-form').isVisible())) throw new Error('the form closed: a client with a wrong RUT was saved');
  });

  await step('with the right RUT the client is saved and its page opens with a zero balance', async () => {
    await page.getByTestId('client-tax-id').fill('76.123.456-0');
    await expectText('RUT válido');
    await page.getByTestId('save-client').click();
    await page.getByTestId('client-title').filter({hasText: 'Ferretería El Tornillo SpA'}).waitFor();
    const bal = await page.getByTestId('client-balance').textContent();
    if (bal.trim() !== '$ 0') throw new Error(`balance ${bal}, want $ 0`);
    await expectText('76.123.456-0');
  });

  await step('an invoice of $ 1.190.000 raises the balance', async () => {
    await page.getByTestId('client-new-invoice').click();
    await page.getByTestId('invoice-number').fill('1001');
    await page.getByTestId('invoice-amount').fill('1.190.000');
    await page.getByTestId('save-invoice').click();
    await page.getByTestId('client-balance').filter({hasText: '$ 1.190.000'}).waitFor();
    await page.getByTestId('ledger-table').getByText('Por vencer').waitFor();
  });

  await step('a payment of $ 500.000 is proposed against invoice 1001 and leaves $ 690.000, partly paid', async () => {
    await page.getByTestId('client-new-payment').click();
    await page.getByTestId('payment-amount').fill('500.000');
    const line = page.getByTestId('alloc-1001');
    await line.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="alloc-1001"]')?.value === '500.000', null, {timeout: 5000});
    await shot('04-payment-form');
    await page.getByTestId('save-payment').click();
    await page.getByTestId('client-balance').filter({hasText: '$ 690.000'}).waitFor();
    await page.getByTestId('ledger-table').getByText('Pago parcial').waitFor();
    await shot('05-client-page');
  });

  await step('the change history shows who created the client', async () => {
    await page.getByRole('tab', {name: 'Historial de cambios'}).click();
    await page.getByTestId('history-table').getByText('Creación').first().waitFor();
    await page.getByRole('tab', {name: 'Movimientos'}).click();
  });

  await step('Alt+2 opens the documents list with the invoice', async () => {
    await page.keyboard.press('Alt+2');
    await page.getByTestId('invoices-table').getByText('1001').waitFor();
    await page.getByTestId('invoices-table').getByText('Pago parcial').waitFor();
  });

  await step('a payment is reversed from its drawer, logged, and the invoice is open again', async () => {
    await page.keyboard.press('Alt+3');
    await page.locator('.vt-row').first().click();
    await page.getByRole('button', {name: 'Reversar pago'}).click();
    await page.getByLabel('Motivo de la reversa').fill('Cheque protestado');
    await page.getByRole('button', {name: 'Reversar pago'}).click();
    await page.getByRole('dialog').getByText('Reversado', {exact: true}).first().waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+2');
    await page.getByTestId('invoices-table').getByText('Por vencer').waitFor();
  });

  await step('an invoice is voided with a reason, never deleted', async () => {
    await page.getByTestId('invoices-table').getByText('1001').click();
    await page.getByRole('button', {name: 'Anular'}).click();
    await page.getByLabel('Motivo de la anulación').fill('Emitida por error');
    await page.getByRole('button', {name: 'Anular'}).click();
    await page.getByRole('dialog').getByText('Emitida por error').first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('invoices-table').getByText('Anulada').waitFor();
    await shot('07-voided');
  });

  await step('the portfolio details are edited and the header follows', async () => {
    await page.getByRole('button', {name: 'Datos de la cartera'}).click();
    await page.getByLabel('Nombre de la cartera').fill('E2E Prueba Ltda');
    await page.getByRole('button', {name: 'Guardar'}).click();
    await page.getByTestId('portfolio-name').filter({hasText: 'E2E Prueba Ltda'}).waitFor();
    // The screen did not restart: the documents list is still there.
    await page.getByTestId('invoices-table').getByText('1001').waitFor();
  });

  await step('the UI switches to English and stays consistent', async () => {
    await page.getByTestId('lang-switch').getByText('EN').click();
    await page.getByTestId('invoices-table').getByText('Voided').waitFor();
    await page.keyboard.press('Alt+1');
    await expectText('New client');
    await shot('06-english');
  });
});
