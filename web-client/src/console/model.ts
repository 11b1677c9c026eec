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
