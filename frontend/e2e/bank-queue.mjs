// The reconciliation queue of a large portfolio in the real UI: a labelled
// portfolio with 3,000 clients and 60,000 open invoices, a 60,000-line
// statement imported and reconciled headlessly (leaving over 10,000 deposits
// waiting), then Banco opened in the browser. Prints how long the queue takes
// to show its first line (a figure for docs/performance.md, not a pass/fail
// timing) and checks that the keyboard walks it.
import {open} from './harness.mjs';
import {execFileSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'cartera-e2e-queue-'));
const exe = join(dir, 'cartera');
const root = resolve(import.meta.dirname, '..', '..');
execFileSync('go', ['build', '-o', exe, '.'], {cwd: root, stdio: 'inherit'});
const gen = join(dir, 'gen');
const env = {...process.env, CARTERA_CONFIG_DIR: join(dir, 'config')};
execFileSync(exe, ['demo-bank', '--out', gen, '--clients', '3000', '--invoices', '60000', '--lines', '60000', '--seed', '3'], {env, stdio: 'inherit'});
const portfolio = join(gen, 'cartera-banco.cartera');
execFileSync(exe, ['import', 'bank', join(gen, 'cartola.csv'), '--portfolio', portfolio], {env, stdio: 'inherit'});
execFileSync(exe, ['reconcile', '--portfolio', portfolio], {env, stdio: 'inherit'});

const {page, step, shot, run, toStart} = await open('bank-queue');

await run(async () => {
  await step('the large portfolio opens', async () => {
    await toStart();
    await page.evaluate((p) => window.go.app.Portfolios.Open(p), portfolio);
    await page.getByTestId('portfolio-name').waitFor({timeout: 60000});
  });

  await step('Banco shows the first waiting deposit with its suggestions', async () => {
    const start = Date.now();
    await page.keyboard.press('Alt+4');
    await page.locator('[data-line-index="0"]').waitFor({timeout: 30000});
    const firstLine = Date.now() - start;
    await page.getByTestId('line-detail').waitFor();
    const detail = Date.now() - start;
    const counts = await page.getByTestId('bank-counts').innerText();
    const pending = Number(counts.split(' ')[0].replace(/\./g, ''));
    if (!(pending >= 10000)) throw new Error(`only ${pending} deposits wait: “${counts}”`);
    const call = await page.evaluate(async () => {
      const t = performance.now();
      await window.go.app.Bank.Lines({status: 'queue', limit: 200});
      const lines = performance.now() - t;
      await window.go.app.Bank.Accounts();
      return [lines, performance.now() - t - lines];
    });
    console.log(`     figure: ${pending} deposits waiting; first line on screen after ${firstLine} ms, its detail after ${detail} ms; the calls alone: lines ${Math.round(call[0])} ms, accounts ${Math.round(call[1])} ms`);
    await shot('48-bank-queue-large');
  });

  await step('the arrows walk the queue', async () => {
    const first = await page.getByTestId('line-description').innerText();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((f) => document.querySelector('[data-testid="line-description"]')?.textContent !== f, first);
    await page.keyboard.press('k');
    await page.waitForFunction((f) => document.querySelector('[data-testid="line-description"]')?.textContent === f, first);
  });
});
