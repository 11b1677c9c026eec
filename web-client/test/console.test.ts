// The console's type descriptions checked against the server's schema: every
// input a form can send exists, every input a create needs is in the form,
// and what the form sends for a new or a changed item.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLInputObjectType, GraphQLNonNull, type GraphQLInputField } from 'graphql';
import { cap, contentTypes, inputNames, typeByKey } from '../src/console/types';
import { changeLabel, changeValue, createInput, enumChange, emptyValues, fromShanghai, missing, publicNow, scheduleVars, toShanghai, updateInput, valuesOf, type Values } from '../src/console/model';

const dir = join(import.meta.dirname, '..', '..', 'schema');
const sdl = readdirSync(dir)
  .filter((f) => f.endsWith('.graphql'))
  .sort((a, b) => (a === 'ent.graphql' ? -1 : b === 'ent.graphql' ? 1 : a.localeCompare(b)))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n');
// ent.graphql declares gqlgen's directives' uses; declare them for graphql-js.
const schema = buildSchema('directive @goModel(model: String, models: [String!]) on OBJECT | INPUT_OBJECT | SCALAR | ENUM | INTERFACE | UNION\ndirective @goField(forceResolver: Boolean, name: String, omittable: Boolean) on INPUT_FIELD_DEFINITION | FIELD_DEFINITION\ndirective @goExtraField(name: String, type: String!, overrideTags: String, description: String) repeatable on OBJECT | INPUT_OBJECT\n' + sdl, { assumeValidSDL: true });

function inputFields(name: string): Record<string, GraphQLInputField> {
  const t = schema.getType(name);
  if (!(t instanceof GraphQLInputObjectType)) throw new Error(`${name} is not an input type`);
  return t.getFields();
}

describe('content type descriptions', () => {
  it('describe every content type with a create and update mutation', () => {
    // Content types are the nodes created from a Create…Input (not webhooks or preview links).
    const mutations = Object.values(schema.getMutationType()!.getFields())
      .filter((m) => /^create/.test(m.name) && m.args.some((a) => a.name === 'input' && String(a.type) === `C${m.name.slice(1)}Input!`))
      .filter((m) => (schema.getType(String(m.type).replace(/!$/, '')) as { getInterfaces?: () => { name: string }[] }).getInterfaces?.().some((i) => i.name === 'Node'))
      .map((m) => m.name)
      // Not in the console yet (API and spreadsheet import only): recognitions
      // and figures, which have no search type for the link pickers either.
      .filter((m) => !['createRecognition', 'createFigure'].includes(m));
    expect(contentTypes.map((t) => `create${t.typename}`).sort()).toEqual(mutations.sort());
  });

  for (const t of contentTypes) {
    it(`${t.typename}: every field is an input of Create${t.typename}Input and Update${t.typename}Input`, () => {
      const create = inputFields(`Create${t.typename}Input`);
      const update = inputFields(`Update${t.typename}Input`);
      for (const f of t.fields) {
        for (const name of inputNames(f)) {
          expect(create, `${f.name} → ${name}`).toHaveProperty(name);
          if (f.kind === 'slug') continue;
          if (f.kind === 'links') {
            const one = cap(f.name.replace(/s$/, ''));
            expect(update).toHaveProperty(`add${one}IDs`);
            expect(update).toHaveProperty(`remove${one}IDs`);
          } else {
            expect(update, `${f.name} → ${name}`).toHaveProperty(name);
          }
        }
        if (f.nullable || ['picture', 'pictures', 'link', 'lines'].includes(f.kind) || (f.kind === 'region' && !f.required)) {
          for (const k of f.bilingual ? [`${f.name}Zh`, `${f.name}En`] : [f.name]) expect(update, `${f.name} can be emptied`).toHaveProperty(`clear${cap(k)}`);
        }
      }
    });

    it(`${t.typename}: every input a create needs is a required field`, () => {
      const needed = Object.values(inputFields(`Create${t.typename}Input`))
        .filter((f) => f.type instanceof GraphQLNonNull && f.defaultValue === undefined)
        .map((f) => f.name);
      // A region is given as regionID or regionCode, so the schema cannot mark
      // either required; the server requires one for these types.
      if (['Brand', 'Venue', 'Event'].includes(t.typename)) needed.push('regionID');
      const required = t.fields.filter((f) => f.required).map((f) => inputNames(f)[0]);
      expect(required.sort()).toEqual(needed.sort());
    });

    it(`${t.typename}: its search type and list field exist`, () => {
      expect(schema.getQueryType()!.getFields()).toHaveProperty(t.key);
      expect(schema.getType('SearchType')!.toString()).toBe('SearchType');
      const values = (schema.getType('SearchType') as unknown as { getValues(): { name: string }[] }).getValues().map((v) => v.name);
      expect(values).toContain(t.search);
      for (const f of t.fields) if (f.to) expect(values).toContain(f.to);
    });
  }
});

