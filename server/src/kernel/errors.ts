/** Errors that reach the client: a stable code, a Chinese message, and the fields at fault. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const invalid = (message: string, fields?: Record<string, string>) => new AppError(400, 'validation', message, fields);
export const invalidField = (field: string, message: string) => invalid(message, { [field]: message });
export const unauthenticated = (message = '请先登录') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message = '您没有执行此操作的权限') => new AppError(403, 'forbidden', message);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what}不存在，或不在您的管辖范围内`);
export const conflict = (message: string, fields?: Record<string, string>) => new AppError(409, 'conflict', message, fields);

/**
 * Named constraints are translated into field messages. Modules register the
 * constraints of their own tables beside their migrations (see each module's
 * schema.ts), so a database refusal reads like a form validation.
 */
const constraintMessages = new Map<string, { field: string; message: string }>();
export function registerConstraint(name: string, field: string, message: string): void {
  constraintMessages.set(name, { field, message });
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
  const known = e.constraint ? constraintMessages.get(e.constraint) : undefined;
  if (known) {
    const status = e.code === '23505' || e.code === '23P01' ? 409 : 400;
    return new AppError(status, status === 409 ? 'conflict' : 'validation', known.message, { [known.field]: known.message });
  }
  switch (e.code) {
    case '42501': // insufficient_privilege, including a row-level-security refusal
      return forbidden('该记录超出您的管辖范围');
    case '23505':
      return conflict('记录已存在');
    case '23P01':
      return conflict('与已有记录冲突');
    case '23503':
      return invalid('引用的记录不存在');
    case '23502':
      return invalid(`缺少必填项${e.column ? `：${e.column}` : ''}`, e.column ? { [e.column]: '必填' } : undefined);
    case '23514':
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    case '22001':
      return invalid('数据格式或取值不正确');
    default:
      return null;
  }
}
