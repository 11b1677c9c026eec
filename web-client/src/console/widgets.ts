// The console's controls beyond plain inputs: the region select, links to
// other items with type-ahead (the suggest query), and pictures with their
// upload (alt, credit, licence).

import { h, type Child } from '../dom';
import { ConsoleRegionsDocument, ConsoleSuggestDocument, type ConsoleRegionsQuery, type PictureLicense } from '../gql/console';
import { ConsoleError, type Session } from './session';
import { licenses, type ItemType } from './types';
import type { Linked, Picture } from './model';

/** Tr picks the Chinese or English text of a pair. */
export type Tr = (pair: [string, string]) => string;

type Region = { id: string; code: string; nameZh: string; level: string };
let regionList: Promise<Region[]> | null = null;

/** regions loads Hubei's regions once per page load (about 120, two pages). */
export function regions(s: Session): Promise<Region[]> {
  regionList ??= (async () => {
    const out: Region[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: ConsoleRegionsQuery = await s.query(ConsoleRegionsDocument, { after });
      for (const e of page.regions.edges ?? []) if (e?.node) out.push(e.node);
      if (!page.regions.pageInfo.hasNextPage) break;
      after = page.regions.pageInfo.endCursor ?? null;
    }
    return out;
  })().catch((err) => {
    regionList = null;
    throw err;
  });
  return regionList;
}

