// End-to-end test of the paths off the happy road: every kind of error the
// backend returns reaches the screen as a sentence in the user's language,
// next to the field it names (never "[object Object]": the harness fails any
// step after which the page shows it); a filled-in form is not lost to Esc;
// the keyboard shortcuts the README promises work.
import {open} from './harness.mjs';
import {writeFileSync} from 'node:fs';

const {page, step, expectText, shot, run, toStart} = await open('errors');

/** fieldError is the error text Mantine shows under the input labelled label. */
async function fieldError(label) {
  // A required field's label ends in Mantine's asterisk.
  const input = page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`)).first();
  const id = await input.getAttribute('aria-describedby', {timeout: 1000});
  if (!id) throw new Error(`the field «${label}» shows no error`);
  const texts = await Promise.all(id.split(/\s+/).map((i) => page.locator(`[id="${i}"]`).textContent().catch(() => '')));
  return texts.join(' ').trim();
}

async function expectFieldError(label, want) {
  let got = '';
  for (let i = 0; i < 20; i++) {
    got = await fieldError(label).catch((e) => `(${e.message.split('\n')[0]})`);
    if (got.includes(want)) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`under «${label}»: ${got}; want ${JSON.stringify(want)}`);
}

let portfolioPath = '';

await run(async () => {
  await step('an empty portfolio name is refused in Spanish under the field, not by the browser', async () => {
    await toStart();
    await page.getByTestId('start-new').click();
    await page.getByTestId('create-portfolio').click();
    await expectFieldError('Nombre de la cartera', 'Es obligatorio');
  });

  await step('a wrong company RUT is named under its field', async () => {
    await page.getByLabel('Nombre de la cartera').fill('Errores SpA');
    await page.getByLabel('RUT / NIT / RFC de la empresa (opcional)').fill('76.123.456-K');
    await page.getByTestId('create-portfolio').click();
    await expectFieldError('RUT / NIT / RFC de la empresa (opcional)', 'dígito verificador');
    await shot('errors-01-company-rut');
  });

  await step('with a right RUT the portfolio opens', async () => {
    await page.getByLabel('RUT / NIT / RFC de la empresa (opcional)').fill('76.123.456-0');
    await page.getByTestId('create-portfolio').click();
    await page.getByTestId('portfolio-name').filter({hasText: 'Errores SpA'}).waitFor();
    portfolioPath = await page.evaluate(() => window.go.app.Portfolios.Current().then((c) => c.path));
    if (!portfolioPath) throw new Error('no path for the open portfolio');
  });

  await step('a bad contact e-mail is named under the e-mail box of that contact', async () => {
    await page.getByTestId('new-client').click();
    await page.getByTestId('client-legal-name').fill('Alfa Limitada');
    await page.getByRole('button', {name: 'Agregar contacto'}).click();
    await page.getByLabel('Nombre', {exact: true}).fill('Ana Pérez');
    await page.getByLabel('Correo', {exact: true}).fill('ana@');
    await page.getByTestId('save-client').click();
    await expectFieldError('Correo', '«ana@» no es un correo válido');
    await shot('errors-02-contact-email');
  });

  await step('Esc on a filled-in form asks before discarding, and keeping goes back to the form', async () => {
    await page.keyboard.press('Escape');
    await page.getByText('¿Descartar los cambios?').waitFor();
    await shot('errors-03-discard');
    await page.getByTestId('discard-keep').click();
    await page.getByText('¿Descartar los cambios?').waitFor({state: 'hidden'});
    if (!(await page.getByTestId('client-form').isVisible())) throw new Error('the form closed');
    if ((await page.getByTestId('client-legal-name').inputValue()) !== 'Alfa Limitada') throw new Error('the typed name was lost');
  });

  await step('with the e-mail fixed the client is saved', async () => {
    await page.getByLabel('Correo', {exact: true}).fill('ana@alfa.cl');
    await page.getByTestId('save-client').click();
    await page.getByTestId('client-title').filter({hasText: 'Alfa Limitada'}).waitFor();
  });

  await step('Esc leaves the client page for the list', async () => {
    await page.locator('body').click({position: {x: 5, y: 400}});
    await page.keyboard.press('Escape');
    await page.getByTestId('clients-table').waitFor();
  });

  await step('an untouched form closes with Esc at once; a touched one can be discarded', async () => {
    await page.keyboard.press('n');
    await page.getByTestId('client-form').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('client-form').waitFor({state: 'hidden'});
    await page.keyboard.press('n');
    await page.getByTestId('client-legal-name').fill('Beta SpA');
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-yes').click();
    await page.getByTestId('client-form').waitFor({state: 'hidden'});
    // Now save Beta for real, for the picker test.
    await page.keyboard.press('n');
    await page.getByTestId('client-legal-name').fill('Beta SpA');
    await page.getByTestId('save-client').click();
    await page.getByTestId('client-title').filter({hasText: 'Beta SpA'}).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('clients-table').waitFor();
  });

  await step('/ goes to the search box, the down arrow into the list, Enter opens the client', async () => {
    await page.keyboard.press('/');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (focused !== 'client-search') throw new Error(`focus on ${focused}, want the search box`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('client-title').filter({hasText: 'Beta SpA'}).waitFor();
    await page.keyboard.press('Escape');
  });

  await step('N on the documents list puts the cursor in the client box; typing and Enter at once picks the typed client', async () => {
    await page.keyboard.press('Alt+2');
    await page.getByTestId('invoices-table').waitFor();
    await page.keyboard.press('n');
    await page.getByTestId('invoice-form').waitFor();
    await page.waitForTimeout(300);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (focused !== 'client-picker') throw new Error(`focus on ${focused}, want the client box`);
    await page.keyboard.type('beta');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    const picked = await page.getByTestId('invoice-form').getByTestId('client-picker').inputValue();
    if (!picked.startsWith('Beta SpA')) throw new Error(`picked ${JSON.stringify(picked)}, want Beta SpA`);
  });

  await step('an invoice is saved; the same number again is refused under the number field', async () => {
    await page.getByTestId('invoice-number').fill('2001');
    await page.getByTestId('invoice-amount').fill('100.000');
    await page.getByTestId('save-invoice').click();
    await page.getByTestId('invoice-form').waitFor({state: 'hidden'});
    await page.keyboard.press('n');
    await page.getByTestId('invoice-form').getByTestId('client-picker').fill('beta');
    await page.getByRole('option', {name: /Beta SpA/}).click();
    await page.getByTestId('invoice-number').fill('2001');
    await page.getByTestId('invoice-amount').fill('5.000');
    await page.getByTestId('save-invoice').click();
    await expectFieldError('Número o folio', '2001');
    await shot('errors-04-duplicate-number');
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-yes').click();
  });

  await step('voiding an invoice with a payment applied is refused with a sentence that says why', async () => {
    await page.keyboard.press('Alt+3');
    await page.keyboard.press('n');
    await page.getByTestId('payment-form').getByTestId('client-picker').fill('beta');
    await page.getByRole('option', {name: /Beta SpA/}).click();
    await page.getByTestId('payment-amount').fill('40.000');
    await page.waitForFunction(() => document.querySelector('[data-testid="alloc-2001"]')?.value === '40.000', null, {timeout: 5000});
    await page.getByTestId('save-payment').click();
    await page.getByTestId('payment-form').waitFor({state: 'hidden'});
    await page.keyboard.press('Alt+2');
    await page.getByTestId('invoices-table').getByText('2001').click();
    await page.getByTestId('void-button').click();
    // The drawer says at once why it cannot be voided, and offers no void.
    const blocked = await page.getByTestId('void-blocked').textContent({timeout: 5000});
    if (!/pago/i.test(blocked)) throw new Error(`the drawer says ${JSON.stringify(blocked)}; want a sentence about the payment`);
    if (await page.getByTestId('void-confirm').count()) throw new Error('a void button is offered for an invoice with a payment applied');
    await shot('errors-05-void-refused');
    await page.keyboard.press('Escape');
  });

  await step('the same kind of error reads in English after switching the language', async () => {
    await page.getByTestId('lang-switch').getByText('EN').click();
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('n');
    await page.getByTestId('client-legal-name').fill('Gamma');
    await page.getByRole('button', {name: 'Add contact'}).click();
    await page.getByLabel('Email', {exact: true}).fill('x@');
    await page.getByTestId('save-client').click();
    await expectFieldError('Email', 'not a valid email');
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-yes').click();
    await page.getByTestId('lang-switch').getByText('ES').click();
  });

  await step('a file that is not a portfolio, opened from the recent list, is named and explained', async () => {
    await page.getByRole('button', {name: 'Cambiar de cartera'}).click();
    await expectText('Carteras recientes');
    writeFileSync(portfolioPath, 'esto no es una cartera\n'.repeat(50));
    await page.getByText('Errores SpA').first().click();
    await page.getByTestId('open-error').filter({hasText: 'no es una cartera de Cartera'}).waitFor();
    await shot('errors-06-not-a-portfolio');
  });
});
