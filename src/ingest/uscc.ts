// 统一社会信用代码 (unified social credit identifier), GB 32100-2015.
//
// Layout of the 18 characters:
//   1      registration-authority code (登记管理部门代码)
//   2      entity type code (机构类别代码)
//   3–8    administrative division code (登记管理机关行政区划码), six digits
//   9–17   organisation code (主体标识码, GB 11714)
//   18     check character over the first 17

/** The 31 characters a USCC may contain (digits and capitals without I, O, S, V, Z). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const USCC_VALUE = new Map<string, number>([...USCC_CHARSET].map((ch, i) => [ch, i]));

const DIVISION_CODE = /^[0-9]{6}$/;

/** The GB 32100-2015 check character for the first 17 characters, or null if any is outside the character set. */
export function computeUsccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_VALUE.get(first17.charAt(i));
    if (value === undefined) return null;
    sum += value * (USCC_WEIGHTS[i] as number);
  }
  // 31 − (Σ mod 31), where a result of 31 wraps to 0.
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** True when `id` is 18 characters of the USCC set, has a six-digit division code and a correct check character. */
export function isValidUscc(id: string): boolean {
  if (id.length !== 18) return false;
  // Authority and type codes only need to be characters of the set: the registries keep
  // adding codes, so a closed list would reject real identifiers.
  if (!USCC_VALUE.has(id.charAt(0)) || !USCC_VALUE.has(id.charAt(1))) return false;
  if (!DIVISION_CODE.test(id.slice(2, 8))) return false;
  return computeUsccCheckChar(id.slice(0, 17)) === id.charAt(17);
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The GB 11714 check character (0–9 or X) of an 8-character organisation-code body, or null if malformed. */
export function computeOrgCodeCheckChar(body8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const code = body8.charCodeAt(i);
    // Digits count as themselves, letters as 10 + their position in the alphabet (A = 10).
    const value = code <= 57 ? code - 48 : code - 55;
    sum += value * (ORG_CODE_WEIGHTS[i] as number);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
