import { App, Button, Card, Empty, Flex, Input, Modal, Spin, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { regionWallClock } from '../../kernel/time';
import { colorOf } from '../../kernel/vocabulary';
import { meetingsApi, type Answer, type Meeting, type Task } from './api';
import { TaskCard } from './TaskCard';

type Step = 'accept' | 'report' | 'complete';

/**
 * A unit liaison's (or an assignee's) phone page: the meetings they are
 * invited to, answered with one tap, and the tasks given to their unit, taken
 * step by step with the buttons the server offers.
 */
export function MyTasksPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const invited = useLoad(() => meetingsApi.list({ invited: 'true' }), []);
  const tasks = useLoad(() => meetingsApi.tasks({ mine: 'true' }), []);
  const [writing, setWriting] = useState<{ task: Task; step: Exclude<Step, 'accept'> } | null>(null);
  const [text, setText] = useState('');

  const run = async (task: Task, step: Step, words = '') => {
    try {
      if (step === 'accept') await meetingsApi.accept(task.id);
      else if (step === 'report') await meetingsApi.progress(task.id, words);
      else await meetingsApi.complete(task.id, words);
      void message.success(t('meetings.done'));
      setWriting(null);
      setText('');
      tasks.reload();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Card className="gj-page-card">
      <Typography.Title level={5}>{t('meetings.myTasks')}</Typography.Title>
      <Spin spinning={tasks.loading}>
        {tasks.data?.length ? (
          <div className="gj-cards" data-testid="my-tasks">
            {tasks.data.map((task) => (
              <TaskCard key={task.id} task={task} showMeeting>
                <Flex vertical gap={8}>
                  {task.actions.filter((a): a is Step => a !== 'createNeed').map((a) => (
                    <Button key={a} size="large" block type={a === 'report' ? 'default' : 'primary'} data-testid={`task-${a}`}
                      onClick={() => (a === 'accept' ? run(task, a) : setWriting({ task, step: a }))}>
                      {t(`meetings.action.${a}`)}
                    </Button>
                  ))}
                </Flex>
              </TaskCard>
            ))}
          </div>
        ) : (
          <Empty description={t('meetings.noTasks')} className="gj-empty" />
        )}
      </Spin>
      <Typography.Title level={5}>{t('meetings.invited')}</Typography.Title>
      <Spin spinning={invited.loading}>
        {invited.data?.items.length ? (
          <div className="gj-cards" data-testid="my-meetings">
            {invited.data.items.map((m) => <InvitationCard key={m.id} meeting={m} />)}
          </div>
        ) : (
          <Empty description={t('meetings.noInvitations')} className="gj-empty" />
        )}
      </Spin>
      <Modal
        open={writing !== null}
        title={writing ? t(`meetings.action.${writing.step}`) : ''}
        onCancel={() => setWriting(null)}
        onOk={() => writing && run(writing.task, writing.step, text)}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ size: 'large', 'data-testid': 'task-step-submit' } as ButtonProps}
        destroyOnHidden
      >
        <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={writing?.step === 'complete' ? t('meetings.evidence') : t('meetings.note')} data-testid="task-step-text" />
      </Modal>
    </Card>
  );
}

/** An invitation, answered with one tap: the invitee's own row is all of the meeting's invitees they read. */
function InvitationCard({ meeting: m }: { meeting: Meeting }) {
  const { t, tx, enumLabel, enumOptions } = useI18n();
  const onError = useApiError();
  const detail = useLoad(() => meetingsApi.get(m.id), [m.id]);
  const [delegating, setDelegating] = useState(false);
  const [delegate, setDelegate] = useState('');
  const mine = detail.data?.invitees.find((i) => i.actions.includes('answer'));
  const answer = async (body: Answer) => {
    try {
      await meetingsApi.answer(mine!.id, body);
      setDelegating(false);
      detail.reload();
    } catch (err) {
      onError(err);
    }
  };
  const answered = detail.data?.invitees[0];
  return (
    <Card size="small" data-testid="meeting-card">
      <Flex vertical gap={6}>
        <Typography.Text strong>{tx(m.title)}</Typography.Text>
        <Typography.Text type="secondary">{[regionWallClock(m.startsAt).replace('T', ' '), tx(m.place)].filter(Boolean).join(' · ')}</Typography.Text>
        <span>
          <Tag color={colorOf('MeetingStatus', m.status)}>{enumLabel('MeetingStatus', m.status)}</Tag>
          {answered && <Tag color={colorOf('InviteeResponse', answered.response)} data-testid="invitation-response">{enumLabel('InviteeResponse', answered.response)}</Tag>}
        </span>
        {detail.data?.attachments.length ? (
          <Flex vertical gap={2} data-testid="invitation-attachments">
            {detail.data.attachments.map((a) => (
              <a key={a.id} href={meetingsApi.attachmentUrl(a.id)} download={a.name}>{enumLabel('MeetingAttachmentPurpose', a.purpose)}：{a.name}</a>
            ))}
          </Flex>
        ) : null}
        {mine && (
          <Flex gap={8} wrap>
            {enumOptions('InviteeResponse', ['attending', 'delegating', 'declined']).map((o) => (
              <Button key={o.value} size="large" style={{ flex: 1 }} data-testid={`answer-${o.value}`}
                onClick={() => (o.value === 'delegating' ? setDelegating(true) : answer({ response: o.value }))}>
                {o.label}
              </Button>
            ))}
          </Flex>
        )}
      </Flex>
      <Modal open={delegating} title={t('meetings.delegateName')} onCancel={() => setDelegating(false)} onOk={() => answer({ response: 'delegating', delegateName: delegate })}
        okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={{ size: 'large' }} destroyOnHidden>
        <Input size="large" value={delegate} onChange={(e) => setDelegate(e.target.value)} data-testid="answer-delegate" />
      </Modal>
    </Card>
  );
}
