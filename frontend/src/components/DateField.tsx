import {DateInput, DatesProvider} from '@mantine/dates';
import {useTranslation} from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/es';
import {DATE_FORMAT, MAX_DATE, MIN_DATE, parseDate} from '../format';

/**
 * DateField is the one date box of the app: it shows and takes dates day
 * first (31-12-2026) whatever the computer's locale, reads what is typed with
 * or without separators (31122026), never accepts a year outside 1900–2100,
 * and offers a calendar in the UI's language. value and onChange carry ISO
 * dates (YYYY-MM-DD), "" for none.
 */
export function DateField(props: {
  label?: string;
  value: string;
  onChange: (iso: string) => void;
  error?: string;
  description?: string;
  required?: boolean;
  clearable?: boolean;
  w?: number | string;
  'aria-label'?: string;
  title?: string;
  testId?: string;
}) {
  const {t, i18n} = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'es';
  return (
    <DatesProvider settings={{locale, firstDayOfWeek: 1}}>
      <DateInput
        label={props.label}
        aria-label={props['aria-label']}
        title={props.title}
        description={props.description}
        error={props.error}
        withAsterisk={props.required}
        w={props.w}
        value={props.value || null}
        onChange={(v) => props.onChange(v ? dayjs(v).format('YYYY-MM-DD') : '')}
        valueFormat={DATE_FORMAT}
        dateParser={parseDate}
        minDate={MIN_DATE}
        maxDate={MAX_DATE}
        clearable={props.clearable}
        placeholder={t('dates.ph')}
        popoverProps={{withinPortal: true}}
        data-testid={props.testId}
      />
    </DatesProvider>
  );
}
