import { describe, expect, it } from 'vitest';
import { computeOrgCodeCheckChar, computeUsccCheckChar, isValidUscc } from '../../src/ingest/uscc.ts';

// Publicly registered identifiers (national enterprise credit information system).
const REAL_CODES: Record<string, string> = {
  '华为技术有限公司': '914403001922038216',
  '深圳市腾讯计算机系统有限公司': '9144030071526726XG',
  '比亚迪股份有限公司': '91440300192317458F',
  '中国石油化工股份有限公司': '91110000710926094P',
  '小米科技有限责任公司': '91110108551385082Q',
  '百度在线网络技术（北京）有限公司': '91110000802100433B',
};

describe('computeUsccCheckChar', () => {
  it('reproduces the check character of real identifiers', () => {
    for (const id of Object.values(REAL_CODES)) {
      expect(computeUsccCheckChar(id.slice(0, 17))).toBe(id.charAt(17));
    }
  });

  it('maps a sum that is a multiple of 31 to 0', () => {
    // All zeros: Σ = 0, 31 − 0 = 31 → 0.
    expect(computeUsccCheckChar('00000000000000000')).toBe('0');
  });

  it('returns null for a wrong length or a character outside the set', () => {
    expect(computeUsccCheckChar('9144030019220382')).toBeNull();
    expect(computeUsccCheckChar('91440300192203821X')).toBeNull();
    expect(computeUsccCheckChar('9144030019220382I')).toBeNull();
    expect(computeUsccCheckChar('9144030019220382o')).toBeNull();
  });
});

describe('isValidUscc', () => {
  it('accepts real identifiers', () => {
    for (const [name, id] of Object.entries(REAL_CODES)) {
      expect(isValidUscc(id), name).toBe(true);
    }
  });

  it('rejects a wrong check character', () => {
    expect(isValidUscc('914403001922038217')).toBe(false);
    expect(isValidUscc('9144030071526726XH')).toBe(false);
    expect(isValidUscc('91440300192317458E')).toBe(false);
  });

  it('rejects a single changed character in the body', () => {
    expect(isValidUscc('914403001922038316')).toBe(false);
    expect(isValidUscc('924403001922038216')).toBe(false);
  });

  it('rejects wrong lengths, lower case and excluded letters', () => {
    expect(isValidUscc('')).toBe(false);
    expect(isValidUscc('91440300192203821')).toBe(false);
    expect(isValidUscc('9144030019220382166')).toBe(false);
    expect(isValidUscc('9144030071526726xg')).toBe(false);
    expect(isValidUscc('9144030071526726XI')).toBe(false);
  });

  it('rejects a division code that is not six digits even with a matching check character', () => {
    const first17 = '91A4030019220382' + '1';
    const check = computeUsccCheckChar(first17);
    expect(check).not.toBeNull();
    expect(isValidUscc(first17 + check)).toBe(false);
  });

  it('rejects an authority or type code outside the set', () => {
    expect(isValidUscc('I14403001922038216')).toBe(false);
    expect(isValidUscc('9O4403001922038216')).toBe(false);
  });
});

describe('computeOrgCodeCheckChar', () => {
  it('reproduces the organisation-code check of real identifiers, including X', () => {
    for (const id of Object.values(REAL_CODES)) {
      expect(computeOrgCodeCheckChar(id.slice(8, 16))).toBe(id.charAt(16));
    }
  });

  it('returns null for a malformed body', () => {
    expect(computeOrgCodeCheckChar('1922038')).toBeNull();
    expect(computeOrgCodeCheckChar('1922038a')).toBeNull();
  });
});
