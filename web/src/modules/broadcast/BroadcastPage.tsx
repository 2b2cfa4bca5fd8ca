import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { colorOf } from '../../kernel/vocabulary';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { broadcastApi, type BroadcastEvent, type Delivery, type NewSubscription, type Subscription } from './api';

const hhmm = (m: number | null) => (m === null ? '' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

/** 联盟推送: an organization's subscriptions (group robots), what was delivered and what failed, and the in-app messages. */
export function BroadcastPage() {
  const { t, tx, enumLabel, formatDateTime } = useI18n();
  const home = useHomeOrg();
  const onError = useApiError();
  const [orgId, setOrgId] = useState<number | undefined>(home);
  const [adding, setAdding] = useState(false);
  const subs = useLoad(() => broadcastApi.subscriptions(orgId), [orgId]);
  const deliveries = useLoad(() => broadcastApi.deliveries({ ...(orgId ? { orgId } : {}), page: 1, pageSize: 50 }), [orgId]);
  const events = useLoad(() => broadcastApi.events({ ...(orgId ? { orgId } : {}), page: 1, pageSize: 50 }), [orgId]);
  const reload = () => { subs.reload(); deliveries.reload(); };
  const act = (p: Promise<unknown>) => p.then(reload, (e) => onError(e));
  return (
    <Card className="gj-page-card">
      <Flex className="gj-toolbar" gap={8} wrap>
        <span className="gj-toolbar-search"><OrgTreeSelect value={orgId} allowClear onChange={setOrgId} data-testid="broadcast-org" /></span>
        <span className="gj-toolbar-spacer" />
        {subs.data?.actions.includes('create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="broadcast-add">{t('broadcast.add')}</Button>
        )}
      </Flex>
      <Tabs items={[
        {
          key: 'subs', label: t('broadcast.subscriptions'), children: (
            <Table<Subscription> rowKey="id" size="small" loading={subs.loading} dataSource={subs.data?.items} data-testid="broadcast-subscriptions" pagination={false}
              columns={[
                { title: t('broadcast.name'), dataIndex: 'name', render: (v: string, s) => <>{tx(v)} <Typography.Text type="secondary">{tx(s.orgName)}</Typography.Text></> },
                { title: t('broadcast.channel'), dataIndex: 'channel', render: (v: Subscription['channel'], s) => <><Tag color={colorOf('BroadcastChannel', v)}>{enumLabel('BroadcastChannel', v)}</Tag>{s.signed && <Tag>{t('broadcast.signed')}</Tag>}</> },
                { title: t('broadcast.targetHint'), dataIndex: 'targetHint', render: (v: string) => tx(v) },
                { title: t('broadcast.kinds'), dataIndex: 'kinds', render: (v: Subscription['kinds']) => v.map((k) => <Tag key={k} color={colorOf('EventKind', k)}>{enumLabel('EventKind', k)}</Tag>) },
                {
                  title: t('broadcast.mode'), dataIndex: 'mode', render: (v: Subscription['mode'], s) => (
                    <>{enumLabel('BroadcastMode', v)}{s.quietFrom !== null && <div>{t('broadcast.quiet', { from: hhmm(s.quietFrom), to: hhmm(s.quietTo) })}</div>}</>
                  ),
                },
                { title: t('broadcast.status'), key: 'state', render: (_: unknown, s) => <>{s.unsubscribed ? <Tag>{t('broadcast.unsubscribed')}</Tag> : !s.active && <Tag>{t('broadcast.off')}</Tag>}<span data-testid="broadcast-counts">{t('broadcast.counts', { sent: s.sent, failed: s.failed })}</span></> },
                {
                  key: 'actions', render: (_: unknown, s) => (
                    <Flex gap={4} wrap>
                      {s.actions.includes('edit') && <Button size="small" onClick={() => act(broadcastApi.edit(s.id, { active: !s.active }))}>{t(s.active ? 'broadcast.pause' : 'broadcast.resume')}</Button>}
                      {s.actions.includes('unsubscribe') && <Button size="small" onClick={() => act(broadcastApi.unsubscribe(s.id))}>{t('broadcast.unsubscribe')}</Button>}
                      {s.actions.includes('remove') && <Button size="small" danger onClick={() => act(broadcastApi.remove(s.id))}>{t('broadcast.remove')}</Button>}
                    </Flex>
                  ),
                },
              ]} />
          ),
        },
        {
          key: 'deliveries', label: t('broadcast.deliveries'), children: (
            <Table<Delivery> rowKey="id" size="small" loading={deliveries.loading} dataSource={deliveries.data?.items} data-testid="broadcast-deliveries" pagination={false}
              columns={[
                { title: t('broadcast.at'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
                { title: t('broadcast.name'), dataIndex: 'subscriptionName', render: (v: string) => tx(v) },
                { title: t('broadcast.event'), key: 'event', render: (_: unknown, d) => (d.digest ? t('broadcast.digest') : <>{d.eventKind && enumLabel('EventKind', d.eventKind)}：{tx(d.eventTitle)}</>) },
                { title: t('broadcast.status'), dataIndex: 'status', render: (v: Delivery['status']) => <Tag color={colorOf('DeliveryStatus', v)}>{enumLabel('DeliveryStatus', v)}</Tag> },
                { title: t('broadcast.attempts'), dataIndex: 'attempts' },
                { title: t('broadcast.lastError'), dataIndex: 'lastError', render: (v: string | null) => tx(v) },
              ]} />
          ),
        },
        {
          key: 'events', label: t('broadcast.events'), children: (
            <Table<BroadcastEvent> rowKey="id" size="small" loading={events.loading} dataSource={events.data?.items} data-testid="broadcast-events" pagination={false}
              columns={[
                { title: t('broadcast.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
                { title: t('broadcast.event'), dataIndex: 'kind', render: (v: BroadcastEvent['kind']) => <Tag color={colorOf('EventKind', v)}>{enumLabel('EventKind', v)}</Tag> },
                { title: t('broadcast.name'), dataIndex: 'title', render: (v: string) => tx(v) },
                { title: t('broadcast.org'), dataIndex: 'orgName', render: (v: string) => tx(v) },
              ]} />
          ),
        },
      ]} />
      {adding && <AddModal orgId={orgId ?? home} onClose={() => setAdding(false)} onDone={reload} />}
    </Card>
  );
}

function AddModal({ orgId, onClose, onDone }: { orgId: number | undefined; onClose: () => void; onDone: () => void }) {
  const { t, enumOptions } = useI18n();
  const required = (label: string) => [{ required: true, message: t('broadcast.required', { label }) }];
  const robots = enumOptions('BroadcastChannel');
  const [channel, setChannel] = useState<NewSubscription['channel']>('dingtalk');
  const robot = channel !== 'email' && channel !== 'sms';
  const targetLabel = robot ? t('broadcast.target') : t(channel === 'email' ? 'broadcast.targetEmail' : 'broadcast.targetSms');
  return (
    <FormModal<NewSubscription> open title={t('broadcast.add')} onClose={onClose} testId="broadcast-form"
      onValuesChange={(changed) => changed.channel && setChannel(changed.channel)}
      initialValues={{ orgId, channel: 'dingtalk', mode: 'immediate', kinds: ['need.claimed', 'need.overdue', 'meeting.task_assigned'] }}
      onSubmit={async (v) => { await broadcastApi.create(v); onDone(); }}>
      <Alert type="info" showIcon message={t('broadcast.secretNote')} style={{ marginBottom: 12 }} />
      <Form.Item name="orgId" label={t('broadcast.org')} rules={required(t('broadcast.org'))}><OrgTreeSelect /></Form.Item>
      <Form.Item name="channel" label={t('broadcast.channel')}><Select options={robots} data-testid="broadcast-channel" /></Form.Item>
      <Form.Item name="name" label={t('broadcast.name')} rules={required(t('broadcast.name'))}><Input data-testid="broadcast-name" /></Form.Item>
      <Form.Item name="target" label={targetLabel} rules={required(targetLabel)}>
        <Input data-testid="broadcast-target" autoComplete="off" inputMode={channel === 'sms' ? 'tel' : channel === 'email' ? 'email' : 'url'} />
      </Form.Item>
      {robot && <Form.Item name="secret" label={t('broadcast.secret')}><Input.Password data-testid="broadcast-secret" autoComplete="new-password" /></Form.Item>}
      <Form.Item name="kinds" label={t('broadcast.kinds')} rules={required(t('broadcast.kinds'))}><Select mode="multiple" options={enumOptions('EventKind')} /></Form.Item>
      <Form.Item name="mode" label={t('broadcast.mode')}><Select options={enumOptions('BroadcastMode')} /></Form.Item>
    </FormModal>
  );
}
