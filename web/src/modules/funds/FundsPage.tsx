import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, Popconfirm, Select, Space, Table, Tabs, Tag, Upload, type FormInstance, type TableColumnsType } from 'antd';
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
import type { MessageKey } from '../../messages';
import { ImportModal } from '../orgs/ImportModal';
import { UnitSelect } from '../orgs/pickers';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { fenOf, fundsApi, yuan, type FundBalances, type FundEntry, type FundPlace, type FundSource, type NewInKind } from './api';
import { RulesTab } from './RulesTab';
import { TargetSelect } from './TargetSelect';

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
            { key: 'sources', label: t('funds.sources'), children: <Sources orgId={place.orgId} items={sources.data?.items} manage={actions.includes('manage')} year={year} onChanged={reload} /> },
            { key: 'inKind', label: t('funds.inKindTab'), children: <InKindTab place={place} items={balances.data?.inKind} add={actions.includes('spend')} onChanged={reload} /> },
            { key: 'rules', label: t('funds.rules'), children: <RulesTab orgId={place.orgId} /> },
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
  const i18n = useI18n();
  const { t, enumLabel } = i18n;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current || !data) return;
    const ec = init(box.current);
    const option: Option = {
      tooltip: {
        trigger: 'item',
        formatter: (p) => tooltipLines(monthTip(p as MonthPoint)),
      },
      // ECharts 6 draws the legend at the bottom by default, over the months on the axis.
      legend: { top: 0 },
      grid: { top: 40 },
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
          data-testid="funds-balances-in-kind"
          columns={inKindColumns(i18n)}
        />
      ) : null}
    </Space>
  );
}

