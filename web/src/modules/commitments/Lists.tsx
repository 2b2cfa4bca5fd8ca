import type { ButtonProps } from 'antd';
import { Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { DataTable, usePaging } from '../../kernel/DataTable';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { thisYear, today } from '../../kernel/time';
import { FilterTags, type useUrlFilters } from '../../kernel/urlFilters';
import { commitmentsApi, type Commitment, type NewCommitment, type Report } from './api';
import { CommitmentDrawer, ReportDrawer, StateTag } from './Drawers';
import { ItemFields, itemsBody, type ItemValues } from './ItemsForm';

/** The list's filters a link may carry (a member's or unit's year, from the evaluation figures). */
export const COMMITMENT_URL_FILTERS = ['personId', 'unitId', 'year', 'status', 'kind'] as const;
type UrlFilter = (typeof COMMITMENT_URL_FILTERS)[number];

/** Commitments the caller sees (row-level security decides which), opened in the drawer; `url`: filtered as the address says. */
export function CommitmentList({ mine = false, reloadKey = 0, url }: { mine?: boolean; reloadKey?: number; url?: ReturnType<typeof useUrlFilters<UrlFilter>> }) {
  const { t, tx, enumLabel } = useI18n();
  const [paging, setPaging] = usePaging(`commitments-${mine}`, 20);
  const [openId, setOpenId] = useState<number | null>(null);
  const f = url?.filters ?? {};
  const filters = {
    personId: url?.num('personId'), unitId: url?.num('unitId'), year: url?.num('year'),
    status: f.status as Commitment['status'] | undefined, kind: f.kind as Commitment['kind'] | undefined,
  };
  const list = useLoad(() => commitmentsApi.list({ ...paging, ...filters, mine: mine ? 'true' : undefined }),
    [paging.page, paging.pageSize, mine, reloadKey, filters.personId, filters.unitId, filters.year, filters.status, filters.kind]);
  const party = list.data?.items[0]?.partyName;
  const tags = [
    ...(filters.personId !== undefined ? [{ key: 'personId', label: `${t('commitments.member')}：${party ? tx(party) : `#${filters.personId}`}` }] : []),
    ...(filters.unitId !== undefined ? [{ key: 'unitId', label: `${t('commitments.unit')}：${party ? tx(party) : `#${filters.unitId}`}` }] : []),
    ...(filters.year !== undefined ? [{ key: 'year', label: t('commitments.yearFilter', { year: filters.year }) }] : []),
    ...(filters.status ? [{ key: 'status', label: `${t('commitments.status')}：${enumLabel('CommitmentStatus', filters.status)}` }] : []),
    ...(filters.kind ? [{ key: 'kind', label: `${t('commitments.kind')}：${enumLabel('CommitmentKind', filters.kind)}` }] : []),
  ];
  const open = (c: Commitment) => (
    <Typography.Link onClick={() => setOpenId(c.id)} data-testid="commitment-open">
      {tx(c.partyName)}
    </Typography.Link>
  );
  return (
    <>
      {url && <FilterTags tags={tags} onRemove={(k) => url.set(k as UrlFilter, undefined)} />}
      <DataTable<Commitment>
        testId="commitments"
        rows={list.data?.items}
        total={list.data?.total ?? 0}
        loading={list.loading}
        rowKey={(c) => c.id}
        paging={paging}
        onPaging={setPaging}
        emptyText={t('commitments.empty')}
        columns={[
          { key: 'party', title: t('commitments.party'), render: (_, c) => open(c) },
          { key: 'kind', title: t('commitments.kind'), render: (_, c) => <StateTag id="CommitmentKind" value={c.kind} /> },
          { key: 'org', title: t('commitments.community'), render: (_, c) => tx(c.orgName) },
          { key: 'term', title: t('commitments.term'), render: (_, c) => `${c.startsOn} ~ ${c.endsOn}` },
          { key: 'items', title: t('commitments.items'), render: (_, c) => t('commitments.itemCount', { n: c.itemCount }) },
          { key: 'status', title: t('commitments.status'), render: (_, c) => <StateTag id="CommitmentStatus" value={c.status} /> },
        ]}
        renderCard={(c) => (
          <Card size="small" data-testid="commitment-card">
            <Flex vertical gap={4}>
              <Flex justify="space-between" align="center">{open(c)}<StateTag id="CommitmentStatus" value={c.status} /></Flex>
              <Typography.Text type="secondary">{c.startsOn} ~ {c.endsOn} · {t('commitments.itemCount', { n: c.itemCount })}</Typography.Text>
            </Flex>
          </Card>
        )}
      />
      <CommitmentDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
    </>
  );
}

/** Reports the caller sees: staff their community's, a party its own, residents what was published to them. */
export function ReportList({ mine = false, reloadKey = 0 }: { mine?: boolean; reloadKey?: number }) {
  const { t, tx } = useI18n();
  const [paging, setPaging] = usePaging(`reports-${mine}`, 20);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useLoad(() => commitmentsApi.reports({ ...paging, mine: mine ? 'true' : undefined }), [paging.page, paging.pageSize, mine, reloadKey]);
  const open = (r: Report) => (
    <Typography.Link onClick={() => setOpenId(r.id)} data-testid="report-open">
      {tx(r.partyName)}
    </Typography.Link>
  );
  return (
    <>
      <DataTable<Report>
        testId="commitment-reports"
        rows={list.data?.items}
        total={list.data?.total ?? 0}
        loading={list.loading}
        rowKey={(r) => r.id}
        paging={paging}
        onPaging={setPaging}
        emptyText={t('commitments.reportsEmpty')}
        columns={[
          { key: 'party', title: t('commitments.party'), render: (_, r) => open(r) },
          { key: 'kind', title: t('commitments.kind'), render: (_, r) => <StateTag id="CommitmentKind" value={r.kind} /> },
          { key: 'window', title: t('commitments.window'), render: (_, r) => tx(r.windowTitle) },
          { key: 'status', title: t('commitments.status'), render: (_, r) => <StateTag id="CommitmentReportStatus" value={r.status} /> },
          { key: 'result', title: t('commitments.result'), render: (_, r) => (r.result ? <StateTag id="CommitmentGrade" value={r.result} /> : t('commitments.noResult')) },
        ]}
        renderCard={(r) => (
          <Card size="small" data-testid="report-card">
            <Flex vertical gap={4}>
              <Flex justify="space-between" align="center">{open(r)}<StateTag id="CommitmentReportStatus" value={r.status} /></Flex>
              <Typography.Text type="secondary">{tx(r.windowTitle)} · {t('commitments.tally', r.tally)}</Typography.Text>
            </Flex>
          </Card>
        )}
      />
      <ReportDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
    </>
  );
}

interface CommitmentValues { startsOn: string; endsOn: string; items: ItemValues[] }

/** Drafting a commitment: the term and its items. The party signs it in the drawer afterwards. */
export function NewCommitmentModal({ open, onClose, base, title, onCreated }: {
  open: boolean; onClose: () => void; base: Pick<NewCommitment, 'kind' | 'orgId' | 'unitId'>; title: string; onCreated: (id: number) => void;
}) {
  const { t } = useI18n();
  const onError = useApiError();
  const [form] = Form.useForm<CommitmentValues>();
  const [saving, setSaving] = useState(false);
  const year = thisYear();
  const submit = async (v: CommitmentValues) => {
    setSaving(true);
    try {
      const created = await commitmentsApi.create({ ...base, ...v, items: itemsBody(v.items) });
      onCreated(created.id);
      form.resetFields();
    } catch (err) {
      onError(err, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} onCancel={onClose} title={title} okText={t('common.save')} confirmLoading={saving} onOk={() => form.submit()} destroyOnHidden
      okButtonProps={{ 'data-testid': 'commitment-create' } as ButtonProps}>
      <Form<CommitmentValues> form={form} layout="vertical" onFinish={(v) => void submit(v)}
        initialValues={{ startsOn: today(), endsOn: `${year}-12-31`, items: [{ what: '', cadence: 'monthly', target: 1, source: 'activities' }] }}>
        <Flex gap={8}>
          <Form.Item name="startsOn" label={t('commitments.startsOn')} rules={[{ required: true }]}><Input type="date" data-testid="commitment-starts" /></Form.Item>
          <Form.Item name="endsOn" label={t('commitments.endsOn')} rules={[{ required: true }]}><Input type="date" data-testid="commitment-ends" /></Form.Item>
        </Flex>
        <ItemFields />
      </Form>
    </Modal>
  );
}
