import { TODO_KINDS } from '../../kernel/todo.ts';
import { z } from '../../kernel/validation.ts';

export const TodoItem = z
  .object({
    kind: TODO_KINDS.schema,
    title: z.string().describe('名称（如实显示）'),
    count: z.number().int().nullable().describe('待办条数（一条记录时为空）'),
    dueOn: z.string().nullable().describe('到期日'),
    overdue: z.boolean().describe('已逾期'),
    link: z.string().describe('办理页面'),
  })
  .meta({ id: 'TodoItem' });

export const TodoList = z.object({ items: z.array(TodoItem) });
