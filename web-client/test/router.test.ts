import { describe, expect, it } from 'vitest';
import { link, matchRoute, splitKiosk, withLang } from '../src/router';

describe('matchRoute', () => {
  it('maps every page', () => {
    expect(matchRoute('/')).toEqual({ page: 'home' });
    expect(matchRoute('/brands/hongan-dasao')).toEqual({ page: 'brand', slug: 'hongan-dasao' });
    expect(matchRoute('/preview/AbC_d-0123456789xyzAbC_d-0123456789xyzAbC')).toEqual({ page: 'preview', secret: 'AbC_d-0123456789xyzAbC_d-0123456789xyzAbC' });
    expect(matchRoute('/preview/short')).toEqual({ page: 'notFound' });
    expect(matchRoute('/preview/has%20space-0123456789abcdef')).toEqual({ page: 'notFound' });
    expect(matchRoute('/role-models/li-hua')).toEqual({ page: 'roleModel', slug: 'li-hua' });
    expect(matchRoute('/regions/')).toEqual({ page: 'regions' });
    expect(matchRoute('/venues')).toEqual({ page: 'venues' });
    expect(matchRoute('/venues/x1')).toEqual({ page: 'venue', slug: 'x1' });
    expect(matchRoute('/alliances/a')).toEqual({ page: 'alliance', slug: 'a' });
    expect(matchRoute('/enterprises/e')).toEqual({ page: 'enterprise', slug: 'e' });
    expect(matchRoute('/coverage/c')).toEqual({ page: 'coverage', slug: 'c' });
    expect(matchRoute('/search')).toEqual({ page: 'search' });
    expect(matchRoute('/admin')).toEqual({ page: 'admin' });
  });
  it('refuses malformed slugs and unknown paths', () => {
    expect(matchRoute('/brands/Hongan')).toEqual({ page: 'notFound' });
    expect(matchRoute('/brands/a--b')).toEqual({ page: 'notFound' });
    expect(matchRoute('/brands')).toEqual({ page: 'brands' });
    expect(matchRoute('/regions/421122')).toEqual({ page: 'region', code: '421122' });
    expect(matchRoute('/regions/4211')).toEqual({ page: 'notFound' });
    expect(matchRoute('/regions/hubei')).toEqual({ page: 'notFound' });
    expect(matchRoute('/brands/a/b')).toEqual({ page: 'notFound' });
    expect(matchRoute('/nothing')).toEqual({ page: 'notFound' });
    expect(matchRoute('/admin/brands')).toEqual({ page: 'notFound' });
  });
});

describe('kiosk and links', () => {
  it('recognises the kiosk by prefix or parameter', () => {
    expect(splitKiosk('/kiosk', new URLSearchParams())).toEqual({ kiosk: true, path: '/' });
    expect(splitKiosk('/kiosk/brands/a', new URLSearchParams())).toEqual({ kiosk: true, path: '/brands/a' });
    expect(splitKiosk('/brands/a', new URLSearchParams('kiosk=1'))).toEqual({ kiosk: true, path: '/brands/a' });
    expect(splitKiosk('/kiosks', new URLSearchParams())).toEqual({ kiosk: false, path: '/kiosks' });
  });
  it('keeps the language and kiosk timings but nothing else', () => {
    const cur = new URLSearchParams('lang=en&idle=5&q=x&after=abc');
    expect(link('/brands/a', cur, false)).toBe('/brands/a?lang=en&idle=5');
    expect(link('/', cur, true)).toBe('/kiosk?lang=en&idle=5');
    expect(link('/venues', new URLSearchParams(), false, { r: '50' })).toBe('/venues?r=50');
  });
  it('switches language on the same page', () => {
    expect(withLang('/brands/a?q=1', 'en')).toBe('/brands/a?q=1&lang=en');
    expect(withLang('/brands/a?lang=en&q=1', 'zh')).toBe('/brands/a?q=1');
  });
});
