// End-to-end test of amounts and exports: a negative payment is refused under
// its field, 999.999.999.999.999 asks "¿Seguro?" before it is saved and then
// fits its column in the list and the ledger (also at 1024×700), and the
// export of the documents list filtered to overdue says how many documents it
// will write before the save dialog. Screenshots in $E2E_OUT.
import {open} from './harness.mjs';

const {page, step, expectText, shot, run, newPortfolio} = await open('documents-amounts');

async function newInvoice(number, amount, issue) {
  await page.getByTestId('client-new-invoice').click();
  const form = page.getByTestId('invoice-form');
  await form.waitFor();
  await page.getByTestId('invoice-number').fill(number);
  if (issue) await form.getByLabel('Fecha de emisión').fill(issue);
  await page.getByTestId('invoice-amount').fill(amount);
  await page.getByTestId('save-invoice').click();
  await form.waitFor({state: 'detached'});
}

/** overflowing lists the amounts on screen wider than the box they sit in. */
const overflowing = () => page.evaluate(() => {
  const out = [];
  for (const box of document.querySelectorAll('.amount-fit')) {
    const inner = box.firstElementChild;
    if (inner.getBoundingClientRect().width > box.getBoundingClientRect().width + 0.5) out.push(inner.textContent);
  }
  for (const table of document.querySelectorAll('[data-testid="ledger-table"]')) {
    const scroller = table.parentElement;
    if (table.getBoundingClientRect().width > scroller.getBoundingClientRect().width + 0.5) out.push('the ledger table is wider than its box');
  }
  return out;
});

await run(async () => {
  await step('a portfolio with a client, one invoice due later and three overdue ones', async () => {
    await newPortfolio('E2E Montos');
    await page.getByTestId('new-client').click();
    await page.getByTestId('client-legal-name').fill('Distribuidora Los Ríos Ltda');
    await page.getByTestId('client-tax-id').fill('76.123.456-0');
    await page.getByTestId('save-client').click();
    await page.getByTestId('client-title').filter({hasText: 'Distribuidora Los Ríos Ltda'}).waitFor();
    await newInvoice('3001', '1.190.000');
    for (const n of ['3002', '3003', '3004']) await newInvoice(n, '250.000', '2026-08-01');
    await page.getByTestId('client-balance').filter({hasText: '$ 1.940.000'}).waitFor();
  });

  await step('a negative payment says "El monto debe ser positivo" under the field, and nothing about allocations', async () => {
    await page.getByTestId('client-new-payment').click();
    await page.getByTestId('payment-amount').fill('-50.000');
    await page.getByTestId('payment-form').getByText('El monto debe ser positivo.').waitFor({timeout: 5000});
    if (await page.getByText('Lo imputado supera').count()) throw new Error('the form talks about allocations exceeding the payment');
    await shot('40-negative-payment');
    await page.getByTestId('save-payment').click();
    await page.waitForTimeout(500);
    if (!(await page.getByTestId('payment-form').isVisible())) throw new Error('a negative payment was saved');
    // The form holds changes: Esc asks before discarding them.
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-yes').click();
    await page.getByTestId('payment-form').waitFor({state: 'detached'});
  });

  await step('999.999.999.999.999 asks "¿Seguro?" naming the portfolio\'s largest amount; "Corregir" keeps the form', async () => {
    await page.getByTestId('client-new-invoice').click();
    await page.getByTestId('invoice-number').fill('3005');
    await page.getByTestId('invoice-amount').fill('999.999.999.999.999');
    await page.getByTestId('save-invoice').click();
    const said = (await page.getByTestId('amount-confirm-text').textContent()).trim();
    if (!said.includes('$ 999.999.999.999.999') || !said.includes('$ 1.190.000') || !said.includes('sobran ceros')) throw new Error(`said “${said}”`);
    await shot('41-absurd-amount-confirm');
    await page.getByTestId('amount-fix').click();
    await page.getByTestId('amount-confirm-text').waitFor({state: 'detached'});
    if (!(await page.getByTestId('invoice-form').isVisible())) throw new Error('"Corregir" closed the form');
  });

  await step('confirmed, it is saved, and the long amount fits its column in the list and the ledger', async () => {
    await page.getByTestId('save-invoice').click();
    await page.getByTestId('amount-confirm-save').click();
    await page.getByTestId('invoice-form').waitFor({state: 'detached'});
    await page.getByTestId('ledger-table').getByText('999.999.', {exact: false}).first().waitFor();
    let bad = await overflowing();
    if (bad.length) throw new Error(`overflowing on the client page: ${bad.join(', ')}`);
    await shot('42-ledger-long-amount');
    await page.getByTestId('nav-invoices').click();
    await page.getByTestId('invoices-table').getByText('3005').waitFor();
    bad = await overflowing();
    if (bad.length) throw new Error(`overflowing in the documents list: ${bad.join(', ')}`);
    await shot('43-list-long-amount');
  });

  await step('at 1024×700 the long amounts still fit', async () => {
    await page.setViewportSize({width: 1024, height: 700});
    await page.waitForTimeout(300);
    let bad = await overflowing();
    if (bad.length) throw new Error(`documents list: ${bad.join(', ')}`);
    await shot('44-list-long-amount-1024');
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('clients-table').getByText('Distribuidora Los Ríos Ltda').click();
    await page.getByTestId('ledger-table').waitFor();
    bad = await overflowing();
    if (bad.length) throw new Error(`client page: ${bad.join(', ')}`);
    await shot('45-ledger-long-amount-1024');
    await page.setViewportSize({width: 1280, height: 800});
  });

  await step('the documents list filtered to overdue shows 3, and Exportar says "Se exportarán 3 documentos vencidos" before the save dialog', async () => {
    await page.getByTestId('nav-invoices').click();
    await page.getByPlaceholder('Estado').click();
    await page.getByRole('option', {name: 'Vencida', exact: true}).click();
    await expectText('3 documentos');
    await page.getByTestId('export-invoices').click();
    const said = (await page.getByTestId('export-summary').textContent()).trim();
    if (said !== 'Se exportarán 3 documentos vencidos.') throw new Error(`the dialog says “${said}”`);
    await expectText('Exactamente lo que muestra la lista');
    await shot('46-export-overdue');
    // The native save dialog cannot be driven from a browser: the written file is tested in Go.
    await page.getByTestId('export-dialog').getByRole('button', {name: 'Cancelar'}).click();
    await page.getByTestId('export-summary').waitFor({state: 'detached'});
  });

  await step('with a search on top, the dialog says the search and filters narrow it', async () => {
    await page.getByPlaceholder('Buscar por número o cliente').fill('3003');
    await expectText('1 documento');
    await page.getByTestId('export-invoices').click();
    const said = (await page.getByTestId('export-summary').textContent()).trim();
    if (said !== 'Se exportará 1 documento vencido.') throw new Error(`the dialog says “${said}”`);
    await expectText('Solo lo que coincide con la búsqueda');
    await page.getByTestId('export-dialog').getByRole('button', {name: 'Cancelar'}).click();
  });
});
