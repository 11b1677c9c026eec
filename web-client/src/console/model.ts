// What a form holds and what it sends, for any content type, from its
// description (types.ts): values read from an item, empty values for a new
// one, and the create or update input they make. No DOM here, so the unit
// tests check it directly.

import { cap, type ContentType, type Field } from './types';
import type { ConsolePictureFragment } from '../gql/console';

export type Picture = ConsolePictureFragment;
export interface Linked {
  id: string;
  label: string;
}
export type Value = string | boolean | Linked | Linked[] | Picture | Picture[] | null;
export type Values = Record<string, Value>;

/** keys are the value keys of a field: its Zh and En halves, or its name. */
export function keys(f: Field): string[] {
  return f.bilingual ? [`${f.name}Zh`, `${f.name}En`] : [f.name];
}

/** linked turns a node from the API (ConsoleLink) into a link. */
export function linked(n: { id: string; nameZh?: string | null; titleZh?: string | null } | null | undefined): Linked | null {
  return n ? { id: n.id, label: n.nameZh ?? n.titleZh ?? n.id } : null;
}

/** Asia/Shanghai has no daylight saving time: always UTC+8. */
const shanghaiMs = 8 * 3600 * 1000;

/** toShanghai is an RFC 3339 time as a datetime-local value in Beijing time. */
export function toShanghai(t: string): string {
  const d = new Date(Date.parse(t) + shanghaiMs);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 16);
}

/** fromShanghai is a datetime-local value typed in Beijing time as RFC 3339. */
export function fromShanghai(v: string): string {
  return `${v.length === 16 ? v + ':00' : v}+08:00`;
}

function empty(f: Field): Value {
  switch (f.kind) {
    case 'bool':
      return false;
    case 'link':
    case 'picture':
      return null;
    case 'links':
    case 'pictures':
      return [];
    default:
      return '';
  }
}

/** emptyValues are a new item's. */
export function emptyValues(t: ContentType): Values {
  const v: Values = {};
  for (const f of t.fields) for (const k of keys(f)) v[k] = empty(f);
  return v;
}

type Item = Record<string, unknown>;

/** valuesOf reads an item (the answer of the type's item query) into form values. */
export function valuesOf(t: ContentType, item: Item): Values {
  const v: Values = {};
  for (const f of t.fields) {
    for (const k of keys(f)) {
      const x = item[f.kind === 'region' ? `${f.name}ID` : k];
      switch (f.kind) {
        case 'bool':
          v[k] = x === true;
          break;
        case 'int':
        case 'float':
          v[k] = typeof x === 'number' ? String(x) : '';
          break;
        case 'date':
          v[k] = typeof x === 'string' ? x.slice(0, 10) : '';
          break;
        case 'datetime':
          v[k] = typeof x === 'string' ? toShanghai(x) : '';
          break;
        case 'lines':
          v[k] = Array.isArray(x) ? x.join('\n') : '';
          break;
        case 'link':
          v[k] = linked(x as Parameters<typeof linked>[0]);
          break;
        case 'links': {
          const edges = (x as { edges?: { node: Parameters<typeof linked>[0] }[] } | null)?.edges ?? [];
          v[k] = edges.map((e) => linked(e.node)).filter((l): l is Linked => l !== null);
          break;
        }
        case 'picture':
          v[k] = (x as Picture | null) ?? null;
          break;
        case 'pictures':
          v[k] = (x as Picture[] | null) ?? [];
          break;
        default:
          v[k] = typeof x === 'string' ? x : '';
      }
    }
  }
  return v;
}

/** pictureInput is what a PictureInput takes of a picture (the server measures the rest). */
export function pictureInput(p: Picture): Record<string, unknown> {
  const out: Record<string, unknown> = { url: p.url, alt: p.alt };
  if (p.altEn) out.altEn = p.altEn;
  if (p.credit) out.credit = p.credit;
  if (p.license) out.license = p.license;
  if (p.source) out.source = p.source;
  if (p.focalPoint) out.focalPoint = { x: p.focalPoint.x, y: p.focalPoint.y };
  return out;
}

