import {Button, Table} from '@mantine/core';
import {useTranslation} from 'react-i18next';
import {AllocationLine} from '../api';
import {useApp} from '../state';
import {Amount} from './common';

/**
 * AllocationList lists the allocations of a payment or a document (what it
 * was applied to, or what was applied to it), each live one with its undo
 * button when onUndo is given; undone ones stay, greyed, as history.
 */
export function AllocationList({lines, currency, label, onUndo, undoLabel, testId}: {
  lines: AllocationLine[]; currency: string; label: (a: AllocationLine) => string;
  onUndo?: (a: AllocationLine) => void; undoLabel?: (a: AllocationLine) => string; testId?: string;
}) {
  const {t} = useTranslation();
  const {money} = useApp();
  return (
    <Table data-testid={testId}>
      <Table.Tbody>
        {lines.map((a) => (
          <Table.Tr key={a.id} style={{opacity: a.reversedAt ? 0.5 : 1}} data-testid={`allocation-${a.id}`}>
            <Table.Td>{label(a)}</Table.Td>
            <Table.Td ta="right"><Amount text={money(a.amount, currency)} fit={false} /></Table.Td>
            {onUndo && <Table.Td w={170} ta="right">{!a.reversedAt && (
              <Button size="xs" variant="subtle" color="gray" onClick={() => onUndo(a)} data-testid={`undo-${a.documentNumber}`}>{undoLabel ? undoLabel(a) : t('payments.unallocate')}</Button>
            )}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
