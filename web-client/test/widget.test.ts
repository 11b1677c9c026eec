// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';

const answer = {
  data: {
    featuredBrands: [
      { slug: 'hongan-dasao', name: '<b>红安大嫂</b>', summary: '家政服务', category: 'QUALITY_SERVICE', logo: { small: '/media/ab12-320.jpg', dominantColor: '#aa3322' }, region: { name: '红安县' } },
      { slug: 'enshi-xicha-shi', name: '恩施硒茶师', summary: '茶', category: 'CULTURE_TOURISM', region: { name: '恩施市' } },
    ],
    about: { sampleContent: true },
  },
};

describe('<brand-showcase>', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the API for the featured brands and renders them as text inside a shadow root', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    await import('../src/widget');
    const el = document.createElement('brand-showcase');
    el.setAttribute('featured', '2');
    el.setAttribute('api', 'https://brands.example.org/graphql');
    document.body.appendChild(el);
    await vi.waitFor(() => expect(el.shadowRoot!.querySelectorAll('li a')).toHaveLength(2));

    const url = new URL(fetch.mock.calls[0][0]);
    expect(url.origin + url.pathname).toBe('https://brands.example.org/graphql');
    expect(fetch.mock.calls[0][1]?.method ?? 'GET').toBe('GET');
    expect(JSON.parse(url.searchParams.get('variables')!)).toEqual({ lang: 'ZH', first: 2, regionCode: null });

    const first = el.shadowRoot!.querySelector('li a') as HTMLAnchorElement;
    expect(first.href).toBe('https://brands.example.org/brands/hongan-dasao');
    expect(first.querySelector('strong')!.textContent).toBe('<b>红安大嫂</b>');
    expect(first.querySelector('b')).toBeNull();
    expect(el.shadowRoot!.querySelector('style')).not.toBeNull();
    // Nothing leaks into the host document.
    expect(document.body.querySelectorAll('li')).toHaveLength(0);
    // One request for the element and its attributes; the sample notice shows.
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(el.shadowRoot!.querySelector('.notice')!.textContent).toBe('示例数据');
    // Logos: the small rendition, asked for in the same request, from the API's origin.
    const query = url.searchParams.get('query')!;
    expect(query).toMatch(/logo\s*{\s*small: url\(width: 320\)/);
    const imgs = Array.from(el.shadowRoot!.querySelectorAll('img'));
    expect(imgs.map((i) => i.src)).toEqual(['https://brands.example.org/media/ab12-320.jpg']);
    expect(imgs[0].alt).toBe('');
    expect(first.querySelector('img')).toBe(imgs[0]);
  });

  it('sends one request per widget however many attributes it has, and says so when a region has no featured brand', async () => {
    const empty = { data: { featuredBrands: [], about: { sampleContent: false } } };
    const fetch = vi.fn(async () => new Response(JSON.stringify(empty), { headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    await import('../src/widget');
    const host = document.createElement('div');
    host.innerHTML = '<brand-showcase featured="3" lang="zh" region="429021" api="https://a.example/graphql"></brand-showcase><brand-showcase featured="4" lang="en" region="429021" api="https://b.example/graphql"></brand-showcase>';
    document.body.appendChild(host);
    const [a, b] = Array.from(host.querySelectorAll('brand-showcase'));
    await vi.waitFor(() => expect(a.shadowRoot!.querySelector('.empty')).not.toBeNull());
    await vi.waitFor(() => expect(b.shadowRoot!.querySelector('.empty')).not.toBeNull());
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(a.shadowRoot!.querySelector('ul')).toBeNull();
    expect(a.shadowRoot!.querySelector('.notice')).toBeNull();
    expect(b.shadowRoot!.querySelector('.more a')).not.toBeNull();
    host.remove();
  });
});
