import {ReactNode, useCallback, useEffect, useRef, useState} from 'react';
import {useVirtualizer} from '@tanstack/react-virtual';
import {useShortcuts} from './shortcuts';
import {Box, Center, Group, Loader, Stack, Text, UnstyledButton} from '@mantine/core';
import {IconChevronDown, IconChevronUp} from '@tabler/icons-react';
import {useTranslation} from 'react-i18next';
import {useElementSize} from '@mantine/hooks';
import {toApiError} from '../api';
import {ColumnSize, fitColumns} from './columns';
import {useApp} from '../state';

export interface Column<R> extends ColumnSize {
  key: string;
  label: string;
  width: number | string; // px, or a CSS grid track like "2fr"
  align?: 'left' | 'right' | 'center';
  sortable?: boolean;
  render: (row: R) => ReactNode;
}

export interface Sort {
  key: string;
  desc: boolean;
}

const PAGE = 200;
const ROW = 38;
/**
 * MAX_ROWS caps what one list scrolls through: a million rows would make the
 * virtualizer measure a million items on every change and exceed the tallest
 * element a browser lays out, and nobody scrolls that far; filters narrow it.
 */
export const MAX_ROWS = 50_000;

/**
 * VirtualTable shows a list of any length: it asks fetchPage for the pages
 * that scroll into view (offset, limit) and renders only the visible rows, so
 * 100,000 clients scroll as smoothly as 10. Changing resetKey starts over.
 */
