import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../kernel/FormModal';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { today } from '../../kernel/time';
import { FilterTags, useUrlFilters } from '../../kernel/urlFilters';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { colorOf } from '../../kernel/vocabulary';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { receptionApi, type NewRepresentative, type NewVisit, type Representative } from './api';

/** 接待站 (两代表一委员): the roster with its duty, each visitor recorded once as a need, and the office's figures counted from both. */
export function ReceptionPage() {
  const { t, tx, enumLabel } = useI18n();
  const home = useHomeOrg();
  // The statistics page links here with the organization and its period.
  const url = useUrlFilters(['orgId', 'from', 'to'] as const, ['orgId']);
  const [orgId, setOrgId] = useState<number | undefined>(url.num('orgId') ?? home);
  const period = { ...(url.filters.from ? { from: url.filters.from } : {}), ...(url.filters.to ? { to: url.filters.to } : {}) };
  const roster = useLoad(() => receptionApi.representatives(orgId), [orgId]);
  const visits = useLoad(() => receptionApi.visits({ ...(orgId ? { orgId } : {}), ...period }), [orgId, period.from, period.to]);
  const figures = useLoad(() => receptionApi.figures({ ...(orgId ? { orgId } : {}), ...period }), [orgId, period.from, period.to]);
  const [modal, setModal] = useState<{ kind: 'add' } | { kind: 'slot' | 'visit'; rep: Representative } | null>(null);
  const reload = () => { roster.reload(); visits.reload(); figures.reload(); };
  return (
    <Card className="gj-page-card">
      <Flex className="gj-toolbar" gap={8} wrap>
        <span className="gj-toolbar-search"><OrgTreeSelect value={orgId} allowClear onChange={setOrgId} data-testid="reception-org" /></span>
        <span className="gj-toolbar-spacer" />
        {roster.data?.actions.includes('create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'add' })} data-testid="reception-add">{t('reception.add')}</Button>
        )}
      </Flex>
      <FilterTags tags={[...(period.from || period.to ? [{ key: 'period', label: `${period.from ?? ''} ~ ${period.to ?? ''}` }] : [])]}
        onRemove={() => url.unset('from', 'to')} />
      {figures.data && <Typography.Paragraph strong data-testid="reception-figures">{t('reception.figures', figures.data)}</Typography.Paragraph>}
      <Tabs items={[
        {
          key: 'roster', label: t('reception.roster'), children: (
            <Table<Representative> rowKey="id" size="small" loading={roster.loading} dataSource={roster.data?.items} data-testid="reception-roster" pagination={{ pageSize: 20 }}
              columns={[
                { title: t('reception.name'), dataIndex: 'name', render: (v: string) => tx(v) },
                { title: t('reception.kind'), dataIndex: 'kind', render: (v: Representative['kind']) => <Tag color={colorOf('RepresentativeKind', v)}>{enumLabel('RepresentativeKind', v)}</Tag> },
                { title: t('reception.constituency'), dataIndex: 'constituency', render: (v: string) => tx(v) },
                { title: t('reception.visits'), dataIndex: 'visits', render: (n: number) => t('reception.received', { n }) },
                {
                  key: 'actions', render: (_: unknown, r) => (
                    <Flex gap={4}>
                      {r.actions.includes('schedule') && <Button size="small" onClick={() => setModal({ kind: 'slot', rep: r })} data-testid="rep-schedule">{t('reception.schedule')}</Button>}
                      {r.actions.includes('recordVisit') && <Button size="small" type="primary" onClick={() => setModal({ kind: 'visit', rep: r })} data-testid="rep-visit">{t('reception.recordVisit')}</Button>}
                    </Flex>
                  ),
                },
              ]} />
          ),
        },
        {
          key: 'visits', label: t('reception.visits'), children: (
            <Table rowKey="id" size="small" loading={visits.loading} dataSource={visits.data} data-testid="reception-visits" pagination={{ pageSize: 20 }}
              columns={[
                { title: t('reception.visitedOn'), dataIndex: 'visitedOn' },
                { title: t('reception.name'), dataIndex: 'representativeName', render: (v: string) => tx(v) },
                { title: t('reception.title'), dataIndex: 'needTitle', render: (v: string | null) => tx(v) },
                { title: '', dataIndex: 'needStatus', render: (v: string | null) => v && <Tag color={colorOf('NeedStatus', v)}>{enumLabel('NeedStatus', v)}</Tag> },
              ]} />
          ),
        },
      ]} />
      {modal?.kind === 'add' && <AddModal orgId={orgId ?? home} onClose={() => setModal(null)} onDone={reload} />}
      {modal?.kind === 'slot' && <SlotModal rep={modal.rep} onClose={() => setModal(null)} onDone={reload} />}
      {modal?.kind === 'visit' && <VisitModal rep={modal.rep} onClose={() => setModal(null)} onDone={reload} />}
    </Card>
  );
}

