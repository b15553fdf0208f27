// End-to-end test of the client list (issue 15, defects 2, 5 and 6): the real
// UI in Debian's chromium, the real Go backend (`wails dev`). A portfolio gets
// a few clients with invoices, a credit note and an unallocated payment
// (through the bindings the page exposes); then the list is sorted by name in
// Spanish order and by tax ID as numbers, filtered to the clients with
// overdue debt, searched by a RUT as it is displayed, and a client in credit
// shows the same signed balance in the list and on its page. Screenshots
// land in $E2E_OUT.
import {open} from './harness.mjs';

const {page, step, expectText, shot, run, toStart} = await open('clients');

const iso = (d) => d.toISOString().slice(0, 10);
const today = iso(new Date());
const daysAgo = (n) => iso(new Date(Date.now() - n * 86400000));

/** rows returns the text of each cell of the rows the client list shows, in order. */
async function rows() {
  return page.getByTestId('clients-table').locator('.vt-row').evaluateAll((rs) =>
    rs.map((r) => [...r.children].map((c) => c.innerText.trim())));
}

async function names() {
  return (await rows()).map((r) => r[0]);
}

/** waitNames waits until the list shows exactly these names, in this order. */
async function waitNames(want, what) {
  let got = [];
  for (let i = 0; i < 50; i++) {
    got = await names();
    if (JSON.stringify(got) === JSON.stringify(want)) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`${what}: ${JSON.stringify(got)}; want ${JSON.stringify(want)}`);
}

