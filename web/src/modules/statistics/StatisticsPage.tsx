import { LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { DesktopOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Input, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLoad } from '../../kernel/hooks';
import { axisLines, tooltipLines } from '../../kernel/html';
import { useI18n } from '../../kernel/i18n';
import { today } from '../../kernel/time';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { WithOrgTree } from '../orgs/OrgTreePanel';
import { useOrgTree } from '../orgs/tree';
import { statisticsApi, type Statistics } from './api';
import { AnnualReport } from './AnnualReport';
import { useLabel } from './label';

use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
type Option = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** The key figures per month: a line chart and the same numbers as a table. */
function Trend({ stats }: { stats: Statistics }) {
  const { t } = useI18n();
  const label = useLabel();
  const box = useRef<HTMLDivElement>(null);
  const { months, series } = stats.trend;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ec = init(el);
    const option: Option = {
      tooltip: {
        trigger: 'axis',
        formatter: (params) => tooltipLines(axisLines(params as Parameters<typeof axisLines>[0])),
      },
      legend: {},
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({ type: 'line', name: label(s.label), data: s.values })),
    };
    ec.setOption(option);
    const observer = new ResizeObserver(() => ec.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      ec.dispose();
    };
  }, [months, series, label]);
  const rows = months.map((month, i) => ({ month, ...Object.fromEntries(series.map((s) => [s.key, s.values[i]])) }));
  return (
    <Card title={t('statistics.trend')} size="small">
      <div ref={box} style={{ height: 260 }} data-testid="statistics-trend-chart" />
      <Table size="small" rowKey="month" pagination={false} scroll={{ x: true }} dataSource={rows} data-testid="statistics-trend-table"
        columns={[{ key: 'month', title: t('statistics.month'), dataIndex: 'month' }, ...series.map((s) => ({ key: s.key, title: label(s.label), dataIndex: s.key }))]} />
    </Card>
  );
}

/**
 * An organization's statistics for a period (统计): figure cards that lead to
 * the records behind them, the key figures per month, and the organizations
 * below side by side. Only counts: nobody is named or ranked.
 */
export function StatisticsPage() {
  const { t } = useI18n();
  const store = useOrgTree();
  const home = useHomeOrg();
  const orgId = store.selectedId ?? home;
  // The year-end report is a view of the same figures, reached by address too (?view=annual).
  const [params, setParams] = useSearchParams();
  const annual = params.get('view') === 'annual';
  return (
    <WithOrgTree>
      <Flex vertical gap={16}>
        <Segmented
          value={annual ? 'annual' : 'period'}
          onChange={(v) => setParams(v === 'annual' ? { view: 'annual' } : {}, { replace: true })}
          options={[{ value: 'period', label: t('statistics.periodView') }, { value: 'annual', label: t('statistics.annualView') }]}
          data-testid="statistics-view"
        />
        {orgId === undefined ? <Empty description={t('statistics.pickOrg')} /> : annual ? <AnnualReport orgId={orgId} /> : <PeriodStatistics orgId={orgId} />}
      </Flex>
    </WithOrgTree>
  );
}

/** The figures for a chosen period, the trend and the children. */
function PeriodStatistics({ orgId }: { orgId: number }) {
  const { t, tx } = useI18n();
  const label = useLabel();
  const [to, setTo] = useState(today());
  const [from, setFrom] = useState(`${today().slice(0, 4)}-01-01`);
  const loaded = useLoad(() => statisticsApi.get(orgId, { from, to }), [orgId, from, to]);
  const stats = loaded.data;
  return (
    <>
        <Card className="gj-page-card">
          <Flex gap={8} wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="statistics-title">
              {stats ? t('statistics.title', { org: tx(stats.orgName) }) : t('statistics.menu')}
            </Typography.Title>
            <span className="gj-toolbar-spacer" />
            <Link to={`/big-screen?orgId=${orgId}`} target="_blank" data-testid="statistics-big-screen"><Button icon={<DesktopOutlined />}>{t('statistics.bigScreen')}</Button></Link>
            <label>
              {t('statistics.from')} <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: 160 }} data-testid="statistics-from" />
            </label>
            <label>
              {t('statistics.to')} <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} style={{ width: 160 }} data-testid="statistics-to" />
            </label>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('statistics.note')}
          </Typography.Paragraph>
        </Card>
        {stats && (
          <>
            <Row gutter={[12, 12]} data-testid="statistics-figures">
              {stats.figures.map((f) => {
                const card = (
                  <Card size="small" hoverable={f.link !== null} data-testid={`figure-${f.key}`}>
                    <Statistic title={`${label(f.label)}（${f.period ? t('statistics.inPeriod') : t('statistics.now')}）`} value={f.value} />
                  </Card>
                );
                return (
                  <Col key={f.key} xs={12} md={8} lg={6}>
                    {f.link ? <Link to={f.link}>{card}</Link> : card}
                  </Col>
                );
              })}
            </Row>
            {stats.trend.series.length > 0 && <Trend stats={stats} />}
            {stats.children.length > 0 && (
              <Card title={t('statistics.children')} size="small">
                <Table size="small" rowKey="orgId" pagination={false} scroll={{ x: true }} dataSource={stats.children} data-testid="statistics-children"
                  columns={[
                    { key: 'name', title: t('statistics.org'), fixed: 'left', render: (_, c) => tx(c.name) },
                    ...stats.figures.map((f) => ({ key: f.key, title: label(f.label), render: (_: unknown, c: Statistics['children'][number]) => c.values[f.key] ?? 0 })),
                  ]} />
              </Card>
            )}
          </>
        )}
    </>
  );
}