function AddModal({ orgId, onClose, onDone }: { orgId: number | undefined; onClose: () => void; onDone: () => void }) {
  const { t, enumOptions } = useI18n();
  const required = (label: string) => [{ required: true, message: t('reception.required', { label }) }];
  return (
    <FormModal<NewRepresentative> open title={t('reception.add')} onClose={onClose} testId="rep-form" initialValues={{ orgId, kind: 'people_deputy' }}
      onSubmit={async (v) => { await receptionApi.create(v); onDone(); }}>
      <Form.Item name="orgId" label={t('reception.org')} rules={required(t('reception.org'))}><OrgTreeSelect /></Form.Item>
      <Form.Item name="kind" label={t('reception.kind')}><Select options={enumOptions('RepresentativeKind')} /></Form.Item>
      <Form.Item name="name" label={t('reception.name')} rules={required(t('reception.name'))}><Input data-testid="rep-name" /></Form.Item>
      <Form.Item name="constituency" label={t('reception.constituency')} rules={required(t('reception.constituency'))}><Input data-testid="rep-constituency" /></Form.Item>
    </FormModal>
  );
}

function SlotModal({ rep, onClose, onDone }: { rep: Representative; onClose: () => void; onDone: () => void }) {
  const { t, tx, enumOptions } = useI18n();
  return (
    <FormModal<{ onDate: string; period: 'morning' | 'afternoon' | 'full_day' }> open title={`${t('reception.schedule')}：${tx(rep.name)}`} onClose={onClose} testId="slot-form"
      initialValues={{ onDate: today(), period: 'morning' }} onSubmit={async (v) => { await receptionApi.addSlot(rep.id, v); onDone(); }}>
      <Form.Item name="onDate" label={t('reception.onDate')}><Input type="date" /></Form.Item>
      <Form.Item name="period" label={t('reception.period')}><Select options={enumOptions('DutyPeriod')} /></Form.Item>
    </FormModal>
  );
}

function VisitModal({ rep, onClose, onDone }: { rep: Representative; onClose: () => void; onDone: () => void }) {
  const { t, tx, enumOptions } = useI18n();
  const required = (label: string) => [{ required: true, message: t('reception.required', { label }) }];
  return (
    <FormModal<NewVisit> open title={`${t('reception.recordVisit')}：${tx(rep.name)}`} onClose={onClose} testId="visit-form"
      initialValues={{ representativeId: rep.id, visitedOn: today() }} onSubmit={async (v) => { await receptionApi.recordVisit({ ...v, representativeId: rep.id }); onDone(); }}>
      <Form.Item name="visitedOn" label={t('reception.visitedOn')}><Input type="date" /></Form.Item>
      <Form.Item name="category" label={t('reception.category')} rules={required(t('reception.category'))}><Select options={enumOptions('NeedCategory')} data-testid="visit-category" /></Form.Item>
      <Form.Item name="title" label={t('reception.title')} rules={required(t('reception.title'))}><Input data-testid="visit-title" /></Form.Item>
      <Form.Item name="description" label={t('reception.description')}><Input.TextArea rows={3} /></Form.Item>
      <Form.Item name="visitorName" label={t('reception.visitorName')} rules={required(t('reception.visitorName'))}><Input data-testid="visit-visitor" /></Form.Item>
      <Form.Item name="phone" label={t('reception.phone')}><Input /></Form.Item>
      <Form.Item name="address" label={t('reception.address')}><Input /></Form.Item>
    </FormModal>
  );
}
