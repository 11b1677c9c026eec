// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { focus } from '../src/pages/common';

describe('a cropped picture keeps its focal point in view', () => {
  it('puts the object position at the point', () => {
    const img = focus(document.createElement('img'), { x: 0.25, y: 0.8 });
    expect(img.style.objectPosition).toBe('25% 80%');
  });
  it('leaves the centre without a point or with one outside the picture', () => {
    for (const p of [null, undefined, { x: 1.5, y: 0.5 }, { x: 0.5, y: -0.1 }]) {
      expect(focus(document.createElement('img'), p).style.objectPosition).toBe('');
    }
  });
});