/** scalar is a value as the API takes it; null when it is empty. */
function scalar(f: Field, raw: Value): unknown {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string') return null;
  const s = f.kind === 'longText' || f.kind === 'lines' ? raw.replace(/\r\n/g, '\n').trim() : raw.trim();
  if (s === '') return null;
  switch (f.kind) {
    case 'int':
    case 'float': {
      const n = Number(s);
      // A number the API refuses is still sent, so its message is shown at the field.
      return Number.isFinite(n) && (f.kind === 'float' || Number.isInteger(n)) ? n : s;
    }
    case 'date':
      return `${s}T00:00:00Z`;
    case 'datetime':
      return fromShanghai(s);
    case 'lines':
      return s
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    default:
      return s;
  }
}

const ids = (v: Value): string[] => (Array.isArray(v) ? (v as Linked[]).map((l) => l.id) : []);

/** createInput is the Create<Type>Input of the values: empty fields are left out. */
export function createInput(t: ContentType, v: Values): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of t.fields) {
    for (const k of keys(f)) {
      const x = v[k];
      switch (f.kind) {
        case 'region':
          if (x) input[`${f.name}ID`] = x;
          break;
        case 'link':
          if (x) input[`${f.name}ID`] = (x as Linked).id;
          break;
        case 'links':
          if (ids(x).length) input[`${f.name.replace(/s$/, '')}IDs`] = ids(x);
          break;
        case 'picture':
          if (x) input[k] = pictureInput(x as Picture);
          break;
        case 'pictures':
          if ((x as Picture[]).length) input[k] = (x as Picture[]).map(pictureInput);
          break;
        default: {
          const s = scalar(f, x);
          if (s !== null && !(f.kind === 'bool' && s === false)) input[k] = s;
        }
      }
    }
  }
  return input;
}

/**
 * missing lists the required values that are empty (their value keys). A
 * create without them would fail as a whole (the API's input types require
 * them), so the form says so at each field before sending anything.
 */
export function missing(t: ContentType, v: Values): string[] {
  const out: string[] = [];
  for (const f of t.fields) {
    if (!f.required) continue;
    const k = keys(f)[0];
    const x = v[k];
    if (x === null || (typeof x === 'string' && x.trim() === '') || (Array.isArray(x) && x.length === 0)) out.push(k);
  }
  return out;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * updateInput is the Update<Type>Input that turns the values it was opened
 * with (init) into v: only changed fields, an emptied optional field as
 * clear<Name>, links as add/remove lists (so a list longer than the page the
 * form loaded is never replaced).
 */
export function updateInput(t: ContentType, v: Values, init: Values): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of t.fields) {
    if (f.kind === 'slug') continue;
    for (const k of keys(f)) {
      const now = v[k];
      const was = init[k];
      if (same(now, was)) continue;
      const clear = `clear${cap(k)}`;
      switch (f.kind) {
        case 'region':
        case 'link': {
          const id = f.kind === 'link' ? (now as Linked | null)?.id : (now as string);
          if (id) input[`${f.name}ID`] = id;
          else input[clear] = true;
          break;
        }
        case 'links': {
          const singular = cap(f.name.replace(/s$/, ''));
          const add = ids(now).filter((id) => !ids(was).includes(id));
          const remove = ids(was).filter((id) => !ids(now).includes(id));
          if (add.length) input[`add${singular}IDs`] = add;
          if (remove.length) input[`remove${singular}IDs`] = remove;
          break;
        }
        case 'picture':
          if (now) input[k] = pictureInput(now as Picture);
          else input[clear] = true;
          break;
        case 'pictures':
          if ((now as Picture[]).length) input[k] = (now as Picture[]).map(pictureInput);
          else input[clear] = true;
          break;
        default: {
          const s = scalar(f, now);
          if (s !== null) input[k] = s;
          else if (f.nullable || f.kind === 'lines') input[clear] = true;
          else if (f.kind === 'int' || f.kind === 'float') input[k] = 0;
          else if (f.kind !== 'enum' && f.kind !== 'date' && f.kind !== 'datetime') input[k] = '';
          else input[k] = null; // a required value emptied: the server says so at the field
        }
      }
    }
  }
  return input;
}

