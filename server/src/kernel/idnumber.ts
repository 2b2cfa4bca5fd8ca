import { regionToday } from './time.ts';

/**
 * Resident identity numbers (公民身份号码, GB 11643-1999): 6-digit area code,
 * 8-digit birth date, 3-digit sequence (odd for men), and an ISO 7064
 * MOD 11-2 check character. Legacy 15-digit numbers (two-digit year, no check
 * character) are converted to 18 digits.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkCharacter(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  return CHECK[sum % 11]!;
}

export interface IdNumber {
  /** The 18-character number, check character upper-case. */
  value: string;
  birthDate: string;
  gender: 'male' | 'female';
}

/** Parses and validates an identity number; returns a Chinese reason when it is not valid. */
export function parseIdNumber(input: string): IdNumber | { error: string } {
  let v = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (/^\d{15}$/.test(v)) {
    const body = `${v.slice(0, 6)}19${v.slice(6)}`;
    v = body + checkCharacter(body);
  } else if (!/^\d{17}[\dX]$/.test(v)) {
    return { error: '身份证号须为 18 位（末位可为 X）或旧式 15 位数字' };
  }
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth || birth > regionToday() || date.getUTCFullYear() < 1890) {
    return { error: `身份证号中的出生日期 ${birth} 不是有效日期` };
  }
  if (checkCharacter(v.slice(0, 17)) !== v[17]) return { error: '身份证号校验位不正确，请核对是否输错' };
  return { value: v, birthDate: birth, gender: Number(v[16]) % 2 === 1 ? 'male' : 'female' };
}
