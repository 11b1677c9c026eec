// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { highlight, segments } from '../src/highlight';

describe('segments', () => {
  it('marks code-point ranges, not UTF-16 units', () => {
    // 𠀀 is one code point but two UTF-16 units: offsets after it must not shift.
    expect(segments('𠀀红安大嫂', [{ start: 1, end: 3 }])).toEqual([
      { text: '𠀀', mark: false },
      { text: '红安', mark: true },
      { text: '大嫂', mark: false },
    ]);
  });
  it('merges overlapping ranges and clamps out-of-bounds ones', () => {
    expect(segments('abcdef', [{ start: 3, end: 5 }, { start: 1, end: 4 }, { start: 5, end: 99 }, { start: 4, end: 2 }])).toEqual([
      { text: 'a', mark: false },
      { text: 'bcdef', mark: true },
    ]);
  });
  it('returns the whole text unmarked without ranges', () => {
    expect(segments('红安', [])).toEqual([{ text: '红安', mark: false }]);
  });
});

describe('highlight', () => {
  it('builds text nodes and <mark> elements, never parsing markup', () => {
    const frag = highlight(document, '<img src=x onerror=alert(1)> 红安', [{ start: 29, end: 31 }]);
    const div = document.createElement('div');
    div.appendChild(frag);
    expect(div.querySelector('img')).toBeNull();
    expect(div.querySelectorAll('mark')).toHaveLength(1);
    expect(div.querySelector('mark')!.textContent).toBe('红安');
    expect(div.textContent).toBe('<img src=x onerror=alert(1)> 红安');
  });
});