export function VirtualTable<R extends {id: number}>(props: {
  columns: Column<R>[];
  fetchPage: (offset: number, limit: number) => Promise<{rows: R[]; total: number}>;
  resetKey: string;
  onRowClick?: (row: R) => void;
  sort?: Sort;
  onSort?: (s: Sort) => void;
  empty: ReactNode;
  onTotal?: (n: number) => void;
  testId?: string;
  /** searchRef is the list's search box: `/` or Ctrl+F goes to it, and the down arrow there moves into the list's first row. */
  searchRef?: React.RefObject<HTMLInputElement | null>;
}) {
  const {fetchPage, resetKey, onRowClick, sort, onSort, empty, onTotal} = props;
  // On a narrow window the lower-priority columns hide and the rest shrink, so
  // the ones a user needs stay in view without a sideways scroll.
  const box = useElementSize();
  // The border and the row area's vertical scroll bar take their share.
  const {shown: columns, template} = fitColumns(props.columns, box.width > 0 ? box.width - 18 : 0);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const pages = useRef(new Map<number, R[]>());
  const pending = useRef(new Set<number>());
  const gen = useRef(0);
  const [, force] = useState(0);
  const parent = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState(-1);
  const {t} = useTranslation();
  const {int} = useApp();

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      const mine = gen.current;
      pending.current.add(page);
      fetchPage(page * PAGE, PAGE).then(
        (res) => {
          if (mine !== gen.current) return;
          pending.current.delete(page);
          pages.current.set(page, res.rows ?? []);
          setTotal(res.total);
          onTotal?.(res.total);
          force((x) => x + 1);
        },
        (e) => {
          if (mine !== gen.current) return;
          pending.current.delete(page);
          setError(toApiError(e).message);
        },
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [resetKey],
  );

  useEffect(() => {
    gen.current++;
    pages.current = new Map();
    pending.current = new Set();
    setTotal(null);
    setError(undefined);
    setSelected(-1);
    parent.current?.scrollTo({top: 0});
    load(0);
  }, [resetKey, load]);

  const shown = Math.min(total ?? 0, MAX_ROWS);
  const v = useVirtualizer({count: shown, getScrollElement: () => parent.current, estimateSize: () => ROW, overscan: 12});
  const items = v.getVirtualItems();
  useEffect(() => {
    if (items.length === 0) return;
    const first = Math.floor(items[0].index / PAGE);
    const last = Math.floor(items[items.length - 1].index / PAGE);
    for (let p = first; p <= last; p++) load(p);
  }, [items, load]);

  const focusSearch = () => props.searchRef?.current?.focus();
  useShortcuts([['/', focusSearch], ['mod+f', focusSearch]]);
  useEffect(() => {
    const box = props.searchRef?.current;
    if (!box) return;
    const down = (e: KeyboardEvent) => {
      if (e.key !== 'ArrowDown' || !total) return;
      e.preventDefault();
      parent.current?.focus();
      setSelected(0);
      v.scrollToIndex(0);
    };
    box.addEventListener('keydown', down);
    return () => box.removeEventListener('keydown', down);
  }, [props.searchRef, total, v]);

  const rowAt = (i: number): R | undefined => pages.current.get(Math.floor(i / PAGE))?.[i % PAGE];

  const onKey = (e: React.KeyboardEvent) => {
    if (!total) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (e.key === 'ArrowUp' && selected <= 0 && props.searchRef?.current) {
        // Up from the first row goes back to the search box, as it came.
        props.searchRef.current.focus();
        setSelected(-1);
        return;
      }
      const n = Math.max(0, Math.min(shown - 1, selected + (e.key === 'ArrowDown' ? 1 : -1)));
      setSelected(n);
      v.scrollToIndex(n);
    } else if (e.key === 'Enter' && selected >= 0) {
      const r = rowAt(selected);
      if (r) onRowClick?.(r);
    }
  };

  return (
    <Stack ref={box.ref} gap={0} style={{flex: 1, minHeight: 0, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, overflow: 'hidden'}}>
      <Box data-testid={props.testId ? `${props.testId}-header` : undefined} style={{display: 'grid', gridTemplateColumns: template, background: 'var(--mantine-color-gray-0)', borderBottom: '1px solid var(--mantine-color-gray-3)'}}>
        {columns.map((c) => (
          <UnstyledButton
            key={c.key}
            px="sm"
            py={8}
            disabled={!c.sortable || !onSort}
            onClick={() => onSort?.({key: c.key, desc: sort?.key === c.key ? !sort.desc : false})}
            style={{textAlign: c.align ?? 'left', cursor: c.sortable ? 'pointer' : 'default'}}
          >
            <Group gap={4} justify={c.align === 'right' ? 'flex-end' : 'flex-start'} wrap="nowrap">
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" truncate title={c.label}>{c.label}</Text>
              {sort?.key === c.key && (sort.desc ? <IconChevronDown size={12} /> : <IconChevronUp size={12} />)}
            </Group>
          </UnstyledButton>
        ))}
      </Box>
      <div ref={parent} tabIndex={0} onKeyDown={onKey} data-testid={props.testId} style={{flex: 1, overflow: 'auto', position: 'relative', outline: 'none'}}>
        {error ? (
          <Center p="xl"><Text c="red">{error}</Text></Center>
        ) : total === null ? (
          <Center p="xl"><Loader size="sm" /></Center>
        ) : total === 0 ? (
          <Center p="xl">{empty}</Center>
        ) : (
          <div style={{height: v.getTotalSize(), position: 'relative'}}>
            {items.map((it) => {
              const r = rowAt(it.index);
              return (
                <div
                  key={it.key}
                  role="row"
                  className="vt-row"
                  data-selected={it.index === selected || undefined}
                  onClick={() => {
                    setSelected(it.index);
                    if (r) onRowClick?.(r);
                  }}
                  style={{position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${it.start}px)`,
                    display: 'grid', gridTemplateColumns: template, alignItems: 'center', cursor: onRowClick ? 'pointer' : 'default',
                    borderBottom: '1px solid var(--mantine-color-gray-2)'}}
                >
                  {r ? columns.map((c) => (
                    <Box key={c.key} px="sm" style={{textAlign: c.align ?? 'left', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', fontSize: 14}}>
                      {c.render(r)}
                    </Box>
                  )) : <Box px="sm"><Text size="sm" c="dimmed">…</Text></Box>}
                </div>
              );
            })}
          </div>
        )}
      </div>
      {total !== null && total > MAX_ROWS && (
        <Text size="xs" c="dimmed" px="sm" py={4} style={{borderTop: '1px solid var(--mantine-color-gray-3)'}} data-testid="capped-note">
          {t('common.capped', {shown: int(MAX_ROWS), total: int(total)})}
        </Text>
      )}
    </Stack>
  );
}
