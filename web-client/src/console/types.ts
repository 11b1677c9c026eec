// One description per content type: what the console lists, and the fields
// its form shows, each with a kind. The form (form.ts), the list (list.ts)
// and the mutations' inputs are all made from these descriptions; no type has
// a form of its own. Names follow the GraphQL schema: a field `name` with
// `bilingual` is the pair nameZh/nameEn; a link field is the edge's name
// (roleModels: roleModelIDs when creating, addRoleModelIDs/removeRoleModelIDs
// when updating); an optional field is emptied with clear<Name>. A unit test
// (test/console.test.ts) checks every description against the schema.

import type { TypedDocumentNode } from '@urql/core';
import * as ops from '../gql/console';

/** What a field holds, and so which control edits it. */
export type FieldKind =
  | 'slug' // set once, when the item is created
  | 'text' // one line
  | 'longText' // paragraphs
  | 'lines' // a list of short texts, one a line (honours)
  | 'enum'
  | 'int'
  | 'float'
  | 'bool'
  | 'date' // a day (stored as midnight UTC)
  | 'datetime' // a moment, typed in Asia/Shanghai
  | 'url'
  | 'region' // a region, chosen by its GB/T 2260 code
  | 'link' // one other item
  | 'links' // other items
  | 'picture'
  | 'pictures';

/** The search types, which suggest reports and links point to. */
export type ItemType = 'BRAND' | 'ROLE_MODEL' | 'ENTERPRISE' | 'ALLIANCE' | 'VENUE' | 'MEDIA_COVERAGE' | 'EVENT';

export interface Field {
  name: string;
  kind: FieldKind;
  /** Chinese and English label. */
  label: [string, string];
  /** Needed when creating (the Chinese one of a bilingual pair). */
  required?: boolean;
  /** A Chinese and an English value: <name>Zh and <name>En. */
  bilingual?: boolean;
  /** Values of an enum. */
  values?: readonly string[];
  /** What a link points to. */
  to?: ItemType;
  /** Optional and null when empty: emptied with clear<Name> (numbers, enums, dates). */
  nullable?: boolean;
  /** Shown under the control. */
  hint?: [string, string];
}

/** Operations of a type: generated typed documents (src/console/graphql). */
export interface Ops {
  // The variables and answers differ per type; the description ties them
  // together, and the unit test checks that they fit the schema.
  list: TypedDocumentNode<any, any>;
  item: TypedDocumentNode<any, any>;
  create: TypedDocumentNode<any, any>;
  update: TypedDocumentNode<any, any>;
  remove: TypedDocumentNode<any, any>;
}

export interface ContentType {
  /** In the console's URLs (?type=brands) and the list root field. */
  key: string;
  /** The GraphQL type. */
  typename: string;
  /** suggest's type for this content. */
  search: ItemType;
  label: [string, string];
  /** The field lists search in (name or title, Chinese). */
  titleField: 'nameZh' | 'titleZh';
  /** Brands can be featured. */
  featurable?: boolean;
  fields: Field[];
  ops: Ops;
}

const categories = ['HIGH_END_SKILLED', 'QUALITY_SERVICE', 'CULTURE_TOURISM', 'LIVELIHOOD'] as const;
const levels = ['COUNTY', 'CITY', 'PROVINCIAL', 'NATIONAL'] as const;
const ratings = ['AAA', 'AA', 'A', 'B', 'C'] as const;
const roleKinds = ['FOUNDER', 'INHERITOR', 'CONTRIBUTOR', 'AMBASSADOR', 'SKILL_MASTER'] as const;
const venueKinds = ['HERITAGE_WORKSHOP', 'EXPERIENCE_HALL', 'EXPERIENCE_STREET', 'BUSINESS_DISTRICT', 'INDUSTRIAL_PARK', 'ENTREPRENEURSHIP_PARK', 'TRAINING_BASE'] as const;
const media = ['ONLINE', 'NEWSPAPER', 'MAGAZINE', 'RADIO', 'TV', 'FILM'] as const;
const eventKinds = ['EXHIBITION', 'FORUM', 'COMPETITION', 'SELECTION', 'JOB_FAIR', 'CULTURE_EXPERIENCE', 'INTERNATIONAL_EXCHANGE', 'TRAINING'] as const;
const scopes = ['INDUSTRY', 'REGION'] as const;

