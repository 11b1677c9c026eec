// End-to-end tests of the web client in headless Chromium against the real
// server with the demo content. Each test saves a screenshot in e2e-output/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import jsQR from 'jsqr';
import { Server, axe, freePort, launch, shot } from './harness.mjs';

const server = new Server();
let browser;

before(async () => {
  await server.build();
  await server.start();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server.cleanup();
});

/** Content-Security-Policy violations of every page, checked by the last test. */
const cspViolations = [];

/** watchCSP records the page's Content-Security-Policy violations (Chromium reports them on the console). */
function watchCSP(page) {
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
  });
  return page;
}

/** The exhibition screen the kiosk is made for. */
const kioskScreen = { width: 1920, height: 1080 };

async function open(path, viewport) {
  const page = watchCSP(await browser.context.newPage());
  if (viewport) await page.setViewportSize(viewport);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + path);
  page.errors = errors;
  return page;
}

/** waitFor waits for a selector and, when it does not come, prints what the page shows. */
async function waitFor(page, selector, opts) {
  try {
    return await page.waitForSelector(selector, opts);
  } catch (err) {
    console.log(`waiting for ${selector} on ${page.url()}; the page shows:`, (await page.locator('body').innerText().catch(() => '?')).slice(0, 500));
    await shot(page, 'failure').catch(() => undefined);
    throw err;
  }
}

async function ready(page) {
  await page.waitForSelector('#app[data-ready] main');
}

