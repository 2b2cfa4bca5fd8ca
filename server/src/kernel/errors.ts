import { createRequire } from 'node:module';
import { taiwanConverter } from './taiwan.ts';

/**
 * Refusals that reach the client. Each has a stable code (`need.already_claimed`)
 * declared once, with parameters and its message in zh-CN and English (zh-TW
 * derived from zh-CN by OpenCC unless written), so the web can show it in the
 * user's language and tests can assert the code rather than the wording.
 */

export const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A phrase in every language: zh-CN and English written, zh-TW derived from zh-CN unless written. */
export interface Text {
  zh: string;
  en: string;
  tw?: string;
}
export type Param = string | number | Text | Said;
export type Params = Record<string, Param>;

/** A refusal (or a field's part of one) as data: the code and its parameters. */
export interface Said {
  code: string;
  params: Params;
}

export type Status = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500;

interface Entry extends Text {
  /** A refusal's; a message that is no refusal (defineMessages) has none. */
  status?: Status;
}

const catalog = new Map<string, Entry>();

/** Every code the server can answer with (for the catalog test). */
export function catalogEntries(): [string, Entry][] {
  return [...catalog.entries()];
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Params = {},
    readonly fields?: Record<string, Said>,
  ) {
    // The zh-CN sentence, for logs and for the few places that put it into a report.
    super(say({ code, params }, 'zh-CN'));
  }

  /** The same refusal, also shown beside the field at fault. */
  on(field: string, said: Said = { code: this.code, params: this.params }): AppError {
    return new AppError(this.status, this.code, this.params, { ...this.fields, [field]: said });
  }

  /** The field messages, as zh-CN sentences (for import reports, which are written in Chinese). */
  fieldMessages(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.fields ?? {}).map(([f, s]) => [f, say(s, 'zh-CN')]));
  }
}

/** The `{name}`s in a message. */
type ParamsOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamsOf<Rest> : never;

export interface Refusal {
  status: Status;
  zh: string;
  en: string;
  /** Only where OpenCC's character mapping reads wrongly in Taiwan. */
  tw?: string;
  /** The field the refusal is about, when always the same one. */
  field?: string;
}

export type Thrower<R extends Refusal> = ([ParamsOf<R['zh']>] extends [never] ? () => AppError : (params: Record<ParamsOf<R['zh']>, Param>) => AppError) & {
  /** The code, also usable as a zod message (see the error handler). */
  readonly code: string;
};

/**
 * A module's refusals, one catalog entry each: `defineErrors('need', {
 * already_claimed: { status: 409, zh: '…', en: '…' } })` registers
 * `need.already_claimed` and returns a typed constructor for it.
 */
export function defineErrors<const D extends Record<string, Refusal>>(module: string, refusals: D): { [K in keyof D]: Thrower<D[K]> } {
  const out: Record<string, unknown> = {};
  for (const [name, r] of Object.entries(refusals)) {
    const code = `${module}.${name}`;
    if (catalog.has(code)) throw new Error(`error code ${code} is declared twice`);
    catalog.set(code, { status: r.status, zh: r.zh, en: r.en, ...(r.tw ? { tw: r.tw } : {}) });
    const make = (params: Params = {}) => {
      const e = new AppError(r.status, code, params);
      return r.field ? e.on(r.field) : e;
    };
    out[name] = Object.assign(make, { code });
  }
  return out as { [K in keyof D]: Thrower<D[K]> };
}

/** A sentence the server says that is no refusal (a report's detail), as data: rendered with `say` in the answer's language. */
export type Message<S extends string> = [ParamsOf<S>] extends [never] ? () => Said : (params: Record<ParamsOf<S>, Param>) => Said;

/**
 * Sentences a module says outside refusals, in the same catalog and languages
 * as its refusals (`kernel/errors.test.ts` checks them alike):
 * `defineMessages('grid', { gap_without_branch: { zh: '…{community}…', en: '…' } })`
 * registers `grid.gap_without_branch`; the route renders what it returns with
 * `say(said, langOf(req.headers['accept-language']))`. A name stays as typed.
 */
export function defineMessages<const D extends Record<string, Text>>(module: string, messages: D): { [K in keyof D]: Message<D[K]['zh']> } {
  const out: Record<string, unknown> = {};
  for (const [name, m] of Object.entries(messages)) {
    const code = `${module}.${name}`;
    if (catalog.has(code)) throw new Error(`message code ${code} is declared twice`);
    catalog.set(code, { zh: m.zh, en: m.en, ...(m.tw ? { tw: m.tw } : {}) });
    out[name] = (params: Params = {}): Said => ({ code, params });
  }
  return out as { [K in keyof D]: Message<D[K]['zh']> };
}

