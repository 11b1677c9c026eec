// The embeddable widget: <brand-showcase featured="6"></brand-showcase> plus
// one script tag. It renders featured brands from this API inside a shadow
// root, so the host page's styles and ours never mix. The API address comes
// from the `api` attribute, or else from where this script was loaded.

import { makeClient, run } from './api';
import { WidgetDocument } from './gql/graphql';
import { t, label, type Lang } from './i18n';

const scriptOrigin = (() => {
  const src = (document.currentScript as HTMLScriptElement | null)?.src;
  return src ? new URL(src).origin : location.origin;
})();

const css = `
:host { display: block; font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #1f2933; }
.box { border: 1px solid #d9e2ec; border-radius: 8px; padding: 12px; background: #fff; }
h2 { font-size: 1.1rem; margin: 0 0 8px; color: #8a1c12; }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); }
a { display: block; min-height: 48px; padding: 8px; border-radius: 6px; background: #fdf6ec; color: inherit; text-decoration: none; }
a:focus-visible { outline: 3px solid #1d4ed8; }
strong { display: block; color: #8a1c12; }
small { color: #52606d; }
p { margin: 4px 0 0; font-size: .9rem; line-height: 1.4; }
.more { margin-top: 8px; text-align: right; font-size: .9rem; }
.more a { display: inline; background: none; min-height: 0; padding: 0; color: #8a3b12; text-decoration: underline; }
.notice { margin: 0 0 8px; padding: 4px 8px; border-radius: 4px; background: #fff4cc; color: #5c4400; font-size: .85rem; }
.empty { color: #52606d; }
img { float: right; width: 48px; height: 48px; margin: 0 0 4px 8px; object-fit: contain; border-radius: 4px; }
`;

export class BrandShowcase extends HTMLElement {
  static observedAttributes = ['featured', 'lang', 'region', 'api'];
  private readonly root: ShadowRoot;
  private seq = 0;
  private pending = false;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    this.schedule();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.schedule();
  }

  /** schedule loads once for all the attribute changes of one task: an element
   * upgraded with three attributes is told of each, and used to send a request
   * for each. */
  private schedule() {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      if (this.isConnected) void this.load();
    });
  }

  private async load() {
    const seq = ++this.seq;
    const lang: Lang = this.getAttribute('lang') === 'en' ? 'en' : 'zh';
    const first = Math.min(Math.max(Number(this.getAttribute('featured')) || 6, 1), 24);
    const api = this.getAttribute('api') || `${scriptOrigin}/graphql`;
    const site = new URL(api, location.href).origin;
    const regionCode = this.getAttribute('region') || null;
    const style = document.createElement('style');
    style.textContent = css;
    const box = document.createElement('div');
    box.className = 'box';
    box.setAttribute('part', 'box');
    const title = document.createElement('h2');
    title.textContent = t(lang, 'featured');
    box.append(title);
    try {
      const data = await run(WidgetDocument, { lang: lang === 'en' ? 'EN' : 'ZH', first, regionCode }, { c: makeClient(api) });
      if (data.about.sampleContent) {
        const notice = document.createElement('p');
        notice.className = 'notice';
        notice.setAttribute('role', 'note');
        notice.textContent = t(lang, 'sampleContent');
        box.append(notice);
      }
      const ul = document.createElement('ul');
      if (!data.featuredBrands.length) {
        const empty = document.createElement('p');
        empty.className = 'empty';
        empty.textContent = t(lang, 'widgetEmpty');
        box.append(empty);
      }
      for (const b of data.featuredBrands) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `${site}/brands/${b.slug}${lang === 'en' ? '?lang=en' : ''}`;
        a.target = '_blank';
        a.rel = 'noopener';
        const name = document.createElement('strong');
        name.textContent = b.name;
        const meta = document.createElement('small');
        meta.textContent = `${b.region.name} · ${label(lang, b.category)}`;
        const summary = document.createElement('p');
        summary.textContent = b.summary;
        a.append(name, meta, summary);
        if (b.logo) {
          // The smallest rendition, from the API's origin (picture paths are
          // same-origin there); decorative here: the name says the same.
          const img = document.createElement('img');
          img.src = new URL(b.logo.small, site).href;
          img.alt = '';
          img.loading = 'lazy';
          img.decoding = 'async';
          img.width = 48;
          img.height = 48;
          if (b.logo.dominantColor && /^#[0-9a-f]{6}$/i.test(b.logo.dominantColor)) img.style.backgroundColor = b.logo.dominantColor;
          a.prepend(img);
        }
        li.append(a);
        ul.append(li);
      }
      if (data.featuredBrands.length) box.append(ul);
      const more = document.createElement('p');
      more.className = 'more';
      const link = document.createElement('a');
      link.href = `${site}/${lang === 'en' ? '?lang=en' : ''}`;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = `${t(lang, 'widgetMore')} →`;
      more.append(link);
      box.append(more);
    } catch (err) {
      console.warn('brand-showcase: cannot load featured brands', err);
      const p = document.createElement('p');
      p.textContent = t(lang, 'loadFailed');
      box.append(p);
    }
    if (seq === this.seq) this.root.replaceChildren(style, box);
  }
}

if (!customElements.get('brand-showcase')) customElements.define('brand-showcase', BrandShowcase);
