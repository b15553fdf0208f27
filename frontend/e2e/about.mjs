// End-to-end test of "Acerca de Cartera" on the first screen: the version,
// the portfolio format's version and the folders of new portfolios, of
// backups and of the settings, in Spanish and in English. (The backup folder
// of an open portfolio is checked by app.TestAbout_SaysVersionSchemaAndFolders.)
import {open} from './harness.mjs';

const {base, page, step, expectText, shot, run} = await open('about');
const home = process.env.CARTERA_HOME;
const config = process.env.CARTERA_CONFIG_DIR;

await run(async () => {
  await step('the first screen has "Acerca de Cartera": version, format and folders', async () => {
    await page.goto(base);
    await expectText('Nueva cartera', 30000);
    await page.getByTestId('about-link').click();
    await page.getByTestId('about').getByText('Versión del formato de cartera').waitFor();
    await expectText(home);
    await expectText(config);
    await expectText('En una carpeta junto a cada cartera');
    await expectText('Desinstalar Cartera no borra sus carteras');
    await shot('01-about-start');
    await page.keyboard.press('Escape');
  });

  await step('in English it is "About Cartera"', async () => {
    await page.getByTestId('lang-switch').getByText('EN').click();
    await page.getByTestId('about-link').filter({hasText: 'About Cartera'}).click();
    await page.getByTestId('about').getByText('Portfolio format version').waitFor();
    await expectText('In a folder beside each portfolio');
    await expectText('Uninstalling Cartera does not delete');
    await shot('02-about-en');
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-switch').getByText('ES').click();
  });
});