function Ledger({ entries, loading, onChanged }: { entries: FundEntry[] | undefined; loading: boolean; onChanged: () => void }) {
  const { t, tx, enumLabel } = useI18n();
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
        {
          title: t('funds.status'),
          render: (_, e) => (
            <Tag color={colorOf('FundEntryStatus', e.status)}>
              {e.reversedBy ? t('funds.reversedBy') : e.status === 'pending' && e.ownersCommittee ? t('funds.awaitingCommittee', { name: tx(e.ownersCommittee) }) : enumLabel('FundEntryStatus', e.status)}
            </Tag>
          ),
        },
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

// The import report names a column by its key; the user knows it by the template's header.
const BUDGET_COLUMNS: Record<string, MessageKey> = { source: 'funds.source', kind: 'funds.kind', year: 'funds.year', amount: 'funds.budgetAmount' };

function Sources({ orgId, items, manage, year, onChanged }: { orgId: number; items: FundSource[] | undefined; manage: boolean; year: number; onChanged: () => void }) {
  const { t, enumLabel, enumOptions } = useI18n();
  const [editing, setEditing] = useState<FundSource | null>(null);
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  return (
    <>
      {manage && (
        <Flex gap={8} style={{ marginBottom: 8 }}>
          <span className="gj-toolbar-spacer" />
          <Button onClick={() => setCreating(true)} data-testid="funds-source-add">{t('funds.sourceAdd')}</Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="funds-import">{t('funds.importBudgets')}</Button>
        </Flex>
      )}
      {creating && (
        <FormModal<{ name: string; kind: FundSource['kind']; unitId?: number }>
          open
          title={t('funds.sourceAdd')}
          testId="funds-source-form"
          onClose={() => setCreating(false)}
          onSubmit={async (v) => {
            await fundsApi.createSource({ orgId, name: v.name, kind: v.kind, ...(v.unitId ? { unitId: v.unitId } : {}) });
            onChanged();
          }}
        >
          <Form.Item name="name" label={t('funds.sourceName')} rules={[{ required: true }]}>
            <Input maxLength={60} data-testid="funds-source-name" />
          </Form.Item>
          <Form.Item name="kind" label={t('funds.kind')} rules={[{ required: true }]}>
            <Select options={enumOptions('FundSourceKind')} data-testid="funds-source-kind" />
          </Form.Item>
          <Form.Item name="unitId" label={t('funds.sourceUnit')} extra={t('funds.sourceUnitHint')}>
            <UnitSelect data-testid="funds-source-unit" />
          </Form.Item>
        </FormModal>
      )}
      {importing && (
        <ImportModal
          org={{ id: orgId, name: '' }}
          onClose={() => setImporting(false)}
          ledger={{
            title: t('funds.importBudgets'),
            upload: (content, mode) => fundsApi.importBudgets(orgId, content, mode),
            templateUrl: fundsApi.budgetTemplateUrl,
            fieldLabels: BUDGET_COLUMNS,
            onApplied: onChanged,
          }}
        />
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items ?? []}
        data-testid="funds-sources"
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

type SpentOn = NonNullable<FundEntry['paidForKind']>;
/** The kinds of spending tied to a record of another module, picked by name; the others are described in words. */
const isRecordKind = (k: SpentOn | undefined): k is 'project' | 'activity' | 'need' | 'task' => k === 'project' || k === 'activity' || k === 'need' || k === 'task';
/** A new kind of spending names a record of another kind: the one picked before no longer fits. */
const clearTargetOnKind = (changed: { paidForKind?: SpentOn }, form: FormInstance) => {
  if ('paidForKind' in changed) form.setFieldValue('paidForId', undefined);
};

/** What an expense or an in-kind contribution was for: its kind, and the record found by name. */
function PaidForFields({ orgId, required }: { orgId: number; required: boolean }) {
  const { t, enumOptions } = useI18n();
  return (
    <>
      <Form.Item name="paidForKind" label={t('funds.paidForKind')} rules={[{ required }]}>
        <Select allowClear={!required} options={enumOptions('FundSpentOn')} data-testid="funds-paid-for-kind" />
      </Form.Item>
      <Form.Item noStyle dependencies={['paidForKind']}>
        {({ getFieldValue }) => {
          const kind = getFieldValue('paidForKind') as SpentOn | undefined;
          return (
            isRecordKind(kind) && (
              <Form.Item name="paidForId" label={t('funds.paidForId')} extra={t('funds.targetHint')} rules={[{ required: true }]}>
                <TargetSelect orgId={orgId} kind={kind} data-testid="funds-paid-for-id" />
              </Form.Item>
            )
          );
        }}
      </Form.Item>
    </>
  );
}

/** The same columns wherever in-kind contributions are listed: a quantity in its own unit, headed as such, never as money. */
function inKindColumns({ t, tx, enumLabel }: ReturnType<typeof useI18n>): TableColumnsType<FundBalances['inKind'][number]> {
  return [
    { title: t('funds.date'), dataIndex: 'givenOn' },
    { title: t('funds.inKindGiver'), render: (_, k) => tx(k.unitName ?? k.orgName) },
    { title: t('funds.inKindWhat'), dataIndex: 'description', render: (v: string) => tx(v) },
    { title: t('funds.inKindQuantity'), align: 'right', render: (_, k) => <span data-testid="funds-in-kind-quantity">{`${k.quantity} ${tx(k.quantityUnit)}`}</span> },
    { title: t('funds.paidForLabel'), render: (_, k) => [k.paidForKind && enumLabel('FundSpentOn', k.paidForKind), k.paidForLabel && tx(k.paidForLabel)].filter(Boolean).join('：') },
  ];
}

/** Beside the money, each in its own unit (场次, 小时): listed and recorded, never added to an amount. */
function InKindTab({ place, items, add, onChanged }: { place: FundPlace; items: FundBalances['inKind'] | undefined; add: boolean; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 8 }}>
        <span>{t('funds.inKind')}</span>
        <span className="gj-toolbar-spacer" />
        {add && <Button onClick={() => setAdding(true)} data-testid="funds-in-kind-add">{t('funds.inKindAdd')}</Button>}
      </Flex>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items ?? []}
        locale={{ emptyText: t('funds.empty') }}
        data-testid="funds-in-kind"
        columns={inKindColumns(i18n)}
      />
      {adding && (
        <FormModal<{ description: string; quantity: string; quantityUnit: string; unitId?: number; paidForKind?: SpentOn; paidForId?: number; givenOn: dayjs.Dayjs }>
          open
          title={t('funds.inKindAdd')}
          testId="funds-in-kind-form"
          initialValues={{ givenOn: dayjs(today()) }}
          onValuesChange={clearTargetOnKind}
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            const body: NewInKind = {
              orgId: place.orgId, description: v.description, quantity: Number(v.quantity), quantityUnit: v.quantityUnit, givenOn: v.givenOn.format('YYYY-MM-DD'),
              ...(v.unitId ? { unitId: v.unitId } : {}),
              ...(v.paidForKind ? { paidForKind: v.paidForKind } : {}),
              ...(v.paidForId ? { paidForId: v.paidForId } : {}),
            };
            await fundsApi.addInKind(body);
            onChanged();
          }}
        >
          <Form.Item name="description" label={t('funds.inKindWhat')} rules={[{ required: true }]}>
            <Input maxLength={100} placeholder={t('funds.inKindWhatHint')} data-testid="funds-in-kind-description" />
          </Form.Item>
          <Space.Compact block>
            <Form.Item name="quantity" label={t('funds.inKindQuantity')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <Input inputMode="decimal" data-testid="funds-in-kind-count" />
            </Form.Item>
            <Form.Item name="quantityUnit" label={t('funds.inKindUnit')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <Input maxLength={10} placeholder={t('funds.inKindUnitHint')} data-testid="funds-in-kind-unit" />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="unitId" label={t('funds.inKindGiver')}>
            <UnitSelect data-testid="funds-in-kind-giver" />
          </Form.Item>
          <PaidForFields orgId={place.orgId} required={false} />
          <Form.Item name="givenOn" label={t('funds.date')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

function SpendModal({ place, sources, onClose, onDone }: { place: FundPlace; sources: FundSource[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [invoice, setInvoice] = useState<File | null>(null);
  return (
    <FormModal<{ sourceId: number; amount: string; entryOn: dayjs.Dayjs; payee: string; paidForKind: NonNullable<FundEntry['paidForKind']>; paidForId?: number; paidForLabel?: string; note?: string }>
      open
      title={t('funds.spend')}
      testId="funds-spend-form"
      initialValues={{ entryOn: dayjs(today()) }}
      onValuesChange={clearTargetOnKind}
      onClose={onClose}
      onSubmit={async (v) => {
        const [dataUrl] = invoice ? await readPhotos([invoice]) : [];
        await fundsApi.spend({
          orgId: place.orgId, sourceId: v.sourceId, amountFen: fenOf(v.amount) ?? 0, entryOn: v.entryOn.format('YYYY-MM-DD'), payee: v.payee,
          paidForKind: v.paidForKind, ...(v.paidForId ? { paidForId: v.paidForId } : {}), paidForLabel: v.paidForLabel || null, note: v.note || null,
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
      <PaidForFields orgId={place.orgId} required />
      <Form.Item noStyle dependencies={['paidForKind']}>
        {({ getFieldValue }) =>
          !isRecordKind(getFieldValue('paidForKind')) && (
            <Form.Item name="paidForLabel" label={t('funds.paidForLabel')}>
              <Input maxLength={100} data-testid="funds-paid-for-label" />
            </Form.Item>
          )
        }
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
