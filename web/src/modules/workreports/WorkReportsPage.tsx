import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Collapse, Empty, Flex, Form, Input, Select, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { today } from '../../kernel/time';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { workReportsApi, type NewWorkReport, type WorkReport, type WorkReportDraft } from './api';

/** The first day of the month before this one: the period most often reported. */
const lastMonth = () => {
  const [y, m] = today().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
};

/**
 * 述职 / 工作报告: an organization files its report for an ended period to the
 * one above it, assembled from its records; the receiving committee reads
 * the reports addressed to it and comments.
 */
export function WorkReportsPage() {
  const { t } = useI18n();
  const home = useHomeOrg();
  const [orgId, setOrgId] = useState<number | undefined>(home);
  const filed = useLoad(() => workReportsApi.list(orgId ? { orgId } : {}), [orgId]);
  const received = useLoad(orgId ? () => workReportsApi.list({ toOrgId: orgId }) : null, [orgId]);
  const [creating, setCreating] = useState(false);
  const reload = () => { filed.reload(); received.reload(); };
  return (
    <Card className="gj-page-card">
      <Flex className="gj-toolbar" gap={8} wrap>
        <span className="gj-toolbar-search"><OrgTreeSelect value={orgId} onChange={setOrgId} data-testid="workreports-org" /></span>
        <span className="gj-toolbar-spacer" />
        {filed.data?.actions.includes('create') && orgId && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="workreport-create">{t('workreports.create')}</Button>
        )}
      </Flex>
      <Tabs items={[
        { key: 'received', label: t('workreports.received'), children: <Reports items={received.data?.items} loading={received.loading} onChanged={reload} testId="workreports-received" /> },
        { key: 'filed', label: t('workreports.filed'), children: <Reports items={filed.data?.items} loading={filed.loading} onChanged={reload} testId="workreports-filed" /> },
      ]} />
      {creating && orgId && <FileModal orgId={orgId} onClose={() => setCreating(false)} onDone={reload} />}
    </Card>
  );
}

function Records({ records }: { records: WorkReportDraft['records'] }) {
  const { t, tx } = useI18n();
  const lists = [
    { key: 'tasks', label: t('workreports.tasksDone'), rows: records.tasksDone.map((x) => `${x.completedOn} ${tx(x.title)}`) },
    { key: 'needs', label: t('workreports.needsDone'), rows: records.needsDone.map((x) => `${x.doneOn} ${tx(x.title)}`) },
    { key: 'activities', label: t('workreports.activitiesHeld'), rows: records.activitiesHeld.map((x) => `${x.startsAt.slice(0, 10)} ${tx(x.title)}`) },
  ];
  return (
    <Flex vertical gap={4}>
      <Typography.Text data-testid="workreport-records">
        {t('workreports.records', { tasks: records.tasksDone.length, needs: records.needsDone.length, activities: records.activitiesHeld.length })}
      </Typography.Text>
      <Collapse size="small" items={lists.filter((l) => l.rows.length).map((l) => ({
        key: l.key, label: `${l.label}（${l.rows.length}）`,
        children: <Flex vertical>{l.rows.map((r, i) => <Typography.Text key={i}>{r}</Typography.Text>)}</Flex>,
      }))} />
    </Flex>
  );
}

function Reports({ items, loading, onChanged, testId }: { items: WorkReport[] | undefined; loading: boolean; onChanged: () => void; testId: string }) {
  const { t, tx, enumLabel } = useI18n();
  return (
    <Spin spinning={loading}>
      {items?.length ? (
        <div className="gj-cards" data-testid={testId}>
          {items.map((r) => (
            <Card key={r.id} size="small" data-testid="workreport" title={`${tx(r.orgName)} · ${enumLabel('WorkReportPeriod', r.periodKind)}`}>
              <Flex vertical gap={6}>
                <Typography.Text type="secondary">
                  {t('workreports.period', { from: r.periodFrom, to: r.periodTo })} · {t('workreports.to', { name: tx(r.toOrgName) })} · {t('workreports.filedBy', { name: tx(r.filedBy), at: r.filedAt })}
                </Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{tx(r.statement)}</Typography.Paragraph>
                <Records records={r.records} />
                {r.comments.map((c) => (
                  <Typography.Text key={c.id} data-testid="workreport-comment">{t('workreports.comment')}（{tx(c.orgName)} {c.at}）：{tx(c.body)}</Typography.Text>
                ))}
                {r.actions.includes('comment') && <CommentBox report={r} onDone={onChanged} />}
              </Flex>
            </Card>
          ))}
        </div>
      ) : (
        <Empty description={t('workreports.empty')} className="gj-empty" />
      )}
    </Spin>
  );
}

function CommentBox({ report, onDone }: { report: WorkReport; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const send = async () => {
    setSaving(true);
    try {
      await workReportsApi.comment(report.id, text);
      setText('');
      void message.success(t('workreports.commented'));
      onDone();
    } catch (err) {
      onError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Flex vertical gap={6}>
      <Input.TextArea rows={2} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('workreports.commentPlaceholder')} data-testid="workreport-comment-text" />
      <Button size="large" type="primary" loading={saving} disabled={!text.trim()} onClick={() => void send()} data-testid="workreport-comment-send">{t('workreports.comment')}</Button>
    </Flex>
  );
}

function FileModal({ orgId, onClose, onDone }: { orgId: number; onClose: () => void; onDone: () => void }) {
  const { t, tx, enumOptions } = useI18n();
  const [period, setPeriod] = useState<{ periodKind: NewWorkReport['periodKind']; periodFrom: string }>({ periodKind: 'month', periodFrom: lastMonth() });
  const draft = useLoad(() => workReportsApi.draft({ orgId, ...period }), [orgId, period.periodKind, period.periodFrom]);
  const required = (label: string) => [{ required: true, message: t('workreports.required', { label }) }];
  return (
    <FormModal<NewWorkReport> open title={t('workreports.create')} onClose={onClose} testId="workreport-form"
      initialValues={{ orgId, ...period }}
      onValuesChange={(changed, form) => {
        if (changed.periodKind || changed.periodFrom) setPeriod({ periodKind: form.getFieldValue('periodKind'), periodFrom: form.getFieldValue('periodFrom') });
      }}
      onSubmit={async (v) => { await workReportsApi.file({ ...v, orgId }); onDone(); }}>
      <Form.Item name="periodKind" label={t('workreports.periodKind')}><Select options={enumOptions('WorkReportPeriod')} data-testid="workreport-period-kind" /></Form.Item>
      <Form.Item name="periodFrom" label={t('workreports.periodFrom')}><Input type="date" data-testid="workreport-period-from" /></Form.Item>
      {draft.data && (
        <Flex vertical gap={4} style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('workreports.to', { name: tx(draft.data.toOrgName) })} · {t('workreports.period', { from: draft.data.periodFrom, to: draft.data.periodTo })}</Typography.Text>
          <Records records={draft.data.records} />
        </Flex>
      )}
      <Form.Item name="statement" label={t('workreports.statement')} rules={required(t('workreports.statement'))}>
        <Input.TextArea rows={5} data-testid="workreport-statement" />
      </Form.Item>
    </FormModal>
  );
}
