import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { DataTable } from '../../kernel/DataTable';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import { useLocalPage } from '../orgs/localPaging';
import type { ReportIn } from './api';


export function ReportInStatusTag({ r }: { r: ReportIn }) {
  const { enumLabel } = useI18n();
  return (
    <Tag color={colorOf('ReportInStatus', r.status)} data-testid="reportin-status">
      {enumLabel('ReportInStatus', r.status, r.statusLabel)}
    </Tag>
  );
}

/**
 * Registrations as one side sees them: the unit names the community, the
 * community names the unit. The step each side may take is `action`.
 */
export function ReportInTable({ rows, loading, counterpart, action, testId }: {
  rows: ReportIn[] | undefined;
  loading: boolean;
  counterpart: 'community' | 'unit';
  action: (r: ReportIn) => ReactNode;
  testId: string;
}) {
  const { t, tx } = useI18n();
  const list = useLocalPage(rows, String(rows?.length));
  const other = (r: ReportIn) => tx(counterpart === 'community' ? r.orgName : r.unitName);
  const service = (r: ReportIn) =>
    r.serviceItem ? (
      <span>
        <Tag color="red">{tx(r.serviceItem)}</Tag>
        {tx(r.commitment)}
      </span>
    ) : r.status === 'accepted' ? (
      <Typography.Text type="secondary">{t('reportins.noCommitment')}</Typography.Text>
    ) : r.declineReason ? (
      <Typography.Text type="danger">{tx(r.declineReason)}</Typography.Text>
    ) : null;
  return (
    <DataTable<ReportIn>
      testId={testId}
      rows={list.rows}
      total={list.total}
      loading={loading}
      rowKey={(r) => r.id}
      paging={list.paging}
      onPaging={list.setPaging}
      emptyText={t('reportins.empty')}
      columns={[
        { key: 'person', title: t('reportins.person'), render: (_, r) => <strong>{tx(r.personName)}</strong> },
        { key: 'other', title: t(counterpart === 'community' ? 'reportins.community' : 'reportins.unit'), render: (_, r) => other(r) },
        { key: 'status', title: t('reportins.status'), render: (_, r) => <ReportInStatusTag r={r} /> },
        { key: 'issuedOn', title: t('reportins.issuedOn'), render: (_, r) => r.issuedOn },
        { key: 'receipt', title: t('reportins.receiptNo'), render: (_, r) => r.receiptNo ?? t('common.none') },
        { key: 'service', title: t('reportins.serviceItem'), render: (_, r) => service(r) },
        { key: 'action', title: t('common.actions'), render: (_, r) => action(r) },
      ]}
      renderCard={(r) => (
        <div className="gj-card-row">
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text strong>{tx(r.personName)}</Typography.Text>
            <ReportInStatusTag r={r} />
          </Flex>
          <Typography.Text type="secondary">
            {other(r)} · {r.issuedOn}
            {r.receiptNo && ` · ${r.receiptNo}`}
          </Typography.Text>
          {service(r)}
          <div>{action(r)}</div>
        </div>
      )}
    />
  );
}
