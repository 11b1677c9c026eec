import { describe, expect, it } from 'vitest';
import { formatDistance, formatNumber, paragraphs, pickLang } from '../src/text';
import { label, langFrom, t } from '../src/i18n';

describe('paragraphs', () => {
  it('splits at blank lines (also with CRLF and full-width spaces) and trims', () => {
    expect(paragraphs('第一段\n第一段续\n\n  第二段 \r\n\u3000\r\n第三段\n\n\n')).toEqual(['第一段\n第一段续', '第二段', '第三段']);
  });
  it('gives nothing for empty text', () => {
    expect(paragraphs('  \n\n ')).toEqual([]);
  });
});

describe('formatting', () => {
  it('uses 万 in Chinese and digit groups in English', () => {
    expect(formatNumber(980900, 'zh')).toBe('98.1万');
    expect(formatNumber(30000, 'zh')).toBe('3万');
    expect(formatNumber(9999, 'zh')).toBe('9,999');
    expect(formatNumber(980900, 'en')).toBe('980,900');
  });
  it('shows metres below a kilometre', () => {
    expect(formatDistance(0.4567)).toBe('457 m');
    expect(formatDistance(12.345)).toBe('12.3 km');
  });
});

describe('languages', () => {
  it('falls back to Chinese where English is missing', () => {
    expect(pickLang('en', '红安', '')).toBe('红安');
    expect(pickLang('en', '红安', null)).toBe('红安');
    expect(pickLang('en', '红安', 'Hong’an')).toBe('Hong’an');
    expect(pickLang('zh', '红安', 'Hong’an')).toBe('红安');
    expect(pickLang('en', ['一'], [])).toEqual(['一']);
  });
  it('translates interface text and enum labels', () => {
    expect(t('zh', 'search')).toBe('搜索');
    expect(t('en', 'search')).toBe('Search');
    expect(label('en', 'QUALITY_SERVICE')).toBe('Quality services');
    expect(label('zh', 'QUALITY_SERVICE')).toBe('品质服务型');
    expect(label('zh', 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
  it('reads the language from the URL, Chinese by default', () => {
    expect(langFrom(new URLSearchParams('lang=en'))).toBe('en');
    expect(langFrom(new URLSearchParams('lang=fr'))).toBe('zh');
    expect(langFrom(new URLSearchParams(''))).toBe('zh');
  });
});
