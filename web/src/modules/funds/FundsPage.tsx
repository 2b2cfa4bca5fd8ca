import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, Popconfirm, Select, Space, Table, Tabs, Tag, Upload } from 'antd';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useLoad } from '../../kernel/hooks';
import { tooltipLines } from '../../kernel/html';
import { useI18n } from '../../kernel/i18n';
import { today, thisYear } from '../../kernel/time';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { colorOf } from '../../kernel/vocabulary';
import { YearSelect } from '../../kernel/YearSelect';
import { readPhotos } from '../needs/api';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { fenOf, fundsApi, yuan, type FundBalances, type FundEntry, type FundPlace, type FundSource } from './api';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
type Option = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** 经费管理: balances by source with a chart, the ledger with its corrections, sources and budgets; allocate and spend. */
export function FundsPage() {
  const { t } = useI18n();
  const home = useHomeOrg();
  const [orgId, setOrgId] = useState<number | undefined>(home);
  const [year, setYear] = useState(thisYear());
  const place = orgId ? { orgId, year } : null;
  const balances = useLoad(place ? () => fundsApi.balances(place) : null, [orgId, year]);
  const ledger = useLoad(place ? () => fundsApi.ledger(place) : null, [orgId, year]);
  const sources = useLoad(place ? () => fundsApi.sources(place) : null, [orgId, year]);
  const reload = () => [balances, ledger, sources].forEach((l) => l.reload());
  const [dialog, setDialog] = useState<'allocate' | 'spend' | null>(null);
  const actions = balances.data?.actions ?? [];
  return (
    <Card className="gj-page-card">
      <Flex className="gj-toolbar" gap={8} wrap>
        <span className="gj-toolbar-search">
          <OrgTreeSelect value={orgId} onChange={setOrgId} placeholder={t('funds.org')} data-testid="funds-org" />
        </span>
        <YearSelect value={year} onChange={setYear} />
        <span className="gj-toolbar-spacer" />
        {actions.includes('allocate') && <Button onClick={() => setDialog('allocate')} data-testid="funds-allocate">{t('funds.allocate')}</Button>}
        {actions.includes('spend') && <Button type="primary" onClick={() => setDialog('spend')} data-testid="funds-spend">{t('funds.spend')}</Button>}
        {place && <Button icon={<DownloadOutlined />} href={fundsApi.exportUrl(place)} download data-testid="funds-export">{t('funds.export')}</Button>}
      </Flex>
      {!place ? (
        <Empty description={t('funds.pickOrg')} />
      ) : (
        <Tabs
          items={[
            { key: 'balances', label: t('funds.balances'), children: <BalancesView data={balances.data} /> },
            { key: 'ledger', label: t('funds.ledger'), children: <Ledger entries={ledger.data?.items} loading={ledger.loading} onChanged={reload} /> },
            { key: 'sources', label: t('funds.sources'), children: <Sources items={sources.data?.items} manage={actions.includes('manage')} year={year} onChanged={reload} /> },
          ]}
        />
      )}
      {place && dialog === 'allocate' && <AllocateModal place={place} sources={sources.data?.items ?? []} onClose={() => setDialog(null)} onDone={reload} />}
      {place && dialog === 'spend' && <SpendModal place={place} sources={sources.data?.items ?? []} onClose={() => setDialog(null)} onDone={reload} />}
    </Card>
  );
}

interface MonthPoint {
  seriesName?: string;
  name?: string;
  value?: number;
}
const monthTip = ({ seriesName, name, value }: MonthPoint) => [seriesName, `${name}: ${yuan(Math.round((value ?? 0) * 100))}`];

