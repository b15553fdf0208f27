// What every end-to-end scenario needs: Debian's chromium on the app that
// `wails dev` serves, numbered steps that stop at the first failure with a
// screenshot, and the page's uncaught errors collected.
import {chromium} from 'playwright-core';
import {mkdirSync} from 'node:fs';

export async function open(name) {
  const base = process.env.BASE_URL ?? 'http://127.0.0.1:34115';
  const out = process.env.E2E_OUT ?? 'e2e-out';
  mkdirSync(out, {recursive: true});
  const browser = await chromium.launch({executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox']});
  const page = await browser.newPage({viewport: {width: 1280, height: 800}, locale: 'es-CL'});
  // No step waits forever: under load a step gets 20 s, a stuck one fails with its name.
  page.setDefaultTimeout(20000);
  const errors = [];
  page.on('pageerror', (e) => {
    const stack = String(e.stack ?? e);
    // wails dev's own browser bridge (/wails/ipc.js) throws once at load in a
    // plain browser (it looks for the desktop window's nodes); that is not the app.
    if (/\/wails\/ipc\.js/.test(stack.split('\n')[1] ?? '')) return;
    errors.push(stack.split('\n').slice(0, 4).join(' | '));
  });
  // Text that only a bug puts on screen: an error object shown as text, a
  // missing value, a computation on one. Checked after every step.
  const broken = /\[object Object\]|\bundefined\b|\bNaN\b/;
  async function noBrokenText() {
    const text = await page.evaluate(() => document.body?.innerText ?? '');
    const m = text.match(broken);
    if (m) {
      const at = text.indexOf(m[0]);
      throw new Error(`the page shows "${m[0]}": …${text.slice(Math.max(0, at - 80), at + 40).replace(/\s+/g, ' ')}…`);
    }
  }
  let passed = 0;
  let failed = 0;
  const t = {
    base, page, errors,
    async step(title, fn) {
      try {
        await fn();
        await noBrokenText();
        passed++;
        console.log(`ok   ${title}`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${title}: ${e.message.split('\n')[0]}`);
        await page.screenshot({path: `${out}/${name}-failure-${passed + failed}.png`}).catch(() => {});
        throw e;
      }
    },
    expectText: (text, timeout = 10000) => page.getByText(text, {exact: false}).first().waitFor({timeout}),
    /**
     * toStart opens the app on its first screen, in Spanish: the same wails dev
     * may have run another scenario first, whose portfolio is still open and
     * whose language may still be English.
     */
    async toStart() {
      await page.goto(base);
      await page.locator('[data-testid="start-new"], [data-testid="portfolio-name"]').first().waitFor({timeout: 30000});
      if (await page.getByTestId('portfolio-name').count()) {
        await page.getByRole('button', {name: /Switch portfolio|Cambiar de cartera/}).click();
        await page.getByTestId('start-new').waitFor();
      }
      if (await page.getByTestId('lang-switch').count() && !(await page.getByText('Nueva cartera').count())) {
        await page.getByTestId('lang-switch').getByText('ES').click();
      }
      await page.getByText('Nueva cartera').first().waitFor();
    },
    /** newPortfolio creates a Chilean portfolio named name and waits for it to open. */
    async newPortfolio(name) {
      await t.toStart();
      await page.getByTestId('start-new').click();
      await page.getByLabel('Nombre de la cartera').fill(name);
      await page.getByTestId('create-portfolio').click();
      await page.getByTestId('portfolio-name').filter({hasText: name}).waitFor();
    },
    shot: (file) => page.screenshot({path: `${out}/${file}.png`}),
    /** run runs the steps, closes the browser and exits with their result. */
    async run(steps) {
      try {
        await steps();
        await t.step('no uncaught error in the page', async () => {
          if (errors.length) throw new Error(errors.join(' || '));
        });
      } catch {
        // the failing step was reported
      } finally {
        await browser.close();
      }
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    },
  };
  return t;
}
