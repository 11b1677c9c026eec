// The site's entry: renders the page of the current URL into <main>, follows
// internal links without reloading, and in kiosk mode adds the attract loop,
// the idle reset and the offline badge.

import './styles.css';
import { h } from './dom';
import { ApiError, resetClient, run } from './api';
import { AboutDocument } from './gql/graphql';
import { langFrom } from './i18n';
import { matchRoute, splitKiosk, withLang, type Route } from './router';
import { makeCtx, type Ctx, type Page } from './ctx';
import { homePage } from './pages/home';
import { brandPage } from './pages/brand';
import { previewPage } from './pages/preview';
import { alliancePage, alliancesPage, coveragePage, enterprisePage, regionsPage, roleModelPage, venuePage, venuesPage } from './pages/items';
import { searchPage } from './pages/search';
import { eventsPage } from './pages/events';
import { brandsPage, regionPage } from './pages/region';
import { notFound } from './pages/common';
import { startKiosk, kioskStartPage, type Kiosk } from './kiosk';
import { paged } from './pager';

const root = document.getElementById('app')!;
let kiosk: Kiosk | null = null;
let renderSeq = 0;

function pageFor(route: Route, ctx: Ctx): Promise<Page> {
  switch (route.page) {
    case 'home':
      return ctx.kiosk ? kioskStartPage(ctx) : homePage(ctx);
    case 'brand':
      return brandPage(ctx, route.slug);
    case 'roleModel':
      return roleModelPage(ctx, route.slug);
    case 'regions':
      return regionsPage(ctx);
    case 'region':
      return regionPage(ctx, route.code);
    case 'brands':
      return brandsPage(ctx);
    case 'venues':
      return venuesPage(ctx);
    case 'venue':
      return venuePage(ctx, route.slug);
    case 'alliances':
      return alliancesPage(ctx);
    case 'alliance':
      return alliancePage(ctx, route.slug);
    case 'enterprise':
      return enterprisePage(ctx, route.slug);
    case 'coverage':
      return coveragePage(ctx, route.slug);
    case 'search':
      return searchPage(ctx);
    case 'events':
      return eventsPage(ctx);
    case 'preview':
      return previewPage(ctx, route.secret);
    default:
      return Promise.resolve(notFound(ctx));
  }
}

function header(ctx: Ctx, route: Route): HTMLElement {
  const other = ctx.lang === 'en' ? 'zh' : 'en';
  const here = location.pathname + location.search;
  const nav: [string, Parameters<Ctx['t']>[0], Route['page']][] = ctx.kiosk
    ? [['/', 'kioskHomeButton', 'home'], ['/brands', 'brandsTitle', 'brands'], ['/regions', 'regions', 'regions'], ['/venues', 'venues', 'venues'], ['/alliances', 'alliances', 'alliances'], ['/events', 'events', 'events']]
    : [['/', 'home', 'home'], ['/brands', 'brandsTitle', 'brands'], ['/regions', 'regions', 'regions'], ['/venues', 'venues', 'venues'], ['/alliances', 'alliances', 'alliances'], ['/events', 'events', 'events'], ['/search', 'search', 'search']];
  return h(
    'header',
    { class: 'site-header' },
    h('a', { class: 'site-name', href: ctx.link('/') }, ctx.t('siteTitle')),
    h('nav', { 'aria-label': ctx.t('siteTitle') }, h('ul', null, nav.map(([path, key, page]) => h('li', null, h('a', { href: ctx.link(path), 'aria-current': route.page === page ? 'page' : null }, ctx.t(key)))))),
    h('a', { class: 'lang-switch', href: withLang(here, other), hreflang: other === 'en' ? 'en' : 'zh-CN', lang: other === 'en' ? 'en' : 'zh-CN', 'data-lang-switch': other }, ctx.t('language')),
  );
}

async function notice(ctx: Ctx): Promise<HTMLElement | null> {
  try {
    const { about } = await run(AboutDocument, { lang: ctx.api });
    return about.sampleContent ? h('p', { class: 'notice', role: 'note' }, h('strong', null, ctx.t('sampleContent')), ' ', about.notice) : null;
  } catch {
    return null;
  }
}

