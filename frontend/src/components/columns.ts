// How a list's columns share the width they get: which ones show and the
// CSS grid track of each. Pure, so it is tested without a browser.

/** ColumnSize is what fitting needs to know of a column. */
export interface ColumnSize {
  key: string;
  /** px, or a CSS grid track such as "minmax(200px, 3fr)" */
  width: number | string;
  /** the narrowest the column may get, in px; defaults to its width (or the track's minimum) */
  minWidth?: number;
  /** 1 (the default) always shows; higher numbers hide first when the list is too narrow */
  priority?: number;
}

/** minWidthOf is the narrowest a column may get, in px. */
export function minWidthOf(c: ColumnSize): number {
  if (c.minWidth !== undefined) return c.minWidth;
  if (typeof c.width === 'number') return c.width;
  const m = /minmax\(\s*(\d+)px/.exec(c.width);
  return m ? Number(m[1]) : 80;
}

/**
 * fitColumns chooses the columns that fit in width px: while their minimum
 * widths add up to more, the one with the highest priority number goes
 * (the rightmost among equals); columns of priority 1 always stay. Fixed
 * columns may shrink to their minimum width. A width of 0 (not measured
 * yet) keeps every column.
 */
export function fitColumns<C extends ColumnSize>(columns: C[], width: number): {shown: C[]; template: string} {
  const shown = [...columns];
  const need = () => shown.reduce((a, c) => a + minWidthOf(c), 0);
  while (width > 0 && need() > width) {
    let drop = -1;
    let worst = 1;
    shown.forEach((c, i) => {
      const p = c.priority ?? 1;
      if (p > 1 && p >= worst) {
        drop = i;
        worst = p;
      }
    });
    if (drop < 0) break;
    shown.splice(drop, 1);
  }
  const template = shown
    .map((c) => (typeof c.width !== 'number' ? c.width : minWidthOf(c) < c.width ? `minmax(${minWidthOf(c)}px, ${c.width}px)` : `${c.width}px`))
    .join(' ');
  return {shown, template};
}