/** Whether a string is a declared code (zod messages that are codes are localized). */
export const isCode = (s: string) => catalog.has(s);

let cn2tw: ((s: string) => string) | null = null;
/** Loaded on the first zh-TW answer only: the dictionaries are large. Taiwan usage as the web has it (kernel/taiwan.ts). */
function traditional(s: string): string {
  cn2tw ??= taiwanConverter(createRequire(import.meta.url)('opencc-js/cn2t') as Parameters<typeof taiwanConverter>[0]);
  return cn2tw(s);
}

/** A phrase in a language. */
export function inLang(text: Text, lang: Lang): string {
  if (lang === 'en') return text.en;
  if (lang === 'zh-TW') return text.tw ?? traditional(text.zh);
  return text.zh;
}

/** The sentence for a code and its parameters, in a language. */
export function say({ code, params }: Said, lang: Lang): string {
  const entry = catalog.get(code);
  if (!entry) return code;
  return inLang(entry, lang).replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = params[name];
    if (v === undefined) return all;
    if (typeof v !== 'object') return String(v);
    return 'code' in v ? say(v, lang) : inLang(v, lang);
  });
}

/**
 * The language to answer in: the web sends its chosen one as Accept-Language;
 * without one, zh-CN.
 */
export function langOf(acceptLanguage: string | string[] | undefined): Lang {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (/^zh-(tw|hk|mo|hant)/.test(tag)) return 'zh-TW';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

const kernel = defineErrors('kernel', {
  unauthenticated: { status: 401, zh: '请先登录', en: 'Please sign in first' },
  forbidden: { status: 403, zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  out_of_scope: { status: 403, zh: '该记录超出您的管辖范围', en: 'This record is outside your jurisdiction' },
  not_found: { status: 404, zh: '{what}不存在，或不在您的管辖范围内', en: '{what} not found, or outside your jurisdiction' },
  exists: { status: 409, zh: '记录已存在', en: 'The record already exists' },
  clashes: { status: 409, zh: '与已有记录冲突', en: 'This conflicts with an existing record' },
  missing_reference: { status: 400, zh: '引用的记录不存在', en: 'A referenced record does not exist' },
  required_column: { status: 400, zh: '缺少必填项：{column}', en: 'Missing required value: {column}' },
  required: { status: 400, zh: '必填', en: 'Required' },
  required_any: { status: 400, zh: '缺少必填项', en: 'A required value is missing' },
  bad_value: { status: 400, zh: '数据格式或取值不正确', en: 'A value has the wrong format or is out of range' },
});

export const unauthenticated = kernel.unauthenticated;
/** `what` names the record: `notFound({ zh: '需求', en: 'Need' })`. */
export const notFound = (what: Text) => kernel.not_found({ what });

/** The generic refusal; a module declares its own when it can say why. */
export const forbidden = () => kernel.forbidden();

/**
 * Named constraints are translated into field errors. Modules register the
 * constraints of their own tables beside their migrations (see each module's
 * schema.ts) with one of their declared refusals, so a database refusal reads
 * like a form validation.
 */
const constraintRefusals = new Map<string, { field: string; refusal: () => AppError }>();
export function registerConstraint(name: string, field: string, refusal: () => AppError): void {
  constraintRefusals.set(name, { field, refusal });
}

interface PgError {
  code?: string;
  constraint?: string;
  message?: string;
  column?: string;
}

/** Maps a PostgreSQL error (pg or PGlite; both carry SQLSTATE in .code) to a client error, or null if it is a server fault. */
export function fromDatabaseError(err: unknown): AppError | null {
  const e = err as PgError;
  if (typeof e?.code !== 'string' || e.code.length !== 5) return null;
  const known = e.constraint ? constraintRefusals.get(e.constraint) : undefined;
  if (known) return known.refusal().on(known.field);
  switch (e.code) {
    case '42501': // insufficient_privilege, including a row-level-security refusal
      return kernel.out_of_scope();
    case '23505':
      return kernel.exists();
    case '23P01':
      return kernel.clashes();
    case '23503':
      return kernel.missing_reference();
    case '23502':
      return e.column ? kernel.required_column({ column: e.column }).on(e.column, { code: kernel.required.code, params: {} }) : kernel.required_any();
    case '23514':
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    case '22001':
      return kernel.bad_value();
    default:
      return null;
  }
}
