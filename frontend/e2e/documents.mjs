// End-to-end test of credit notes: the real UI in Debian's chromium, the real
// Go backend (`wails dev`). A credit note saved without the invoice it
// corrects is applied later from its drawer, partly, to two invoices; the
// invoice reads "Acreditada parcialmente"; voiding it explains what to do and
// un-applies with consent; an application is undone. Screenshots in $E2E_OUT.
import {open} from './harness.mjs';

const {page, step, expectText, shot, run, newPortfolio} = await open('documents');

async function newDocument({number, amount, kind, issue}) {
  await page.getByTestId('client-new-invoice').click();
  const form = page.getByTestId('invoice-form');
  await form.waitFor();
  if (kind) {
    await form.getByLabel('Tipo de documento').click();
    await page.getByRole('option', {name: kind, exact: true}).click();
  }
  await page.getByTestId('invoice-number').fill(number);
  if (issue) await form.getByLabel('Fecha de emisión').fill(issue);
  await page.getByTestId('invoice-amount').fill(amount);
  await page.getByTestId('save-invoice').click();
  await form.waitFor({state: 'detached'});
}

const drawer = () => page.getByRole('dialog');
const status = async () => (await page.getByTestId('document-status').textContent()).trim();

async function openDocument(text) {
  await page.getByTestId('nav-invoices').click();
  await page.getByTestId('invoices-table').getByText(text, {exact: true}).first().click();
  await page.getByTestId('document-status').waitFor();
}

async function closeDrawer() {
  await page.keyboard.press('Escape');
  await page.getByTestId('document-status').waitFor({state: 'detached'});
}

await run(async () => {
  await step('a portfolio with a client and two invoices of $ 1.000.000 and $ 500.000', async () => {
    await newPortfolio('E2E Notas de crédito');
    await page.getByTestId('new-client').click();
    await page.getByTestId('client-legal-name').fill('Comercial Andes SpA');
    await page.getByTestId('client-tax-id').fill('76.123.456-0');
    await page.getByTestId('save-client').click();
    await page.getByTestId('client-title').filter({hasText: 'Comercial Andes SpA'}).waitFor();
    await newDocument({number: '2001', amount: '1.000.000'});
    await newDocument({number: '2002', amount: '500.000'});
    await page.getByTestId('client-balance').filter({hasText: '$ 1.500.000'}).waitFor();
  });

  await step('a credit note saved without "Factura que corrige" is Disponible and offers "Aplicar a facturas"', async () => {
    await newDocument({number: '501', amount: '300.000', kind: 'Nota de crédito'});
    await openDocument('NC 501');
    if (await status() !== 'Disponible') throw new Error(`status ${await status()}`);
    await page.getByTestId('apply-note-button').waitFor();
  });

  await step('the proposal takes the oldest first; applied partly to two invoices', async () => {
    await page.getByTestId('apply-note-button').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="alloc-2001"]')?.value === '300.000', null, {timeout: 5000});
    await page.getByTestId('alloc-2001').fill('200.000');
    await page.getByTestId('alloc-2002').fill('50.000');
    await expectText('Queda disponible en la nota');
    await shot('30-apply-note');
    await page.getByTestId('save-apply').click();
    await page.getByTestId('apply-note').waitFor({state: 'detached'});
    await page.getByTestId('document-open').filter({hasText: '$ 50.000'}).waitFor();
    const lines = page.getByTestId('document-allocations');
    await lines.getByText('Factura 2001').waitFor();
    await lines.getByText('Factura 2002').waitFor();
    await shot('31-note-applied');
    await closeDrawer();
  });

  await step('the invoice reduced only by the note reads "Acreditada parcialmente" with $ 800.000 outstanding', async () => {
    await page.getByTestId('invoices-table').getByText('Acreditada parcialmente').first().waitFor();
    await openDocument('2001');
    if (await status() !== 'Acreditada parcialmente') throw new Error(`status ${await status()}`);
    await page.getByTestId('document-open').filter({hasText: '$ 800.000'}).waitFor();
    await drawer().getByText('Nota de crédito 501').waitFor();
  });

  await step('voiding it says which note is applied and what to do', async () => {
    await page.getByTestId('void-button').click();
    const said = (await page.getByTestId('void-notes').textContent()).trim();
    if (!said.includes('La factura 2001 tiene aplicada la nota de crédito 501') || !said.includes('desaplicar la nota primero')) throw new Error(`said “${said}”`);
    if (await page.getByTestId('void-confirm').count()) throw new Error('a plain "Anular" is offered although it cannot work');
    await page.getByTestId('void-reason').fill('Emitida por error');
    await shot('32-void-with-note');
  });

  await step('"Desaplicar y anular" voids the invoice and gives the note back', async () => {
    await page.getByTestId('unapply-and-void').click();
    await page.getByTestId('document-status').filter({hasText: 'Anulada'}).waitFor();
    await closeDrawer();
    await openDocument('NC 501');
    await page.getByTestId('document-open').filter({hasText: '$ 250.000'}).waitFor();
  });

  await step('undoing the application on 2002 restores it and the note', async () => {
    await page.getByTestId('undo-2002').click();
    await page.getByTestId('document-open').filter({hasText: '$ 300.000'}).waitFor();
    if (await page.getByTestId('undo-2002').count()) throw new Error('the undone line still offers an undo');
    await shot('33-note-undone');
    await closeDrawer();
    await openDocument('2002');
    if (await status() !== 'Por vencer') throw new Error(`2002 after the undo: ${await status()}`);
    await page.getByTestId('document-open').filter({hasText: '$ 500.000'}).waitFor();
    await closeDrawer();
  });

  await step('the client owes $ 500.000 less the $ 300.000 note', async () => {
    await page.getByTestId('invoices-table').getByText('Comercial Andes SpA').first().waitFor();
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('clients-table').getByText('Comercial Andes SpA').click();
    await page.getByTestId('client-balance').filter({hasText: '$ 200.000'}).waitFor();
    await shot('34-client-after-notes');
  });
});
