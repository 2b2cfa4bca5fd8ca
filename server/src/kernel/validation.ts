import { z } from 'zod';
import { defineErrors, isCode, say } from './errors.ts';

// Zod's own Chinese messages ("无效输入：期望 string，实际接收 number"…).
z.config(z.locales.zhCN());

export { z };

/**
 * The kernel's field rules. Their codes are the zod messages; the error
 * handler puts them into words with the field's label and the bound.
 */
export const V = defineErrors('field', {
  empty: { status: 400, zh: '{label}不能为空', en: '{label} must not be empty' },
  too_long: { status: 400, zh: '{label}不能超过 {maximum} 个字', en: '{label} must be at most {maximum} characters' },
  too_big: { status: 400, zh: '{label}不能超过 {maximum}', en: '{label} must be at most {maximum}' },
  id: { status: 400, zh: '{label}须为编号（正整数）', en: '{label} must be an id (a positive whole number)' },
  one_of: { status: 400, zh: '{label}不在可选范围内', en: '{label} is not one of the allowed values' },
  date: { status: 400, zh: '{label}须为日期，格式如 2024-05-01', en: '{label} must be a date such as 2024-05-01' },
  year_range: { status: 400, zh: '{label}须在 2000 年至 2100 年之间', en: '{label} must be between the years 2000 and 2100' },
  not_after: { status: 400, zh: '{label}不能晚于{other}', en: '{label} must not be later than {other}' },
  not_before: { status: 400, zh: '{label}不能早于{other}', en: '{label} must not be earlier than {other}' },
});

/** A zod issue's message in zh-CN, for reports written in Chinese (imports): a declared code is put into words. */
export function issueMessage(issue: z.core.$ZodIssue, schema: unknown): string {
  if (!isCode(issue.message)) return issue.message;
  const { path, code: _, message, ...rest } = issue as z.core.$ZodIssue & { params?: Record<string, string> };
  return say({ code: message, params: { ...(rest as Record<string, string>), ...rest.params, label: fieldLabel(schema, path as (string | number)[]) } }, 'zh-CN');
}

/** Pagination shared by every list endpoint. */
export const pageQuery = {
  // Past this the offset (page × size) leaves the integers a number holds exactly.
  page: z.coerce.number().int().min(1).max(1_000_000, V.too_big.code).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
};

export const idParam = (label: string) =>
  z.coerce
    .number({ error: V.id.code })
    .int(V.id.code)
    .positive(V.id.code)
    .describe(label);

/** One of a fixed set of keys, with a Chinese message that names the field. */
export const oneOf = <K extends string>(keys: readonly K[], label: string) =>
  z.enum(keys as unknown as [K, ...K[]], { error: V.one_of.code }).describe(label);

/** A label table's keys, typed as its keys. */
export const keysOf = <T extends Record<string, string>>(labels: T) => Object.keys(labels) as (keyof T & string)[];

/** In a response: one of a label table's keys (the database's CHECK holds the same set). */
export const keyOf = <T extends Record<string, string>>(labels: T) => z.enum(keysOf(labels) as [keyof T & string, ...(keyof T & string)[]]);

/** A required, trimmed, non-empty string with a maximum length. */
export const text = (label: string, max = 100) =>
  z
    .string()
    .trim()
    .min(1, V.empty.code)
    .max(max, V.too_long.code)
    .describe(label);

/** An optional, clearable free-text field (null clears it). */
export const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, V.too_long.code).nullable().optional().describe(label);

/** A calendar date, YYYY-MM-DD. */
export const day = (label: string) => z.iso.date({ error: V.date.code }).describe(label);

/**
 * A date a list is filtered by: the years the platform can hold records for
 * (as a year filter), so that no query asks the database about the year 1000.
 */
export const filterDay = (label: string) =>
  day(label).refine((v) => v >= '2000-01-01' && v <= '2100-12-31', V.year_range.code).describe(label);

/** A year of records (a ledger's, a report's), as a query parameter. */
export const year = z.coerce.number({ error: '年度须为年份' }).int('年度须为年份').min(2000, '年度须为 2000 年以后').max(2100, '年度须为 2100 年以前').describe('年度');

/**
 * A filter's from–to pair: an end before the start selects nothing and is a
 * mistake, refused naming both fields. Apply it last: zod cannot pick or omit
 * from an object that has a refinement.
 */
export function ordered<S extends z.ZodObject>(schema: S, from: keyof z.output<S> & string, to: keyof z.output<S> & string): S {
  const [start, end] = [fieldLabel(schema, [from]), fieldLabel(schema, [to])];
  return schema.superRefine((v: Record<string, unknown>, ctx) => {
    const [a, b] = [v[from], v[to]];
    if (a == null || b == null || (a as string | number) <= (b as string | number)) return;
    ctx.addIssue({ code: 'custom', path: [from], message: V.not_after.code, params: { other: { zh: end, en: to } } });
    ctx.addIssue({ code: 'custom', path: [to], message: V.not_before.code, params: { other: { zh: start, en: from } } });
  });
}

// C0 control characters except tab, newline and carriage return: PostgreSQL
// refuses NUL in text, and none of the others belongs in anything a person types.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** The paths of every string (or object key) in a parsed request part that holds a control character. */
export function controlCharacterPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return CONTROL.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacterPaths(v, [...path, i]));
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => (CONTROL.test(k) ? [[...path, k]] : controlCharacterPaths(v, [...path, k])));
}

/** The schema under optional/nullable/default/pipe wrappers, and the first label met on the way down. */
function unwrap(s: z.ZodType): { inner: z.ZodType; label?: string } {
  let cur: z.ZodType = s;
  let label = s.description;
  for (let i = 0; i < 10; i++) {
    const def = (cur as unknown as { def: { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType } }).def;
    if (def.innerType) cur = def.innerType;
    else if (def.type === 'pipe' && def.in) {
      // A field parsed then validated (a comma list) is labelled where it is validated.
      label ??= def.out && unwrap(def.out).label;
      cur = def.in;
    } else break;
    // `.optional()` after `.describe()` leaves the label on the wrapped schema.
    label ??= cur.description;
  }
  return { inner: cur, label };
}

/** The Chinese label (schema description) of the field at path, or the path itself. */
export function fieldLabel(schema: unknown, path: (string | number)[]): string {
  let cur = schema instanceof z.ZodType ? schema : undefined;
  let label: string | undefined;
  for (const key of path) {
    if (!cur) break;
    const { inner } = unwrap(cur);
    if (inner instanceof z.ZodObject) cur = (inner.shape as Record<string, z.ZodType>)[String(key)];
    else if (inner instanceof z.ZodArray) cur = inner.element as z.ZodType;
    else cur = undefined;
    label = (cur && unwrap(cur).label) ?? label;
  }
  return label ?? path.join('.');
}
