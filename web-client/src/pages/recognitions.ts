// Recognitions (认定) on brand and person pages: title, issuer, year and
// document number, as a journalist cites them; one that ended is marked.
// Figures on brand pages: each number with its date and source.

import { h } from '../dom';
import type { RecognitionItemFragment } from '../gql/graphql';
import { formatDate, formatNumber } from '../text';
import type { Ctx } from '../ctx';
import { section } from './common';

/** recognitionItem is one line: 2022 · 湖北省优秀劳务品牌 · 湖北省人力资源和社会保障厅 · 鄂人社发〔2022〕13号. */
export function recognitionItem(ctx: Ctx, r: RecognitionItemFragment): HTMLElement {
  const ended = r.endedOn && r.endReason ? `${ctx.label(r.endReason)} ${formatDate(r.endedOn)}` : null;
  const doc = [r.documentNumber, r.batch].filter((x) => x).join(' · ');
  return h(
    'li',
    { class: ended ? 'recognition ended' : 'recognition' },
    h('strong', null, `${r.year} · `, r.sourceURL ? h('a', { href: r.sourceURL, rel: 'noopener' }, r.title) : r.title),
    h('span', { class: 'meta' }, ` · ${ctx.label(r.level)} · ${r.issuer}`),
    doc ? h('span', { class: 'meta' }, ` · ${doc}`) : null,
    ended ? h('span', { class: 'meta ended-note' }, ` · ${ended}`) : null,
  );
}

/** recognitionSection lists an item's recognitions, newest first; nothing when there are none. */
export function recognitionSection(ctx: Ctx, items: RecognitionItemFragment[]): HTMLElement | null {
  if (!items.length) return null;
  return section(ctx.t('recognitions'), h('ul', { class: 'list recognitions' }, items.map((r) => recognitionItem(ctx, r))));
}

type FigureItem = { metric: string; period: number; value: number; asOf?: string | null; source: string; sourceURL: string };

/** figureNote is the line under a number: 截至 2024-12-31 · 来源 …; the year alone when the source gives no date. */
export function figureNote(ctx: Ctx, f: FigureItem): HTMLElement {
  const when = f.asOf ? `${ctx.t('asOf')} ${formatDate(f.asOf)}` : `${f.period}${ctx.t('yearFigure')}`;
  const source = f.sourceURL ? h('a', { href: f.sourceURL, rel: 'noopener' }, f.source) : f.source;
  return h('small', { class: 'meta figure-note' }, `${when} · ${ctx.t('source')} `, source);
}

/** figureSection lists the latest figure of each metric with its note; nothing when there are none. */
export function figureSection(ctx: Ctx, figures: FigureItem[]): HTMLElement | null {
  if (!figures.length) return null;
  return section(
    ctx.t('figures'),
    h('dl', { class: 'facts figures' }, figures.map((f) => h('div', null, h('dt', null, ctx.label(f.metric)), h('dd', null, formatNumber(f.value, ctx.lang), figureNote(ctx, f))))),
  );
}
