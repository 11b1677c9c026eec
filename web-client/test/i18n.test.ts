import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../src/i18n';

describe('highlighted field names', () => {
  it('name the field in the page language, English columns included', () => {
    expect(fieldLabel('zh', 'story')).toBe('品牌故事');
    expect(fieldLabel('en', 'body')).toBe('Text');
    expect(fieldLabel('zh', 'bioEn')).toBe('人物简介（英文）');
    expect(fieldLabel('en', 'nameEn')).toBe('Name (English)');
  });
  it('show an unknown field as it is', () => {
    expect(fieldLabel('en', 'colour')).toBe('colour');
    expect(fieldLabel('zh', 'En')).toBe('En');
  });
});
