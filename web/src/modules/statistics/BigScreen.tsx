import { ArrowLeftOutlined, FullscreenOutlined } from '@ant-design/icons';
import { LineChart, TreemapChart, type LineSeriesOption, type TreemapSeriesOption } from 'echarts/charts';
import {
  GridComponent, LegendComponent, TooltipComponent, VisualMapComponent,
  type GridComponentOption, type LegendComponentOption, type TooltipComponentOption, type VisualMapComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Button, ConfigProvider, Empty, Flex, Segmented, Spin, Table, Tag, Typography, theme } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLoad } from '../../kernel/hooks';
import { axisLines, tooltipLines } from '../../kernel/html';
import { useI18n } from '../../kernel/i18n';
import { today } from '../../kernel/time';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { colorOf } from '../../kernel/vocabulary';
import { broadcastApi } from '../broadcast/api';
import { statisticsApi, type Statistics, type StatisticsAreas } from './api';
import { useLabel } from './label';

use([TreemapChart, LineChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);
type Option = ComposeOption<TreemapSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | VisualMapComponentOption>;

/** How often the wall asks again: the figures move with the day's work, not by the second. */
const REFRESH_MS = 60_000;
const RED = '#c8161d';
const PANEL: React.CSSProperties = { background: 'rgba(255,255,255,0.04)', border: '1px solid rgba(255,255,255,0.12)', borderRadius: 8, padding: 16, minHeight: 0 };

function useChart(option: Option | null) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || !option) return;
    const ec = init(el, 'dark', { renderer: 'canvas' });
    ec.setOption({ backgroundColor: 'transparent', ...option });
    const observer = new ResizeObserver(() => ec.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      ec.dispose();
    };
  }, [option]);
  return box;
}

/**
 * The region's tiles, one per community, grouped by street and coloured by
 * the chosen figure; every tile the same size, so a large community does not
 * look like a busy one. Beside it, the same numbers as a table in tree order
 * (never sorted by value: the wall ranks nobody).
 */
function AreaMap({ areas, indicator }: { areas: StatisticsAreas; indicator: string }) {
  const { t, tx } = useI18n();
  const label = useLabel();
  const name = label(areas.indicators.find((i) => i.key === indicator)?.label ?? { zh: '', en: '' });
  const option = useMemo<Option>(() => {
    type Tile = { name: string; value: [number, number]; area: string; group: string };
    const groups = new Map<number, { name: string; children: Tile[] }>();
    for (const a of areas.areas) {
      const g = groups.get(a.groupId) ?? { name: tx(a.groupName), children: [] };
      const v = a.values[indicator] ?? 0;
      // The tile's label is its name and number, drawn on the canvas; the tooltip names it from area and group.
      g.children.push({ name: `${tx(a.name)}\n${v}`, value: [1, v], area: tx(a.name), group: g.name });
      groups.set(a.groupId, g);
    }
    const tileLines = (p: unknown) => {
      const tile = (p as { data?: Partial<Tile> & { name?: string } }).data;
      return tile?.area ? [`${tile.group} / ${tile.area}`, `${name}：${tile.value?.[1] ?? 0}`] : [tile?.name];
    };
    const values = areas.areas.map((a) => a.values[indicator] ?? 0);
    return {
      tooltip: { formatter: (p) => tooltipLines(tileLines(p)) },
      series: [{
        type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false }, left: 0, top: 0, right: 0, bottom: 0,
        visualDimension: 1, visualMin: Math.min(0, ...values), visualMax: Math.max(1, ...values), color: ['#3a1c22', RED], colorMappingBy: 'value',
        label: { show: true, fontSize: 16, lineHeight: 24 },
        // Levels: the region itself (no frame), its streets (named on a band), their communities (coloured).
        levels: [
          { itemStyle: { borderColor: '#0b1530', borderWidth: 0, gapWidth: 6 }, upperLabel: { show: false } },
          { itemStyle: { borderColor: '#0b1530', borderWidth: 2, gapWidth: 2 }, upperLabel: { show: true, height: 28, fontSize: 18, color: '#fff' } },
          { itemStyle: { borderColor: 'rgba(255,255,255,0.25)', borderWidth: 1 }, colorMappingBy: 'value' },
        ],
        data: [...groups.values()],
      }],
    };
  }, [areas, indicator, tx, name]);
  const box = useChart(option);
  return (
    <Flex gap={16} style={{ flex: 1, minHeight: 0 }}>
      <div ref={box} style={{ flex: 3, minHeight: 0, minWidth: 0, overflow: 'hidden' }} data-testid="bigscreen-map-canvas" role="img" aria-label={name} />
      <Table size="small" rowKey="orgId" pagination={false} scroll={{ y: 560 }} style={{ flex: 2, minWidth: 0 }} dataSource={areas.areas} data-testid="bigscreen-areas"
        columns={[
          { key: 'group', title: t('statistics.group'), render: (_, a) => tx(a.groupName) },
          { key: 'name', title: t('statistics.org'), render: (_, a) => tx(a.name) },
          { key: 'value', title: name, align: 'right', render: (_, a) => a.values[indicator] ?? 0 },
        ]} />
    </Flex>
  );
}

