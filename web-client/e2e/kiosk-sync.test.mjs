// End-to-end tests of the kiosk's copy of the content (src/sync.ts): after
// one start online, a kiosk shows offline a brand nobody opened on it, and
// when the network returns it converges with the server within a sync
// interval (a brand unpublished meanwhile disappears from its lists and its
// page, and stays gone offline). Run at both exhibition orientations, each
// in a browser of its own (a first start for real).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Server, launch, shot } from './harness.mjs';

const server = new Server();
let publisherToken;
/** Seconds between syncs in these tests (the default is 60). */
const SYNC = 3;

before(async () => {
  await server.build();
  await server.start();
  publisherToken = server.token('e2e.kiosk', 'publisher');
});

after(async () => {
  await server.cleanup();
});

function gql(query, token) {
  return fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  }).then((r) => r.json());
}

const kioskUrl = (path) => `${server.url}${path}?idle=600&attract=600&ping=0.5&sync=${SYNC}`;

async function waitFor(page, selector, opts) {
  try {
    return await page.waitForSelector(selector, opts);
  } catch (err) {
    console.log(`waiting for ${selector} on ${page.url()}; the page shows:`, (await page.locator('body').innerText().catch(() => '?')).slice(0, 500));
    await shot(page, 'kiosk-sync-failure').catch(() => undefined);
    throw err;
  }
}

/** copySize adds up what the kiosk stored: GraphQL answers, kept pictures, the manifest. */
function copySize(page) {
  return page.evaluate(async () => {
    const out = { answers: 0, answerBytes: 0, pictures: 0, pictureBytes: 0, manifestBytes: 0, pages: 0 };
    for (const name of await caches.keys()) {
      const c = await caches.open(name);
      for (const k of await c.keys()) {
        const u = new URL(k.url);
        const n = (await (await c.match(k)).blob()).size;
        if (u.pathname === '/graphql') {
          out.answers++;
          out.answerBytes += n;
        } else if (name.includes('kiosk-media')) {
          out.pictures++;
          out.pictureBytes += n;
        }
      }
    }
    const m = localStorage.getItem('brandshow-kiosk-copy-zh') ?? '';
    out.manifestBytes = m.length;
    out.pages = Object.keys(JSON.parse(m || '{"pages":{}}').pages).length;
    return out;
  });
}

/** cut takes the kiosk offline (the service worker's fetches too) and empties the HTTP cache, so only the copy can answer. */
async function cut(own, page) {
  await own.context.setOffline(true);
  const cdp = await own.context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
}

/** pictures waits for the page's pictures and returns them with their natural width (0: not shown). */
async function pictures(page) {
  // Pictures on the pager's later pages load lazily: ask for all of them now.
  await page.$$eval('main img[loading="lazy"]', (imgs) => imgs.forEach((i) => (i.loading = 'eager')));
  await page.waitForFunction(() => [...document.querySelectorAll('main img[src*="/media/"]')].every((i) => i.complete), null, { timeout: 10000 });
  return page.$$eval('main img[src*="/media/"]', (imgs) => imgs.map((i) => ({ src: new URL(i.src).pathname, w: i.naturalWidth })));
}

const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;

