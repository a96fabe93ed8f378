import { describe, expect, it } from 'vitest';
import { allowedStages, avatarHue, initials, stageGroup } from '../src/lifecycle.js';

describe('lifecycle groups', () => {
  it('never puts a customer in the lead group', () => {
    expect(stageGroup('lead')).toBe('lead');
    expect(stageGroup('opportunity')).toBe('lead');
    expect(stageGroup('customer')).toBe('customer');
    expect(stageGroup('evangelist')).toBe('customer');
    expect(stageGroup('churned')).toBe('churned');
  });

  it('offers a customer no lead stage to go back to', () => {
    expect(allowedStages('customer')).toEqual(['customer', 'evangelist', 'churned']);
    expect(allowedStages('churned')).toEqual(['customer', 'evangelist', 'churned']);
    expect(allowedStages('lead')).toContain('subscriber');
  });
});

describe('avatar', () => {
  it('takes whole characters for initials', () => {
    expect(initials('mara', 'okafor')).toBe('MO');
    expect(initials('Ábel', 'Øst')).toBe('ÁØ');
    expect(initials('👩🏽‍🚀', 'Space')).toBe('👩🏽‍🚀S');
    expect(initials('', '')).toBe('?');
  });
  it('keeps one hue per id', () => {
    expect(avatarHue('con_abc')).toBe(avatarHue('con_abc'));
    expect(avatarHue('con_abc')).toBeGreaterThanOrEqual(0);
    expect(avatarHue('con_abc')).toBeLessThan(360);
  });
});