/** render shows the page of the current URL. */
export async function render(): Promise<void> {
  const seq = ++renderSeq;
  const params = new URLSearchParams(location.search);
  const place = splitKiosk(location.pathname, params);
  const lang = langFrom(params);
  const ctx = makeCtx(lang, place.kiosk, params);
  const route = matchRoute(place.path);
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.body.classList.toggle('kiosk', place.kiosk);
  document.documentElement.classList.toggle('kiosk', place.kiosk);
  if (place.kiosk && !kiosk) kiosk = startKiosk(params, { render, navigate });

  if (route.page === 'admin' && !place.kiosk) {
    await renderConsole(seq, ctx);
    return;
  }

  let page: Page;
  try {
    page = await pageFor(route, ctx);
  } catch (err) {
    const offline = err instanceof ApiError ? err.offline : true;
    page = {
      title: ctx.t('siteTitle'),
      body: h('div', { class: 'empty', role: 'alert' }, h('p', null, offline ? ctx.t('loadFailed') : String((err as Error).message).replace(/^\[\w+\] /, '')), h('button', { type: 'button', onclick: () => void render() }, ctx.t('retry'))),
    };
  }
  const banner = await notice(ctx);
  if (seq !== renderSeq) return;
  // A kiosk page never scrolls: its content is paged (the start screen is made to fit).
  const body = ctx.kiosk && route.page !== 'home' ? paged(ctx, page.body) : page.body;
  const main = h('main', { id: 'main', tabindex: '-1' }, banner ?? '', body);
  root.replaceChildren(header(ctx, route), main, footer(ctx));
  document.title = page.title === ctx.t('siteTitle') ? page.title : `${page.title} · ${ctx.t('siteTitle')}`;
  root.dataset.page = route.page;
  root.dataset.ready = String(seq);
  kiosk?.rendered(route.page === 'home');
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}

/**
 * renderConsole shows the editors' console (/admin). Its code is a chunk of
 * its own, loaded only here, so the public pages' JavaScript stays as it was.
 */
async function renderConsole(seq: number, ctx: Ctx): Promise<void> {
  let header: Node | string = '';
  let body: Node;
  let title = 'brandshow';
  try {
    const { consolePage } = await import('./console/console');
    const page = await consolePage(ctx);
    ({ header, body, title } = page);
  } catch (err) {
    const offline = err instanceof ApiError ? err.offline : !(err instanceof Error && err.name === 'ConsoleError');
    body = h('div', { class: 'empty', role: 'alert' }, h('p', null, offline ? ctx.t('loadFailed') : String((err as Error).message)), h('button', { type: 'button', onclick: () => void render() }, ctx.t('retry')));
  }
  if (seq !== renderSeq) return;
  root.replaceChildren(header, h('main', { id: 'main', tabindex: '-1', class: 'console-main' }, body));
  document.title = title;
  root.dataset.page = 'admin';
  root.dataset.ready = String(seq);
}

function footer(ctx: Ctx): HTMLElement | string {
  if (ctx.kiosk) return '';
  return h('footer', { class: 'site-footer' }, h('a', { href: '/graphiql' }, 'GraphQL API (GraphiQL)'), ' · ', h('a', { href: '/feeds/coverage.atom' }, 'Atom'), ' · ', h('a', { href: '/feeds/events.ics' }, 'iCal'));
}

/** navigate goes to an internal URL without reloading. */
export function navigate(url: string, replace = false): void {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.scrollTo(0, 0);
  void render().then(() => document.getElementById('main')?.focus({ preventScroll: true }));
}

document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  // HTML links and the map's SVG links (whose href and target are not strings).
  const a = (e.target as Element).closest?.('a');
  if (!a || a.getAttribute('target') || a.hasAttribute('download') || !a.getAttribute('href')) return;
  const url = new URL(a.getAttribute('href')!, location.href);
  if (url.origin !== location.origin || /^\/(graphiql|graphql|feeds|metrics|healthz|readyz)/.test(url.pathname)) return;
  e.preventDefault();
  if (url.pathname === location.pathname && url.search === location.search && url.hash) {
    document.getElementById(url.hash.slice(1))?.scrollIntoView();
    return;
  }
  navigate(url.pathname + url.search + url.hash);
});
window.addEventListener('navigate', (e) => navigate((e as CustomEvent<string>).detail));
window.addEventListener('popstate', () => void render());
window.addEventListener('online', () => {
  resetClient();
  void render();
});

void render();

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  // The service worker keeps the app and the answers it saw, so a kiosk
  // (and any visitor) keeps working when the network drops.
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      const urls = [location.pathname + location.search, ...performance.getEntriesByType('resource').map((r) => r.name)];
      reg.active?.postMessage({ type: 'cache', urls });
    })
    .catch(() => undefined);
}
