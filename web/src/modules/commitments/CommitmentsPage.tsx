import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Tabs } from 'antd';
import { useState } from 'react';
import { useMe } from '../../kernel/auth';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { ADMIN_ROLES, holds } from '../../kernel/roles';
import { regionInstant, thisYear } from '../../kernel/time';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { reportInsApi } from '../reportins/api';
import { commitmentsApi } from './api';
import { useUrlFilters } from '../../kernel/urlFilters';
import { CommitmentDrawer, ReportDrawer } from './Drawers';
import { COMMITMENT_URL_FILTERS, CommitmentList, NewCommitmentModal, ReportList } from './Lists';

interface WindowValues { title: string; year: number; opensAt: string; closesAt: string }

/** The community opens a report window: the drafts of every commitment in force are made at once. */
function OpenWindow({ orgId, onOpened }: { orgId: number; onOpened: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<WindowValues>();
  const [open, setOpen] = useState(false);
  const submit = async (v: WindowValues) => {
    try {
      const w = await commitmentsApi.openWindow({ orgId, title: v.title, year: v.year, opensAt: regionInstant(v.opensAt), closesAt: regionInstant(v.closesAt) });
      void message.success(t('commitments.windowOpened', { n: w.reports }));
      setOpen(false);
      onOpened();
    } catch (err) {
      onError(err, form);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="commitment-open-window">{t('commitments.openWindow')}</Button>
      <Modal open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} title={t('commitments.openWindow')} destroyOnHidden>
        <Form<WindowValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ year: thisYear() }}>
          <Form.Item name="title" label={t('commitments.windowTitle')} rules={[{ required: true }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="year" label={t('commitments.year')}><InputNumber min={2000} max={2100} /></Form.Item>
          <Form.Item name="opensAt" label={t('commitments.opensAt')} rules={[{ required: true }]}><Input type="datetime-local" /></Form.Item>
          <Form.Item name="closesAt" label={t('commitments.closesAt')} rules={[{ required: true }]}><Input type="datetime-local" /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Staff and unit liaisons: pledges to draft and sign, reports to publish, results to read. */
export function CommitmentsPage() {
  const { t } = useI18n();
  const me = useMe();
  const home = useHomeOrg();
  const liaison = me.grants.find((g) => g.role === 'unit_liaison' && g.unitId !== null);
  const [drafting, setDrafting] = useState(false);
  // A figure links to one record (?commitmentId=, ?reportId=) or to a filtered list (?personId=&year=).
  const url = useUrlFilters([...COMMITMENT_URL_FILTERS, 'commitmentId', 'reportId'] as const, ['personId', 'unitId', 'year', 'commitmentId', 'reportId']);
  const [openId, setOpenId] = useState<number | null>(url.num('commitmentId') ?? null);
  const [reportId, setReportId] = useState<number | null>(url.num('reportId') ?? null);
  const [tab, setTab] = useState(reportId === null ? 'commitments' : 'reports');
  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey((k) => k + 1);
  return (
    <Card title={t('commitments.menu')} className="gj-page-card"
      extra={
        <Flex gap={8}>
          {liaison && <Button type="primary" onClick={() => setDrafting(true)} data-testid="commitment-new-pledge">{t('commitments.newPledge')}</Button>}
          {home !== undefined && holds(me, ADMIN_ROLES) && <OpenWindow orgId={home} onOpened={reload} />}
        </Flex>
      }>
      <Tabs activeKey={tab} onChange={setTab} items={[
        { key: 'commitments', label: t('commitments.tabCommitments'), children: <CommitmentList reloadKey={reloadKey} url={url} /> },
        { key: 'reports', label: <span data-testid="commitment-tab-reports">{t('commitments.tabReports')}</span>, children: <ReportList reloadKey={reloadKey} /> },
      ]} />
      {liaison && (
        <NewCommitmentModal open={drafting} onClose={() => setDrafting(false)} title={t('commitments.newPledge')}
          base={{ kind: 'unit', orgId: liaison.orgId, unitId: liaison.unitId! }}
          onCreated={(id) => (setDrafting(false), reload(), setOpenId(id))} />
      )}
      <CommitmentDrawer id={openId} onClose={() => (setOpenId(null), url.set('commitmentId', undefined))} onChanged={reload} />
      <ReportDrawer id={reportId} onClose={() => (setReportId(null), url.set('reportId', undefined))} onChanged={reload} />
    </Card>
  );
}

/** A member's phone page: my commitments (with what the records show) and my reports. */
export function MyCommitmentsPage() {
  const { t, tx } = useI18n();
  const me = useMe();
  const grant = me.grants.find((g) => g.role === 'member');
  const [community, setCommunity] = useState<number>();
  const communities = useLoad(grant ? () => reportInsApi.communities() : null, [grant?.id]);
  const [drafting, setDrafting] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey((k) => k + 1);
  return (
    <Flex vertical gap={16}>
      <Card title={t('commitments.myCommitments')} className="gj-page-card"
        extra={grant && (
          <Flex gap={8}>
            <Select placeholder={t('commitments.community')} value={community} onChange={setCommunity} style={{ minWidth: 140 }}
              options={(communities.data?.items ?? []).map((c) => ({ value: c.id, label: tx(c.name) }))} showSearch optionFilterProp="label" />
            <Button disabled={community === undefined} onClick={() => setDrafting(true)} data-testid="commitment-new-mine">{t('commitments.newMine')}</Button>
          </Flex>
        )}>
        <CommitmentList mine reloadKey={reloadKey} />
      </Card>
      <Card title={t('commitments.myReports')} className="gj-page-card">
        <ReportList mine reloadKey={reloadKey} />
      </Card>
      {community !== undefined && (
        <NewCommitmentModal open={drafting} onClose={() => setDrafting(false)} title={t('commitments.newMine')} base={{ kind: 'member', orgId: community }}
          onCreated={(id) => (setDrafting(false), reload(), setOpenId(id))} />
      )}
      <CommitmentDrawer id={openId} onClose={() => setOpenId(null)} onChanged={reload} />
    </Flex>
  );
}

/** Residents, members and units of a community: the reports it published, to question and rate. */
export function PublicReportsPage() {
  const { t } = useI18n();
  return (
    <Card title={t('commitments.publicMenu')} className="gj-page-card">
      <ReportList />
    </Card>
  );
}