describe('kiosk copy of the content', () => {
  for (const [i, [name, width, height]] of [['landscape', 1920, 1080], ['portrait', 1080, 1920]].entries()) {
    test(`${name} ${width}x${height}: offline it shows a brand it never opened; back online it converges (an unpublished brand disappears)`, async () => {
      const own = await launch();
      let unpublished = null;
      try {
        const page = await own.context.newPage();
        await page.setViewportSize({ width, height });
        const t0 = Date.now();
        await page.goto(kioskUrl('/kiosk'));
        await waitFor(page, '#app[data-page="home"] #featured .card-link img');
        await waitFor(page, 'html[data-kiosk-sync="ready"]', { timeout: 300000 });
        const size = await copySize(page);
        console.log(`kiosk copy (${name}): ${size.pages} pages in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${size.answers} GraphQL answers ${mb(size.answerBytes)}, ${size.pictures} pictures ${mb(size.pictureBytes)}, manifest ${mb(size.manifestBytes)}; total ${mb(size.answerBytes + size.pictureBytes + size.manifestBytes)}`);
        assert.ok(size.pictures > 0 && size.answers > 0, JSON.stringify(size));

        // The start screen again, with the copy in place: how soon its pictures show (printed, not asserted).
        await page.goto(kioskUrl('/kiosk'));
        await waitFor(page, '#app[data-page="home"] #featured .card-link img');
        await pictures(page);
        const startMs = await page.evaluate(() => Math.round(performance.now()));
        console.log(`kiosk start screen with pictures (${name}): ${startMs} ms after navigation`);
        const featured = await page.$$eval('#featured [data-brand]', (as) => as.map((a) => a.dataset.brand));

        // A brand that is neither featured nor opened on this kiosk.
        const { data } = await gql('{ brands(first: 100) { edges { node { slug name(lang: ZH) summary(lang: ZH) pictures { url } } } } }');
        const candidates = data.brands.edges.map((e) => e.node).filter((b) => !featured.includes(b.slug) && b.pictures.length > 0);
        assert.ok(candidates.length >= 2, 'the demo content has brands beyond the featured ones');
        const never = candidates[i];

        await cut(own, page);
        await page.goto(kioskUrl(`/kiosk/brands/${never.slug}`));
        await waitFor(page, '#app[data-page="brand"] main h1', { timeout: 15000 });
        await waitFor(page, '.offline-badge:not([hidden])', { timeout: 5000 });
        assert.equal(await page.locator('main h1').innerText(), never.name);
        assert.ok((await page.locator('main').innerText()).includes(never.summary), 'its text shows');
        const pics = await pictures(page);
        assert.ok(pics.length >= 1, JSON.stringify(pics));
        assert.deepEqual(pics.filter((p) => p.w === 0), [], 'its pictures show offline');
        await shot(page, `kiosk-sync-${name}-offline-never-opened`);

        // Still offline: the brands list from the copy; a publisher unpublishes one of its brands meanwhile.
        await page.goto(kioskUrl('/kiosk/brands'));
        await waitFor(page, '#app[data-page="brands"] main [data-brand]', { timeout: 15000 });
        const listed = await page.$$eval('main [data-brand]', (as) => as.map((a) => a.dataset.brand));
        const victim = listed.filter((s) => s !== never.slug).at(-1 - i);
        const found = await gql(`{ brands(where: {slug: "${victim}"}) { edges { node { id } } } }`, publisherToken);
        const id = found.data.brands.edges[0].node.id;
        const done = await gql(`mutation { unpublish(id: "${id}") { id } }`, publisherToken);
        assert.ok(!done.errors, JSON.stringify(done.errors));
        unpublished = id;
        await page.waitForTimeout((SYNC + 1) * 1000);
        assert.ok(await page.locator(`main [data-brand="${victim}"]`).count(), 'offline, the copy still lists it');
        const syncs = Number(await page.evaluate(() => document.documentElement.dataset.kioskSyncs));

        // The network returns: within a sync interval the brand leaves the list on screen.
        await own.context.setOffline(false);
        await page.waitForSelector(`main [data-brand="${victim}"]`, { state: 'detached', timeout: (SYNC + 10) * 1000 });
        await page.waitForFunction((n) => Number(document.documentElement.dataset.kioskSyncs) > n, syncs, { timeout: (SYNC + 10) * 1000 });
        await page.waitForFunction((slug) => !Object.values(JSON.parse(localStorage.getItem('brandshow-kiosk-copy-zh')).items).includes(`/brands/${slug}`), victim, { timeout: (SYNC + 10) * 1000 });
        await shot(page, `kiosk-sync-${name}-converged`);

        // And it stays gone offline: its page says it is not there, the list leaves it out.
        await cut(own, page);
        await page.goto(kioskUrl(`/kiosk/brands/${victim}`));
        await waitFor(page, '#app[data-page="brand"] main h1', { timeout: 15000 });
        assert.equal(await page.locator('main h1').innerText(), '没有找到这个页面。');
        await page.goto(kioskUrl('/kiosk/brands'));
        await waitFor(page, '#app[data-page="brands"] main [data-brand]', { timeout: 15000 });
        assert.equal(await page.locator(`main [data-brand="${victim}"]`).count(), 0, 'offline, the list leaves the unpublished brand out');
        await own.context.setOffline(false);
        await page.close();
      } finally {
        if (unpublished) await gql(`mutation { publish(id: "${unpublished}") { id } }`, publisherToken);
        await own.close();
      }
    });
  }
});
