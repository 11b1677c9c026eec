import { describe, expect, it } from 'vitest';
import { pageCount } from '../src/pager';

describe('pageCount', () => {
  it('counts screens of two columns, the last one possibly half full', () => {
    // Columns of 900 px with a 64 px gap, two to a 1864 px screen.
    const col = 900;
    const gap = 64;
    const screen = 2 * col + gap;
    const width = (n: number) => n * col + (n - 1) * gap;
    expect(pageCount(width(2), screen, gap)).toBe(1);
    expect(pageCount(width(3), screen, gap)).toBe(2);
    expect(pageCount(width(4), screen, gap)).toBe(2);
    expect(pageCount(width(5), screen, gap)).toBe(3);
  });

  it('is one page for content narrower than the screen or an unmeasured frame', () => {
    expect(pageCount(500, 1000, 64)).toBe(1);
    expect(pageCount(0, 0, 0)).toBe(1);
  });
});