function BalancesView({ data }: { data: FundBalances | undefined }) {
  const { t, enumLabel } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current || !data) return;
    const ec = init(box.current);
    const option: Option = {
      tooltip: {
        trigger: 'item',
        formatter: (p) => tooltipLines(monthTip(p as MonthPoint)),
      },
      legend: {},
      xAxis: { type: 'category', data: Array.from({ length: 12 }, (_, i) => t('funds.month', { n: i + 1 })) },
      yAxis: { type: 'value' },
      series: data.rows.map((r) => ({ type: 'bar', stack: 'spent', name: r.sourceName, data: r.spentByMonthFen.map((f) => f / 100) })),
    };
    ec.setOption(option);
    return () => ec.dispose();
  }, [data, t]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        rowKey="sourceId"
        size="small"
        pagination={false}
        dataSource={data?.rows ?? []}
        data-testid="funds-balances"
        columns={[
          { title: t('funds.source'), dataIndex: 'sourceName' },
          { title: t('funds.kind'), dataIndex: 'sourceKind', render: (k: string) => <Tag color={colorOf('FundSourceKind', k)}>{enumLabel('FundSourceKind', k)}</Tag> },
          ...(['budgetFen', 'receivedFen', 'allocatedFen', 'spentFen', 'pendingFen', 'leftFen'] as const).map((key) => ({
            title: t(({ budgetFen: 'funds.budget', receivedFen: 'funds.received', allocatedFen: 'funds.allocated', spentFen: 'funds.spent', pendingFen: 'funds.pending', leftFen: 'funds.left' } as const)[key]),
            dataIndex: key,
            align: 'right' as const,
            render: (v: number) => <span data-testid={`funds-${key}`}>{yuan(v)}</span>,
          })),
        ]}
      />
      <div ref={box} style={{ height: 280 }} aria-label={t('funds.byMonth')} data-testid="funds-chart-canvas" />
      <Table
        rowKey="sourceId"
        size="small"
        pagination={false}
        dataSource={data?.rows ?? []}
        columns={[
          { title: t('funds.byMonth'), dataIndex: 'sourceName' },
          ...Array.from({ length: 12 }, (_, i) => ({ title: t('funds.month', { n: i + 1 }), key: i, align: 'right' as const, render: (_: unknown, r: FundBalances['rows'][number]) => yuan(r.spentByMonthFen[i] ?? 0) })),
        ]}
      />
      {data?.inKind.length ? (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          title={() => t('funds.inKind')}
          dataSource={data.inKind}
          columns={[
            { title: t('funds.date'), dataIndex: 'givenOn' },
            { title: t('funds.payee'), render: (_, k) => k.unitName ?? k.orgName },
            { title: t('funds.paidForLabel'), dataIndex: 'description' },
            { title: t('funds.amount'), render: (_, k) => `${k.quantity} ${k.quantityUnit}` },
          ]}
        />
      ) : null}
    </Space>
  );
}

