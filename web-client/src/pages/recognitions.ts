// Recognitions (认定) on brand and person pages: title, issuer, year and
// document number, as a journalist cites them; one that ended is marked.

import { h } from '../dom';
import type { RecognitionItemFragment } from '../gql/graphql';
import { formatDate } from '../text';
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
