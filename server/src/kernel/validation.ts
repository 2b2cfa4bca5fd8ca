import { z } from 'zod';

// Zod's own Chinese messages ("无效输入：期望 string，实际接收 number"…).
z.config(z.locales.zhCN());

export { z };

/** Pagination shared by every list endpoint. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
};

export const idParam = (label: string) =>
  z.coerce
    .number({ error: `${label}须为编号（正整数）` })
    .int(`${label}须为编号（正整数）`)
    .positive(`${label}须为编号（正整数）`)
    .describe(label);

/** One of a fixed set of keys, with a Chinese message that names the field. */
export const oneOf = <K extends string>(keys: readonly K[], label: string) =>
  z.enum(keys as unknown as [K, ...K[]], { error: `${label}不在可选范围内` }).describe(label);

/** A label table's keys, typed as its keys. */
export const keysOf = <T extends Record<string, string>>(labels: T) => Object.keys(labels) as (keyof T & string)[];

/** In a response: one of a label table's keys (the database's CHECK holds the same set). */
export const keyOf = <T extends Record<string, string>>(labels: T) => z.enum(keysOf(labels) as [keyof T & string, ...(keyof T & string)[]]);

/** A required, trimmed, non-empty string with a maximum length. */
export const text = (label: string, max = 100) =>
  z
    .string()
    .trim()
    .min(1, `${label}不能为空`)
    .max(max, `${label}不能超过 ${max} 个字`)
    .describe(label);

/** An optional, clearable free-text field (null clears it). */
export const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`).nullable().optional().describe(label);

/** A calendar date, YYYY-MM-DD. */
export const day = (label: string) => z.iso.date({ error: `${label}须为日期，格式如 2024-05-01` }).describe(label);

function unwrap(s: z.ZodType): z.ZodType {
  let cur: z.ZodType = s;
  for (let i = 0; i < 10; i++) {
    const def = (cur as unknown as { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } }).def;
    if (def.innerType) cur = def.innerType;
    else if (def.type === 'pipe' && def.in) cur = def.in;
    else break;
  }
  return cur;
}

/** The description of a schema or of what it wraps (`day('入党日期').nullable()` is described inside). */
function described(s: z.ZodType): string | undefined {
  let cur: z.ZodType | undefined = s;
  for (let i = 0; cur && i < 10; i++) {
    if (cur.description) return cur.description;
    const def: { type: string; innerType?: z.ZodType; in?: z.ZodType } = (cur as unknown as { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } }).def;
    cur = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return undefined;
}

/** The Chinese label (schema description) of the field at path, or the path itself. */
export function fieldLabel(schema: unknown, path: (string | number)[]): string {
  let cur = schema instanceof z.ZodType ? schema : undefined;
  let label: string | undefined;
  for (const key of path) {
    if (!cur) break;
    const inner = unwrap(cur);
    if (inner instanceof z.ZodObject) cur = (inner.shape as Record<string, z.ZodType>)[String(key)];
    else if (inner instanceof z.ZodArray) cur = inner.element as z.ZodType;
    else cur = undefined;
    label = (cur && described(cur)) ?? label;
  }
  return label ?? path.join('.');
}
