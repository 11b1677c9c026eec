// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { feedUrl, parseSearch, searchParams, searchVariables } from '../src/searchState';
import { correctionNotice, withQuery } from '../src/pages/search';
import { t } from '../src/i18n';

describe('homophone correction', () => {
  it('exact=1 searches the query as typed and survives the URL round trip', () => {
    const s = parseSearch(new URLSearchParams('q=%E7%BA%A2%E6%8C%89%E5%A4%A7%E5%AB%82&exact=1'));
    expect(s.exact).toBe(true);
    expect(searchVariables(s, 'ZH').correct).toBe(false);
    expect(searchParams(s).get('exact')).toBe('1');
    expect(parseSearch(searchParams(s))).toEqual(s);
    const plain = parseSearch(new URLSearchParams('q=a&exact=yes'));
    expect(plain.exact).toBe(false);
    expect(searchVariables(plain, 'ZH').correct).toBe(true);
    expect(searchParams(plain).has('exact')).toBe(false);
  });

  it('shows "显示 X 的结果" and offers the query as typed', () => {
    const ctx = { t: (k: Parameters<typeof t>[1]) => t('zh', k) };
    const p = correctionNotice(ctx, '红安大嫂', '红按<b>大嫂', '/search?q=x&exact=1');
    expect(p.textContent).toBe('显示 红安大嫂 的结果 · 仍然搜索 红按<b>大嫂');
    expect(p.querySelector('strong')?.textContent).toBe('红安大嫂');
    const a = p.querySelector('a.search-instead') as HTMLAnchorElement;
    expect(a.getAttribute('href')).toBe('/search?q=x&exact=1');
    expect(p.querySelector('b')).toBeNull(); // the query is text, never markup
    const en = correctionNotice({ t: (k: Parameters<typeof t>[1]) => t('en', k) }, 'x', 'y', '/s');
    expect(en.textContent).toBe('Showing results for x · Search instead for y');
  });

  it('fills {q} wherever the language puts it', () => {
    const q = document.createElement('strong');
    expect(withQuery('{q} tail', q)).toEqual([q, ' tail']);
    expect(withQuery('head {q}', q)).toEqual(['head ', q]);
  });
});

describe('saved-search feed link', () => {
  it('carries the query and the filters the feed knows, not dates or the cursor', () => {
    const s = parseSearch(new URLSearchParams('q=%20%E8%89%BE%E7%81%B8%20&type=MEDIA_COVERAGE&region=421100&category=QUALITY_SERVICE&level=CITY&medium=TV&from=2023-01-01&after=abc&exact=1'));
    const u = new URL(feedUrl(s), 'http://x');
    expect(u.pathname).toBe('/feeds/search.atom');
    expect(Object.fromEntries(u.searchParams)).toEqual({ q: '艾灸', type: 'MEDIA_COVERAGE', region: '421100', category: 'QUALITY_SERVICE', level: 'CITY', medium: 'TV' });
    expect(feedUrl(parseSearch(new URLSearchParams('q=红安，大嫂')))).toBe('/feeds/search.atom?q=%E7%BA%A2%E5%AE%89%EF%BC%8C%E5%A4%A7%E5%AB%82');
  });
});
