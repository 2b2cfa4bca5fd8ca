import { Alert, Flex, Select, Spin, Typography } from 'antd';
import { GraphChart, type GraphSeriesOption } from 'echarts/charts';
import { LegendComponent, TooltipComponent, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useIsPhone, useLoad } from '../../kernel/hooks';
import { tooltipLines } from '../../kernel/html';
import { useI18n, type I18n } from '../../kernel/i18n';
import { orgsApi, type Chart } from './api';

// Only what the network graph draws, so the chunk stays small; no map tiles, it works offline.
use([GraphChart, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<GraphSeriesOption | LegendComponentOption | TooltipComponentOption>;

const COLUMN = 220;
const ROW = 36;
const TIE_COLOR = '#1677ff';
const TREE_COLOR = '#8c8c8c';
const OUTSIDE_COLOR = '#bfbfbf';

interface Placed {
  id: string;
  name: string;
  category: number;
  isUnit: boolean;
  x: number;
  y: number;
  /** Plain text, escaped when shown. */
  tooltip: string[];
}

/**
 * A layered layout, the tree left to right with a unit beside the
 * organization it is located at: a force layout moves on every load and
 * hides the hierarchy people read the chart for.
 */
function layout(chart: Chart, i18n: Pick<I18n, 't' | 'tx' | 'enumLabel'>) {
  const { t, tx, enumLabel } = i18n;
  const categories: { name: string; key: string; unit: boolean }[] = [];
  const categoryOf = (ns: 'OrgKind' | 'UnitKind', kind: string, label: string) => {
    const key = `${ns}:${kind}`;
    let i = categories.findIndex((c) => c.key === key);
    if (i < 0) i = categories.push({ key, name: enumLabel(ns, kind, label), unit: ns === 'UnitKind' }) - 1;
    return i;
  };

  const ids = new Set(chart.nodes.map((n) => n.id));
  const kids = new Map<number | null, Chart['nodes']>();
  for (const n of chart.nodes) {
    const parent = n.parentId !== null && ids.has(n.parentId) ? n.parentId : null;
    kids.set(parent, [...(kids.get(parent) ?? []), n]);
  }
  const unitsAt = new Map<number, Chart['units']>();
  for (const u of chart.units) unitsAt.set(u.orgId, [...(unitsAt.get(u.orgId) ?? []), u]);

  const placed: Placed[] = [];
  let row = 0;
  const place = (node: Chart['nodes'][number], depth: number) => {
    const first = row;
    for (const child of kids.get(node.id) ?? []) place(child, depth + 1);
    for (const u of unitsAt.get(node.id) ?? []) {
      placed.push({
        id: `u${u.id}`,
        name: tx(u.name),
        category: categoryOf('UnitKind', u.kind, u.kindLabel),
        isUnit: true,
        x: (depth + 1) * COLUMN,
        y: row++ * ROW,
        tooltip: [tx(u.name), enumLabel('UnitKind', u.kind, u.kindLabel)],
      });
    }
    const y = row === first ? row++ * ROW : ((first + row - 1) / 2) * ROW;
    placed.push({
      id: `o${node.id}`,
      name: tx(node.name),
      category: categoryOf('OrgKind', node.kind, node.kindLabel),
      isUnit: false,
      x: depth * COLUMN,
      y,
      tooltip: [tx(node.name), enumLabel('OrgKind', node.kind, node.kindLabel)],
    });
  };
  for (const root of kids.get(null) ?? []) place(root, 0);

  // Far ends of ties, in one column beyond the deepest: they are not part of
  // this tree, and the reader should see that at a glance.
  if (chart.outside.length) {
    const x = Math.max(0, ...placed.map((p) => p.x)) + COLUMN;
    categories.push({ key: 'outside', name: t('chart.outside'), unit: false });
    const category = categories.length - 1;
    for (const o of chart.outside) {
      const kind = enumLabel(o.type === 'org' ? 'OrgKind' : 'UnitKind', o.kind, o.kindLabel);
      placed.push({
        id: `${o.type === 'org' ? 'o' : 'u'}${o.id}`,
        name: tx(o.name),
        category,
        isUnit: o.type === 'unit',
        x,
        y: row++ * ROW,
        tooltip: [tx(o.name), `${kind}${o.place ? ` · ${tx(o.place)}` : ''}`, t('chart.outsideHint')],
      });
    }
  }
  return { placed, categories, rows: row };
}

function buildOption(chart: Chart, i18n: Pick<I18n, 't' | 'tx' | 'enumLabel'>, isPhone: boolean): { option: Option; rows: number } {
  const { placed, categories, rows } = layout(chart, i18n);
  const known = new Set(placed.map((p) => p.id));
  const treeEdges = [
    ...chart.nodes.filter((n) => n.parentId !== null && known.has(`o${n.parentId}`)).map((n) => ({ source: `o${n.parentId}`, target: `o${n.id}` })),
    ...chart.units.map((u) => ({ source: `o${u.orgId}`, target: `u${u.id}`, lineStyle: { opacity: 0.35, width: 1 } })),
  ];
  const tieEdges = chart.ties
    .map((tie) => ({ tie, target: tie.toUnitId !== null ? `u${tie.toUnitId}` : `o${tie.toOrgId}` }))
    .filter(({ tie, target }) => known.has(`o${tie.orgId}`) && known.has(target))
    .map(({ tie, target }) => ({
      source: `o${tie.orgId}`,
      target,
      label: { show: true, formatter: i18n.enumLabel('TieKind', tie.kind, tie.kindLabel), color: TIE_COLOR, fontSize: 11 },
      lineStyle: { type: 'dashed' as const, color: TIE_COLOR, width: 1.5, curveness: 0.35 },
    }));

  const option: Option = {
    // The layout is fixed; growing edges out of nowhere only delays reading it.
    animation: false,
    tooltip: { formatter: (p) => tooltipLines((p as { data?: { tooltip?: string[] } }).data?.tooltip ?? []) },
    legend: { type: 'scroll', top: 0, data: categories.map((c) => c.name) },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        top: 48,
        bottom: 16,
        left: 24,
        // Room for the labels to the right of the last column.
        right: isPhone ? 96 : 160,
        categories: categories.map((c) => ({ name: c.name, symbol: c.unit ? 'rect' : 'circle', ...(c.key === 'outside' ? { itemStyle: { color: OUTSIDE_COLOR } } : {}) })),
        data: placed.map((p) => ({
          id: p.id,
          name: p.name,
          x: p.x,
          y: p.y,
          category: p.category,
          symbol: p.isUnit ? 'rect' : 'circle',
          symbolSize: p.isUnit ? [14, 10] : 14,
          tooltip: p.tooltip,
        })) as GraphSeriesOption['data'],
        label: { show: true, position: 'right', fontSize: isPhone ? 10 : 12, width: isPhone ? 90 : 150, overflow: 'truncate' },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 6,
        lineStyle: { color: TREE_COLOR, width: 1.2 },
        emphasis: { focus: 'adjacency' },
        links: [...treeEdges, ...tieEdges],
      },
    ],
  };
  return { option, rows };
}

