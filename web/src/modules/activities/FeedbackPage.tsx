import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../kernel/auth';
import { DataTable } from '../../kernel/DataTable';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { useLocalPage } from '../orgs/localPaging';
import { UnitSelect } from '../orgs/pickers';
import { activitiesApi, type Feedback } from './api';
import { thisYear } from '../../kernel/time';

type Row = Feedback['rows'][number];

/**
 * 双向反馈: what the communities report back to a unit about its members —
 * a liaison sees their own unit's; staff pick a unit. Printable and in Excel.
 */
export function FeedbackPage() {
  const { t, tx } = useI18n();
  const { state } = useAuth();
  const ownUnit = state.status === 'signedIn' ? (state.me.grants.find((g) => g.unitId !== null)?.unitId ?? undefined) : undefined;
  const [picked, setPicked] = useState<number | undefined>();
  const unitId = ownUnit ?? picked;
  const [year, setYear] = useState(thisYear());
  const [quarter, setQuarter] = useState<number>(0);
  const q = quarter || undefined;
  const report = useLoad(unitId ? () => activitiesApi.feedback(unitId, year, q) : null, [unitId, year, quarter]);
  const page = useLocalPage(report.data?.rows, `${unitId}|${year}|${quarter}`);
  const verdict = (r: Row) =>
    q || report.data?.threshold == null ? t('common.none') : r.belowThreshold ? <Tag color="red">{t('activities.below')}</Tag> : <Tag color="green">{t('activities.reached')}</Tag>;

  return (
    <Card className="gj-page-card" title={report.data ? `${tx(report.data.unitName)} · ${tx(report.data.period)}` : t('activities.menu.feedback')}>
      <Flex vertical gap={12}>
        {!ownUnit && <UnitSelect value={picked} onChange={setPicked} data-testid="feedback-unit" />}
        <Flex wrap gap={8} justify="space-between">
          <Space wrap>
            <Segmented value={year} onChange={(v) => setYear(Number(v))} options={[thisYear(), thisYear() - 1, thisYear() - 2]} />
            <Segmented
              value={quarter}
              onChange={(v) => setQuarter(Number(v))}
              options={[{ value: 0, label: t('activities.yearEnd') }, ...[1, 2, 3, 4].map((n) => ({ value: n, label: t('activities.quarter', { n }) }))]}
              data-testid="feedback-period"
            />
          </Space>
          {unitId && (
            <Space wrap>
              <Button icon={<PrinterOutlined />} href={activitiesApi.feedbackPrintUrl(unitId, year, q)} target="_blank" data-testid="feedback-print">
                {t('activities.print')}
              </Button>
              <Button icon={<FileExcelOutlined />} href={activitiesApi.feedbackExcelUrl(unitId, year, q)} data-testid="feedback-excel">
                {t('activities.exportExcel')}
              </Button>
            </Space>
          )}
        </Flex>
        {!unitId && <Alert type="info" showIcon title={t('activities.pickUnit')} />}
        {report.data?.threshold != null && !q && (
          <Typography.Text type="secondary">{t('activities.feedbackThreshold', { threshold: report.data.threshold })}</Typography.Text>
        )}
        <DataTable<Row>
          testId="feedback-table"
          rows={page.rows}
          total={page.total}
          loading={report.loading}
          rowKey={(r) => r.personId}
          paging={page.paging}
          onPaging={page.setPaging}
          emptyText={t('activities.feedbackEmpty')}
          columns={[
            { key: 'name', title: t('activities.person'), render: (_, r) => tx(r.personName) },
            { key: 'registered', title: t('activities.registeredAt'), render: (_, r) => tx(r.registeredAt) || t('activities.notRegistered') },
            { key: 'activities', title: t('activities.attended'), render: (_, r) => r.activities },
            { key: 'hours', title: t('activities.hours'), render: (_, r) => r.hours },
            { key: 'points', title: t('points.points'), render: (_, r) => r.points },
            { key: 'verdict', title: t('activities.verdict'), render: (_, r) => verdict(r) },
          ]}
          renderCard={(r) => (
            <Flex vertical>
              <Flex justify="space-between">
                <Typography.Text strong>{tx(r.personName)}</Typography.Text>
                {verdict(r)}
              </Flex>
              <Typography.Text type="secondary">{t('activities.figuresValue', { activities: r.activities, hours: r.hours, points: r.points })}</Typography.Text>
              <Typography.Text type="secondary">{tx(r.registeredAt) || t('activities.notRegistered')}</Typography.Text>
            </Flex>
          )}
        />
      </Flex>
    </Card>
  );
}
