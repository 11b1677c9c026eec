import { describe, expect, it } from 'vitest';
import { parseSearch, searchParams, searchVariables } from '../src/searchState';

describe('search state in the URL', () => {
  it('round-trips every field', () => {
    const url = 'q=%E7%BA%A2%E5%AE%89+%E5%9F%B9%E8%AE%AD&type=MEDIA_COVERAGE&region=421100&category=QUALITY_SERVICE&level=PROVINCIAL&medium=NEWSPAPER&from=2023-01-01&to=2023-12-31&after=Y3Vyc29y';
    const s = parseSearch(new URLSearchParams(url));
    expect(s).toEqual({ q: '红安 培训', type: 'MEDIA_COVERAGE', region: '421100', category: 'QUALITY_SERVICE', level: 'PROVINCIAL', medium: 'NEWSPAPER', from: '2023-01-01', to: '2023-12-31', after: 'Y3Vyc29y', exact: false });
    expect(parseSearch(searchParams(s))).toEqual(s);
  });
  it('drops invalid values instead of sending them', () => {
    const s = parseSearch(new URLSearchParams('q=x&type=DROP_TABLE&region=42&level=&medium=PIGEON&from=2023-13-45&to=yesterday'));
    expect(s).toMatchObject({ type: '', region: '', level: '', medium: '', from: '', to: '' });
    expect([...searchParams(s).keys()]).toEqual(['q']);
  });
  it('keeps the language but not other parameters', () => {
    const p = searchParams(parseSearch(new URLSearchParams('q=a')), new URLSearchParams('lang=en&idle=3'));
    expect(p.toString()).toBe('lang=en&q=a');
  });
  it('makes the operation variables with an inclusive date range', () => {
    const v = searchVariables(parseSearch(new URLSearchParams('q= 红安 &type=BRAND&medium=TV&from=2024-02-28&to=2024-02-29')), 'EN', 10);
    expect(v).toEqual({
      query: '红安',
      types: ['BRAND'],
      filter: { media: ['TV'], publishedFrom: '2024-02-28T00:00:00Z', publishedBefore: '2024-03-01T00:00:00Z' },
      first: 10,
      after: null,
      correct: true,
      lang: 'EN',
    });
    expect(searchVariables(parseSearch(new URLSearchParams('q=a')), 'ZH').filter).toBeNull();
  });
});

describe('filter values', () => {
  it('every enum value offered in a filter has a label in both languages', async () => {
    const { label } = await import('../src/i18n');
    const { categories, levels, media, searchTypes } = await import('../src/searchState');
    for (const v of [...categories, ...levels, ...media, ...searchTypes]) {
      expect(label('zh', v), v).not.toBe(v);
      expect(label('en', v), v).not.toBe(v);
    }
  });
});