/** 架构图: the organization tree with its units and the sideways ties, drawn on a canvas. */
export default function OrgChart({ orgId }: { orgId: number }) {
  const { t, tx, enumLabel } = useI18n();
  const isPhone = useIsPhone();
  const [depth, setDepth] = useState(3);
  const chart = useLoad(() => orgsApi.chart(orgId, depth), [orgId, depth]);
  const box = useRef<HTMLDivElement>(null);
  const instance = useRef<EChartsType | null>(null);

  const built = useMemo(() => chart.data && buildOption(chart.data, { t, tx, enumLabel }, isPhone), [chart.data, t, tx, enumLabel, isPhone]);
  const height = Math.max(isPhone ? 320 : 420, (built?.rows ?? 0) * (isPhone ? 30 : ROW) + 80);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ec = init(el);
    instance.current = ec;
    const observer = new ResizeObserver(() => ec.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      ec.dispose();
      instance.current = null;
    };
  }, []);

  useEffect(() => {
    if (built) instance.current?.setOption(built.option, true);
  }, [built]);

  return (
    <div data-testid="org-chart">
      <Flex className="gj-toolbar" gap={12} wrap align="center">
        <span>
          {t('chart.depth')}{' '}
          <Select<number>
            value={depth}
            onChange={setDepth}
            data-testid="chart-depth"
            style={{ width: 96 }}
            options={[1, 2, 3, 4, 5, 6].map((d) => ({ value: d, label: t('chart.levels', { n: d }) }))}
          />
        </span>
        <Typography.Text type="secondary">
          <span style={{ color: TREE_COLOR }}>━</span> {t('chart.treeEdge')}{' '}
          <span style={{ color: TIE_COLOR }}>┅</span> {t('chart.tieEdge')} <span>■</span> {t('chart.unit')}
        </Typography.Text>
      </Flex>
      {chart.data?.truncated && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('chart.truncated')} />}
      <Spin spinning={chart.loading}>
        <div ref={box} data-testid="org-chart-canvas" style={{ width: '100%', height }} />
      </Spin>
    </div>
  );
}
