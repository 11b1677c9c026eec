// Interface text in Chinese (the default) and English. A key missing in
// English falls back to Chinese, as the API does for content.

export type Lang = 'zh' | 'en';

const zh = {
  siteTitle: '湖北劳务品牌展示',
  home: '首页',
  regions: '按地区',
  venues: '体验场馆',
  alliances: '品牌联盟',
  search: '搜索',
  featured: '重点推介品牌',
  keyFigures: '关键数据',
  brandCount: '劳务品牌',
  roleModelCount: '典型人物',
  venueCount: '体验场馆',
  allianceCount: '品牌联盟',
  mediaCoverageCount: '媒体报道',
  workersEmployed: '带动就业',
  workersExported: '劳务输出',
  story: '品牌故事',
  pictures: '图片',
  roleModels: '典型人物',
  coverage: '媒体报道',
  industry: '行业',
  region: '地区',
  founded: '创立年份',
  notFound: '没有找到这个页面。',
  backHome: '返回首页',
  loading: '加载中…',
  offline: '网络已断开，正在显示已保存的内容',
  loadFailed: '暂时无法加载，稍后自动重试。',
  retry: '重试',
  regionsTitle: '一县一品：湖北各地劳务品牌',
  noBrand: '暂无品牌',
  brandsIn: '个品牌',
  venuesTitle: '体验场馆与距离',
  chosenPoint: '从这里算距离',
  myLocation: '我的位置',
  radius: '范围',
  noVenues: '范围内没有场馆。',
  openingHours: '开放时间',
  address: '地址',
  alliancesTitle: '劳务品牌联盟',
  leadEnterprise: '牵头企业',
  members: '成员品牌',
  purpose: '宗旨',
  searchTitle: '记者检索',
  searchPlaceholder: '输入关键词，如 红安 培训',
  searchButton: '搜索',
  allTypes: '全部类型',
  allRegions: '全部地区',
  allCategories: '全部类别',
  allLevels: '全部级别',
  allMedia: '全部媒体',
  dateFrom: '起始日期',
  dateTo: '截止日期',
  results: '条结果',
  noResults: '没有找到结果。',
  nextPage: '下一页',
  firstPage: '第一页',
  searchHint: '多个词用空格分开，都要匹配；"引号"内为整体短语；支持拼音和首字母。',
  kioskStart: '触摸屏幕，了解湖北劳务品牌',
  kioskBack: '返回',
  kioskHomeButton: '回到首页',
  touchToStart: '触摸屏幕开始',
  language: 'English',
  sampleContent: '示例数据',
  website: '网站',
  phone: '电话',
  author: '作者',
  provincialLeading: '省级龙头企业',
  widgetMore: '查看更多',
  type: '类型',
  category: '类别',
  level: '级别',
  medium: '媒体',
  brands: '相关品牌',
  enterprises: '企业',
  parentRegion: '上级地区',
  subRegions: '下辖地区',
  seeAll: '查看全部',
  brandsTitle: '劳务品牌',
  inRegion: '本地',
  filters: '筛选条件',
  widgetEmpty: '这里暂时没有重点推介的品牌，欢迎浏览全部品牌。',
};

export type Key = keyof typeof zh;

const en: Partial<Record<Key, string>> = {
  siteTitle: 'Hubei Labor Brands',
  home: 'Home',
  regions: 'By region',
  venues: 'Venues',
  alliances: 'Alliances',
  search: 'Search',
  featured: 'Featured brands',
  keyFigures: 'Key figures',
  brandCount: 'Labor brands',
  roleModelCount: 'Role models',
  venueCount: 'Venues',
  allianceCount: 'Alliances',
  mediaCoverageCount: 'Media reports',
  workersEmployed: 'Workers employed',
  workersExported: 'Workers placed elsewhere',
  story: 'Story',
  pictures: 'Pictures',
  roleModels: 'Role models',
  coverage: 'Media coverage',
  industry: 'Industry',
  region: 'Region',
  founded: 'Founded',
  notFound: 'This page does not exist.',
  backHome: 'Back to the home page',
  loading: 'Loading…',
  offline: 'Offline: showing saved content',
  loadFailed: 'Cannot load right now; retrying shortly.',
  retry: 'Retry',
  regionsTitle: 'One county, one brand: Hubei by region',
  noBrand: 'No brand yet',
  brandsIn: 'brands',
  venuesTitle: 'Venues and their distance',
  chosenPoint: 'Measure from',
  myLocation: 'My location',
  radius: 'Radius',
  noVenues: 'No venue within this radius.',
  openingHours: 'Opening hours',
  address: 'Address',
  alliancesTitle: 'Labor brand alliances',
  leadEnterprise: 'Lead enterprise',
  members: 'Member brands',
  purpose: 'Purpose',
  searchTitle: 'Search for journalists',
  searchPlaceholder: 'Keywords, e.g. hongan training',
  searchButton: 'Search',
  allTypes: 'All types',
  allRegions: 'All regions',
  allCategories: 'All categories',
  allLevels: 'All levels',
  allMedia: 'All media',
  dateFrom: 'From',
  dateTo: 'To',
  results: 'results',
  noResults: 'Nothing found.',
  nextPage: 'Next page',
  firstPage: 'First page',
  searchHint: 'All words must match; "quotes" keep a phrase together; pinyin and initials work too.',
  kioskStart: 'Touch to discover the labor brands of Hubei',
  kioskBack: 'Back',
  kioskHomeButton: 'Start screen',
  touchToStart: 'Touch the screen to start',
  language: '中文',
  sampleContent: 'Sample content',
  website: 'Website',
  phone: 'Phone',
  author: 'Author',
  provincialLeading: 'Provincial leading enterprise',
  widgetMore: 'More',
  type: 'Type',
  category: 'Category',
  level: 'Level',
  medium: 'Medium',
  brands: 'Brands',
  enterprises: 'Enterprises',
  parentRegion: 'Part of',
  subRegions: 'Regions below',
  seeAll: 'See all',
  brandsTitle: 'Labor brands',
  inRegion: 'Local',
  filters: 'Filters',
  widgetEmpty: 'No featured brand here yet: browse all the brands.',
};