function Trend({ stats }: { stats: Statistics }) {
  const label = useLabel();
  const option = useMemo<Option>(() => ({
    tooltip: { trigger: 'axis', formatter: (params) => tooltipLines(axisLines(params as Parameters<typeof axisLines>[0])) },
    legend: { top: 0, textStyle: { fontSize: 14 } },
    grid: { left: 40, right: 16, top: 72, bottom: 28 },
    xAxis: { type: 'category', data: stats.trend.months },
    yAxis: { type: 'value', minInterval: 1 },
    series: stats.trend.series.map((s) => ({ type: 'line', name: label(s.label), data: s.values })),
  }), [stats, label]);
  const box = useChart(option);
  return <div ref={box} style={{ height: 280 }} data-testid="bigscreen-trend-canvas" />;
}

const yearSoFar = () => ({ from: `${today().slice(0, 4)}-01-01`, to: today() });

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{now.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}</span>;
}

/**
 * The district's big screen (大屏) for the organization department's wall,
 * at 1920×1080 or on a projector: the year's figures, the region's
 * communities coloured by a figure, the months' trend and what happened last
 * (titles blotted as a message is). The same counts as the statistics page,
 * asked again every minute.
 */
export function BigScreen() {
  const { t, tx, enumLabel, formatDateTime } = useI18n();
  const label = useLabel();
  const [params] = useSearchParams();
  const home = useHomeOrg();
  const orgId = Number(params.get('orgId')) || home;
  // A new period object every minute asks everything again (and moves to the new year at midnight on Dec 31).
  const [period, setPeriod] = useState(yearSoFar);
  useEffect(() => {
    const timer = setInterval(() => setPeriod(yearSoFar()), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const stats = useLoad(orgId ? () => statisticsApi.get(orgId, period) : null, [orgId, period]);
  const areas = useLoad(orgId ? () => statisticsApi.areas(orgId, period) : null, [orgId, period]);
  const events = useLoad(orgId ? () => broadcastApi.events({ orgId, blotted: 'true', page: 1, pageSize: 12 }) : null, [orgId, period]);
  const [updated, setUpdated] = useState<string>();
  useEffect(() => {
    if (stats.data) setUpdated(new Date().toISOString());
  }, [stats.data]);
  const [chosen, setChosen] = useState<string>();
  const indicator = chosen ?? areas.data?.indicators[0]?.key;

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { colorPrimary: RED, fontSize: 16 } }}>
      <div className="gj-bigscreen" data-testid="bigscreen"
        style={{ position: 'fixed', inset: 0, background: 'radial-gradient(circle at 50% 0, #1b2a55, #0b1530 70%)', color: '#fff', display: 'flex', flexDirection: 'column', padding: 20, gap: 16, overflow: 'hidden' }}>
        <Flex align="center" gap={16}>
          <Link to={orgId ? `/statistics?orgId=${orgId}` : '/statistics'}><Button icon={<ArrowLeftOutlined />} data-testid="bigscreen-back">{t('statistics.menu')}</Button></Link>
          <Typography.Title level={1} style={{ margin: 0, flex: 1, textAlign: 'center', fontSize: 36, letterSpacing: 4 }} data-testid="bigscreen-title">
            {stats.data ? t('statistics.bigScreenTitle', { org: tx(stats.data.orgName) }) : t('statistics.bigScreen')}
          </Typography.Title>
          <Flex vertical align="end" style={{ fontSize: 16 }}>
            <Clock />
            {updated && <span style={{ opacity: 0.7 }} data-testid="bigscreen-updated">{t('statistics.updatedAt', { time: formatDateTime(updated) })}</span>}
          </Flex>
          <Button icon={<FullscreenOutlined />} aria-label={t('statistics.fullScreen')} onClick={() => void document.documentElement.requestFullscreen?.()} />
        </Flex>
        {!orgId ? <Empty description={t('statistics.pickOrg')} /> : !stats.data || !areas.data ? <Spin size="large" style={{ margin: 'auto' }} /> : (
          <div style={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: '420px minmax(0, 1fr) 460px', gridTemplateRows: 'minmax(0, 1fr)', gap: 16 }}>
            <div style={{ ...PANEL, overflow: 'auto' }}>
              <Typography.Text style={{ opacity: 0.75 }}>{t('statistics.yearSoFar', { from: stats.data.from, to: stats.data.to })}</Typography.Text>
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, marginTop: 8 }} data-testid="bigscreen-figures">
                {stats.data.figures.map((f) => (
                  <div key={f.key} data-testid={`bigscreen-figure-${f.key}`} style={{ background: 'rgba(200,22,29,0.12)', borderLeft: `4px solid ${RED}`, padding: '4px 10px', borderRadius: 4 }}>
                    <div style={{ fontSize: 26, fontWeight: 700, fontVariantNumeric: 'tabular-nums', lineHeight: 1.15 }}>{f.value.toLocaleString('zh-CN')}</div>
                    <div style={{ fontSize: 13, opacity: 0.85, lineHeight: 1.3 }}>{label(f.label)}</div>
                  </div>
                ))}
              </div>
            </div>
            <div style={{ ...PANEL, display: 'flex', flexDirection: 'column', gap: 12 }}>
              {areas.data.areas.length === 0 || !indicator ? <Empty description={t('statistics.noAreas')} /> : (
                <>
                  <Flex align="center" gap={12} wrap>
                    <Typography.Text strong style={{ fontSize: 18 }}>{t('statistics.colourBy')}</Typography.Text>
                    <Segmented value={indicator} onChange={(v) => setChosen(String(v))} data-testid="bigscreen-indicator"
                      options={areas.data.indicators.map((i) => ({ value: i.key, label: label(i.label) }))} />
                  </Flex>
                  <AreaMap areas={areas.data} indicator={indicator} />
                </>
              )}
            </div>
            <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minHeight: 0 }}>
              {stats.data.trend.series.length > 0 && <div style={PANEL}><Typography.Text strong style={{ fontSize: 18 }}>{t('statistics.trend')}</Typography.Text><Trend stats={stats.data} /></div>}
              <div style={{ ...PANEL, flex: 1, overflow: 'hidden' }}>
                <Typography.Text strong style={{ fontSize: 18 }}>{t('statistics.recentEvents')}</Typography.Text>
                {(events.data?.items.length ?? 0) === 0 ? <Empty description={t('statistics.noEvents')} /> : (
                  <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }} data-testid="bigscreen-events">
                    {events.data!.items.map((e) => (
                      <li key={e.id} style={{ padding: '6px 0', borderBottom: '1px solid rgba(255,255,255,0.08)' }}>
                        <Tag color={colorOf('EventKind', e.kind)}>{enumLabel('EventKind', e.kind)}</Tag>
                        <span>{tx(e.title)}</span>
                        <div style={{ fontSize: 13, opacity: 0.7 }}>{tx(e.orgName)} · {formatDateTime(e.at)}</div>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </div>
          </div>
        )}
      </div>
    </ConfigProvider>
  );
}