/** Publication columns the audit log names, which no form field edits. */
const publicationLabels: Record<string, [string, string]> = {
  status: ['状态', 'Status'],
  published_at: ['首次发布时间', 'First published'],
  publish_at: ['定时发布', 'Publish at'],
  unpublish_at: ['定时下线', 'Unpublish at'],
  featured: ['推介', 'Featured'],
  featured_rank: ['推介顺序', 'Rank'],
  featured_from: ['推介开始', 'Featured from'],
  featured_until: ['推介结束', 'Featured until'],
};

/**
 * changeLabel names a column or edge of the audit log (name_zh, region_id,
 * role_models, video_url) as the form labels it: [Chinese, English], with
 * the half of a bilingual pair; null when no field of the type has it.
 */
export function changeLabel(t: ContentType, column: string): [string, string] | null {
  const f = changeField(t, column);
  if (!f?.bilingual) return f?.label ?? publicationLabels[column] ?? null;
  return column.toLowerCase().endsWith('zh') ? [`${f.label[0]}（中文）`, `${f.label[1]} (Chinese)`] : [`${f.label[0]}（英文）`, `${f.label[1]} (English)`];
}

/** changeField is the form field that edits a column or edge of the audit log, if one does. */
export function changeField(t: ContentType, column: string): Field | undefined {
  const norm = column.replace(/_/g, '').toLowerCase();
  return t.fields.find((f) => (f.bilingual ? keys(f).some((k) => k.toLowerCase() === norm) : f.name.toLowerCase() === norm || `${f.name}id`.toLowerCase() === norm));
}

/** enumChange says whether a column of the audit log holds an enum value (shown by its name in words). */
export function enumChange(t: ContentType, column: string): boolean {
  return column === 'status' || changeField(t, column)?.kind === 'enum';
}

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * changeValue is a value of the audit log as the history shows it: a time
 * in Beijing time, at most max characters (an ellipsis marks the cut), and
 * an empty value as a dash.
 */
export function changeValue(v: string | null | undefined, max = 80): string {
  if (v === null || v === undefined || v === '') return '—';
  const text = rfc3339.test(v) ? toShanghai(v).replace('T', ' ') : v.replace(/\s+/g, ' ').trim();
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** A schedule as the console reads it: publishAt and unpublishAt, if set. */
export interface Schedule {
  publishAt?: string | null;
  unpublishAt?: string | null;
}

/**
 * publicNow says whether the public sees an item at the moment: it is
 * PUBLISHED and inside its window (a scheduled item is PUBLISHED before its
 * publishAt, and stays so after its unpublishAt).
 */
export function publicNow(status: string, s: Schedule, now = Date.now()): boolean {
  if (status !== 'PUBLISHED') return false;
  if (s.publishAt && Date.parse(s.publishAt) > now) return false;
  if (s.unpublishAt && Date.parse(s.unpublishAt) <= now) return false;
  return true;
}

/** scheduleVars are the schedule mutation's bounds from two datetime-local values typed in Beijing time (empty: null). */
export function scheduleVars(publishAt: string, unpublishAt: string): { publishAt: string | null; unpublishAt: string | null } {
  return { publishAt: publishAt.trim() ? fromShanghai(publishAt.trim()) : null, unpublishAt: unpublishAt.trim() ? fromShanghai(unpublishAt.trim()) : null };
}
