// linkpreview renders the card a chat app (WeChat's style) shows for a link
// to a brandshow page, from the page's Open Graph tags alone: og:title,
// og:description, og:image and og:site_name, as the server puts them in the
// HTML head (server/pages). It shows what a journalist's or visitor's
// contacts see when a page is shared.
//
//   node scripts/linkpreview.mjs [page URL] [out.png]
//
// Without a URL it builds and starts the server with the demo content (the
// e2e harness) and previews a demo brand. The picture is fetched here and
// inlined, so the card renders in Chromium (/usr/bin/chromium) without any
// network.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Server } from '../e2e/harness.mjs';

const here = new URL('.', import.meta.url).pathname;
let url = process.argv[2];
const out = process.argv[3] ?? join(here, '..', 'screenshots', 'wechat-preview.png');

let server = null;
if (!url) {
  server = new Server();
  await server.build();
  await server.start();
  url = `${server.url}/brands/hongan-dasao`;
}

/** og reads the Open Graph tags of an HTML page (property before content, as the server writes them). */
export function og(html) {
  const tags = {};
  const unescape = (s) => s.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const m of html.matchAll(/<meta\s+property="(og:[a-z_:]+)"\s+content="([^"]*)"/g)) tags[m[1]] ??= unescape(m[2]);
  return tags;
}

try {
  const res = await fetch(url, { headers: { 'User-Agent': 'Mozilla/5.0 MicroMessenger/8.0 (link preview)' } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  const tags = og(await res.text());
  for (const k of ['og:title', 'og:description', 'og:image']) if (!tags[k]) throw new Error(`${url}: no ${k} in the page's head`);
  console.log(JSON.stringify(tags, null, 2));
  // The server's og:image is absolute on its public address; fetch it from
  // the server this preview reads, whatever PUBLIC_URL says.
  const img = new URL(tags['og:image']);
  const imgRes = await fetch(new URL(img.pathname + img.search, url));
  if (!imgRes.ok) throw new Error(`${tags['og:image']}: ${imgRes.status}`);
  const dataUrl = `data:${imgRes.headers.get('Content-Type') ?? 'image/jpeg'};base64,${Buffer.from(await imgRes.arrayBuffer()).toString('base64')}`;
  const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
    body { margin: 0; background: #ededed; font: 15px/1.4 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #191919; width: 390px; }
    .bar { background: #ededed; text-align: center; font-weight: 600; padding: 14px 0 10px; border-bottom: 1px solid #dcdcdc; }
    .time { text-align: center; color: #9e9e9e; font-size: 12px; margin: 14px 0 8px; }
    .row { display: flex; gap: 10px; padding: 6px 12px; align-items: flex-start; }
    .row.me { flex-direction: row-reverse; }
    .avatar { width: 40px; height: 40px; border-radius: 5px; flex: none; background: #6b8fd6; color: #fff; display: grid; place-items: center; font-weight: 600; }
    .me .avatar { background: #d08a54; }
    .text { background: #fff; border-radius: 5px; padding: 9px 12px; max-width: 250px; }
    .me .text { background: #95ec69; }
    .card { background: #fff; border-radius: 5px; width: 262px; padding: 12px 12px 8px; box-sizing: border-box; }
    .title { font-size: 16px; line-height: 1.35; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; margin: 0 0 6px; }
    .body { display: flex; gap: 10px; justify-content: space-between; }
    .desc { color: #8c8c8c; font-size: 13px; line-height: 1.4; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; margin: 0; }
    .thumb { width: 50px; height: 50px; object-fit: cover; flex: none; border-radius: 2px; }
    .src { border-top: 1px solid #f0f0f0; margin-top: 10px; padding-top: 6px; color: #a8a8a8; font-size: 11px; }
  </style>
  <div class="bar">品牌展示群 (3)</div>
  <div class="time">上午 10:24</div>
  <div class="row"><div class="avatar">李</div><div class="text">红安大嫂有介绍页吗？</div></div>
  <div class="row me"><div class="avatar">王</div><div class="card">
    <p class="title">${esc(tags['og:title'])}</p>
    <div class="body"><p class="desc">${esc(tags['og:description'])}</p><img class="thumb" src="${dataUrl}" alt=""></div>
    <div class="src">${esc(tags['og:site_name'] ?? new URL(url).host)}</div>
  </div></div>
  <div class="row"><div class="avatar">李</div><div class="text">收到，谢谢！</div></div>
  <div style="height:14px"></div></html>`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 400 }, deviceScaleFactor: 2 });
    // Nothing leaves this page: the picture is inlined, the network is cut.
    await page.route('**/*', (r) => r.abort());
    await page.setContent(html);
    await page.locator('body').screenshot({ path: out });
    console.log(`saved ${out}`);
  } finally {
    await browser.close();
  }
} finally {
  await server?.cleanup();
}
