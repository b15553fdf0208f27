import {useState} from 'react';
import {Button, Group, Modal, Stack, Text} from '@mantine/core';
import {useTranslation} from 'react-i18next';
import {api} from '../api';
import {judgeAmount, UNUSUAL_FACTOR} from '../amounts';
import {useApp, useAsync} from '../state';

/**
 * useAmountGuard applies the amount rule (amounts.ts) to a form's amount in
 * currency: fieldError is the sentence under the field for a refused amount,
 * confirm asks "¿Seguro?" for an amount far above the portfolio's usual and
 * resolves true when the user says it is right, and modal is what to render.
 */
export function useAmountGuard(currency: string) {
  const {t} = useTranslation();
  const {money} = useApp();
  const largest = useAsync(() => api.largestAmount(currency), [currency]);
  const [ask, setAsk] = useState<{amount: number; resolve: (ok: boolean) => void}>();
  const scale = largest.data ?? 0;
  const fieldError = (amount: number | null): string | undefined => {
    switch (judgeAmount(amount, scale, currency)) {
      case 'notPositive':
        return t('amount.positive');
      case 'tooLarge':
        return t('amount.tooLarge');
    }
    return undefined;
  };
  const confirm = (amount: number | null): Promise<boolean> => {
    const v = judgeAmount(amount, scale, currency);
    if (v === 'notPositive' || v === 'tooLarge') return Promise.resolve(false);
    if (v !== 'unusual') return Promise.resolve(true);
    return new Promise((resolve) => setAsk({amount: amount!, resolve}));
  };
  const answer = (ok: boolean) => {
    ask?.resolve(ok);
    setAsk(undefined);
  };
  const modal = ask && (
    <Modal opened onClose={() => answer(false)} title={t('amount.confirmTitle')} size="md" zIndex={400} data-testid="amount-confirm">
      <Stack gap="md">
        <Text size="sm" data-testid="amount-confirm-text">
          {scale > 0 ? t('amount.confirm', {amount: money(ask.amount, currency), factor: UNUSUAL_FACTOR, largest: money(scale, currency)})
            : t('amount.confirmFirst', {amount: money(ask.amount, currency)})}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => answer(false)} data-autofocus data-testid="amount-fix">{t('amount.fix')}</Button>
          <Button color="orange" onClick={() => answer(true)} data-testid="amount-confirm-save">{t('amount.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
  return {fieldError, confirm, modal};
}