await run(async () => {
  await step('a new portfolio opens on the empty client list', async () => {
    await toStart(); // another scenario's portfolio may be open, in English
    await page.getByTestId('start-new').click();
    await page.getByLabel('Nombre de la cartera').fill('E2E Clientes');
    await page.getByTestId('create-portfolio').click();
    await page.getByTestId('portfolio-name').filter({hasText: 'E2E Clientes'}).waitFor();
    await expectText('Todavía no hay clientes.');
  });

  await step('five clients with invoices, credit notes and a payment are recorded', async () => {
    const err = await page.evaluate(async ({today, overdue1, overdue2}) => {
      const go = window.go.app;
      const client = (legalName, taxId) => go.Clients.Create({legalName, taxId, country: 'CL', paymentTermsDays: 30, tags: [], contacts: []});
      const doc = (clientId, kind, number, issueDate, amount) =>
        go.Invoices.Create({clientId, kind, number, issueDate, dueDate: '', currency: 'CLP', amount, appliesToId: 0, description: ''});
      try {
        const optica = await client('Óptica Central', '77.555.444-4');
        await doc(optica.id, 'invoice', '1001', overdue1, 300000); // overdue
        const pan = await client('Panadería La Espiga', '12.345.678-5');
        await doc(pan.id, 'invoice', '2001', today, 200000); // not yet due
        const nandu = await client('Ñandú Ltda', '9.876.543-3');
        await doc(nandu.id, 'invoice', '3001', overdue2, 100000); // overdue
        await doc(nandu.id, 'credit_note', 'NC-1', today, 20000);
        const arbol = await client('árbol Verde SpA', '5.126.663-3');
        await doc(arbol.id, 'credit_note', 'NC-2', today, 145000); // only credit
        const zapa = await client('Zapatería Sur', '');
        await go.Payments.Create({clientId: zapa.id, date: today, currency: 'CLP', amount: 50000, method: 'transfer', reference: 'TEF 9', notes: '', allocations: []});
        return '';
      } catch (e) {
        return String(e?.message ?? e);
      }
    }, {today, overdue1: daysAgo(90), overdue2: daysAgo(45)});
    if (err) throw new Error(err);
    // Leave the list and come back so it reads what was recorded.
    await page.keyboard.press('Alt+2');
    await page.getByTestId('invoices-table').waitFor();
    await page.keyboard.press('Alt+1');
    await expectText('5 clientes');
  });

  await step('the list is sorted by name as in Spanish: á with a, Ñ after N, Ó with O', async () => {
    await waitNames(['árbol Verde SpA', 'Ñandú Ltda', 'Óptica Central', 'Panadería La Espiga', 'Zapatería Sur'], 'by name');
    await shot('30-clients-by-name');
  });

  await step('sorted by tax ID, RUTs follow their number, not their text', async () => {
    await page.getByRole('button', {name: /^identificación$/i}).click();
    // The client without a tax ID first, then 5.126.663, 9.876.543, 12.345.678, 77.555.444.
    await waitNames(['Zapatería Sur', 'árbol Verde SpA', 'Ñandú Ltda', 'Panadería La Espiga', 'Óptica Central'], 'by tax ID');
    await shot('31-clients-by-tax-id');
    await page.getByRole('button', {name: /^cliente$/i}).click();
    await waitNames(['árbol Verde SpA', 'Ñandú Ltda', 'Óptica Central', 'Panadería La Espiga', 'Zapatería Sur'], 'by name again');
  });

  await step('“Solo con deuda vencida” shows exactly the clients with overdue debt', async () => {
    await page.getByLabel('Solo con deuda vencida').check();
    await waitNames(['Ñandú Ltda', 'Óptica Central'], 'overdue only');
    await expectText('2 clientes');
    await shot('32-clients-overdue');
  });

  await step('the overdue filter still works sorted by balance and by overdue debt', async () => {
    await page.getByRole('button', {name: /^saldo$/i}).click();
    await waitNames(['Ñandú Ltda', 'Óptica Central'], 'overdue only, by balance');
    await page.getByRole('button', {name: /^vencido$/i}).click();
    await waitNames(['Ñandú Ltda', 'Óptica Central'], 'overdue only, by overdue');
    await page.getByRole('button', {name: /^vencido$/i}).click();
    await waitNames(['Óptica Central', 'Ñandú Ltda'], 'overdue only, by overdue, descending');
    await page.getByLabel('Solo con deuda vencida').uncheck();
    await page.getByRole('button', {name: /^cliente$/i}).click();
    await waitNames(['árbol Verde SpA', 'Ñandú Ltda', 'Óptica Central', 'Panadería La Espiga', 'Zapatería Sur'], 'all again');
  });

  await step('a RUT searched as it is displayed finds its client', async () => {
    for (const q of ['77.555.444', '77.555.444-4', '775554444', '77.555']) {
      await page.getByTestId('client-search').fill(q);
      await waitNames(['Óptica Central'], `search ${q}`);
    }
    await page.getByTestId('client-search').fill('12345678-5');
    await waitNames(['Panadería La Espiga'], 'search 12345678-5');
    await page.getByTestId('client-search').fill('77.555.444');
    await waitNames(['Óptica Central'], 'search 77.555.444');
    await shot('33-clients-search-rut');
    await page.getByTestId('client-search').fill('');
    await waitNames(['árbol Verde SpA', 'Ñandú Ltda', 'Óptica Central', 'Panadería La Espiga', 'Zapatería Sur'], 'search cleared');
  });

  await step('clients in credit show a negative balance “a favor”, and debts net of credit', async () => {
    const byName = Object.fromEntries((await rows()).map((r) => [r[0], r[3]]));
    const want = {
      'árbol Verde SpA': /^a favor\s*-\$ 145\.000$/,
      'Zapatería Sur': /^a favor\s*-\$ 50\.000$/,
      'Ñandú Ltda': /^\$ 80\.000$/,
      'Óptica Central': /^\$ 300\.000$/,
      'Panadería La Espiga': /^\$ 200\.000$/,
    };
    for (const [name, re] of Object.entries(want)) {
      if (!re.test(byName[name] ?? '')) throw new Error(`${name}: Saldo “${byName[name]}”; want ${re}`);
    }
    await shot('34-clients-signed-balances');
  });

  await step('the balance in the list equals the one on the client page', async () => {
    for (const name of ['árbol Verde SpA', 'Zapatería Sur', 'Ñandú Ltda']) {
      const row = page.getByTestId('clients-table').locator('.vt-row').filter({hasText: name});
      const listed = (await row.getByTestId('client-row-balance').innerText()).trim();
      await row.click();
      await page.getByTestId('client-title').filter({hasText: name}).waitFor();
      const shown = (await page.getByTestId('client-balance').innerText()).trim();
      if (shown !== listed) throw new Error(`${name}: list ${listed}, page ${shown}`);
      if (name === 'árbol Verde SpA') {
        await expectText('a favor del cliente');
        await shot('35-client-in-credit');
      }
      await page.keyboard.press('Alt+1');
      await page.getByTestId('clients-table').locator('.vt-row').first().waitFor();
    }
  });

  await step('at 1024×700 the list keeps its columns', async () => {
    await page.setViewportSize({width: 1024, height: 700});
    await waitNames(['árbol Verde SpA', 'Ñandú Ltda', 'Óptica Central', 'Panadería La Espiga', 'Zapatería Sur'], 'narrow');
    await shot('36-clients-1024');
    await page.setViewportSize({width: 1280, height: 800});
  });
});
