import {describe, expect, it} from 'vitest';
import {fitColumns, minWidthOf} from './columns';

// The documents list as it stands: at 1024×700 the list gets about 750 px.
const documents = [
  {key: 'number', width: 120, minWidth: 90},
  {key: 'client', width: 'minmax(160px, 3fr)'},
  {key: 'issueDate', width: 110, minWidth: 100, priority: 3},
  {key: 'dueDate', width: 110, minWidth: 100},
  {key: 'amount', width: 150, minWidth: 120, priority: 2},
  {key: 'open', width: 150, minWidth: 120},
  {key: 'status', width: 150, minWidth: 130},
];
const keys = (w: number) => fitColumns(documents, w).shown.map((c) => c.key);

describe('fitColumns', () => {
  it('keeps every column when there is room', () => {
    expect(keys(1100)).toEqual(documents.map((c) => c.key));
  });
  it('keeps every column before the width is measured', () => {
    expect(keys(0)).toHaveLength(documents.length);
  });
  it('hides the issue date first on a small laptop, and keeps the open amount and the status', () => {
    expect(keys(750)).toEqual(['number', 'client', 'dueDate', 'amount', 'open', 'status']);
  });
  it('hides the amount next, and never a column of priority 1', () => {
    expect(keys(600)).toEqual(['number', 'client', 'dueDate', 'open', 'status']);
    expect(keys(100)).toEqual(['number', 'client', 'dueDate', 'open', 'status']);
  });
  it('lets fixed columns shrink to their minimum and flexible ones keep their track', () => {
    expect(fitColumns(documents.slice(0, 2), 500).template).toBe('minmax(90px, 120px) minmax(160px, 3fr)');
  });
  it('reads the minimum of a track', () => {
    expect(minWidthOf({key: 'x', width: 'minmax(220px, 3fr)'})).toBe(220);
    expect(minWidthOf({key: 'x', width: '2fr'})).toBe(80);
    expect(minWidthOf({key: 'x', width: 130})).toBe(130);
  });
});
