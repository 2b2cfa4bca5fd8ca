import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import type { Task } from './api';

/** A meeting task: what, to whom, by when, where it stands; the caller's buttons below. */
export function TaskCard({ task, children, showMeeting }: { task: Task; children?: ReactNode; showMeeting?: boolean }) {
  const { t, tx, enumLabel } = useI18n();
  return (
    <Card size="small" data-testid="task-card" data-task={task.id}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text strong>{tx(task.title)}</Typography.Text>
          <span>
            <Tag color={colorOf('MeetingTaskStatus', task.status)}>{enumLabel('MeetingTaskStatus', task.status)}</Tag>
            {task.overdue && <Tag color="red">{t('meetings.overdue')}</Tag>}
          </span>
        </Flex>
        <Typography.Text type="secondary">
          {tx(task.assigneeName)} · {tx(task.responsible)} · {t('meetings.deadline')} {task.deadline}
        </Typography.Text>
        {showMeeting && <Typography.Text type="secondary">{t('meetings.from', { meeting: tx(task.meetingTitle) })}</Typography.Text>}
        {task.progress && <Typography.Text>{t('meetings.note')}：{tx(task.progress)}</Typography.Text>}
        {task.evidence && <Typography.Text>{t('meetings.evidence')}：{tx(task.evidence)}</Typography.Text>}
        {children}
      </Flex>
    </Card>
  );
}
