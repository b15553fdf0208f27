import {useState} from 'react';
import {Anchor, Button, Code, Group, Modal, Stack, Table, Text} from '@mantine/core';
import {useTranslation} from 'react-i18next';
import {About, api} from '../api';
import {notifyError} from '../state';

/**
 * AboutLink is "Acerca de Cartera": the version, the portfolio format's
 * version and the folders where portfolios, backups and settings are.
 */
export function AboutLink() {
  const {t} = useTranslation();
  const [about, setAbout] = useState<About>();
  const show = () => api.about().then(setAbout, notifyError);
  return (
    <>
      <Anchor component="button" type="button" size="xs" c="dimmed" onClick={show} data-testid="about-link">{t('about.link')}</Anchor>
      <Modal opened={!!about} onClose={() => setAbout(undefined)} title={t('about.title')} size="lg" data-testid="about">
        {about && <AboutTable about={about} />}
      </Modal>
    </>
  );
}

/** AboutTable lists what About says; the folders are shown whole, to be copied. */
export function AboutTable({about}: {about: About}) {
  const {t} = useTranslation();
  const rows: [string, React.ReactNode][] = [
    [t('about.version'), about.version],
    [t('about.schema'), String(about.schema)],
    [t('about.portfolios'), <Folder path={about.portfolios} which="portfolios" />],
    [t('about.backups'), about.backups ? <Folder path={about.backups} which="backups" /> : t('about.backupsNone')],
    [t('about.settings'), <Folder path={about.settings} which="settings" />],
  ];
  return (
    <Stack gap="sm">
      <Table withRowBorders={false} verticalSpacing={6}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Td w={200} c="dimmed" style={{verticalAlign: 'top'}}>{label}</Table.Td>
              <Table.Td style={{overflowWrap: 'anywhere'}} data-testid={`about-${label}`}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">{t('about.keep')}</Text>
    </Stack>
  );
}

/** Folder shows a folder whole, to be copied, with a button that opens it in the file manager. */
function Folder({path, which}: {path: string; which: 'portfolios' | 'backups' | 'settings'}) {
  const {t} = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code style={{flex: 1}}>{path}</Code>
      <Button size="compact-xs" variant="light" onClick={() => api.openFolder(which).catch(notifyError)} data-testid={`about-open-${which}`}>{t('about.openFolder')}</Button>
    </Group>
  );
}
