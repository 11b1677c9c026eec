// End-to-end test of the editors' console (/admin) in headless Chromium
// against the real server: tokens are minted with `server token create`, an
// editor creates a draft brand with a picture and links (and sees the
// server's message at the field for bad input), a publisher publishes it.
// Screenshots go to e2e-output/console-*.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { Server, axe, launch, shot } from './harness.mjs';

const server = new Server();
let browser;
let editorToken;
let publisherToken;

before(async () => {
  await server.build();
  await server.start();
  editorToken = server.token('e2e.editor', 'editor');
  publisherToken = server.token('e2e.publisher', 'publisher');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server.cleanup();
});

// A small PNG made here (a red-to-yellow gradient), so the test needs no file.
function png(w, h) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) row.set([200, Math.round((255 * x) / w), Math.round((80 * y) / h)], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

async function open(path, viewport = { width: 1280, height: 800 }) {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const errors = [];
  const csp = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  page.errors = errors;
  page.csp = csp;
  await page.goto(server.url + path);
  return page;
}

async function ready(page, selector) {
  try {
    await page.waitForSelector(`#app[data-page="admin"] ${selector}`);
  } catch (err) {
    console.log(`waiting for ${selector} on ${page.url()}; the page shows:`, (await page.locator('body').innerText().catch(() => '?')).slice(0, 600));
    await shot(page, 'console-failure').catch(() => undefined);
    throw err;
  }
}

async function signIn(page, token) {
  await ready(page, 'form.sign-in');
  await page.fill('#token', token);
  await page.click('form.sign-in button[type="submit"]');
  await ready(page, '.console-header .viewer');
}

/** after runs an action and waits until the app has rendered again (a new data-ready). */
async function rerender(page, action) {
  const prev = await page.getAttribute('#app', 'data-ready');
  await action();
  await page.waitForFunction((p) => document.getElementById('app')?.dataset.ready !== p && document.getElementById('app')?.dataset.page === 'admin', prev);
}

/** noOverflow: nothing is wider than the screen (no sideways scrolling). */
async function noOverflow(page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `the page is ${scroll} px wide on a ${width} px screen`);
}

