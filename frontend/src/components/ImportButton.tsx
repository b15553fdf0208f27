import {Button, Text} from '@mantine/core';
import {IconFileImport} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {ImportTarget} from '../api';
import {useNav} from '../screens/Workspace';

/** ImportButton opens the import wizard for a list (shortcut I). */
export function ImportButton({target}: {target: ImportTarget}) {
  const {t} = useTranslation();
  const nav = useNav();
  return (
    <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => nav.importFile(target)} data-testid={`import-${target}`}>
      {t('import.button')} <Text span size="xs" ml={6} c="dimmed">I</Text>
    </Button>
  );
}
