import {Button, Group, Text, Title} from '@mantine/core';
import {IconPlus} from '@tabler/icons-react';

/** ListHeader is the top of every list screen: its title, how many rows match, and the button (N) that adds one. */
export function ListHeader(props: {title: string; count?: string; newLabel: string; onNew: () => void; testId: string; extra?: React.ReactNode}) {
  return (
    <Group justify="space-between" mb="sm">
      <Group gap="sm">
        <Title order={3}>{props.title}</Title>
        {props.count && <Text c="dimmed" size="sm">{props.count}</Text>}
      </Group>
      <Group gap="xs">
        {props.extra}
        <Button leftSection={<IconPlus size={16} />} onClick={props.onNew} data-testid={props.testId}>
          {props.newLabel} <Text span size="xs" ml={6} c="teal.1">N</Text>
        </Button>
      </Group>
    </Group>
  );
}