const enums: Record<string, [string, string]> = {
  HIGH_END_SKILLED: ['高端技能型', 'High-end skills'],
  QUALITY_SERVICE: ['品质服务型', 'Quality services'],
  CULTURE_TOURISM: ['文化旅游型', 'Culture and tourism'],
  LIVELIHOOD: ['民生保障型', 'Livelihood'],
  COUNTY: ['县级', 'County'],
  CITY: ['市级', 'City'],
  PROVINCIAL: ['省级', 'Provincial'],
  NATIONAL: ['国家级', 'National'],
  PROVINCE: ['省', 'Province'],
  PREFECTURE: ['市州', 'Prefecture'],
  BRAND: ['品牌', 'Brand'],
  ROLE_MODEL: ['典型人物', 'Role model'],
  ENTERPRISE: ['企业', 'Enterprise'],
  ALLIANCE: ['联盟', 'Alliance'],
  VENUE: ['场馆', 'Venue'],
  MEDIA_COVERAGE: ['媒体报道', 'Media coverage'],
  ONLINE: ['网络', 'Online'],
  NEWSPAPER: ['报纸', 'Newspaper'],
  MAGAZINE: ['杂志', 'Magazine'],
  RADIO: ['广播', 'Radio'],
  TV: ['电视', 'Television'],
  FILM: ['影片', 'Film'],
  FOUNDER: ['创立人', 'Founder'],
  INHERITOR: ['传承人', 'Inheritor'],
  CONTRIBUTOR: ['突出贡献者', 'Contributor'],
  AMBASSADOR: ['形象代言人', 'Ambassador'],
  SKILL_MASTER: ['技能大师', 'Skill master'],
  HERITAGE_WORKSHOP: ['非遗工坊', 'Heritage workshop'],
  EXPERIENCE_HALL: ['体验馆', 'Experience hall'],
  EXPERIENCE_STREET: ['体验街区', 'Experience street'],
  BUSINESS_DISTRICT: ['商圈', 'Business district'],
  INDUSTRIAL_PARK: ['产业园', 'Industrial park'],
  ENTREPRENEURSHIP_PARK: ['创业园', 'Entrepreneurship park'],
  TRAINING_BASE: ['培训基地', 'Training base'],
  INDUSTRY: ['行业联盟', 'Industry alliance'],
  REGION: ['区域联盟', 'Regional alliance'],
};

/** t gives the interface text for a key; English falls back to Chinese. */
export function t(lang: Lang, key: Key): string {
  return (lang === 'en' ? en[key] : undefined) ?? zh[key];
}

/** label names an enum value (category, level, type, medium, kind); unknown values show as they are. */
export function label(lang: Lang, value: string): string {
  const pair = enums[value];
  if (!pair) return value;
  return lang === 'en' ? pair[1] : pair[0];
}

// Names of the searchable text fields, as search highlights report them
// (README, "Search and feeds"); an English column is the same field with En.
const searchFields: Record<string, [string, string]> = {
  name: ['名称', 'Name'],
  title: ['标题', 'Title'],
  summary: ['简介', 'Summary'],
  story: ['品牌故事', 'Story'],
  bio: ['人物简介', 'Biography'],
  body: ['正文', 'Text'],
  purpose: ['宗旨', 'Purpose'],
  industry: ['行业', 'Industry'],
  honours: ['荣誉', 'Honours'],
  studio: ['工作室', 'Studio'],
  address: ['地址', 'Address'],
  outlet: ['媒体', 'Outlet'],
  author: ['作者', 'Author'],
  place: ['地区', 'Place'],
};

/** fieldLabel names a highlighted field ("story", "bodyEn"); unknown fields show as they are. */
export function fieldLabel(lang: Lang, field: string): string {
  const english = field.endsWith('En') && field.length > 2;
  const pair = searchFields[english ? field.slice(0, -2) : field];
  if (!pair) return field;
  const name = lang === 'en' ? pair[1] : pair[0];
  if (!english) return name;
  return lang === 'en' ? `${name} (English)` : `${name}（英文）`;
}

/** langFrom reads ?lang=en; anything else is Chinese. */
export function langFrom(search: URLSearchParams): Lang {
  return search.get('lang') === 'en' ? 'en' : 'zh';
}

/** apiLang is the GraphQL Language value. */
export function apiLang(lang: Lang): 'ZH' | 'EN' {
  return lang === 'en' ? 'EN' : 'ZH';
}