/** regionSelect lists the regions by code, counties under their prefecture. */
export function regionSelect(all: Region[], id: string, value: string, required: boolean, tr: Tr, onChange: (id: string) => void): HTMLSelectElement {
  const prefectures = all.filter((r) => r.level === 'PREFECTURE');
  const option = (r: Region) => h('option', { value: r.id, selected: r.id === value }, `${r.code} ${r.nameZh}`);
  const under = (p: Region) => all.filter((c) => c.level === 'COUNTY' && c.code.slice(0, 4) === p.code.slice(0, 4));
  const grouped = new Set(prefectures.flatMap((p) => [p, ...under(p)]));
  return h(
    'select',
    { id, required, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    h('option', { value: '' }, tr(['— 选择地区 —', '— choose a region —'])),
    // The province, and what no prefecture groups (cities under the province directly).
    all.filter((r) => !grouped.has(r)).map(option),
    prefectures.map((p) => h('optgroup', { label: `${p.code} ${p.nameZh}` }, option(p), under(p).map(option))),
  );
}

/**
 * linkPicker edits one link (single) or a list of links: chosen items as
 * removable chips, and a combobox that suggests items of the type as the
 * editor types (suggest, names in Chinese or pinyin).
 */
export function linkPicker(opts: { s: Session; id: string; to: ItemType; single: boolean; value: Linked[]; tr: Tr; describedBy: string; onChange: (v: Linked[]) => void }): HTMLElement {
  const { s, id, to, single, tr } = opts;
  let value = [...opts.value];
  const listId = `${id}-list`;
  const chips = h('ul', { class: 'chips', 'aria-label': tr(['已关联', 'Linked']) });
  const input = h('input', {
    id,
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': opts.describedBy,
    placeholder: tr(['输入名称或拼音查找', 'Type a name or pinyin']),
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'suggestions', hidden: true, 'aria-label': tr(['建议', 'Suggestions']) });
  let options: Linked[] = [];
  let active = -1;
  let seq = 0;

  const drawChips = () => {
    chips.replaceChildren(
      ...value.map((l) =>
        h(
          'li',
          { class: 'chip', 'data-id': l.id },
          h('span', null, l.label),
          h('button', { type: 'button', class: 'chip-remove', 'aria-label': `${tr(['移除', 'Remove'])} ${l.label}`, onclick: () => set(value.filter((x) => x.id !== l.id)) }, '×'),
        ),
      ),
    );
    chips.hidden = value.length === 0;
  };
  const set = (v: Linked[]) => {
    value = v;
    drawChips();
    opts.onChange(value);
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i: number) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${listId}-${i}`);
  };
  const choose = (l: Linked) => {
    set(single ? [l] : value.some((x) => x.id === l.id) ? value : [...value, l]);
    input.value = '';
    close();
    input.focus();
  };
  const lookup = async () => {
    const prefix = input.value.trim();
    const mine = ++seq;
    if (!prefix) return close();
    let got: Linked[] = [];
    try {
      const res = await s.query(ConsoleSuggestDocument, { prefix });
      got = res.suggest.filter((x) => x.type === to && 'id' in x.item).map((x) => ({ id: (x.item as { id: string }).id, label: x.text }));
    } catch {
      got = [];
    }
    if (mine !== seq) return;
    options = got;
    list.replaceChildren(
      ...(got.length
        ? got.map((o, i) => h('li', { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': o.id, onmousedown: (e: Event) => e.preventDefault(), onclick: () => choose(o) }, o.label))
        : [h('li', { class: 'none', role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }, tr(['没有找到', 'Nothing found']))]),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(got.length ? 0 : -1);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void lookup(), 150);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') highlight(Math.min(active + 1, options.length - 1));
    else if (e.key === 'ArrowUp') highlight(Math.max(active - 1, 0));
    else if (e.key === 'Enter' && active >= 0 && options[active]) choose(options[active]);
    else if (e.key === 'Escape') close();
    else return;
    e.preventDefault();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  drawChips();
  return h('div', { class: 'link-picker' }, chips, h('div', { class: 'combo' }, input, list));
}

/** licenseName shows a licence as people write it. */
export function licenseName(l: string): string {
  return l === 'ALL_RIGHTS_RESERVED' ? '保留所有权利 / All rights reserved' : l === 'PUBLIC_DOMAIN' ? '公有领域 / Public domain' : l.replace(/_(\d)_(\d)$/, ' $1.$2').replace(/_/g, '-').replace('CC0-', 'CC0 ');
}

/** pictureCard shows a picture with its alt text, credit and licence. */
function pictureCard(p: Picture, tr: Tr, onRemove: () => void): HTMLElement {
  const missing = !p.credit || !p.license;
  return h(
    'li',
    { class: 'picture-card' },
    h('img', { src: p.thumb || p.url, alt: p.alt, loading: 'lazy' }),
    h(
      'div',
      { class: 'picture-meta' },
      h('span', null, p.alt),
      h('span', { class: 'meta' }, p.credit || tr(['未署名', 'no credit']), ' · ', p.license ? licenseName(p.license) : tr(['未注明许可', 'no licence'])),
      missing ? h('span', { class: 'warn' }, tr(['发布前需要署名和许可', 'Credit and licence are needed to publish'])) : null,
      h('button', { type: 'button', class: 'small secondary', onclick: onRemove, 'aria-label': `${tr(['移除图片', 'Remove picture'])} ${p.alt}` }, tr(['移除', 'Remove'])),
    ),
  );
}

/**
 * picturePicker edits one picture (single) or a gallery: the current
 * pictures, and an upload form (file, alt text, credit, licence, source)
 * that sends the file with uploadPicture and adds the stored picture.
 */
export function picturePicker(opts: { s: Session; id: string; single: boolean; value: Picture[]; tr: Tr; onChange: (v: Picture[]) => void }): HTMLElement {
  const { s, id, single, tr } = opts;
  let value = [...opts.value];
  const shown = h('ul', { class: 'picture-list' });
  const draw = () => {
    shown.replaceChildren(...value.map((p, i) => pictureCard(p, tr, () => set(value.filter((_, j) => j !== i)))));
    shown.hidden = value.length === 0;
  };
  const set = (v: Picture[]) => {
    value = v;
    draw();
    opts.onChange(value);
  };
  const field = (name: string, label: string, control: HTMLElement, hint?: string): Child => {
    control.id = `${id}-${name}`;
    control.setAttribute('aria-describedby', `${id}-${name}-err`);
    return h('div', { class: 'field', 'data-field': `${id}-${name}` }, h('label', { for: control.id }, label), control, hint ? h('p', { class: 'help' }, hint) : null, h('p', { class: 'field-error', id: `${id}-${name}-err`, hidden: true }));
  };
  const file = h('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp' });
  const alt = h('input', { type: 'text' });
  const altEn = h('input', { type: 'text' });
  const credit = h('input', { type: 'text' });
  const license = h('select', null, h('option', { value: '' }, tr(['— 未选择 —', '— none —'])), licenses.map((l) => h('option', { value: l }, licenseName(l))));
  const source = h('input', { type: 'url', placeholder: 'https://' });
  const status = h('p', { class: 'upload-status', role: 'status' });
  const box = h(
    'fieldset',
    { class: 'upload' },
    h('legend', null, single ? tr(['上传图片（替换当前）', 'Upload a picture (replaces the current one)']) : tr(['上传图片', 'Upload a picture'])),
    h(
      'div',
      { class: 'upload-grid' },
      field('file', tr(['图片文件（JPEG、PNG、WebP）', 'Image file (JPEG, PNG, WebP)']), file),
      field('alt', tr(['替代文字（必填）', 'Alt text (required)']), alt, tr(['为看不见图片的读者描述图片内容', 'Describe the picture for readers who cannot see it'])),
      field('altEn', tr(['英文替代文字', 'Alt text in English']), altEn),
      field('credit', tr(['署名（发布前必填）', 'Credit (needed to publish)']), credit),
      field('license', tr(['许可（发布前必填）', 'Licence (needed to publish)']), license),
      field('source', tr(['来源链接', 'Source link']), source),
    ),
    h('button', { type: 'button', class: 'secondary', onclick: () => void upload() }, tr(['上传', 'Upload'])),
    status,
  );
  const showError = (name: string, msg: string) => {
    const slot = box.querySelector<HTMLElement>(`#${id}-${name}-err`);
    const control = box.querySelector<HTMLElement>(`#${id}-${name}`);
    if (!slot || !control) return false;
    slot.textContent = msg;
    slot.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    return true;
  };
  const upload = async () => {
    box.querySelectorAll<HTMLElement>('.field-error').forEach((e) => (e.hidden = true));
    box.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    const f = file.files?.[0];
    if (!f) return void showError('file', tr(['请选择一个图片文件', 'Choose an image file']));
    if (!alt.value.trim()) return void showError('alt', tr(['请填写替代文字', 'Alt text is required']));
    status.textContent = tr(['正在上传…', 'Uploading…']);
    try {
      const p = await s.upload(f, { alt: alt.value.trim(), altEn: altEn.value.trim(), credit: credit.value.trim(), license: (license.value || undefined) as PictureLicense | undefined, source: source.value.trim() });
      set(single ? [p] : [...value, p]);
      for (const c of [file, alt, altEn, credit, source] as HTMLInputElement[]) c.value = '';
      license.value = '';
      status.textContent = tr(['已上传，保存后生效', 'Uploaded; save to keep it']);
    } catch (err) {
      status.textContent = '';
      const problems = err instanceof ConsoleError ? err.problems : [{ message: String(err) }];
      for (const p of problems) {
        // uploadPicture's refusals name the argument: "file: ...", "alt: ...".
        const arg = p.field ?? /^(file|alt|altEn|credit|license|source): /.exec(p.message)?.[1] ?? 'file';
        if (!showError(arg, p.message)) showError('file', p.message);
      }
    }
  };
  // Enter in the upload's fields uploads, rather than saving the whole form.
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault();
      void upload();
    }
  });
  draw();
  return h('div', { class: 'picture-picker' }, shown, box);
}