describe('form values and inputs', () => {
  const brands = typeByKey('brands')!;
  const filled = (): Values => ({
    ...emptyValues(brands),
    slug: 'xin-pinpai',
    nameZh: ' 新品牌 ',
    category: 'QUALITY_SERVICE',
    level: 'COUNTY',
    region: 'R1',
    workersEmployed: '1200',
    foundedYear: '',
    inResourceLibrary: true,
    roleModels: [{ id: 'P1', label: '甲' }],
    logo: { url: '/media/a.jpg', thumb: '/media/a-320.jpg', alt: '标志', credit: '摄影', license: 'CC0_1_0', altEn: null, source: null, focalPoint: null },
  });

  it('a new item sends what is filled in, trimmed, and nothing empty', () => {
    expect(createInput(brands, filled())).toEqual({
      slug: 'xin-pinpai',
      nameZh: '新品牌',
      category: 'QUALITY_SERVICE',
      level: 'COUNTY',
      regionID: 'R1',
      workersEmployed: 1200,
      inResourceLibrary: true,
      roleModelIDs: ['P1'],
      logo: { url: '/media/a.jpg', alt: '标志', credit: '摄影', license: 'CC0_1_0' },
    });
  });

  it('names the required values left empty, by their keys', () => {
    expect(missing(brands, emptyValues(brands))).toEqual(['slug', 'nameZh', 'category', 'level', 'region']);
    expect(missing(brands, filled())).toEqual([]);
  });

  it('a change sends only what changed: links as add and remove, emptied optional fields as clear', () => {
    const init = filled();
    init.foundedYear = '1998';
    init.creditRating = 'AA';
    const now: Values = { ...structuredClone(init), nameEn: 'New brand', foundedYear: '', creditRating: '', workersEmployed: '', logo: null, roleModels: [{ id: 'P2', label: '乙' }] };
    expect(updateInput(brands, now, init)).toEqual({
      nameEn: 'New brand',
      clearFoundedYear: true,
      clearCreditRating: true,
      workersEmployed: 0,
      clearLogo: true,
      addRoleModelIDs: ['P2'],
      removeRoleModelIDs: ['P1'],
    });
    expect(updateInput(brands, structuredClone(init), init)).toEqual({});
  });

  it('reads an item from the API: numbers, links, pictures, Beijing times', () => {
    const events = typeByKey('events')!;
    const v = valuesOf(events, { slug: 'e', titleZh: '会', startsAt: '2027-04-22T01:00:00Z', latitude: 30.5, venue: { id: 'V1', nameZh: '馆' }, brands: { edges: [{ node: { id: 'B1', nameZh: '品' } }] }, pictures: null, allDay: true });
    expect(v.startsAt).toBe('2027-04-22T09:00');
    expect(v.latitude).toBe('30.5');
    expect(v.venue).toEqual({ id: 'V1', label: '馆' });
    expect(v.brands).toEqual([{ id: 'B1', label: '品' }]);
    expect(v.pictures).toEqual([]);
    expect(v.allDay).toBe(true);
    expect(createInput(events, v)).toMatchObject({ startsAt: '2027-04-22T09:00:00+08:00', latitude: 30.5, venueID: 'V1', brandIDs: ['B1'], allDay: true });
    expect(toShanghai(fromShanghai('2027-01-01T23:30').replace('+08:00', 'Z'))).toBe('2027-01-02T07:30');
  });
});

describe('schedule and history', () => {
  it('sends a schedule typed in Beijing time as RFC 3339 with +08:00; an empty bound is null', () => {
    expect(scheduleVars('2027-03-01T09:30', '')).toEqual({ publishAt: '2027-03-01T09:30:00+08:00', unpublishAt: null });
    expect(scheduleVars(' ', '2027-03-02T00:00')).toEqual({ publishAt: null, unpublishAt: '2027-03-02T00:00:00+08:00' });
  });

  it('says whether the public sees an item: published and inside its window', () => {
    const now = Date.parse('2027-01-01T00:00:00Z');
    expect(publicNow('DRAFT', {}, now)).toBe(false);
    expect(publicNow('PUBLISHED', {}, now)).toBe(true);
    expect(publicNow('PUBLISHED', { publishAt: '2027-01-01T08:00:00+08:00' }, now)).toBe(true); // exactly now
    expect(publicNow('PUBLISHED', { publishAt: '2027-01-02T00:00:00Z' }, now)).toBe(false);
    expect(publicNow('PUBLISHED', { unpublishAt: '2026-12-31T00:00:00Z' }, now)).toBe(false);
    expect(publicNow('PUBLISHED', { publishAt: '2026-12-01T00:00:00Z', unpublishAt: '2027-02-01T00:00:00Z' }, now)).toBe(true);
  });

  it('names the audit log\'s columns and edges as the form labels them', () => {
    const brands = typeByKey('brands')!;
    expect(changeLabel(brands, 'name_zh')).toEqual(['名称（中文）', 'Name (Chinese)']);
    expect(changeLabel(brands, 'summary_en')).toEqual(['简介（英文）', 'Summary (English)']);
    expect(changeLabel(brands, 'region_id')).toEqual(['地区', 'Region']);
    expect(changeLabel(brands, 'role_models')).toEqual(['典型人物', 'Role models']);
    expect(changeLabel(brands, 'workers_employed')).toEqual(['带动就业人数', 'Workers employed']);
    expect(changeLabel(typeByKey('mediaCoverages')!, 'video_url')).toEqual(['视频链接', 'Video link']);
    expect(changeLabel(brands, 'publish_at')).toEqual(['定时发布', 'Publish at']);
    expect(changeLabel(brands, 'no_such_column')).toBeNull();
    expect(changeLabel(typeByKey('roleModels')!, 'title_en')).toEqual(['头衔（英文）', 'Title (English)']);
    expect([enumChange(brands, 'status'), enumChange(brands, 'category'), enumChange(brands, 'credit_rating'), enumChange(brands, 'name_zh')]).toEqual([true, true, true, false]);
  });

  it('shows values shortened, times in Beijing time, empty as a dash', () => {
    expect(changeValue(null)).toBe('—');
    expect(changeValue('')).toBe('—');
    expect(changeValue('2027-04-22T01:00:00Z')).toBe('2027-04-22 09:00');
    expect(changeValue('一行\n两行')).toBe('一行 两行');
    const long = '长'.repeat(100);
    expect(changeValue(long, 10)).toBe(`${'长'.repeat(9)}…`);
    expect([...changeValue(long)].length).toBe(80);
    expect(changeValue('短', 10)).toBe('短');
  });
});
