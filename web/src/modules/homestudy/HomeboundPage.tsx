import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../kernel/FormModal';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { regionDate } from '../../kernel/time';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { colorOf } from '../../kernel/vocabulary';
import { activitiesApi } from '../activities/api';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { PersonSelect } from '../orgs/pickers';
import { homestudyApi, type Homebound, type StudyDelivery } from './api';

const DAY = 86_400_000;

type MarkValues = { personId: number; reason: Homebound['reason'] };
type ScheduleValues = { activityId: number; delivererPersonId: number; dueOn: string };

/** 送学上门 for the branch's staff: the members who cannot come, and the month's study sent to each as a member's task. */
export function HomeboundPage() {
  const { t, tx, enumLabel, enumOptions, formatDateTime } = useI18n();
  const [orgId, setOrgId] = useState<number | undefined>(useHomeOrg());
  const homebound = useLoad(() => homestudyApi.homebound(orgId), [orgId]);
  const deliveries = useLoad(() => homestudyApi.deliveries(orgId), [orgId]);
  // The month's study: themed party days of the weeks around today.
  const studies = useLoad(() => activitiesApi.list({ kind: 'party_day', when: 'all', from: regionDate(Date.now() - 35 * DAY), to: regionDate(Date.now() + 35 * DAY) }), []);
  const [modal, setModal] = useState<{ kind: 'mark' } | { kind: 'schedule'; h: Homebound } | null>(null);
  const reload = () => { homebound.reload(); deliveries.reload(); };
  return (
    <Card className="gj-page-card">
      <Flex className="gj-toolbar" gap={8} wrap>
        <span className="gj-toolbar-search"><OrgTreeSelect value={orgId} allowClear onChange={setOrgId} data-testid="homestudy-org" /></span>
        <span className="gj-toolbar-spacer" />
        {homebound.data?.actions.includes('create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'mark' })} data-testid="homestudy-mark">{t('homestudy.mark')}</Button>
        )}
      </Flex>
      <Table<Homebound> rowKey="id" size="small" loading={homebound.loading} dataSource={homebound.data?.items} data-testid="homestudy-members" pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('homestudy.noneMarked') }}
        columns={[
          { title: t('homestudy.member'), dataIndex: 'personName', render: (v: string) => tx(v) },
          { title: t('homestudy.org'), dataIndex: 'orgName', render: (v: string) => tx(v) },
          { title: t('homestudy.reason'), dataIndex: 'reason', render: (v: Homebound['reason']) => enumLabel('HomeboundReason', v) },
          { title: t('homestudy.since'), dataIndex: 'since' },
          {
            key: 'actions', render: (_: unknown, h) => h.actions.includes('schedule') && (
              <Button size="small" onClick={() => setModal({ kind: 'schedule', h })} data-testid="homestudy-schedule">{t('homestudy.schedule')}</Button>
            ),
          },
        ]} />
      <Typography.Title level={5}>{t('homestudy.deliveries')}</Typography.Title>
      <Table<StudyDelivery> rowKey="id" size="small" loading={deliveries.loading} dataSource={deliveries.data?.items} data-testid="homestudy-deliveries" pagination={{ pageSize: 20 }}
        columns={[
          { title: t('homestudy.member'), dataIndex: 'personName', render: (v: string) => tx(v) },
          { title: t('homestudy.studyActivity'), dataIndex: 'activityTitle', render: (v: string) => tx(v) },
          { title: t('homestudy.deliverer'), dataIndex: 'delivererName', render: (v: string) => tx(v) },
          { title: t('homestudy.dueOn'), dataIndex: 'dueOn' },
          {
            title: t('homestudy.status'), dataIndex: 'status',
            render: (v: StudyDelivery['status'], d) => (
              <>
                <Tag color={colorOf('StudyDeliveryStatus', v)}>{enumLabel('StudyDeliveryStatus', v)}</Tag>
                {d.deliveredAt && formatDateTime(d.deliveredAt)}
              </>
            ),
          },
        ]} />
      <FormModal<MarkValues> open={modal?.kind === 'mark'} title={t('homestudy.mark')} onClose={() => setModal(null)} testId="homestudy-mark-form"
        onSubmit={async (v) => { await homestudyApi.mark(v); reload(); }}>
        <Form.Item name="personId" label={t('homestudy.member')} rules={[{ required: true }]}><PersonSelect data-testid="homestudy-person" /></Form.Item>
        <Form.Item name="reason" label={t('homestudy.reason')} rules={[{ required: true }]}><Select options={enumOptions('HomeboundReason')} data-testid="homestudy-reason" /></Form.Item>
      </FormModal>
      <FormModal<ScheduleValues> open={modal?.kind === 'schedule'} title={t('homestudy.schedule')} onClose={() => setModal(null)} testId="homestudy-schedule-form"
        onSubmit={async (v) => { if (modal?.kind === 'schedule') await homestudyApi.schedule(modal.h.id, v); reload(); }}>
        <Form.Item name="activityId" label={t('homestudy.studyActivity')} rules={[{ required: true }]}>
          <Select options={(studies.data?.items ?? []).map((a) => ({ value: a.id, label: `${tx(a.title)} · ${formatDateTime(a.startsAt)}` }))} data-testid="homestudy-study" />
        </Form.Item>
        <Form.Item name="delivererPersonId" label={t('homestudy.deliverer')} rules={[{ required: true }]}><PersonSelect data-testid="homestudy-deliverer" /></Form.Item>
        <Form.Item name="dueOn" label={t('homestudy.dueOn')} rules={[{ required: true }]}><Input type="date" data-testid="homestudy-due" /></Form.Item>
      </FormModal>
    </Card>
  );
}
