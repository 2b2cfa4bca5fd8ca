import type { Queryable } from '../../kernel/db.ts';
import type { Scope } from '../../kernel/scope.ts';
import { TODO_KINDS, type TodoItem, type TodoSource } from '../../kernel/todo.ts';

const RANK = new Map(TODO_KINDS.values.map((v, i) => [v, i]));

/**
 * The caller's to-do (今日待办): every module's items for them, overdue work
 * first, then by kind in the vocabulary's order and by due date. A source
 * that fails fails the request: a missing item would read as nothing to do.
 */
export async function todo(q: Queryable, scope: Scope, sources: readonly TodoSource[]): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  // One connection: the sources run one after another.
  for (const source of sources) items.push(...(await source(q, scope)));
  return items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      RANK.get(a.kind)! - RANK.get(b.kind)! ||
      (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'),
  );
}