function Ledger({ entries, loading, onChanged }: { entries: FundEntry[] | undefined; loading: boolean; onChanged: () => void }) {
  const { t, enumLabel } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const step = async (e: FundEntry, s: FundEntry['actions'][number]) => {
    try {
      await fundsApi.step(e.id, s);
      void message.success(t('funds.done'));
      onChanged();
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={entries ?? []}
      locale={{ emptyText: t('funds.empty') }}
      data-testid="funds-ledger"
      columns={[
        { title: t('funds.date'), dataIndex: 'entryOn' },
        { title: t('funds.entryKind'), render: (_, e) => enumLabel('FundEntryKind', e.kind) },
        { title: t('funds.source'), dataIndex: 'sourceName' },
        { title: t('funds.paidForLabel'), render: (_, e) => (e.kind === 'allocation' ? `${e.orgName} → ${e.toOrgName ?? ''}` : [e.paidForKind && enumLabel('FundSpentOn', e.paidForKind), e.paidForLabel].filter(Boolean).join('：')) },
        { title: t('funds.payee'), dataIndex: 'payee' },
        { title: t('funds.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
        { title: t('funds.status'), render: (_, e) => <Tag color={colorOf('FundEntryStatus', e.status)}>{e.reversedBy ? t('funds.reversedBy') : enumLabel('FundEntryStatus', e.status)}</Tag> },
        { title: t('funds.rule'), dataIndex: 'rule' },
        { title: t('funds.recorder'), dataIndex: 'recorderName' },
        {
          key: 'actions',
          render: (_, e) => (
            <Space size={4} wrap>
              {e.hasInvoice && <a href={fundsApi.invoiceUrl(e.id)} target="_blank" rel="noreferrer">{t('funds.viewInvoice')}</a>}
              {e.actions.map((a) =>
                a === 'reverse' ? (
                  <Popconfirm key={a} title={t('funds.reverseConfirm')} onConfirm={() => step(e, a)}>
                    <Button size="small" danger data-testid={`funds-reverse-${e.id}`}>{t('funds.action.reverse')}</Button>
                  </Popconfirm>
                ) : (
                  <Button key={a} size="small" onClick={() => step(e, a)} data-testid={`funds-${a}-${e.id}`}>{t(`funds.action.${a}`)}</Button>
                ),
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

function Sources({ items, manage, year, onChanged }: { items: FundSource[] | undefined; manage: boolean; year: number; onChanged: () => void }) {
  const { t, enumLabel } = useI18n();
  const [editing, setEditing] = useState<FundSource | null>(null);
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items ?? []}
        columns={[
          { title: t('funds.source'), dataIndex: 'name' },
          { title: t('funds.kind'), dataIndex: 'kind', render: (k: string) => <Tag color={colorOf('FundSourceKind', k)}>{enumLabel('FundSourceKind', k)}</Tag> },
          { title: t('funds.holder'), dataIndex: 'orgName' },
          { title: t('funds.budget'), dataIndex: 'budgetFen', align: 'right', render: (v: number | null) => (v === null ? '—' : yuan(v)) },
          { key: 'edit', render: (_, s) => manage && <Button size="small" onClick={() => setEditing(s)}>{t('funds.setBudget')}</Button> },
        ]}
      />
      {editing && (
        <FormModal<{ amount: string }>
          open
          title={`${t('funds.setBudget')}：${editing.name}`}
          testId="funds-budget-form"
          initialValues={{ amount: editing.budgetFen === null ? '' : (editing.budgetFen / 100).toFixed(2) }}
          onClose={() => setEditing(null)}
          onSubmit={async (v) => {
            await fundsApi.setBudget(editing.id, { year, amountFen: fenOf(v.amount) ?? -1 });
            onChanged();
          }}
        >
          <AmountField />
        </FormModal>
      )}
    </>
  );
}

function AmountField() {
  const { t } = useI18n();
  return (
    <Form.Item name="amount" label={t('funds.amount')} extra={t('funds.amountHint')} rules={[{ validator: (_, v) => (fenOf(v) ? Promise.resolve() : Promise.reject(new Error(t('funds.amountRequired')))) }]}>
      <Input inputMode="decimal" data-testid="funds-amount" />
    </Form.Item>
  );
}

const sourceOptions = (sources: FundSource[]) => sources.map((s) => ({ value: s.id, label: s.name }));

function AllocateModal({ place, sources, onClose, onDone }: { place: FundPlace; sources: FundSource[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<{ sourceId: number; toOrgId: number; amount: string; entryOn: dayjs.Dayjs; note?: string }>
      open
      title={t('funds.allocate')}
      testId="funds-allocate-form"
      initialValues={{ entryOn: dayjs(today()) }}
      onClose={onClose}
      onSubmit={async (v) => {
        await fundsApi.allocate({ sourceId: v.sourceId, fromOrgId: place.orgId, toOrgId: v.toOrgId, amountFen: fenOf(v.amount) ?? 0, entryOn: v.entryOn.format('YYYY-MM-DD'), note: v.note || null });
        onDone();
      }}
    >
      <Form.Item name="sourceId" label={t('funds.source')} rules={[{ required: true }]}>
        <Select options={sourceOptions(sources)} data-testid="funds-source" />
      </Form.Item>
      <Form.Item name="toOrgId" label={t('funds.toOrg')} rules={[{ required: true }]}>
        <OrgTreeSelect data-testid="funds-to-org" />
      </Form.Item>
      <AmountField />
      <Form.Item name="entryOn" label={t('funds.date')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={t('funds.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function SpendModal({ place, sources, onClose, onDone }: { place: FundPlace; sources: FundSource[]; onClose: () => void; onDone: () => void }) {
  const { t, enumOptions } = useI18n();
  const [invoice, setInvoice] = useState<File | null>(null);
  return (
    <FormModal<{ sourceId: number; amount: string; entryOn: dayjs.Dayjs; payee: string; paidForKind: NonNullable<FundEntry['paidForKind']>; paidForId?: string; paidForLabel?: string; note?: string }>
      open
      title={t('funds.spend')}
      testId="funds-spend-form"
      initialValues={{ entryOn: dayjs(today()) }}
      onClose={onClose}
      onSubmit={async (v) => {
        const [dataUrl] = invoice ? await readPhotos([invoice]) : [];
        await fundsApi.spend({
          orgId: place.orgId, sourceId: v.sourceId, amountFen: fenOf(v.amount) ?? 0, entryOn: v.entryOn.format('YYYY-MM-DD'), payee: v.payee,
          paidForKind: v.paidForKind, ...(v.paidForId ? { paidForId: Number(v.paidForId) } : {}), paidForLabel: v.paidForLabel || null, note: v.note || null,
          ...(invoice && dataUrl ? { invoice: { name: invoice.name, dataUrl } } : {}),
        });
        onDone();
      }}
    >
      <Form.Item name="sourceId" label={t('funds.source')} rules={[{ required: true }]}>
        <Select options={sourceOptions(sources)} data-testid="funds-source" />
      </Form.Item>
      <AmountField />
      <Form.Item name="entryOn" label={t('funds.date')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="payee" label={t('funds.payee')} rules={[{ required: true }]}>
        <Input maxLength={60} data-testid="funds-payee" />
      </Form.Item>
      <Form.Item name="paidForKind" label={t('funds.paidForKind')} rules={[{ required: true }]}>
        <Select options={enumOptions('FundSpentOn')} data-testid="funds-paid-for-kind" />
      </Form.Item>
      <Form.Item name="paidForId" label={t('funds.paidForId')}>
        <Input inputMode="numeric" data-testid="funds-paid-for-id" />
      </Form.Item>
      <Form.Item name="paidForLabel" label={t('funds.paidForLabel')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('funds.invoice')}>
        <Upload accept="image/*,application/pdf" maxCount={1} beforeUpload={(f) => (setInvoice(f), false)} onRemove={() => setInvoice(null)} data-testid="funds-invoice">
          <Button>{t('funds.invoice')}</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="note" label={t('funds.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
