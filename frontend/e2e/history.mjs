// End-to-end test of reversed payments and the change history (issue 15,
// defects 8 and 9): a reversed payment stays in the list as «Reversado», its
// drawer says why and shows nothing available, a filter hides it; a client's
// terms edited from 30 to 45 read «Plazo: 30 → 45 días» in the history, a
// document is named by its number, the history filters by kind of record, and
// all of it reads in English too.
import {open} from './harness.mjs';

const {page, step, expectText, shot, run, toStart} = await open('history');

const fail = (msg) => { throw new Error(msg); };

await run(async () => {
  await step('a new portfolio with a client, an invoice and a payment by cheque', async () => {
    await toStart(); // another scenario's portfolio may be open, in English
    await expectText('Nueva cartera');
    await page.getByTestId('start-new').click();
    await page.getByLabel('Nombre de la cartera').fill('E2E Historial');
    await page.getByTestId('create-portfolio').click();
    await page.getByTestId('portfolio-name').filter({hasText: 'E2E Historial'}).waitFor();
    await page.getByTestId('new-client').click();
    await page.getByTestId('client-legal-name').fill('Comercial Los Andes SpA');
    await page.getByTestId('client-tax-id').fill('76.123.456-0');
    await page.getByTestId('save-client').click();
    await page.getByTestId('client-title').filter({hasText: 'Comercial Los Andes SpA'}).waitFor();
    await page.getByTestId('client-new-invoice').click();
    await page.getByTestId('invoice-number').fill('1001');
    await page.getByTestId('invoice-amount').fill('1.000.000');
    await page.getByTestId('save-invoice').click();
    await page.getByTestId('client-balance').filter({hasText: '$ 1.000.000'}).waitFor();
    await page.getByTestId('client-new-payment').click();
    await page.getByTestId('payment-amount').fill('300.000');
    await page.getByLabel('Referencia (N° de operación, cheque…)').fill('CHQ 4455');
    await page.waitForFunction(() => document.querySelector('[data-testid="alloc-1001"]')?.value === '300.000', null, {timeout: 5000});
    await page.getByTestId('save-payment').click();
    await page.getByTestId('client-balance').filter({hasText: '$ 700.000'}).waitFor();
  });

  await step('the payment is reversed from its drawer', async () => {
    await page.keyboard.press('Alt+3');
    await page.locator('.vt-row').filter({hasText: 'CHQ 4455'}).first().click();
    await page.getByRole('button', {name: 'Reversar pago'}).click();
    await page.getByLabel('Motivo de la reversa').fill('Cheque protestado');
    await page.getByRole('button', {name: 'Reversar pago'}).click();
    await page.getByTestId('payment-reverse-reason').filter({hasText: 'Cheque protestado'}).waitFor();
  });

  await step('its drawer says who reversed it, when and why, and shows nothing available', async () => {
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Reversado', {exact: true}).first().waitFor();
    await drawer.getByText('Reversado por').waitFor();
    await drawer.getByTestId('payment-reversed-note').waitFor();
    const facts = await drawer.getByTestId('payment-facts').innerText();
    if (/Sin imputar/.test(facts)) fail(`the reversed payment's facts still show an unallocated amount: ${facts.replace(/\s+/g, ' ')}`);
    if (!/Reversado el\s+\d\d-\d\d-\d{4}/.test(facts)) fail(`no reversal date with a four-digit year: ${facts.replace(/\s+/g, ' ')}`);
    if (await drawer.getByRole('button', {name: 'Imputar saldo'}).count()) fail('a reversed payment offers to allocate its remainder');
    await shot('history-01-reversed-drawer');
    await page.keyboard.press('Escape');
  });

  await step('the list keeps the reversed payment with the status «Reversado», and search finds it', async () => {
    const row = page.locator('.vt-row').filter({hasText: 'CHQ 4455'});
    await row.getByText('Reversado', {exact: true}).waitFor();
    await page.getByPlaceholder('Buscar por referencia o cliente').fill('4455');
    await page.locator('.vt-row').filter({hasText: 'CHQ 4455'}).getByText('Reversado', {exact: true}).waitFor();
    await expectText('1 pago');
    await shot('history-02-payments-reversed');
  });

  await step('the filter «Sin los reversados» hides it', async () => {
    await page.getByTestId('payment-status-filter').click();
    await page.getByRole('option', {name: 'Sin los reversados', exact: true}).click();
    await expectText('Ningún pago coincide con la búsqueda.');
    await page.getByTestId('payment-status-filter').click();
    await page.getByRole('option', {name: 'Reversado', exact: true}).click();
    await page.locator('.vt-row').filter({hasText: 'CHQ 4455'}).waitFor();
    await page.getByPlaceholder('Buscar por referencia o cliente').fill('');
  });

  await step('the client owes the whole invoice again and has no credit from the reversed payment', async () => {
    await page.keyboard.press('Alt+1');
    await page.getByText('Comercial Los Andes SpA').first().click();
    await page.getByTestId('client-balance').filter({hasText: '$ 1.000.000'}).waitFor();
  });

  await step("the client's terms are changed from 30 to 45 days", async () => {
    await page.getByRole('button', {name: 'Editar'}).click();
    await page.getByLabel('Plazo de pago (días)').fill('45');
    await page.getByTestId('save-client').click();
    await expectText('Plazo: 45 días');
  });

  await step("the client's own history lists the change and its invoice and payment, not only the client", async () => {
    await page.getByRole('tab', {name: 'Historial de cambios'}).click();
    const table = page.getByTestId('history-table');
    await table.getByText('Plazo: 30 → 45 días').waitFor();
    await table.getByText('Factura n.º 1001 · Comercial Los Andes SpA').first().waitFor();
    await table.getByText('Motivo de la reversa: — → Cheque protestado').waitFor();
    await shot('history-09-client-history');
    await page.getByRole('tab', {name: 'Movimientos'}).click();
  });

  await step('the history reads «Plazo: 30 → 45 días», names the invoice by its number and the payment by its reference', async () => {
    await page.keyboard.press('Alt+5');
    const table = page.getByTestId('history-table');
    await table.getByText('Plazo: 30 → 45 días').waitFor();
    await table.getByText('Factura n.º 1001 · Comercial Los Andes SpA').first().waitFor();
    await table.getByText('Cliente Comercial Los Andes SpA').first().waitFor();
    await table.getByText('Motivo de la reversa: — → Cheque protestado').waitFor();
    const text = await table.innerText();
    if (/Documento #|#\d|tradeName|paymentTermsDays/.test(text)) fail(`raw names or ids in the history: ${text.slice(0, 300)}`);
    if (!/\d\d-\d\d-\d{4},? \d\d:\d\d/.test(text)) fail('no timestamp with a four-digit year');
    await shot('history-03-history');
  });

  await step('the history filters by kind of record', async () => {
    await page.getByTestId('history-kind').click();
    await page.getByRole('option', {name: 'Documentos', exact: true}).click();
    const table = page.getByTestId('history-table');
    await table.getByText('Factura n.º 1001').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="history-table"]')?.textContent?.includes('Plazo'), null, {timeout: 5000});
    await shot('history-04-history-documents');
    await page.getByTestId('history-kind').click();
    await page.getByRole('option', {name: 'Pagos', exact: true}).click();
    await table.getByText('Motivo de la reversa: — → Cheque protestado').waitFor();
    const text = await table.innerText();
    if (text.includes('Factura n.º 1001 · Comercial')) fail('the payments filter still lists the invoice');
  });

  await step('the history filters by date: a range before today lists nothing', async () => {
    await page.getByTestId('history-to').fill('2020-01-31');
    await expectText('Ningún cambio coincide con los filtros.');
    await page.getByTestId('history-to').fill('');
  });

  await step('in English the same history reads in English', async () => {
    await page.getByTestId('lang-switch').getByText('EN').click();
    await page.getByTestId('history-kind').click();
    await page.getByRole('option', {name: 'Clients', exact: true}).click();
    const table = page.getByTestId('history-table');
    await table.getByText('Payment terms: 30 → 45 days').waitFor();
    await table.getByText('Client Comercial Los Andes SpA').first().waitFor();
    await page.getByTestId('history-kind').click();
    await page.getByRole('option', {name: 'Documents', exact: true}).click();
    await table.getByText('Invoice no. 1001').first().waitFor();
    await shot('history-05-history-en');
  });

  await step('in English the payments list says «Reversed»', async () => {
    await page.keyboard.press('Alt+3');
    await page.locator('.vt-row').filter({hasText: 'CHQ 4455'}).getByText('Reversed', {exact: true}).waitFor();
    await shot('history-06-payments-en');
  });

  await step('a payment larger than what is owed is «Parcialmente imputado» with the rest unallocated', async () => {
    await page.getByTestId('lang-switch').getByText('ES').click();
    await page.keyboard.press('Alt+1');
    await page.getByText('Comercial Los Andes SpA').first().click();
    await page.getByTestId('client-new-payment').click();
    await page.getByTestId('payment-amount').fill('1.200.000');
    await page.waitForFunction(() => document.querySelector('[data-testid="alloc-1001"]')?.value === '1.000.000', null, {timeout: 5000});
    await page.getByTestId('save-payment').click();
    await page.getByTestId('client-balance').filter({hasText: '-$ 200.000'}).waitFor();
    await page.keyboard.press('Alt+3');
    const row = page.locator('.vt-row').filter({hasText: 'Parcialmente imputado'});
    await row.getByText('$ 200.000').waitFor();
  });

  await step('at 1024×700 the payment list keeps every column readable', async () => {
    await page.setViewportSize({width: 1024, height: 700});
    await page.locator('.vt-row').filter({hasText: 'CHQ 4455'}).getByText('Reversado', {exact: true}).waitFor();
    const box = await page.locator('.vt-row').filter({hasText: 'CHQ 4455'}).getByText('Reversado', {exact: true}).boundingBox();
    if (!box || box.x + box.width > 1024) fail(`the status is cut off at 1024 px: ${JSON.stringify(box)}`);
    // Dates, amounts and statuses are never cut (names and references may be, with an ellipsis).
    const cut = await page.evaluate(() => [...document.querySelectorAll('.vt-row')].flatMap((r) => {
      const cells = [...r.children];
      if (cells.length !== 6) return [`${cells.length} cells`];
      const overflows = (c) => {
        const range = document.createRange();
        range.selectNodeContents(c);
        const cs = getComputedStyle(c);
        const inner = c.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        return range.getBoundingClientRect().width > inner + 0.5 || [c, ...c.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1);
      };
      return [0, 3, 4, 5].map((i) => cells[i]).filter(overflows).map((c) => c.textContent);
    }));
    if (cut.length) fail(`cut off at 1024 px: ${cut.join(' | ')}`);
    await shot('history-07-payments-1024');
    await page.keyboard.press('Alt+5');
    await page.getByTestId('history-table').waitFor();
    await shot('history-08-history-1024');
  });
});
