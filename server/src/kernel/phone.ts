import { z } from './validation.ts';

// Phone numbers as people write them — "+86 138 1234 5678", "0086-138…",
// "138-1234-5678", "(+86)13812345678", full-width digits — kept in one form:
// a mobile as its 11 digits, a landline as area code, hyphen, number
// (0435-4222000), so the same number is always stored and masked alike.

// Beijing, Tianjin, Shanghai, Chongqing and the 02x cities have two-digit area codes; the rest three.
const TWO_DIGIT_AREA = /^0(10|2\d)/;

/** The number in its one form, or null when it is neither a mobile nor a landline with area code. */
export function normalizePhone(text: string, landline = false): string | null {
  let s = text.normalize('NFKC').replace(/[\s\-–—.·()（）]/g, '');
  const international = /^(\+|00)86/.exec(s);
  if (international) s = s.slice(international[0].length);
  else if (/^861\d{10}$/.test(s)) s = s.slice(2);
  if (!/^\d+$/.test(s)) return null;
  if (/^1\d{10}$/.test(s)) return s;
  if (!landline) return null;
  // Dialled from abroad the area code loses its trunk 0.
  if (international && !s.startsWith('0')) s = `0${s}`;
  if (!/^0\d{9,11}$/.test(s)) return null;
  const area = TWO_DIGIT_AREA.test(s) ? 3 : 4;
  const number = s.slice(area);
  return number.length >= 7 && number.length <= 8 ? `${s.slice(0, area)}-${number}` : null;
}

/**
 * A phone field of a request: accepted as written, answered in its one form.
 * `landline` also accepts fixed lines (an organization's or a venue's number).
 * Describe it again once wrapped (nullable, optional): OpenAPI reads the
 * outermost description of a transformed field.
 */
export const phone = (label: string, landline = false) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const normal = normalizePhone(v, landline);
      if (normal === null) {
        ctx.addIssue({
          code: 'custom',
          message: landline ? `${label}须为 11 位手机号，或带区号的固定电话（如 0435-4222000）` : `${label}须为 11 位手机号，以 1 开头`,
        });
        return z.NEVER;
      }
      return normal;
    })
    .describe(label);
