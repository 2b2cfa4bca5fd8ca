import { AimOutlined, BuildOutlined, ClearOutlined, EditOutlined, PictureOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Select, Space, Spin, Typography } from 'antd';
import { CustomChart, ScatterChart, type CustomSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  GridComponent, TooltipComponent, VisualMapComponent,
  type GridComponentOption, type TooltipComponentOption, type VisualMapComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useLoad } from '../../kernel/hooks';
import { tooltipLines } from '../../kernel/html';
import { useI18n } from '../../kernel/i18n';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { gridsApi, type GridMapData, type Polygon } from './api';

// The grid map (一图) draws the community's own plane on a cartesian grid: no
// tiles, no projection, works offline; the base image, if any, is the
// container's background, stretched over the same plane.
use([CustomChart, ScatterChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

type Option = ComposeOption<CustomSeriesOption | ScatterSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption>;
type Point = [number, number];
/** Drawing a new grid, or redrawing the boundary of one (`reshape`), starting from its corners. */
type Mode = { kind: 'view' } | { kind: 'draw'; points: Point[]; reshape?: { id: number; name: string } } | { kind: 'place' } | { kind: 'pick' };

const BUILDING_COLOR = '#595959';
const UNIT_COLOR = '#1677ff';
const DRAW_COLOR = '#c8161d';

/** Ray casting, as the server checks it: which grid a click falls in. */
function inside(boundary: Polygon, [x, y]: Point): boolean {
  const ring = boundary.coordinates[0]!;
  let hit = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

const centre = (b: Polygon): Point => {
  const ring = b.coordinates[0]!.slice(0, -1);
  return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
};

function buildOption(map: GridMapData, labels: { building: string; unit: string; indicator: string }, tx: (s: string) => string, drawing: Point[]): Option {
  const values = map.grids.map((g) => g.value);
  const gridLines = (g: GridMapData['grids'][number]) => [tx(g.name), g.theme && tx(g.theme), g.branchName && tx(g.branchName), `${labels.indicator}：${g.value}`];
  const max = Math.max(1, ...values);
  return {
    animation: false,
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: { type: 'value', min: 0, max: map.width, show: false },
    yAxis: { type: 'value', min: 0, max: map.height, show: false },
    tooltip: { trigger: 'item', confine: true },
    visualMap: {
      type: 'continuous', min: 0, max, seriesIndex: 0, dimension: 1, calculable: false, orient: 'horizontal', left: 8, bottom: 8,
      text: [String(max), `${labels.indicator} 0`], inRange: { color: ['#fff1f0', '#ffa39e', '#cf1322'] }, itemHeight: 120,
    },
    series: [
      {
        type: 'custom',
        data: map.grids.map((g, i) => [i, g.value]),
        renderItem: (params, api) => {
          const g = map.grids[params.dataIndex]!;
          const points = g.boundary.coordinates[0]!.map((p) => api.coord(p));
          const [cx, cy] = api.coord(centre(g.boundary));
          return {
            type: 'group',
            children: [
              { type: 'polygon', shape: { points }, style: { fill: api.visual('color') as string, stroke: '#8c8c8c', lineWidth: 1.5, opacity: 0.85 } },
              {
                type: 'text', x: cx, y: cy, silent: true,
                style: { text: `${tx(g.name)}\n${g.value}`, align: 'center', verticalAlign: 'middle', fill: '#262626', font: '13px sans-serif', lineHeight: 18 },
              },
            ],
          };
        },
        tooltip: {
          formatter: (p) => tooltipLines(gridLines(map.grids[(p as { dataIndex: number }).dataIndex]!)),
        },
      },
      {
        type: 'scatter', name: labels.building, symbol: 'rect', symbolSize: 10, itemStyle: { color: BUILDING_COLOR },
        data: map.buildings.map((b) => ({ name: tx(b.name), value: [b.x, b.y] })),
        tooltip: { formatter: (p) => tooltipLines([`${labels.building}：${(p as { name: string }).name}`]) },
      },
      {
        type: 'scatter', name: labels.unit, symbol: 'pin', symbolSize: 22, itemStyle: { color: UNIT_COLOR },
        // A unit is drawn just below its grid's label.
        data: map.units.map((u, i) => {
          const g = map.grids.find((x) => x.id === u.gridId);
          const [cx, cy] = g ? centre(g.boundary) : [0, 0];
          return { name: tx(u.name), value: [cx + (i % 3) * 14 - 14, cy - 40] };
        }),
        tooltip: { formatter: (p) => tooltipLines([`${labels.unit}：${(p as { name: string }).name}`]) },
      },
      {
        type: 'custom',
        silent: true,
        data: drawing.length ? [0] : [],
        renderItem: (_, api) => ({
          type: 'group',
          children: [
            { type: 'polyline', shape: { points: drawing.map((p) => api.coord(p)) }, style: { stroke: DRAW_COLOR, lineWidth: 2, lineDash: [6, 4], fill: 'none' } },
            ...drawing.map((p) => {
              const [x, y] = api.coord(p);
              return { type: 'circle' as const, shape: { cx: x, cy: y, r: 5 }, style: { fill: DRAW_COLOR } };
            }),
          ],
        }),
      },
    ],
  };
}

interface Props {
  communityId: number;
  canPlan: boolean;
  /** Something was drawn or placed: lists elsewhere reload. */
  onChanged: () => void;
}

/** 网格一图: the community's grids coloured by an indicator; draw grids and place buildings by clicking on it. */
export default function GridMap({ communityId, canPlan, onChanged }: Props) {
  const { t, tx, enumLabel } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const [indicator, setIndicator] = useState('households');
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [newGrid, setNewGrid] = useState<Polygon | null>(null);
  const [newBuilding, setNewBuilding] = useState<{ gridId: number; x: number; y: number } | null>(null);
  const [imageVersion, setImageVersion] = useState(0);
  const map = useLoad(() => gridsApi.map(communityId, indicator), [communityId, indicator]);
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const drawing = mode.kind === 'draw' ? mode.points : [];

  // Indicators other modules register come with the server's label.
  const indicatorLabel = (key: string, label: string) => enumLabel('grids.indicator', key, label);
  const current = map.data?.indicators.find((i) => i.key === map.data?.indicator);
  const option = useMemo(
    () =>
      map.data &&
      buildOption(map.data, { building: t('grids.legendBuilding'), unit: t('grids.legendUnit'), indicator: current ? indicatorLabel(current.key, current.label) : '' }, tx, drawing),
    [map.data, drawing, t, tx, enumLabel],
  );

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ec = init(el);
    chart.current = ec;
    const observer = new ResizeObserver(() => ec.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      ec.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (option) chart.current?.setOption(option, true);
  }, [option]);

  // Clicks land on the plane, whatever is drawn under them.
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const dataRef = useRef(map.data);
  dataRef.current = map.data;
  useEffect(() => {
    const ec = chart.current;
    if (!ec) return;
    const onClick = (e: { offsetX: number; offsetY: number }) => {
      const data = dataRef.current;
      if (!data) return;
      const [x, y] = ec.convertFromPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY]) as Point;
      const p: Point = [Math.round(Math.min(data.width, Math.max(0, x))), Math.round(Math.min(data.height, Math.max(0, y)))];
      const m = modeRef.current;
      if (m.kind === 'draw') setMode({ ...m, points: [...m.points, p] });
      if (m.kind === 'pick') {
        const grid = data.grids.find((g) => inside(g.boundary, p));
        if (grid) setMode({ kind: 'draw', points: grid.boundary.coordinates[0]!.slice(0, -1) as Point[], reshape: { id: grid.id, name: grid.name } });
        else void message.warning(t('grids.reshapePick'));
      }
      if (m.kind === 'place') {
        const grid = data.grids.find((g) => inside(g.boundary, p));
        if (grid) setNewBuilding({ gridId: grid.id, x: p[0], y: p[1] });
        else void message.warning(t('grids.placeHint'));
      }
    };
    ec.getZr().on('click', onClick);
    return () => {
      ec.getZr().off('click', onClick);
    };
  }, [message, t]);

  const finish = () => {
    if (mode.kind !== 'draw' || mode.points.length < 3) {
      void message.warning(t('grids.drawTooFew'));
      return;
    }
    const boundary: Polygon = { type: 'Polygon', coordinates: [[...mode.points, mode.points[0]!]] };
    if (!mode.reshape) {
      setNewGrid(boundary);
      return;
    }
    const { name } = mode.reshape;
    // The server checks the new boundary as it checks a new grid's (closed, simple, overlapping no other grid); refused, the drawing stays to fix.
    gridsApi.update(mode.reshape.id, { boundary }).then(() => {
      void message.success(t('grids.reshaped', { name: tx(name) }));
      changed();
    }, onError);
  };
  const changed = () => {
    setMode({ kind: 'view' });
    map.reload();
    onChanged();
  };
  const upload = (f: File | undefined) => {
    if (!f) return;
    if (f.size > 2 * 1024 * 1024) {
      void message.error(t('grids.baseTooLarge'));
      return;
    }
    const reader = new FileReader();
    reader.onload = () =>
      gridsApi.setBaseImage(communityId, String(reader.result)).then(() => {
        void message.success(t('grids.baseUploaded'));
        setImageVersion((v) => v + 1);
        map.reload();
      }, onError);
    reader.readAsDataURL(f);
  };

  const background = map.data?.hasBaseImage ? `url(${gridsApi.baseImageUrl(communityId, imageVersion)}) center / 100% 100% no-repeat` : '#fafafa';
  return (
    <div data-testid="grid-map">
      <Flex className="gj-toolbar" gap={8} wrap align="center">
        <Select<string>
          style={{ minWidth: 160 }}
          value={indicator}
          onChange={setIndicator}
          data-testid="grid-map-indicator"
          options={(map.data?.indicators ?? []).map((i) => ({ value: i.key, label: indicatorLabel(i.key, i.label) }))}
          prefix={t('grids.indicator')}
        />
        {canPlan && mode.kind === 'view' && (
          <Space wrap>
            <Button icon={<AimOutlined />} onClick={() => setMode({ kind: 'draw', points: [] })} data-testid="grid-draw">
              {t('grids.draw')}
            </Button>
            <Button icon={<EditOutlined />} disabled={!map.data?.grids.length} onClick={() => setMode({ kind: 'pick' })} data-testid="grid-reshape">
              {t('grids.reshape')}
            </Button>
            <Button icon={<BuildOutlined />} onClick={() => setMode({ kind: 'place' })} data-testid="grid-place">
              {t('grids.placeBuilding')}
            </Button>
            <Button icon={<PictureOutlined />} onClick={() => file.current?.click()} data-testid="grid-base">
              {t('grids.uploadBase')}
            </Button>
            <input ref={file} type="file" accept="image/png,image/jpeg,image/webp" hidden onChange={(e) => upload(e.target.files?.[0])} />
          </Space>
        )}
        {mode.kind === 'draw' && (
          <Space wrap>
            <Typography.Text type="danger">
              {mode.reshape ? `${tx(mode.reshape.name)}：${t('grids.reshapeHint', { n: mode.points.length })}` : t('grids.drawHint', { n: mode.points.length })}
            </Typography.Text>
            <Button icon={<UndoOutlined />} disabled={!mode.points.length} onClick={() => setMode({ ...mode, points: mode.points.slice(0, -1) })}>
              {t('grids.drawUndo')}
            </Button>
            {mode.reshape && (
              <Button icon={<ClearOutlined />} disabled={!mode.points.length} onClick={() => setMode({ ...mode, points: [] })} data-testid="grid-draw-clear">
                {t('grids.drawClear')}
              </Button>
            )}
            <Button type="primary" onClick={finish} data-testid="grid-draw-finish">
              {t('grids.drawFinish')}
            </Button>
            <Button onClick={() => setMode({ kind: 'view' })} data-testid="grid-draw-cancel">
              {t('common.cancel')}
            </Button>
          </Space>
        )}
        {mode.kind === 'pick' && (
          <Space wrap>
            <Typography.Text type="danger">{t('grids.reshapePick')}</Typography.Text>
            <Button onClick={() => setMode({ kind: 'view' })}>{t('common.cancel')}</Button>
          </Space>
        )}
        {mode.kind === 'place' && (
          <Space wrap>
            <Typography.Text type="danger">{t('grids.placeHint')}</Typography.Text>
            <Button onClick={() => setMode({ kind: 'view' })}>{t('common.cancel')}</Button>
          </Space>
        )}
      </Flex>
      <Spin spinning={map.loading}>
        <div
          ref={box}
          data-testid="grid-map-canvas"
          style={{ width: '100%', aspectRatio: map.data ? `${map.data.width} / ${map.data.height}` : '10 / 7', background, border: '1px solid #f0f0f0', cursor: mode.kind === 'view' ? 'default' : 'crosshair' }}
        />
      </Spin>
      {newGrid && (
        <FormModal<{ name: string; theme?: string; branchId?: number }>
          open
          title={t('grids.newGrid')}
          testId="grid-create"
          onClose={() => setNewGrid(null)}
          onSubmit={async (v) => {
            const grid = await gridsApi.create({ communityId, name: v.name, theme: v.theme || null, branchId: v.branchId ?? null, boundary: newGrid });
            void message.success(t('grids.created', { name: tx(grid.name) }));
            changed();
          }}
        >
          <Form.Item name="name" label={t('grids.name')} rules={[{ required: true, whitespace: true, message: t('grids.nameRequired') }]}>
            <Input maxLength={50} autoFocus data-testid="grid-create-name" />
          </Form.Item>
          <Form.Item name="theme" label={t('grids.theme')}>
            <Input maxLength={20} placeholder={t('grids.themePlaceholder')} />
          </Form.Item>
          <Form.Item name="branchId" label={t('grids.branch')}>
            <OrgTreeSelect allowClear />
          </Form.Item>
        </FormModal>
      )}
      {newBuilding && (
        <FormModal<{ name: string; entrances: number; groupId?: number }>
          open
          title={t('grids.newBuilding')}
          testId="building-create"
          initialValues={{ entrances: 2 }}
          onClose={() => setNewBuilding(null)}
          onSubmit={async (v) => {
            await gridsApi.createBuilding(newBuilding.gridId, { name: v.name, entrances: v.entrances, groupId: v.groupId ?? null, x: newBuilding.x, y: newBuilding.y });
            changed();
          }}
        >
          <Form.Item name="name" label={t('grids.buildingName')} rules={[{ required: true, whitespace: true, message: t('grids.buildingNameRequired') }]}>
            <Input maxLength={30} autoFocus data-testid="building-create-name" />
          </Form.Item>
          <Form.Item name="entrances" label={t('grids.entrances')} rules={[{ required: true }]}>
            <InputNumber min={1} max={30} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="groupId" label={t('grids.group')}>
            <OrgTreeSelect allowClear />
          </Form.Item>
        </FormModal>
      )}
    </div>
  );
}