/** Picture licences (PictureLicense). */
export const licenses = ['CC_BY_4_0', 'CC_BY_SA_4_0', 'CC_BY_ND_4_0', 'CC_BY_NC_4_0', 'CC_BY_NC_SA_4_0', 'CC_BY_NC_ND_4_0', 'CC0_1_0', 'PUBLIC_DOMAIN', 'ALL_RIGHTS_RESERVED'] as const;

// Fields most types share.
const slug: Field = { name: 'slug', kind: 'slug', label: ['网址标识', 'Slug'], required: true, hint: ['小写拼音，用连字符连接，如 hongan-dasao；创建后不能修改', 'Lower-case pinyin joined by hyphens (hongan-dasao); cannot change later'] };
const name: Field = { name: 'name', kind: 'text', label: ['名称', 'Name'], bilingual: true, required: true };
const title: Field = { name: 'title', kind: 'text', label: ['标题', 'Title'], bilingual: true, required: true };
const summary: Field = { name: 'summary', kind: 'longText', label: ['简介', 'Summary'], bilingual: true };
const region = (required = false): Field => ({ name: 'region', kind: 'region', label: ['地区', 'Region'], required });
const links = (field: string, to: ItemType, label: [string, string]): Field => ({ name: field, kind: 'links', to, label });
const brands = links('brands', 'BRAND', ['劳务品牌', 'Brands']);
const roleModels = links('roleModels', 'ROLE_MODEL', ['典型人物', 'Role models']);
const coverage = links('mediaCoverages', 'MEDIA_COVERAGE', ['媒体报道', 'Media coverage']);
const events = links('events', 'EVENT', ['活动', 'Events']);
const pictures: Field = { name: 'pictures', kind: 'pictures', label: ['图片', 'Pictures'] };
const latitude = (required = false): Field => ({ name: 'latitude', kind: 'float', label: ['纬度', 'Latitude'], required, nullable: !required });
const longitude = (required = false): Field => ({ name: 'longitude', kind: 'float', label: ['经度', 'Longitude'], required, nullable: !required });