describe('promotion site', () => {
  test('home shows the featured brands and the key figures', async () => {
    const page = await open('/');
    await ready(page);
    const cards = await page.locator('#featured .brand-card').count();
    assert.ok(cards >= 6, `featured brands: ${cards}`);
    assert.equal(await page.locator('#featured .card-title').first().textContent(), '红安大嫂');
    assert.equal(await page.locator('.figure').count(), 6);
    // The worker totals are the brands' dated figures, each with its years,
    // date and number of brands; the counts need none.
    const notes = await page.locator('.figure .figure-note').allTextContents();
    assert.equal(notes.length, 2, `notes under the key figures: ${notes}`);
    for (const n of notes) assert.match(n, /^\d{4}(–\d{4})?年数据 · 截至 \d{4}-\d{2}-\d{2} · \d+个品牌申报$/);
    assert.match(await page.locator('.notice').textContent(), /示例数据/);
    await shot(page, 'home');
    assert.deepEqual(await axe(page, 'home'), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('a brand page opens from the home page', async () => {
    const page = await open('/');
    await ready(page);
    const first = page.locator('#featured .card-link').first();
    const slug = await first.getAttribute('data-brand');
    const name = await first.locator('.card-title').textContent();
    await first.click();
    await page.waitForURL(`**/brands/${slug}`);
    await page.waitForSelector('#app[data-page="brand"] h1');
    assert.equal(await page.locator('main h1').textContent(), name);
    assert.ok((await page.locator('main .prose p').count()) >= 1, 'the story has paragraphs');
    assert.ok((await page.locator('main a[href^="/role-models/"]').count()) >= 1, 'role models are linked');
    await shot(page, 'brand');
    assert.deepEqual(await axe(page, 'brand'), []);
    // The URL is shareable: loading it directly shows the same page.
    const again = await open(`/brands/${slug}`);
    await again.waitForSelector('#app[data-page="brand"] h1');
    assert.equal(await again.locator('main h1').textContent(), name);
    await again.close();
    await page.close();
  });

  test('a role model page, the regions view, venues and alliances render', async () => {
    const page = await open('/brands/hongan-dasao');
    await page.waitForSelector('#app[data-page="brand"]');
    await page.locator('main a[href^="/role-models/"]').first().click();
    await page.waitForSelector('#app[data-page="roleModel"] h1');
    await shot(page, 'role-model');
    assert.deepEqual(await axe(page, 'role model'), []);

    await page.goto(`${server.url}/regions`);
    await page.waitForSelector('#app[data-page="regions"] .prefecture');
    assert.equal(await page.locator('.prefecture').count(), 17, 'every prefecture-level division of Hubei');
    assert.ok(await page.locator('#r421122 a[href="/brands/hongan-dasao"]').count(), "红安县 lists 红安大嫂");
    assert.ok((await page.locator('.counties li').count()) > 40, 'counties are listed');
    await shot(page, 'regions');
    assert.deepEqual(await axe(page, 'regions'), []);

    await page.goto(`${server.url}/venues?lat=30.593&lng=114.305&r=500`);
    await page.waitForSelector('#app[data-page="venues"] h1');
    const distances = await page.locator('.venues .distance').allTextContents();
    assert.ok(distances.length > 0, 'venues within 500 km of Wuhan');
    const km = distances.map((d) => (d.endsWith(' km') ? parseFloat(d) : parseFloat(d) / 1000));
    assert.deepEqual(km, [...km].sort((a, b) => a - b), 'nearest first');
    await shot(page, 'venues');
    assert.deepEqual(await axe(page, 'venues'), []);

    await page.goto(`${server.url}/alliances`);
    await page.waitForSelector('#app[data-page="alliances"] .alliance');
    assert.deepEqual(await axe(page, 'alliances'), []);
    await page.close();
  });

  test('a homophone typo is corrected, the query as typed is offered, and the search has a feed', async () => {
    const page = await open('/search?q=' + encodeURIComponent('红按大嫂'));
    await waitFor(page, '.correction');
    assert.equal(await page.locator('.correction strong').textContent(), '红安大嫂');
    assert.match(await page.locator('.correction').textContent(), /显示 红安大嫂 的结果/);
    const titles = await page.locator('.hit-title').allTextContents();
    assert.equal(titles[0], '红安大嫂');
    const feed = await page.locator('a.feed-link').getAttribute('href');
    assert.match(feed, /^\/feeds\/search\.atom\?q=/);
    const atom = await fetch(server.url + feed);
    assert.equal(atom.status, 200);
    assert.match(await atom.text(), /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.deepEqual(await axe(page, 'search-corrected'), []);
    await shot(page, 'search-corrected');
    // The query as typed, without the correction.
    await page.locator('.correction a.search-instead').click();
    await page.waitForURL(/exact=1/);
    await waitFor(page, '.empty');
    assert.equal(await page.locator('.correction').count(), 0);
    assert.equal(await page.inputValue('#s-q'), '红按大嫂');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('the events calendar lists the demo events by month, cancelled ones marked, and a brand page lists its events', async () => {
    const page = await open('/events');
    await waitFor(page, '#app[data-page="events"] .calendar .event');
    assert.ok((await page.locator('.calendar .event').count()) >= 10, 'the demo calendar');
    assert.ok((await page.locator('.calendar section h2').count()) >= 6, 'grouped by month');
    assert.equal(await page.locator('.calendar .event.cancelled').count(), 1, 'the cancelled contest is listed, marked');
    assert.match(await page.locator('.calendar .event.cancelled').textContent(), /已取消/);
    assert.equal(await page.locator('.calendar .event', { hasText: '示例草稿' }).count(), 0, 'no draft');
    assert.ok(await page.locator('a[href="/feeds/events.ics"]').count(), 'the iCal feed is offered');
    await shot(page, 'events');
    assert.deepEqual(await axe(page, 'events'), []);

    await page.goto(`${server.url}/brands/hongan-dasao`);
    await waitFor(page, '#app[data-page="brand"] .events .event');
    assert.ok((await page.locator('.events .event').count()) >= 2, "红安大嫂's events");
    await shot(page, 'brand-events');
    assert.deepEqual(await axe(page, 'brand with events'), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('a region page lists its brands, people, venues and regions; the brands list filters and pages', async () => {
    const page = await open('/regions');
    await page.waitForSelector('#app[data-page="regions"] .prefecture');
    await page.locator('#r421122 a.county').click();
    await waitFor(page, '#app[data-page="region"] h1');
    assert.equal(new URL(page.url()).pathname, '/regions/421122');
    assert.ok(await page.locator('main a[href="/brands/hongan-dasao"]').count(), '红安县 lists 红安大嫂');
    assert.ok(await page.locator('main a[href="/regions/421100"]').count(), 'its parent, 黄冈市');
    // Its upcoming events, as the API lists them for the county and for
    // its prefecture (which includes the county's).
    const upcoming = async (code) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ upcomingEvents(first: 10, regionCode: "${code}") { slug } }` }),
      });
      return (await res.json()).data.upcomingEvents.map((e) => e.slug);
    };
    const countyEvents = await upcoming('421122');
    const shown = await page.locator('main .events li').count();
    assert.equal(shown, countyEvents.length, `红安县 shows ${shown} upcoming events, the API lists ${countyEvents}`);
    await shot(page, 'region');
    assert.deepEqual(await axe(page, 'region'), []);

    await page.goto(`${server.url}/regions/421100`);
    await waitFor(page, '#app[data-page="region"] h1');
    assert.ok((await page.locator('main a[href^="/regions/4211"]').count()) > 3, 'a prefecture links its counties');
    // A prefecture's brands are its counties' too: the count in its lead,
    // the list's heading and the list agree, and 红安大嫂 (红安县) is there.
    const lead = parseInt((await page.locator('main .lead').innerText()).match(/(\d+)\s*个品牌/)?.[1] ?? '-1', 10);
    const heading = await page.locator('main section h2', { hasText: '品牌' }).first().innerText();
    assert.ok(lead > 0 && heading.includes(`(${lead})`), `黄冈市: lead counts ${lead}, the list says "${heading}"`);
    assert.ok(await page.locator('main a[href="/brands/hongan-dasao"]').count(), '黄冈市 lists 红安大嫂 of 红安县');
    const prefectureEvents = await upcoming('421100');
    assert.ok(countyEvents.every((slug) => prefectureEvents.includes(slug)), `黄冈市's events ${prefectureEvents} include 红安县's ${countyEvents}`);
    assert.equal(await page.locator('main .events li').count(), prefectureEvents.length);

    const missing = await page.goto(`${server.url}/regions/429999`);
    assert.equal(missing.status(), 404, 'an unknown region code is an HTTP 404');
    await waitFor(page, '#app[data-page="region"] .empty h1'); // the client's not-found view

    await page.goto(`${server.url}/brands`);
    await waitFor(page, '#app[data-page="brands"] .cards li');
    const total = parseInt(await page.locator('main [role="status"]').innerText(), 10);
    assert.ok(total > 24, `all brands counted (${total})`);
    assert.equal(await page.locator('main .cards li').count(), 24, 'a page of 24');
    await page.locator('main a[rel="next"]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('after'));
    await waitFor(page, '#app[data-page="brands"] .cards li');
    await page.selectOption('select[name="category"]', 'CULTURE_TOURISM');
    await page.locator('.brand-list form button').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('category') === 'CULTURE_TOURISM');
    await waitFor(page, '#app[data-page="brands"] h1');
    const filtered = parseInt(await page.locator('main [role="status"]').innerText(), 10);
    assert.ok(filtered > 0 && filtered < total, `a category narrows the list (${filtered} of ${total})`);
    await shot(page, 'brands');
    assert.deepEqual(await axe(page, 'brands'), []);
    const colour = await page.locator('main .meta a, main p a, .site-footer a').first().evaluate((a) => getComputedStyle(a).color).catch(() => '');
    assert.notEqual(colour, 'rgb(0, 0, 238)', 'links are not the browser default blue');
    await page.close();
  });

  test("a brand's coverage count leads to all of it", async () => {
    const page = await open('/brands/hongan-dasao');
    await waitFor(page, '#app[data-page="brand"] h1');
    const all = page.locator('main .see-all a');
    assert.ok(await all.count(), 'a "see all" link under the newest 10 reports');
    const total = parseInt((await all.innerText()).replace(/\D+/g, ' ').trim().split(' ').pop(), 10);
    await all.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('coverage') === 'all');
    // The coverage page's own list: the brand page before it has lists too.
    await waitFor(page, '#app[data-page="brand"] main ul.all-coverage li');
    assert.equal(await page.locator('main ul.all-coverage li').count(), Math.min(total, 100), `all ${total} reports listed`);
    assert.deepEqual(await axe(page, 'brand coverage'), []);
    await page.close();
  });

  test('on a phone the search filters fold away so results are above the fold', async () => {
    const page = watchCSP(await browser.context.newPage());
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/search?q=%E7%BA%A2%E5%AE%89`);
    await waitFor(page, '#app[data-page="search"] .hit');
    assert.equal(await page.locator('details.filter-box').getAttribute('open'), null, 'filters folded');
    const top = await page.locator('.hit').first().evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(top < 844, `the first result is above the fold (top ${top})`);
    await shot(page, 'search-phone');
    await page.close();
  });

  test('a Chinese search shows highlighted hits, and its URL reproduces it', async () => {
    const page = await open('/search');
    await page.waitForSelector('#app[data-page="search"] #s-q');
    await page.fill('#s-q', '红安');
    await page.selectOption('#s-type', 'BRAND');
    await page.click('.search-row button');
    await page.waitForSelector('.hits mark');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('q'), '红安');
    assert.equal(url.searchParams.get('type'), 'BRAND');
    const marks = await page.locator('.hits mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => m === '红安'), `marks: ${marks}`);
    const titles = await page.locator('.hit-title').allTextContents();
    assert.ok(titles.includes('红安大嫂'), `titles: ${titles}`);
    assert.ok((await page.locator('.hit .tag').allTextContents()).every((t) => t === '品牌'), 'only brands');
    await shot(page, 'search');
    assert.deepEqual(await axe(page, 'search'), []);

    // The same URL in a new tab gives the same hits.
    const again = await open(url.pathname + url.search);
    await again.waitForSelector('.hits mark');
    assert.deepEqual(await again.locator('.hit-title').allTextContents(), titles);
    assert.equal(await again.inputValue('#s-q'), '红安');
    assert.equal(await again.inputValue('#s-type'), 'BRAND');
    // A hit links to its item.
    await again.locator('.hit-title', { hasText: '红安大嫂' }).click();
    await again.waitForSelector('#app[data-page="brand"] h1');
    assert.equal(await again.locator('main h1').textContent(), '红安大嫂');
    await again.close();

    // Paging: ten hits a page, the next page has other hits and a link back.
    const paged = await open('/search?q=%E5%93%81%E7%89%8C');
    await paged.waitForSelector('.hits .hit');
    const total = parseInt(await paged.locator('.count').textContent(), 10);
    assert.ok(total > 10, `品牌 finds ${total} items, more than one page`);
    const firstTitles = await paged.locator('.hit-title').allTextContents();
    assert.equal(firstTitles.length, 10);
    await paged.locator('.pager a[rel="next"]').click();
    await paged.waitForURL(/after=/);
    await paged.waitForFunction((first) => {
      const t = [...document.querySelectorAll('.hit-title')].map((e) => e.textContent);
      return t.length > 0 && !t.some((x) => first.includes(x));
    }, firstTitles);
    assert.equal(await paged.locator('.pager a', { hasText: '第一页' }).count(), 1);
    await paged.close();
    await page.close();
  });

  test('the English switch shows English with Chinese fallback', async () => {
    const page = await open('/brands/hongan-dasao');
    await page.waitForSelector('#app[data-page="brand"] h1');
    assert.equal(await page.locator('main h1').textContent(), '红安大嫂');
    await page.click('[data-lang-switch="en"]');
    await page.waitForURL(/lang=en/);
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('main h1')?.textContent === "Hong'an Housekeepers");
    assert.equal(await page.locator('.site-header nav a').first().textContent(), 'Home');
    // Links keep the language.
    await page.click('.site-header nav a[href^="/regions"]');
    await page.waitForSelector('#app[data-page="regions"] h1');
    assert.match(new URL(page.url()).search, /lang=en/);
    assert.match(await page.locator('main h1').textContent(), /One county, one brand/);
    await shot(page, 'english');
    await page.click('[data-lang-switch="zh"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    // The page renders again in Chinese once its data is in.
    await page.waitForFunction(() => /一县一品/.test(document.querySelector('main h1')?.textContent ?? ''), null, { timeout: 10000 });
    assert.match(await page.locator('main h1').textContent(), /一县一品/);
    await page.close();
  });

  test('GraphiQL works without loading anything from another origin', async () => {
    const page = watchCSP(await browser.context.newPage());
    const foreign = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.goto(`${server.url}/graphiql`);
    await page.waitForSelector('.graphiql-container');
    await page.waitForSelector('.graphiql-editors');
    await shot(page, 'graphiql');
    assert.deepEqual(foreign, []);
    await page.close();
  });
});

describe('embeddable widget', () => {
  test('renders featured brands inside a page from another origin', async () => {
    const port = await freePort();
    const host = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="zh-CN"><head><title>某县人民政府门户</title>
<style>body{font-family:serif;background:#eef} strong, a, p { color: green !important; font-size: 30px }</style></head>
<body><h1>某县人民政府门户网站</h1><p>Host page text.</p>
<brand-showcase featured="4"></brand-showcase>
<script src="${server.url}/widget.js" defer></script></body></html>`);
    });
    await new Promise((r) => host.listen(port, '127.0.0.1', r));
    try {
      const page = await browser.context.newPage();
      page.on('console', (m) => m.type() !== 'log' && console.log('widget page console:', m.text()));
      await page.goto(`http://127.0.0.1:${port}/`);
      await page
        .waitForFunction(() => document.querySelector('brand-showcase')?.shadowRoot?.querySelectorAll('li a').length === 4, null, { timeout: 15000 })
        .catch(async (err) => {
          console.log('widget shadow root:', await page.evaluate(() => document.querySelector('brand-showcase')?.shadowRoot?.innerHTML?.slice(-600)));
          throw err;
        });
      const info = await page.evaluate(() => {
        const root = document.querySelector('brand-showcase').shadowRoot;
        const a = root.querySelector('li a');
        return { href: a.href, name: a.querySelector('strong').textContent, color: getComputedStyle(a.querySelector('strong')).color, hostP: getComputedStyle(document.querySelector('p')).color };
      });
      assert.equal(info.name, '红安大嫂');
      assert.equal(info.href, `${server.url}/brands/hongan-dasao`);
      assert.notEqual(info.color, 'rgb(0, 128, 0)', "the host page's styles do not reach into the widget");
      assert.equal(info.hostP, 'rgb(0, 128, 0)', "the widget's styles do not reach the host page");
      // Each brand's logo: a small rendition from the API's origin, loaded.
      await page.waitForFunction(() => [...document.querySelector('brand-showcase').shadowRoot.querySelectorAll('img')].every((i) => i.complete), null, { timeout: 10000 });
      const logos = await page.evaluate(() => [...document.querySelector('brand-showcase').shadowRoot.querySelectorAll('img')].map((i) => ({ src: i.src, w: i.naturalWidth })));
      assert.equal(logos.length, 4, JSON.stringify(logos));
      for (const l of logos) {
        assert.ok(l.src.startsWith(`${server.url}/media/`), l.src);
        assert.ok(l.w > 0 && l.w <= 320, JSON.stringify(l));
      }
      await shot(page, 'widget');
      await page.close();
    } finally {
      host.closeAllConnections();
      await new Promise((r) => host.close(r));
    }
  });
});

describe('kiosk', () => {
  test('the attract loop starts when idle and the idle reset returns to the start screen', async () => {
    const t0 = Date.now();
    // The loop starts after 4 s: axe (slower with the map) checks the start screen before the loop covers it.
    const page = await open('/kiosk?idle=2&attract=4&slide=0.4', kioskScreen);
    await waitFor(page, '#app[data-page="home"] #featured .card-link');
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return { domInteractive: Math.round(n.domInteractive), firstScreen: Math.round(performance.now()) };
    });
    console.log(`kiosk first screen: DOM interactive ${nav.domInteractive} ms, featured brands shown by ${nav.firstScreen} ms after navigation start (wall ${Date.now() - t0} ms)`);
    assert.ok(await page.evaluate(() => document.body.classList.contains('kiosk')));
    // Touch targets are at least 64 px.
    const small = await page.evaluate(() => [...document.querySelectorAll('a, button')].filter((e) => e.offsetParent && (e.getBoundingClientRect().height < 64 || e.getBoundingClientRect().width < 64)).map((e) => e.outerHTML.slice(0, 80)));
    assert.deepEqual(small, []);
    await shot(page, 'kiosk-start');
    assert.deepEqual(await axe(page, 'kiosk'), []);

    // Nobody touches: the attract loop starts and cycles.
    await waitFor(page, '#attract .attract-slide', { timeout: 10000 });
    const s1 = await page.getAttribute('#attract .attract-slide', 'data-slug');
    await page.waitForFunction((s) => document.querySelector('#attract .attract-slide')?.getAttribute('data-slug') !== s, s1, { timeout: 3000 });
    await shot(page, 'kiosk-attract');
    // A touch ends it and shows the start screen.
    await page.tap('#attract').catch(() => page.click('#attract'));
    await waitFor(page, '#attract', { state: 'detached' });

    // Open a brand, then wait: the kiosk returns to its start screen.
    await page.locator('#featured .card-link').first().click();
    await waitFor(page, '#app[data-page="brand"] h1');
    assert.match(new URL(page.url()).pathname, /^\/kiosk\/brands\//);
    assert.match(new URL(page.url()).search, /idle=2/, 'kiosk timings stay in the URL');
    await shot(page, 'kiosk-brand');
    await waitFor(page, '#app[data-page="home"]', { timeout: 5000 });
    assert.equal(new URL(page.url()).pathname, '/kiosk');
    await page.close();
  });

  test('with the server stopped the kiosk keeps showing content, then recovers', async () => {
    const page = await open('/kiosk?idle=60&attract=60&ping=0.5', kioskScreen);
    await waitFor(page, '#app[data-page="home"] #featured .card-link');
    // Wait for the service worker to control the page and to have saved the answers.
    await page.waitForFunction(async () => {
      if (!navigator.serviceWorker.controller) return false;
      const keys = await (await caches.open('brandshow-v1')).keys();
      return keys.some((k) => k.url.includes('/graphql')) && keys.some((k) => k.url.includes('/assets/'));
    }, null, { timeout: 15000, polling: 250 });
    // Visit a brand while online so that it is saved too, then go back.
    await page.locator('#featured .card-link').first().click();
    await waitFor(page, '#app[data-page="brand"] h1');
    const brandName = await page.locator('main h1').textContent();
    const brandUrl = page.url();
    await page.goBack();
    await waitFor(page, '#app[data-page="home"] #featured');

    await server.stop();
    await waitFor(page, '.offline-badge:not([hidden])', { timeout: 5000 });
    // A reload while the server is down still shows the kiosk, not an error page.
    await page.reload();
    await waitFor(page, '#app[data-page="home"] #featured .card-link', { timeout: 15000 });
    assert.ok(!page.url().startsWith('chrome-error:'), page.url());
    assert.ok((await page.locator('#featured .card-link').count()) >= 6);
    await waitFor(page, '.offline-badge:not([hidden])', { timeout: 5000 });
    await shot(page, 'kiosk-offline');
    // A saved brand page opens offline too.
    await page.goto(brandUrl);
    await waitFor(page, '#app[data-page="brand"] h1', { timeout: 15000 }).catch(async (err) => {
      console.log('offline brand page:', page.url(), (await page.locator('body').innerText().catch(() => '')).slice(0, 400));
      throw err;
    });
    assert.equal(await page.locator('main h1').textContent(), brandName);

    // The network comes back: the badge goes away by itself.
    await server.start();
    await waitFor(page, '.offline-badge[hidden]', { state: 'attached', timeout: 10000 });
    assert.equal(await page.locator('main h1').textContent(), brandName);
    await page.close();
  });
});

describe('kiosk pictures offline', () => {
  test('after one online visit the kiosk shows its pictures with the server stopped', async () => {
    // A browser of its own: the first visit is a real first visit, without a
    // service worker from the tests above.
    const own = await launch();
    try {
      const page = watchCSP(await own.context.newPage());
      await page.goto(server.url + '/kiosk?idle=600&attract=600&ping=0.5');
      await waitFor(page, '#app[data-page="home"] #featured .card-link img');
      const featured = await page.$$eval('#featured img', (imgs) => imgs.map((i) => new URL(i.src).pathname));
      assert.ok(featured.length >= 6 && featured.every((p) => p.startsWith('/media/')), JSON.stringify(featured));
      // Wait until the service worker saved the featured logos and the
      // pictures of the featured brands (sent by the kiosk page), then cut
      // the network.
      const saved = () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return [];
          const names = await caches.keys();
          return (await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((k) => new URL(k.url).pathname)))).flat().filter((p) => p.startsWith('/media/'));
        });
      let media = [];
      for (let i = 0; i < 80; i++) {
        media = await saved();
        if (featured.every((p) => media.includes(p)) && media.length > featured.length) break;
        await page.waitForTimeout(250);
      }
      assert.deepEqual(featured.filter((p) => !media.includes(p)), [], 'the featured logos are saved');
      assert.ok(media.length > featured.length, `the featured brands' pictures are saved too: ${media.length} saved`);
      const brandPath = new URL(await page.locator('#featured .card-link').first().getAttribute('href'), server.url).pathname;
      // Only the start screen was visited: its brand page's answer is saved by
      // visiting it once, but its pictures came with the kiosk's list.
      await page.goto(server.url + brandPath + '?idle=600&attract=600&ping=0.5');
      await waitFor(page, '#app[data-page="brand"] h1');
      await page.goto(server.url + '/kiosk?idle=600&attract=600&ping=0.5');
      await waitFor(page, '#app[data-page="home"] #featured');
      await server.stop();
      // The pictures' answers are immutable: the browser's HTTP cache would
      // show them without any service worker. Empty it, so that only what
      // the service worker saved can show.
      const cdp = await own.context.newCDPSession(page);
      await cdp.send('Network.clearBrowserCache');
      try {
        await page.reload();
        await waitFor(page, '#app[data-page="home"] #featured .card-link img', { timeout: 15000 });
        await waitFor(page, '.offline-badge:not([hidden])', { timeout: 5000 });
        const loaded = async () => {
          // Lazy pictures load when scrolled to.
          for (const img of await page.$$('main img[src*="/media/"]')) await img.scrollIntoViewIfNeeded();
          await page.waitForFunction(() => [...document.querySelectorAll('main img[src*="/media/"]')].every((i) => i.complete), null, { timeout: 10000 });
          return page.$$eval('main img[src*="/media/"]', (imgs) => imgs.map((i) => ({ src: new URL(i.src).pathname, w: i.naturalWidth })));
        };
        const home = await loaded();
        assert.ok(home.length >= 6, JSON.stringify(home));
        assert.deepEqual(home.filter((i) => i.w === 0), [], 'every logo shows offline');
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot(page, 'kiosk-offline-pictures');
        await page.goto(server.url + brandPath + '?idle=600&attract=600&ping=0.5');
        await waitFor(page, '#app[data-page="brand"] .gallery img', { timeout: 15000 });
        const brand = await loaded();
        assert.ok(brand.length >= 2, JSON.stringify(brand));
        assert.deepEqual(brand.filter((i) => i.w === 0), [], 'every picture of the brand page shows offline');
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot(page, 'kiosk-offline-brand-pictures');
      } finally {
        await server.start();
      }
      await page.close();
    } finally {
      await own.close();
    }
  });
});

/** settle waits for two frames: the pager and the map measure themselves after layout. */
async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * kioskMeasure reads what an exhibition screen needs: how tall and wide the
 * document is, every element with text of its own (outside SVG) under 28 px,
 * and every link, button or field smaller than 64 px.
 */
async function kioskMeasure(page) {
  return page.evaluate(() => {
    const visible = (e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    };
    const small = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg') || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
      if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim())) continue;
      if (!visible(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 28) small.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${size}px "${el.textContent.trim().slice(0, 24)}"`);
    }
    const targets = [];
    for (const el of document.querySelectorAll('a, button, select, input, [role="button"]')) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 64 || r.height < 64) targets.push(`${el.tagName.toLowerCase()} ${Math.round(r.width)}x${Math.round(r.height)} "${(el.getAttribute('aria-label') ?? el.textContent).trim().slice(0, 24)}"`);
    }
    const doc = document.documentElement;
    return {
      scrollHeight: Math.max(doc.scrollHeight, document.body.scrollHeight),
      scrollWidth: Math.max(doc.scrollWidth, document.body.scrollWidth),
      height: window.innerHeight,
      width: window.innerWidth,
      small,
      targets,
    };
  });
}

/** decodeQR screenshots an element and decodes the QR code in it (jsQR), through a canvas in the page. */
async function decodeQR(page, selector) {
  const png = await page.locator(selector).screenshot();
  const img = await page.evaluate(async (b64) => {
    const i = new Image();
    i.src = `data:image/png;base64,${b64}`;
    await i.decode();
    const c = document.createElement('canvas');
    c.width = i.naturalWidth;
    c.height = i.naturalHeight;
    const g = c.getContext('2d');
    g.drawImage(i, 0, 0);
    return { width: c.width, height: c.height, data: Array.from(g.getImageData(0, 0, c.width, c.height).data) };
  }, png.toString('base64'));
  return jsQR(Uint8ClampedArray.from(img.data), img.width, img.height)?.data ?? null;
}

describe('map of Hubei', () => {
  test('the regions page shows the map above the grid: coloured regions, venues, a list view, and a click opens a region', async () => {
    const page = await open('/regions');
    await waitFor(page, '#app[data-page="regions"] .region-map svg[data-fitted]');
    assert.equal(await page.locator('.areas.prefectures a').count(), 17, 'every prefecture-level division is a shape');
    assert.ok((await page.locator('.areas.counties a').count()) >= 99, 'every county-level division is a shape');
    assert.ok((await page.locator('.venues circle').count()) > 10, 'venues are points');
    // Every region is a named link: name and brand count.
    const labels = await page.locator('.areas.prefectures a').evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')));
    assert.ok(labels.every((l) => /^.+: \d+ 个品牌$/.test(l)), labels.join(' | '));
    assert.ok(labels.includes('黄冈市: ' + labels.find((l) => l.startsWith('黄冈市')).split(': ')[1]));
    // Regions with brands are coloured differently from those without.
    const fills = new Set(await page.locator('.areas.prefectures a path').evaluateAll((ps) => ps.map((p) => getComputedStyle(p).fill)));
    assert.ok(fills.size >= 2, `colours by brand count: ${[...fills]}`);
    assert.ok((await page.locator('.region-map').boundingBox()).y < (await page.locator('.regions').boundingBox()).y, 'the map is above the grid');
    await page.locator('.region-map').scrollIntoViewIfNeeded();
    await shot(page, 'map');
    assert.deepEqual(await axe(page, 'map'), []);

    // The list view has the same regions as links.
    await page.locator('.map-tools button', { hasText: '列表' }).click();
    await waitFor(page, '.map-list a[href="/regions/421100"]');
    assert.equal(await page.locator('.map-stage').isHidden(), true);
    await page.locator('.map-tools button', { hasText: '地图' }).click();

    // A click on a prefecture opens its page.
    await page.locator('.areas.prefectures a[data-code="421100"] .hit').click();
    await page.waitForURL('**/regions/421100');
    await waitFor(page, '#app[data-page="region"] h1');
    assert.equal(await page.locator('main h1').textContent(), '黄冈市');

    // Counties, and the keyboard.
    await page.goto(`${server.url}/regions`);
    await waitFor(page, '.region-map svg[data-fitted]');
    await page.locator('.map-tools button', { hasText: '县市区' }).click();
    assert.equal(await page.locator('.region-map').getAttribute('data-level'), 'county');
    await page.locator('.region-map').scrollIntoViewIfNeeded();
    await shot(page, 'map-counties');
    assert.deepEqual(await axe(page, 'map (counties)'), []);
    await page.locator('.areas.counties a[data-code="421122"] .hit').click();
    await page.waitForURL('**/regions/421122');
    await page.goto(`${server.url}/regions`);
    await waitFor(page, '.region-map svg[data-fitted]');
    await page.focus('.areas.prefectures a[data-code="420100"]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/regions/420100');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

/** The kiosk's pages, as a visitor reaches them from the start screen. */
const kioskPaths = ['/kiosk', '/kiosk/brands', '/kiosk/brands/hongan-dasao', '/kiosk/regions', '/kiosk/regions/421100', '/kiosk/regions/421122', '/kiosk/venues', '/kiosk/venues/chibi-qingzhuancha-feiyi-gongfang', '/kiosk/alliances', '/kiosk/events'];

describe('kiosk on exhibition screens', () => {
  for (const [name, width, height] of [['landscape', 1920, 1080], ['portrait', 1080, 1920]]) {
    test(`${name} ${width}x${height}: no page scrolls, text is at least 28 px, touch targets at least 64 px, no serious axe violation`, async () => {
      const page = watchCSP(await browser.context.newPage());
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.setViewportSize({ width, height });
      const roleModel = await (async () => {
        await page.goto(`${server.url}/kiosk/brands/hongan-dasao?idle=600&attract=600`);
        await waitFor(page, '#app[data-page="brand"] h1');
        return new URL(await page.locator('main a[href*="/role-models/"]').first().getAttribute('href'), server.url).pathname;
      })();
      for (const path of [...kioskPaths, roleModel]) {
        await page.goto(`${server.url}${path}?idle=600&attract=600`);
        await waitFor(page, '#app[data-ready] main');
        if (await page.locator('.region-map').count()) await waitFor(page, '.region-map svg[data-fitted]');
        await settle(page);
        const m = await kioskMeasure(page);
        assert.ok(m.scrollHeight <= m.height, `${path}: document ${m.scrollHeight} px tall in a ${m.height} px screen`);
        assert.ok(m.scrollWidth <= m.width, `${path}: document ${m.scrollWidth} px wide in a ${m.width} px screen`);
        assert.deepEqual(m.small, [], `${path}: text under 28 px`);
        assert.deepEqual(m.targets, [], `${path}: touch targets under 64 px`);
        assert.deepEqual(await axe(page, `kiosk ${name} ${path}`), [], path);
        await shot(page, path === '/kiosk' ? `kiosk-${name}` : `kiosk-${name}${path.slice('/kiosk'.length).replaceAll('/', '-')}`);
      }

      // The brands list is paged with big buttons; nothing scrolls meanwhile.
      await page.goto(`${server.url}/kiosk/brands?idle=600&attract=600`);
      await waitFor(page, '#app[data-page="brands"] .paged');
      await settle(page);
      const pages = Number(await page.locator('main > .paged').getAttribute('data-pages'));
      assert.ok(pages > 1, `the brands list has ${pages} pages`);
      const firstCard = page.locator('main .cards li').first();
      const before = (await firstCard.boundingBox()).x;
      await page.locator('main > .paged .page-next').click();
      assert.equal(await page.locator('main > .paged').getAttribute('data-page'), '2');
      await page.waitForFunction((x) => document.querySelector('main .cards li').getBoundingClientRect().x < x - 100 && !document.querySelector('main .pages').getAnimations().length, before);
      await shot(page, `kiosk-${name}-brands-page-2`);
      const m = await kioskMeasure(page);
      assert.ok(m.scrollHeight <= m.height);
      await page.locator('main > .paged .page-prev').click();
      assert.equal(await page.locator('main > .paged').getAttribute('data-page'), '1');

      // The start screen's map opens a region page in the kiosk.
      await page.goto(`${server.url}/kiosk?idle=600&attract=600`);
      await waitFor(page, '.home-map .region-map svg[data-fitted]');
      await page.locator('.areas.prefectures a[data-code="421100"] .hit').click();
      await page.waitForURL('**/kiosk/regions/421100?**');
      await waitFor(page, '#app[data-page="region"] h1');
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test("the attract loop shows each brand's picture full screen with a QR code of its public page", async () => {
    const page = watchCSP(await browser.context.newPage());
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.url}/kiosk?attract=1&slide=30&idle=600`);
    await waitFor(page, '#attract .brand-slide .qr svg', { timeout: 10000 });
    const slug = await page.getAttribute('#attract .brand-slide', 'data-slug');
    await page.waitForFunction(() => [...document.querySelectorAll('#attract img')].every((i) => i.complete));
    const picture = await page.locator('#attract .attract-picture').boundingBox();
    assert.ok(picture.width >= 1920 && picture.height >= 1080, `full-bleed picture: ${JSON.stringify(picture)}`);
    const decoded = await decodeQR(page, '#attract .qr svg');
    assert.equal(decoded, `${server.url}/brands/${slug}`);
    const fonts = await page.locator('#attract').evaluate((a) => [...a.querySelectorAll('h2, p, figcaption')].map((e) => parseFloat(getComputedStyle(e).fontSize)));
    assert.ok(fonts.every((f) => f >= 28), `attract text sizes ${fonts}`);
    await shot(page, 'kiosk-attract');
    await page.setViewportSize({ width: 1080, height: 1920 });
    await settle(page);
    assert.equal(await decodeQR(page, '#attract .qr svg'), `${server.url}/brands/${slug}`);
    await shot(page, 'kiosk-attract-portrait');
    await page.close();
  });
});

describe('Content-Security-Policy', () => {
  test('no page above broke the policy', () => {
    assert.deepEqual(cspViolations, []);
  });
});
