import {useEffect, useMemo, useState} from 'react';
import {Center, Loader, MantineProvider} from '@mantine/core';
import {Notifications} from '@mantine/notifications';
import {I18nextProvider} from 'react-i18next';
import {api, events, Meta, PortfolioInfo} from './api';
import i18n, {initI18n} from './i18n';
import {AppContext, makeState, notifyError} from './state';
import {theme} from './theme';
import {StartScreen} from './screens/Start';
import {Workspace} from './screens/Workspace';
import {OpenFileRequests} from './components/OpenFile';

initI18n("es");

export default function App() {
  const [meta, setMeta] = useState<Meta>();
  const [info, setInfo] = useState<PortfolioInfo>();
  const [lang, setLangState] = useState('es');

  useEffect(() => {
    Promise.all([api.meta(), api.current()]).then(([m, cur]) => {
      initI18n(m.language);
      setLangState(m.language === 'en' ? 'en' : 'es');
      setMeta(m);
      // A portfolio opened meanwhile (a double-clicked file) is newer than this answer.
      setInfo((prev) => (prev && prev.generation > cur.generation ? prev : cur));
    }, (e) => notifyError(e));
    return events.onPortfolio((p) => setInfo(p));
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = (l: string) => {
    i18n.changeLanguage(l);
    setLangState(l);
    api.setLanguage(l).catch(notifyError);
  };

  const state = useMemo(() => (meta && info ? makeState(meta, info, lang, setLang) : null), [meta, info, lang]);

  return (
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        {/* Bottom left, over the foot of the navigation bar, which holds no control: the header's
            buttons, a drawer's or a dialog's close button and the dialogs' own buttons all sit at the
            top or at the right. Two at most. */}
        <Notifications position="bottom-left" limit={2} containerWidth={300} />
        <OpenFileRequests />
        {!state ? (
          <Center h="100%"><Loader /></Center>
        ) : (
          <AppContext.Provider value={state}>
            {/* Keyed by generation: opening another portfolio remounts everything, so nothing of the previous one survives. */}
            {state.info.open ? <Workspace key={state.info.generation} onInfo={setInfo} /> : <StartScreen key={state.info.generation} onInfo={setInfo} />}
          </AppContext.Provider>
        )}
      </I18nextProvider>
    </MantineProvider>
  );
}