describe('editors console', () => {
  const slug = 'e2e-jiazheng-shi';
  let itemURL;

  test('the console is a separate chunk: the public pages do not load it', async () => {
    const page = await browser.context.newPage();
    const scripts = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.goto(server.url + '/');
    await page.waitForSelector('#app[data-ready] main');
    assert.ok(scripts.length > 0);
    assert.deepEqual(scripts.filter((s) => /console/.test(s)), [], `home loaded ${scripts}`);
    await page.close();
  });

  test('an editor signs in with a token, sees the role, lists and filters, creates a draft brand with a picture and links', async () => {
    const page = await open('/admin');
    await ready(page, 'form.sign-in');
    await shot(page, 'console-sign-in');
    assert.deepEqual(await axe(page, 'console sign-in'), []);

    // A wrong token is refused and the form says so.
    await page.fill('#token', 'bs_not-a-real-token');
    await page.click('form.sign-in button[type="submit"]');
    await ready(page, '#token-err:not([hidden])');

    await signIn(page, editorToken);
    assert.match(await page.locator('.console-header .viewer').innerText(), /e2e\.editor · 编辑/);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('brandshow.token')?.startsWith('bs_')), true, 'the token is kept in sessionStorage');
    assert.doesNotMatch(page.url(), /bs_/, 'never in the URL');
    assert.deepEqual(await browser.context.cookies(server.url), [], 'never in a cookie');

    // The brands list: published and drafts, filtered by status and searched.
    await ready(page, 'table.items tbody tr');
    const total = parseInt(await page.locator('.count').innerText().then((t) => t.replace(/\D+/g, '')), 10);
    assert.ok(total > 20, `all brands counted (${total})`);
    assert.equal(await page.locator('table.items tbody tr').count(), 20, 'a page of 20');
    await shot(page, 'console-list');
    assert.deepEqual(await axe(page, 'console list'), []);
    const firstPage = await page.locator('table.items tbody th a').allTextContents();
    await rerender(page, () => page.click('.pager a[rel="next"]'));
    assert.match(page.url(), /after=/);
    const secondPage = await page.locator('table.items tbody th a').allTextContents();
    assert.ok(secondPage.length > 0 && secondPage.every((n) => !firstPage.includes(n)), 'the next page has other brands');
    await page.selectOption('#status', 'DRAFT');
    await rerender(page, () => page.click('form.filters button'));
    assert.match(page.url(), /status=DRAFT/);
    assert.doesNotMatch(page.url(), /after=/, 'a new filter starts at the first page');
    assert.equal(await page.locator('table.items tbody tr .badge.published').count(), 0, 'only drafts');
    await page.fill('#q', '红安');
    await page.selectOption('#status', '');
    await rerender(page, () => page.click('form.filters button'));
    assert.match(page.url(), /q=/);
    assert.ok((await page.locator('table.items tbody th a', { hasText: '红安大嫂' }).count()) === 1, 'search by name');

    // Every content type has its list.
    for (const key of ['roleModels', 'alliances', 'enterprises', 'venues', 'mediaCoverages', 'events']) {
      await rerender(page, () => page.click(`.console-header nav a[href*="type=${key}"]`));
      assert.match(page.url(), new RegExp(`type=${key}`));
      assert.ok((await page.locator('table.items tbody tr').count()) > 0, `${key} listed`);
    }

    // A new brand: bad input first.
    await rerender(page, () => page.click('.console-header nav a[href*="type=brands"]'));
    await rerender(page, () => page.click('.title-row a.button'));
    await ready(page, 'form.item-form');
    await page.fill('#f-slug', 'Not A Slug!');
    await page.fill('#f-nameZh', '端到端家政师');
    await page.fill('#f-nameEn', 'E2E Housekeepers');
    await page.selectOption('#f-category', 'QUALITY_SERVICE');
    await page.selectOption('#f-level', 'COUNTY');
    await page.selectOption('#f-region', { label: '421122 红安县' });
    await page.fill('#f-workersEmployed', '1200');
    await page.click('form.item-form button[type="submit"]');
    await ready(page, '#f-slug-err:not([hidden])');
    assert.match(await page.locator('#f-slug-err').innerText(), /slug/);
    assert.equal(await page.getAttribute('#f-slug', 'aria-invalid'), 'true');
    assert.equal(await page.locator('.form-alert:not([hidden])').count(), 0, 'the error is at the field, not at the top');
    await page.locator('#f-slug').scrollIntoViewIfNeeded();
    await shot(page, 'console-field-error');
    assert.deepEqual(await axe(page, 'console form with an error'), []);

    // Fixed; a role model and a venue linked by type-ahead; a logo uploaded.
    await page.fill('#f-slug', slug);
    await page.locator('#f-roleModels').pressSequentially('鲍');
    await ready(page, '#f-roleModels-list [role="option"][data-id]');
    await page.keyboard.press('Enter');
    await ready(page, '[data-field="roleModels"] .chip');
    assert.match(await page.locator('[data-field="roleModels"] .chip').innerText(), /鲍/);
    await page.locator('#f-venues').pressSequentially('chibi');
    await ready(page, '#f-venues-list [role="option"][data-id]');
    await page.locator('#f-venues-list [role="option"][data-id]').first().click();
    await ready(page, '[data-field="venues"] .chip');

    await page.setInputFiles('#f-logo-file', { name: 'logo.png', mimeType: 'image/png', buffer: png(240, 160) });
    await page.fill('#f-logo-alt', '端到端家政师标志');
    await page.fill('#f-logo-credit', '设计：测试工作室');
    await page.selectOption('#f-logo-license', 'CC_BY_4_0');
    await page.locator('[data-field="logo"] .upload > button').click();
    await ready(page, '[data-field="logo"] .picture-card img');
    assert.match(await page.locator('[data-field="logo"] .picture-card img').getAttribute('src'), /^\/media\//);
    await page.locator('[data-field="logo"]').scrollIntoViewIfNeeded();
    await shot(page, 'console-form');

    await rerender(page, () => page.click('form.item-form button[type="submit"]'));
    assert.match(page.url(), /id=.*saved=1/);
    await ready(page, '.item-status .badge.draft');
    itemURL = new URL(page.url());
    assert.equal(await page.locator('h1').innerText(), '端到端家政师');
    assert.equal(await page.locator('[data-field="roleModels"] .chip').count(), 1, 'the link was saved');
    assert.equal(await page.locator('[data-field="venues"] .chip').count(), 1, 'the link was saved');
    assert.equal(await page.locator('[data-field="logo"] .picture-card').count(), 1, 'the logo was saved');
    assert.equal(await page.inputValue('#f-workersEmployed'), '1200');
    // Editors see no publishing buttons (the server would refuse them).
    assert.equal(await page.locator('.actions').count(), 0);
    assert.equal(await page.locator('button', { hasText: '发布' }).count(), 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'console-saved');
    assert.deepEqual(await axe(page, 'console saved draft'), []);

    // Not on the public site yet.
    const pub = await fetch(`${server.url}/graphql?query=${encodeURIComponent(`{ brand(slug: "${slug}") { id } }`)}`).then((r) => r.json());
    assert.equal(pub.data.brand, null, 'a draft is not public');

    // Sign out: the token is forgotten.
    await rerender(page, () => page.click('.sign-out'));
    await ready(page, 'form.sign-in');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('brandshow.token')), null);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.csp, []);
    await page.close();
  });

  test('a publisher publishes the draft; buttons follow the role', async () => {
    assert.ok(itemURL, 'the previous test saved a draft');
    const page = await open(itemURL.pathname + '?' + new URLSearchParams({ type: 'brands', id: itemURL.searchParams.get('id') }));
    await signIn(page, publisherToken);
    assert.match(await page.locator('.console-header .viewer').innerText(), /发布员/);
    await ready(page, '.item-status .actions button.publish');
    assert.equal(await page.locator('.actions button.danger').count(), 1, 'publishers may delete');
    assert.deepEqual(await axe(page, 'console publisher'), []);
    await rerender(page, () => page.click('.actions button.publish'));
    await ready(page, '.item-status .badge.published');
    assert.equal(await page.locator('.actions button.unpublish').count(), 1);
    await shot(page, 'console-published');
    const pub = await fetch(`${server.url}/graphql?query=${encodeURIComponent(`{ brand(slug: "${slug}") { nameZh status logo { credit license } roleModels(first: 5) { totalCount } } }`)}`).then((r) => r.json());
    assert.equal(pub.data.brand?.nameZh, '端到端家政师', JSON.stringify(pub));
    assert.equal(pub.data.brand.logo.license, 'CC_BY_4_0');
    assert.equal(pub.data.brand.roleModels.totalCount, 1);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.csp, []);
    await page.close();
  });

  test('an editor imports a spreadsheet: a dry run lists every problem, then a good sheet is confirmed and written', async () => {
    const page = await open('/admin?view=import');
    await signIn(page, editorToken);
    await ready(page, 'form.import-form');
    const header = 'slug,name_zh,region_code,category,level\n';
    const bad = header + 'e2e-biaoge-pinpai,表格品牌,421122,QUALITY_SERVICE,COUNTY\ne2e-biaoge-2,另一个,999999,FOO,COUNTY\n';
    await page.setInputFiles('#import-file', { name: 'brands.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.click('form.import-form button[type="submit"]');
    await ready(page, '.import-report table.problems tbody tr');
    const where = await page.locator('.import-report table.problems tbody td.slug').allTextContents();
    assert.ok(where.some((w) => /line 3, column category/.test(w)) && where.some((w) => /line 3, column region_code/.test(w)), `problems: ${where}`);
    assert.equal(await page.locator('.confirm-import').count(), 0, 'nothing to confirm');
    await shot(page, 'console-import-problems');
    assert.deepEqual(await axe(page, 'console import problems'), []);

    const good = header + 'e2e-biaoge-pinpai,表格品牌,421122,QUALITY_SERVICE,COUNTY\n';
    await page.setInputFiles('#import-file', { name: 'brands.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.click('form.import-form button[type="submit"]');
    await ready(page, '.import-report .confirm-import');
    assert.match(await page.locator('.import-report table tbody tr').first().innerText(), /劳务品牌\s+1\s+0\s+0/);
    await shot(page, 'console-import-dry-run');
    const before = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ brands(where: {slug: "e2e-biaoge-pinpai"}) { totalCount } }')}`, { headers: { Authorization: `Bearer ${editorToken}` } }).then((r) => r.json());
    assert.equal(before.data.brands.totalCount, 0, 'the dry run wrote nothing');
    await page.click('.confirm-import');
    await ready(page, '.import-report .saved');
    const after = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ brands(where: {slug: "e2e-biaoge-pinpai"}) { totalCount edges { node { status } } } }')}`, { headers: { Authorization: `Bearer ${editorToken}` } }).then((r) => r.json());
    assert.equal(after.data.brands.totalCount, 1, JSON.stringify(after));
    assert.equal(after.data.brands.edges[0].node.status, 'DRAFT');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.csp, []);
    await page.close();
  });

  test('on a phone the list and the form fit the screen', async () => {
    const phone = { width: 390, height: 844 };
    const page = await open('/admin?type=brands', phone);
    await signIn(page, editorToken);
    await ready(page, 'table.items tbody tr');
    await noOverflow(page);
    await shot(page, 'console-phone-list');
    assert.deepEqual(await axe(page, 'console phone list'), []);
    await page.goto(server.url + itemURL.pathname + '?' + new URLSearchParams({ type: 'brands', id: itemURL.searchParams.get('id') }));
    await ready(page, 'form.item-form');
    await noOverflow(page);
    await shot(page, 'console-phone-form');
    await page.goto(server.url + '/admin?type=events&new=1');
    await ready(page, 'form.item-form');
    await noOverflow(page);
    assert.deepEqual(await axe(page, 'console phone event form'), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

/** gql posts a query to the server, with a token when given, and returns the decoded answer. */
function gql(query, token) {
  return fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  }).then((r) => r.json());
}

describe('preview links', () => {
  test('a reviewer without a token opens a draft brand from a preview link, under a banner; no cache keeps it; revoked, it shows nothing', async () => {
    const found = await gql('{ brands(where: {slug: "baokang-linkuang-gong"}) { edges { node { id status name } } } }', editorToken);
    const draft = found.data.brands.edges[0].node;
    assert.equal(draft.status, 'DRAFT', 'the demo brand is a draft');
    const made = await gql(`mutation { createPreviewLink(id: "${draft.id}") { url link { id } } }`, editorToken);
    const { url, link } = made.data.createPreviewLink;
    assert.match(url, /^\/preview\/[A-Za-z0-9_-]{16,}$/);
    const secret = url.slice('/preview/'.length);

    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const res = await page.goto(`${server.url}${url}`);
    assert.match(res.headers()['cache-control'] ?? '', /no-store/);
    await page.waitForSelector('#app[data-page="preview"] .preview-banner');
    assert.equal((await page.locator('main h1').first().textContent()).trim(), draft.name);
    assert.match(await page.locator('.preview-banner').textContent(), /尚未公开/);
    await shot(page, 'preview');
    assert.deepEqual(await axe(page, 'preview'), []);
    // The service worker, once it runs, keeps neither the page nor the answer.
    assert.ok(await page.evaluate(() => navigator.serviceWorker.ready.then(() => true)), 'the service worker is active');
    await page.reload();
    await page.waitForSelector('#app[data-page="preview"] .preview-banner');
    await page.waitForTimeout(1000);
    const kept = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
      return urls;
    });
    assert.ok(kept.length > 0, 'the service worker caches the site (else this proves nothing)');
    assert.deepEqual(kept.filter((u) => u.includes(secret) || u.includes('/preview/')), [], 'cached: no preview page or answer');

    // The public still sees no such brand.
    const pub = await page.goto(`${server.url}/brands/baokang-linkuang-gong`);
    assert.equal(pub.status(), 404);

    // Revoked, the link shows nothing.
    const revoked = await gql(`mutation { revokePreviewLink(id: "${link.id}") { revokedAt } }`, editorToken);
    assert.ok(revoked.data.revokePreviewLink.revokedAt);
    await page.goto(`${server.url}${url}`);
    await page.waitForSelector('#app[data-page="preview"] .empty');
    assert.match(await page.locator('main').textContent(), /无效、已过期或已被撤销/);
    assert.equal(await page.locator('main h1').first().textContent(), '预览');
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('console: preview links, schedule, history', () => {
  const brandBySlug = async (slug, token) => (await gql(`{ brands(where: {slug: "${slug}"}) { edges { node { id status nameZh } } } }`, token)).data.brands.edges[0].node;
  /** bj is a moment as a datetime-local value in Beijing time (UTC+8, no daylight saving). */
  const bj = (ms) => new Date(ms + 8 * 3600e3).toISOString().slice(0, 16);

  test('an editor makes a preview link in the console and a fresh browser without a token opens it; no schedule or restore for editors', async () => {
    const draft = await brandBySlug('baokang-linkuang-gong', editorToken);
    assert.equal(draft.status, 'DRAFT');
    const page = await open('/admin?' + new URLSearchParams({ type: 'brands', id: draft.id }));
    await signIn(page, editorToken);
    await ready(page, 'section.preview-links button.make-preview');
    await ready(page, 'section.history');
    assert.equal(await page.locator('section.schedule').count(), 0, 'editors do not schedule');
    assert.equal(await page.locator('#s-publishAt').count(), 0);
    assert.equal(await page.locator('button.restore').count(), 0, 'editors do not restore');
    assert.equal(await page.locator('button', { hasText: '发布' }).count(), 0, 'no publishing buttons for editors');

    await page.selectOption('#preview-expires', '86400');
    await page.click('button.make-preview');
    await ready(page, '.preview-made:not([hidden]) #preview-url');
    const url = await page.inputValue('#preview-url');
    assert.match(url, new RegExp(`^${server.url.replace(/[.:/]/g, '\\$&')}/preview/[A-Za-z0-9_-]{16,}$`), 'an absolute URL');
    assert.equal(await page.getAttribute('#preview-url', 'readonly'), '');
    assert.match(await page.locator('#preview-url-expiry').innerText(), /有效期至 .*2\d{3}/);
    // The list has the new link, active, with its expiry a day away.
    await ready(page, '.preview-list tbody tr button.revoke');
    const links = (await gql(`{ previewLinks(id: "${draft.id}") { id expiresAt revokedAt } }`, editorToken)).data.previewLinks;
    const made = links[0];
    assert.ok(Math.abs(Date.parse(made.expiresAt) - Date.now() - 86400e3) < 5 * 60e3, `expires in a day: ${made.expiresAt}`);
    assert.equal(await page.locator(`.preview-list tr[data-id="${made.id}"] button.revoke`).count(), 1);
    await page.click('.preview-made button.copy');
    await ready(page, '.preview-made .copy-status:not(:empty)');
    await page.locator('section.preview-links').scrollIntoViewIfNeeded();
    await shot(page, 'console-preview');
    assert.deepEqual(await axe(page, 'console preview links'), []);

    // A fresh browser, with no token and no shared storage, opens the link.
    const fresh = await launch();
    try {
      const reviewer = await fresh.context.newPage();
      const res = await reviewer.goto(url);
      assert.match(res.headers()['cache-control'] ?? '', /no-store/);
      await reviewer.waitForSelector('#app[data-page="preview"] .preview-banner');
      assert.equal((await reviewer.locator('main h1').first().textContent()).trim(), draft.nameZh);
      assert.equal(await reviewer.evaluate(() => sessionStorage.getItem('brandshow.token')), null, 'the reviewer has no token');
    } finally {
      await fresh.close();
    }

    // Revoked in the console, the link shows nothing.
    await page.click(`.preview-list tr[data-id="${made.id}"] button.revoke`);
    await page.waitForFunction((id) => !document.querySelector(`.preview-list tr[data-id="${id}"] button.revoke`), made.id);
    assert.match(await page.locator(`.preview-list tr[data-id="${made.id}"]`).innerText(), /已撤销/);
    const secret = url.slice(url.lastIndexOf('/') + 1);
    const gone = await gql(`{ preview(secret: "${secret}") { id } }`);
    assert.equal(gone.errors?.[0]?.extensions?.code, 'NOT_FOUND', JSON.stringify(gone));
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.csp, []);
    await page.close();
  });

  test('a publisher schedules a draft for later (the public does not see it), publishes it now, edits it (a pending revision, then published) and restores the earlier version from the history', async () => {
    const slug = 'huangshi-muju-gong';
    const draft = await brandBySlug(slug, publisherToken);
    assert.equal(draft.status, 'DRAFT');
    const publicName = async () => (await gql(`{ brand(slug: "${slug}") { nameZh } }`)).data.brand?.nameZh ?? null;
    const page = await open('/admin?' + new URLSearchParams({ type: 'brands', id: draft.id }));
    await signIn(page, publisherToken);
    await ready(page, 'section.schedule #s-publishAt');

    // A window that ends before it starts is refused at the field.
    const at = Date.now() + 2 * 86400e3;
    await page.fill('#s-publishAt', bj(at));
    await page.fill('#s-unpublishAt', bj(at - 3600e3));
    await page.click('button.save-schedule');
    await ready(page, '#s-unpublishAt-err:not([hidden])');
    assert.match(await page.locator('#s-unpublishAt-err').innerText(), /unpublishAt/);
    assert.equal(await page.getAttribute('#s-unpublishAt', 'aria-invalid'), 'true');
    assert.equal(await page.locator('section.schedule .form-alert:not([hidden])').count(), 0, 'at the field, not at the top');

    // Scheduled two days ahead, open-ended.
    await page.fill('#s-unpublishAt', '');
    await rerender(page, () => page.click('button.save-schedule'));
    assert.match(page.url(), /scheduled=1/);
    await ready(page, '.item-status .badge.scheduled');
    assert.match(await page.locator('.saved').innerText(), /定时已保存/);
    assert.equal(await page.inputValue('#s-publishAt'), bj(at), 'the form shows the schedule in Beijing time');
    const stored = (await gql(`{ node(id: "${draft.id}") { ... on Brand { status publishAt unpublishAt } } }`, publisherToken)).data.node;
    assert.equal(Date.parse(stored.publishAt), Date.parse(`${bj(at)}:00+08:00`), JSON.stringify(stored));
    assert.equal(stored.unpublishAt, null);
    assert.equal(await publicName(), null, 'scheduled for later: the public does not see it');
    assert.equal(await page.locator('.actions button.publish').innerText(), '立即发布');
    await page.locator('section.schedule').scrollIntoViewIfNeeded();
    await shot(page, 'console-schedule');
    assert.deepEqual(await axe(page, 'console schedule'), []);

    // Published now: the window is dropped and the public sees it.
    await rerender(page, () => page.click('.actions button.publish'));
    await ready(page, '.item-status .badge.published');
    assert.equal(await page.locator('.item-status .badge.scheduled').count(), 0);
    assert.equal(await page.inputValue('#s-publishAt'), '');
    assert.equal(await publicName(), draft.nameZh);

    // Changed and saved: the item is published, so the change is a pending
    // revision; the public keeps the published name until it is published.
    const changed = `${draft.nameZh}（新名称）`;
    const nameChange = (from, to) => new RegExp(`名称（中文）：${from.replace(/[()（）]/g, '.')}\\s*→\\s*(改为)?\\s*${to.replace(/[()（）]/g, '.')}`);
    await page.fill('#f-nameZh', changed);
    await rerender(page, () => page.click('form.item-form button[type="submit"]'));
    await ready(page, 'section.revision li[data-field="name_zh"]');
    assert.equal(await publicName(), draft.nameZh, 'a pending revision is not public');
    assert.match(await page.locator('section.revision li[data-field="name_zh"]').innerText(), nameChange(draft.nameZh, changed));
    assert.equal(await page.inputValue('#f-nameZh'), draft.nameZh, 'the form shows the item as published');
    await page.locator('section.revision').scrollIntoViewIfNeeded();
    await shot(page, 'console-revision');
    assert.deepEqual(await axe(page, 'console revision'), []);
    // Published: the public sees it; the history shows the change, newest first.
    await rerender(page, () => page.click('section.revision button.publish-revision'));
    assert.match(page.url(), /revisionPublished=1/);
    await ready(page, 'section.history .history-entry');
    assert.equal(await page.locator('section.revision').count(), 0, 'nothing pending any more');
    assert.equal(await publicName(), changed);
    const newest = page.locator('section.history .history-entry').first();
    assert.equal(await newest.getAttribute('data-action'), 'UPDATE');
    assert.match(await newest.locator('li[data-field="name_zh"]').innerText(), new RegExp(`名称（中文）：${draft.nameZh}\\s*→\\s*(改为)?\\s*${changed.replace(/[()（）]/g, '.')}`));
    assert.match(await newest.innerText(), /e2e\.publisher/);
    assert.equal(await newest.locator('button.restore').count(), 0, 'the newest entry is the content as it is');
    // Before it: publishing now (an UPDATE that drops publishAt), and the schedule (PUBLISH).
    const earlier = page.locator('section.history .history-entry').nth(1);
    assert.equal(await earlier.getAttribute('data-action'), 'UPDATE');
    assert.equal(await earlier.locator('li[data-field="publish_at"]').count(), 1);
    const scheduled = page.locator('section.history .history-entry').nth(2);
    assert.equal(await scheduled.getAttribute('data-action'), 'PUBLISH');
    assert.match(await scheduled.locator('li[data-field="status"]').innerText(), /状态：草稿\s*→\s*(改为)?\s*已发布/, 'statuses in words');
    await page.locator('section.history').scrollIntoViewIfNeeded();
    await shot(page, 'console-history');
    assert.deepEqual(await axe(page, 'console history'), []);

    // Restored to the version right after it was published now: a pending
    // revision too, which the publisher publishes.
    await rerender(page, () => earlier.locator('button.restore').click());
    assert.match(page.url(), /restored=1/);
    await ready(page, 'section.revision button.publish-revision');
    assert.match(await page.locator('.saved').innerText(), /已恢复/);
    assert.equal(await publicName(), changed, 'a restore of a published item waits as a revision');
    assert.match(await page.locator('section.revision li[data-field="name_zh"]').innerText(), nameChange(changed, draft.nameZh));
    await rerender(page, () => page.click('section.revision button.publish-revision'));
    await ready(page, 'form.item-form');
    assert.equal(await page.inputValue('#f-nameZh'), draft.nameZh, 'the form shows the restored value');
    assert.match(await page.locator('section.history .history-entry').first().locator('li[data-field="name_zh"]').innerText(), new RegExp(`→\\s*(改为)?\\s*${draft.nameZh}$`));
    assert.equal(await publicName(), draft.nameZh);
    // The public page shows the earlier name.
    const site = await browser.context.newPage();
    await site.goto(`${server.url}/brands/${slug}`);
    await site.waitForSelector('#app[data-ready] main h1');
    assert.equal((await site.locator('main h1').first().textContent()).trim(), draft.nameZh);
    await site.close();

    // On a phone the sections fit the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await noOverflow(page);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.csp, []);
    await page.close();
  });
});
