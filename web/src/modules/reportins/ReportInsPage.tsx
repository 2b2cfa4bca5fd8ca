import { CheckOutlined, DownloadOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Card, Col, Empty, Flex, Form, Input, List, Popconfirm, Row, Select, Space, Statistic, Tabs } from 'antd';
import { useState } from 'react';
import { useMe } from '../../kernel/auth';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { useUrlFilters } from '../../kernel/urlFilters';
import { termOf } from '../../kernel/vocabulary';
import { peopleApi } from '../people/api';
import { holds } from '../../kernel/roles';
import { reportInsApi, type ReportIn } from './api';
import { Receipt } from './Receipt';
import { ReportInTable } from './ReportInTable';

/** Runs a step, says it worked, reloads; a refusal lands as a toast. */
function useStep(reload: () => void) {
  const { message } = App.useApp();
  const onError = useApiError();
  return (run: () => Promise<ReportIn>, done: (r: ReportIn) => string) =>
    run().then(
      (r) => {
        void message.success(done(r));
        reload();
      },
      (err: unknown) => onError(err),
    );
}

function IssueModal({ person, onClose, onIssued }: { person: { id: number; name: string }; onClose: () => void; onIssued: () => void }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const communities = useLoad(() => reportInsApi.communities(), []);
  return (
    <FormModal<{ orgId: number; note?: string }>
      open
      title={t('reportins.issueTitle', { name: tx(person.name) })}
      onClose={onClose}
      testId="reportin-issue"
      okText={t('reportins.issue')}
      onSubmit={async (v) => {
        await reportInsApi.issue({ personId: person.id, orgId: v.orgId, note: v.note || null });
        void message.success(t('reportins.issued'));
        onIssued();
      }}
    >
      <Form.Item name="orgId" label={t('reportins.community')} rules={[{ required: true, message: t('reportins.communityRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={communities.loading}
          data-testid="reportin-issue-community"
          options={(communities.data?.items ?? []).map((c) => ({ value: c.id, label: `${tx(c.name)}${c.street ? ` · ${tx(c.street)}` : ''}` }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('reportins.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function ExportButton({ unitId }: { unitId?: number }) {
  const { t } = useI18n();
  return (
    <Button icon={<DownloadOutlined />} href={reportInsApi.exportUrl(unitId)} download data-testid="reportins-export">
      {t('reportins.export')}
    </Button>
  );
}

/** The unit liaison: issues registrations for employed members, sees where they serve and the receipts. */
function UnitView({ unitId }: { unitId: number }) {
  const { t, tx } = useI18n();
  const records = useLoad(() => reportInsApi.list({ unitId }), [unitId]);
  const missing = useLoad(() => reportInsApi.unregistered(unitId), [unitId]);
  const [issuing, setIssuing] = useState<{ id: number; name: string } | null>(null);
  const [receipt, setReceipt] = useState<ReportIn | null>(null);
  const reload = () => {
    records.reload();
    missing.reload();
  };
  const step = useStep(reload);
  const action = (r: ReportIn) =>
    r.actions.includes('withdraw') ? (
      <Popconfirm title={t('reportins.withdrawConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => step(() => reportInsApi.withdraw(r.id), () => t('reportins.withdrawn'))}>
        <Button size="small" data-testid="reportin-withdraw">
          {t('reportins.withdraw')}
        </Button>
      </Popconfirm>
    ) : r.status === 'accepted' ? (
      <Button size="small" icon={<PrinterOutlined />} onClick={() => setReceipt(r)} data-testid="reportin-receipt">
        {t('reportins.printReceipt')}
      </Button>
    ) : null;
  return (
    <>
      <Tabs
        tabBarExtraContent={<ExportButton unitId={unitId} />}
        items={[
          {
            key: 'records',
            label: t('reportins.tabRecords'),
            children: <ReportInTable rows={records.data?.items} loading={records.loading} counterpart="community" action={action} testId="reportins-unit" />,
          },
          {
            key: 'unregistered',
            label: <span data-testid="tab-unregistered">{`${t('reportins.tabUnregistered')} (${missing.data?.items.length ?? 0})`}</span>,
            children: (
              <List
                data-testid="reportins-unregistered"
                loading={missing.loading}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reportins.unregisteredEmpty')} /> }}
                dataSource={missing.data?.items ?? []}
                renderItem={(p) => (
                  <List.Item
                    data-testid="unregistered-member"
                    actions={[
                      <Button key="issue" type="primary" size="small" icon={<SendOutlined />} onClick={() => setIssuing(p)} data-testid="reportin-issue-button">
                        {t('reportins.issue')}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta title={tx(p.name)} description={tx(p.orgName)} />
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
      {issuing && <IssueModal person={issuing} onClose={() => setIssuing(null)} onIssued={reload} />}
      {receipt && <Receipt reportIn={receipt} onClose={() => setReceipt(null)} />}
    </>
  );
}

/** The community: accepts (and prints the receipt) or declines with a reason; sees reported members beside its own. */
function CommunityView() {
  const { t, tx, enumOptions } = useI18n();
  const { message } = App.useApp();
  // The status filter is in the address: the home page's to-do links to the pending ones (?status=issued).
  const url = useUrlFilters(['status'] as const);
  const status = termOf('ReportInStatus', url.filters.status) ? (url.filters.status as ReportIn['status']) : undefined;
  const setStatus = (s: ReportIn['status'] | undefined) => url.set('status', s);
  const records = useLoad(() => reportInsApi.list({ status }), [status]);
  const counts = useLoad(() => reportInsApi.counts(), []);
  const own = useLoad(() => peopleApi.list({ kind: 'member', page: 1, pageSize: 1 }), []);
  const [declining, setDeclining] = useState<ReportIn | null>(null);
  const [receipt, setReceipt] = useState<ReportIn | null>(null);
  const reload = () => {
    records.reload();
    counts.reload();
  };
  const step = useStep(reload);
  const accept = (r: ReportIn) =>
    step(
      () => reportInsApi.accept(r.id),
      (done) => {
        setReceipt(done);
        return t('reportins.accepted', { no: done.receiptNo ?? '' });
      },
    );
  const action = (r: ReportIn) =>
    r.actions.includes('accept') || r.actions.includes('decline') ? (
      <Space wrap>
        {r.actions.includes('accept') && (
          <Popconfirm title={t('reportins.acceptConfirm', { name: tx(r.personName) })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => accept(r)}>
            <Button size="small" type="primary" icon={<CheckOutlined />} data-testid="reportin-accept">
              {t('reportins.accept')}
            </Button>
          </Popconfirm>
        )}
        {r.actions.includes('decline') && (
          <Button size="small" danger onClick={() => setDeclining(r)} data-testid="reportin-decline">
            {t('reportins.decline')}
          </Button>
        )}
      </Space>
    ) : r.status === 'accepted' ? (
      <Button size="small" icon={<PrinterOutlined />} onClick={() => setReceipt(r)} data-testid="reportin-receipt">
        {t('reportins.printReceipt')}
      </Button>
    ) : null;
  return (
    <>
      <Row gutter={[12, 12]} className="gj-toolbar">
        <Col xs={8}>
          <Statistic title={t('reportins.ownMembers')} value={own.data?.total ?? 0} loading={own.loading} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('reportins.reportedMembers')} value={counts.data?.accepted ?? 0} loading={counts.loading} data-testid="reported-count" />
        </Col>
        <Col xs={8}>
          <Statistic title={t('reportins.pending')} value={counts.data?.issued ?? 0} loading={counts.loading} />
        </Col>
      </Row>
      <Flex className="gj-toolbar" gap={8} wrap>
        <Select
          allowClear
          className="gj-toolbar-select"
          placeholder={t('reportins.status')}
          value={status}
          onChange={setStatus}
          options={enumOptions('ReportInStatus')}
          data-testid="reportins-filter"
        />
        <ExportButton />
      </Flex>
      <ReportInTable rows={records.data?.items} loading={records.loading} counterpart="unit" action={action} testId="reportins-community" />
      {declining && (
        <FormModal<{ reason: string }>
          open
          title={t('reportins.declineTitle', { name: tx(declining.personName) })}
          onClose={() => setDeclining(null)}
          testId="reportin-decline"
          okText={t('reportins.decline')}
          onSubmit={async ({ reason }) => {
            await reportInsApi.decline(declining.id, reason);
            void message.success(t('reportins.declined'));
            reload();
          }}
        >
          <Form.Item name="reason" label={t('reportins.declineReason')} rules={[{ required: true, whitespace: true, message: t('reportins.declineReasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={200} data-testid="reportin-decline-reason" />
          </Form.Item>
        </FormModal>
      )}
      {receipt && <Receipt reportIn={receipt} onClose={() => setReceipt(null)} />}
    </>
  );
}

/** The member, on a phone: their registration, and the service they commit to once the community has accepted. */
function MemberView() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const records = useLoad(() => reportInsApi.list(), []);
  const [form] = Form.useForm<{ serviceItem: string; commitment: string }>();
  const mine = records.data?.items.find((r) => r.status === 'accepted') ?? records.data?.items[0];
  const suggestions = t('reportins.serviceItems').split(',').map((value) => ({ value }));
  if (!mine) return <Empty description={t('reportins.empty')} />;
  const commit = async (v: { serviceItem: string; commitment: string }) => {
    try {
      const updated = await reportInsApi.commit(mine.id, v);
      records.setData({ ...records.data!, items: (records.data?.items ?? []).map((r) => (r.id === updated.id ? updated : r)) });
      void message.success(t('reportins.committed'));
    } catch (err) {
      onError(err, form);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ReportInTable rows={[mine]} loading={records.loading} counterpart="community" action={() => null} testId="reportins-mine" />
      {mine.actions.includes('commit') && (
        <Card size="small" title={t('reportins.commit')} data-testid="reportin-commit-card">
          <Form form={form} layout="vertical" initialValues={{ serviceItem: mine.serviceItem ?? undefined, commitment: mine.commitment ?? undefined }} onFinish={(v) => void commit(v)}>
            <Form.Item name="serviceItem" label={t('reportins.serviceItem')} rules={[{ required: true, whitespace: true, message: t('reportins.serviceItemRequired') }]}>
              <AutoComplete options={suggestions} data-testid="reportin-service-item" />
            </Form.Item>
            <Form.Item name="commitment" label={t('reportins.commitment')} rules={[{ required: true, whitespace: true, message: t('reportins.commitmentRequired') }]}>
              <Input.TextArea rows={3} maxLength={500} placeholder={t('reportins.commitmentPlaceholder')} data-testid="reportin-commitment" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block data-testid="reportin-commit-submit">
              {t('reportins.commit')}
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}

/** 双报到: each role sees its side — the unit, the community, the member. */
export function ReportInsPage() {
  const me = useMe();
  const { t, tx } = useI18n();
  // The sides of dual registration the caller works, as the server answers; the units are those their grants name.
  const sides = useLoad(() => reportInsApi.list({ status: 'issued' }), []).data?.actions ?? [];
  const units = sides.includes('issue') ? me.grants.filter((g) => g.unitId !== null) : [];
  return (
    <div className="gj-stack">
      {units.map((g) => (
        <Card key={g.id} title={`${t('reportins.unitTitle')} · ${tx(g.unitName)}`} className="gj-page-card">
          <UnitView unitId={g.unitId!} />
        </Card>
      ))}
      {sides.includes('receive') && (
        <Card title={t('reportins.communityTitle')} className="gj-page-card">
          <CommunityView />
        </Card>
      )}
      {holds(me, ['member']) && (
        <Card title={t('reportins.memberTitle')} className="gj-page-card">
          <MemberView />
        </Card>
      )}
    </div>
  );
}
