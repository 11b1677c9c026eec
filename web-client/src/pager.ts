// Kiosk pages never scroll. A page's content flows into columns exactly as
// tall as the screen leaves for it (CSS multi-column layout); the columns
// beyond the screen are further pages, reached with big previous/next
// buttons or a swipe. Moving is a transform of the column box inside a
// frame that clips it, so nothing scrolls, not even the document.

import { h } from './dom';
import type { Ctx } from './ctx';

/** pageCount is how many screens the columns fill: content width plus one gap over one screen plus one gap. */
export function pageCount(scrollWidth: number, clientWidth: number, gap: number): number {
  if (clientWidth <= 0) return 1;
  return Math.max(1, Math.ceil((scrollWidth + gap) / (clientWidth + gap) - 0.01));
}

/** SWIPE is how far (CSS pixels) a finger must travel sideways to turn the page. */
export const SWIPE = 60;

/** paged wraps content in a frame of screen-sized pages with previous/next buttons. */
export function paged(ctx: Ctx, content: Node, opts: { label?: string; id?: string } = {}): HTMLElement {
  const inner = h('div', { class: 'pages' }, content);
  const frame = h('div', { class: 'page-frame' }, inner);
  const status = h('span', { class: 'page-status', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', class: 'page-prev' }, `‹ ${ctx.t('prevPage')}`);
  const next = h('button', { type: 'button', class: 'page-next' }, `${ctx.t('nextPage')} ›`);
  const nav = h('nav', { class: 'page-nav', 'aria-label': opts.label ?? ctx.t('pages'), hidden: true }, prev, status, next);
  const root = h('div', { class: 'paged', id: opts.id ?? null, 'data-page': '1', 'data-pages': '1' }, frame, nav);
  let page = 0;
  let pages = 1;

  const gap = () => parseFloat(getComputedStyle(inner).columnGap) || 0;
  const stride = () => inner.clientWidth + gap();
  const apply = () => {
    page = Math.max(0, Math.min(page, pages - 1));
    inner.style.transform = page ? `translateX(${-page * stride()}px)` : '';
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
    status.textContent = ctx.t('pageOf').replace('{n}', String(page + 1)).replace('{total}', String(pages));
    nav.hidden = pages <= 1;
    root.dataset.page = String(page + 1);
    root.dataset.pages = String(pages);
  };
  const measure = () => {
    if (!inner.isConnected || !inner.clientWidth) return;
    pages = pageCount(inner.scrollWidth, inner.clientWidth, gap());
    apply();
  };
  const go = (p: number) => {
    page = p;
    apply();
  };
  prev.addEventListener('click', () => go(page - 1));
  next.addEventListener('click', () => go(page + 1));

  // The frame's size and every picture that loads can change the number of columns.
  new ResizeObserver(measure).observe(frame);
  inner.addEventListener('load', measure, true);

  // A swipe turns the page; the click that ends a swipe does not follow a link.
  let start: { x: number; y: number } | null = null;
  let swiped = false;
  frame.addEventListener('pointerdown', (e) => {
    start = { x: e.clientX, y: e.clientY };
    swiped = false;
  });
  frame.addEventListener('pointerup', (e) => {
    if (!start) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    start = null;
    if (Math.abs(dx) < SWIPE || Math.abs(dx) < Math.abs(dy)) return;
    swiped = true;
    go(dx < 0 ? page + 1 : page - 1);
  });
  frame.addEventListener('click', (e) => {
    if (!swiped) return;
    swiped = false;
    e.preventDefault();
    e.stopPropagation();
  }, true);
  frame.addEventListener('dragstart', (e) => e.preventDefault());

  // Keyboard focus on a link in another column turns to its page (and undoes
  // the browser's scroll of the clipping frame).
  frame.addEventListener('focusin', (e) => {
    frame.scrollLeft = 0;
    frame.scrollTop = 0;
    const el = e.target as HTMLElement;
    const left = el.getBoundingClientRect().left - inner.getBoundingClientRect().left;
    const p = Math.floor(left / stride());
    if (p !== page) go(p);
  });
  return root;
}