export const contentTypes: ContentType[] = [
  {
    key: 'brands',
    typename: 'Brand',
    search: 'BRAND',
    label: ['劳务品牌', 'Brands'],
    titleField: 'nameZh',
    featurable: true,
    fields: [
      slug,
      name,
      { name: 'category', kind: 'enum', label: ['类别', 'Category'], values: categories, required: true },
      { name: 'level', kind: 'enum', label: ['级别', 'Level'], values: levels, required: true },
      region(true),
      { name: 'industry', kind: 'text', label: ['行业', 'Industry'], bilingual: true },
      summary,
      { name: 'story', kind: 'longText', label: ['品牌故事', 'Story'], bilingual: true },
      { name: 'workersEmployed', kind: 'int', label: ['带动就业人数', 'Workers employed'], hint: ['由品牌最新的公开年度数据得出；在此填写记为本年度的“日期不详”数据（来源：品牌资料）', 'The brand\'s latest public figure; a value entered here becomes this year\'s undated figure (source: brand record)'] },
      { name: 'workersExported', kind: 'int', label: ['劳务输出人数', 'Workers placed elsewhere'], hint: ['由品牌最新的公开年度数据得出；在此填写记为本年度的“日期不详”数据（来源：品牌资料）', 'The brand\'s latest public figure; a value entered here becomes this year\'s undated figure (source: brand record)'] },
      { name: 'foundedYear', kind: 'int', label: ['创立年份', 'Year founded'], nullable: true },
      { name: 'trademarkCount', kind: 'int', label: ['注册商标数', 'Trademarks'] },
      { name: 'patentCount', kind: 'int', label: ['专利数', 'Patents'] },
      { name: 'creditRating', kind: 'enum', label: ['信用等级', 'Credit rating'], values: ratings, nullable: true },
      { name: 'inResourceLibrary', kind: 'bool', label: ['入选省级资源库', 'In the resource library'] },
      { name: 'inGuidanceCatalogue', kind: 'bool', label: ['入选指导目录', 'In the guidance catalogue'] },
      { name: 'logo', kind: 'picture', label: ['标志', 'Logo'] },
      pictures,
      roleModels,
      links('alliances', 'ALLIANCE', ['品牌联盟', 'Alliances']),
      links('enterprises', 'ENTERPRISE', ['企业', 'Enterprises']),
      links('venues', 'VENUE', ['体验场馆', 'Venues']),
      coverage,
      events,
    ],
    ops: { list: ops.ConsoleBrandListDocument, item: ops.ConsoleBrandDocument, create: ops.ConsoleCreateBrandDocument, update: ops.ConsoleUpdateBrandDocument, remove: ops.ConsoleDeleteBrandDocument },
  },
  {
    key: 'roleModels',
    typename: 'RoleModel',
    search: 'ROLE_MODEL',
    label: ['典型人物', 'Role models'],
    titleField: 'nameZh',
    fields: [
      slug,
      name,
      { name: 'kind', kind: 'enum', label: ['类型', 'Kind'], values: roleKinds, required: true },
      { name: 'title', kind: 'text', label: ['头衔', 'Title'], bilingual: true },
      region(),
      { name: 'bio', kind: 'longText', label: ['人物简介', 'Biography'], bilingual: true },
      { name: 'honours', kind: 'lines', label: ['荣誉（每行一项）', 'Honours (one a line)'], bilingual: true },
      { name: 'studio', kind: 'text', label: ['工作室', 'Studio'], bilingual: true },
      { name: 'portrait', kind: 'picture', label: ['肖像', 'Portrait'] },
      brands,
      coverage,
      events,
    ],
    ops: { list: ops.ConsoleRoleModelListDocument, item: ops.ConsoleRoleModelDocument, create: ops.ConsoleCreateRoleModelDocument, update: ops.ConsoleUpdateRoleModelDocument, remove: ops.ConsoleDeleteRoleModelDocument },
  },
  {
    key: 'alliances',
    typename: 'Alliance',
    search: 'ALLIANCE',
    label: ['品牌联盟', 'Alliances'],
    titleField: 'nameZh',
    fields: [
      slug,
      name,
      { name: 'scope', kind: 'enum', label: ['范围', 'Scope'], values: scopes, required: true },
      summary,
      { name: 'purpose', kind: 'longText', label: ['宗旨', 'Purpose'], bilingual: true },
      { name: 'foundedOn', kind: 'date', label: ['成立日期', 'Founded on'], nullable: true },
      { name: 'leadEnterprise', kind: 'link', to: 'ENTERPRISE', label: ['牵头企业', 'Lead enterprise'] },
      brands,
    ],
    ops: { list: ops.ConsoleAllianceListDocument, item: ops.ConsoleAllianceDocument, create: ops.ConsoleCreateAllianceDocument, update: ops.ConsoleUpdateAllianceDocument, remove: ops.ConsoleDeleteAllianceDocument },
  },
  {
    key: 'enterprises',
    typename: 'Enterprise',
    search: 'ENTERPRISE',
    label: ['企业', 'Enterprises'],
    titleField: 'nameZh',
    fields: [
      slug,
      name,
      region(),
      summary,
      { name: 'provincialLeading', kind: 'bool', label: ['省级龙头企业', 'Provincial leading enterprise'] },
      { name: 'recognizedYear', kind: 'int', label: ['认定年份', 'Year recognised'], nullable: true },
      { name: 'website', kind: 'url', label: ['网站', 'Website'] },
      { name: 'logo', kind: 'picture', label: ['标志', 'Logo'] },
      brands,
      links('ledAlliances', 'ALLIANCE', ['牵头的联盟', 'Alliances it leads']),
    ],
    ops: { list: ops.ConsoleEnterpriseListDocument, item: ops.ConsoleEnterpriseDocument, create: ops.ConsoleCreateEnterpriseDocument, update: ops.ConsoleUpdateEnterpriseDocument, remove: ops.ConsoleDeleteEnterpriseDocument },
  },
  {
    key: 'venues',
    typename: 'Venue',
    search: 'VENUE',
    label: ['体验场馆', 'Venues'],
    titleField: 'nameZh',
    fields: [
      slug,
      name,
      { name: 'kind', kind: 'enum', label: ['类型', 'Kind'], values: venueKinds, required: true },
      region(true),
      summary,
      { name: 'address', kind: 'text', label: ['地址', 'Address'], bilingual: true },
      { name: 'openingHours', kind: 'text', label: ['开放时间', 'Opening hours'], bilingual: true },
      latitude(true),
      longitude(true),
      { name: 'phone', kind: 'text', label: ['电话', 'Phone'] },
      { name: 'website', kind: 'url', label: ['网站', 'Website'] },
      pictures,
      brands,
      events,
    ],
    ops: { list: ops.ConsoleVenueListDocument, item: ops.ConsoleVenueDocument, create: ops.ConsoleCreateVenueDocument, update: ops.ConsoleUpdateVenueDocument, remove: ops.ConsoleDeleteVenueDocument },
  },
  {
    key: 'mediaCoverages',
    typename: 'MediaCoverage',
    search: 'MEDIA_COVERAGE',
    label: ['媒体报道', 'Media coverage'],
    titleField: 'titleZh',
    fields: [
      slug,
      title,
      { name: 'outlet', kind: 'text', label: ['媒体', 'Outlet'], required: true },
      { name: 'medium', kind: 'enum', label: ['媒介', 'Medium'], values: media, required: true },
      { name: 'publishedOn', kind: 'date', label: ['发表日期', 'Published on'], required: true },
      { name: 'author', kind: 'text', label: ['作者', 'Author'] },
      { name: 'url', kind: 'url', label: ['原文链接', 'Link'] },
      summary,
      { name: 'body', kind: 'longText', label: ['正文', 'Text'], bilingual: true },
      { name: 'videoURL', kind: 'url', label: ['视频链接', 'Video link'] },
      { name: 'image', kind: 'picture', label: ['配图', 'Image'] },
      { name: 'poster', kind: 'picture', label: ['视频封面', 'Poster'] },
      brands,
      roleModels,
      events,
    ],
    ops: { list: ops.ConsoleMediaCoverageListDocument, item: ops.ConsoleMediaCoverageDocument, create: ops.ConsoleCreateMediaCoverageDocument, update: ops.ConsoleUpdateMediaCoverageDocument, remove: ops.ConsoleDeleteMediaCoverageDocument },
  },
  {
    key: 'events',
    typename: 'Event',
    search: 'EVENT',
    label: ['活动', 'Events'],
    titleField: 'titleZh',
    fields: [
      slug,
      title,
      { name: 'kind', kind: 'enum', label: ['类型', 'Kind'], values: eventKinds, required: true },
      { name: 'startsAt', kind: 'datetime', label: ['开始时间（北京时间）', 'Starts (Beijing time)'], required: true },
      { name: 'endsAt', kind: 'datetime', label: ['结束时间（北京时间）', 'Ends (Beijing time)'], nullable: true },
      { name: 'allDay', kind: 'bool', label: ['全天', 'All day'] },
      { name: 'cancelled', kind: 'bool', label: ['已取消', 'Cancelled'] },
      region(true),
      { name: 'venue', kind: 'link', to: 'VENUE', label: ['场馆', 'Venue'] },
      { name: 'address', kind: 'text', label: ['地址', 'Address'], bilingual: true },
      latitude(),
      longitude(),
      { name: 'organiser', kind: 'text', label: ['主办方', 'Organiser'], bilingual: true },
      { name: 'registrationURL', kind: 'url', label: ['报名链接', 'Registration link'] },
      summary,
      { name: 'description', kind: 'longText', label: ['详细介绍', 'Description'], bilingual: true },
      pictures,
      brands,
      roleModels,
      coverage,
    ],
    ops: { list: ops.ConsoleEventListDocument, item: ops.ConsoleEventDocument, create: ops.ConsoleCreateEventDocument, update: ops.ConsoleUpdateEventDocument, remove: ops.ConsoleDeleteEventDocument },
  },
];

/** typeByKey finds a description by its URL key. */
export function typeByKey(key: string | null): ContentType | undefined {
  return contentTypes.find((c) => c.key === key);
}

/** cap upper-cases the first letter (roleModels → RoleModels). */
export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** inputNames are the GraphQL input fields a form field sets. */
export function inputNames(f: Field): string[] {
  if (f.bilingual) return [`${f.name}Zh`, `${f.name}En`];
  if (f.kind === 'region' || f.kind === 'link') return [`${f.name}ID`];
  if (f.kind === 'links') return [`${f.name.replace(/s$/, '')}IDs`];
  return [f.name];
}
