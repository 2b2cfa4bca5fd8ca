import { DownloadOutlined } from '@ant-design/icons';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useApiError, useLoad } from '../../kernel/hooks';
import { axisLines, tooltipLines } from '../../kernel/html';
import { useI18n } from '../../kernel/i18n';
import { thisYear } from '../../kernel/time';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { colorOf } from '../../kernel/vocabulary';
import { YearSelect } from '../../kernel/YearSelect';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { evaluationApi, type Confirm, type Department, type ReportBack, type RoundMember, type RoundTable, type UnitRow } from './api';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
type Option = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;
type Grade = Confirm['grade'];

function GradeTag({ grade }: { grade: Grade }) {
  const { enumLabel } = useI18n();
  return <Tag color={colorOf('EvaluationGrade', grade)}>{enumLabel('EvaluationGrade', grade)}</Tag>;
}

/** The distribution of proposed and confirmed grades: a bar chart and the same figures as a table. */
function Distribution({ table }: { table: RoundTable }) {
  const { t, enumLabel } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ec = init(el);
    const labels = table.distribution.map((d) => enumLabel('EvaluationGrade', d.grade));
    const option: Option = {
      tooltip: {
        trigger: 'axis',
        formatter: (params) => tooltipLines(axisLines(params as Parameters<typeof axisLines>[0])),
      },
      // ECharts 6 draws the legend at the bottom by default, over the grades on the axis.
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('evaluation.proposed'), data: table.distribution.map((d) => d.proposed) },
        { type: 'bar', name: t('evaluation.confirmed'), data: table.distribution.map((d) => d.confirmed) },
      ],
    };
    ec.setOption(option);
    const observer = new ResizeObserver(() => ec.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      ec.dispose();
    };
  }, [table, t, enumLabel]);
  return (
    <Flex gap={16} wrap>
      <div ref={box} style={{ flex: '1 1 360px', height: 240 }} data-testid="evaluation-chart-canvas" />
      <Table size="small" pagination={false} rowKey="grade" dataSource={table.distribution} style={{ flex: '0 1 300px' }} data-testid="evaluation-distribution"
        columns={[
          { title: t('evaluation.grade'), dataIndex: 'grade', render: (g: Grade) => <GradeTag grade={g} /> },
          { title: t('evaluation.proposed'), dataIndex: 'proposed' },
          { title: t('evaluation.confirmed'), dataIndex: 'confirmed' },
        ]} />
    </Flex>
  );
}

function ConfirmModal({ roundId, member, onClose, onSaved }: { roundId: number; member: RoundMember | null; onClose: () => void; onSaved: (t: RoundTable) => void }) {
  const { t, enumOptions } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<Confirm>();
  const submit = async (v: Confirm) => {
    try {
      onSaved(await evaluationApi.confirm(roundId, member!.personId, v));
      void message.success(t('evaluation.saved'));
      onClose();
    } catch (err) {
      onError(err, form);
    }
  };
  return (
    <Modal open={member !== null} onCancel={onClose} onOk={() => form.submit()} title={`${t('evaluation.confirm')}：${member?.name ?? ''}`} destroyOnHidden
      okButtonProps={{ 'data-testid': 'evaluation-confirm-ok' }}>
      <Form<Confirm> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ grade: member?.confirmed?.grade ?? member?.proposed }} preserve={false}>
        <Form.Item label={t('evaluation.proposed')}>{member && <GradeTag grade={member.proposed} />}</Form.Item>
        <Form.Item name="grade" label={t('evaluation.grade')} rules={[{ required: true }]}>
          <Select options={enumOptions('EvaluationGrade')} data-testid="evaluation-grade" />
        </Form.Item>
        <Form.Item name="reason" label={t('evaluation.reason')}><Input.TextArea maxLength={200} rows={2} data-testid="evaluation-reason" /></Form.Item>
      </Form>
    </Modal>
  );
}

function RoundView({ id }: { id: number }) {
  const { t } = useI18n();
  const loaded = useLoad(() => evaluationApi.table(id), [id]);
  const [table, setTable] = useState<RoundTable | null>(null);
  const [confirming, setConfirming] = useState<RoundMember | null>(null);
  const onError = useApiError();
  useEffect(() => setTable(loaded.data ?? null), [loaded.data]);
  if (!table) return null;
  const tally = (x: { satisfied: number; basically: number; dissatisfied: number }) => t('evaluation.tally', { s: x.satisfied, b: x.basically, d: x.dissatisfied });
  const close = async () => {
    try {
      setTable(await evaluationApi.close(id));
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon message={t('evaluation.rule')} />
      <Distribution table={table} />
      <Space>
        <Button icon={<DownloadOutlined />} href={evaluationApi.excelUrl(id)} data-testid="evaluation-export">{t('evaluation.export')}</Button>
        {table.actions.includes('close') && (
          <Popconfirm title={t('evaluation.closeConfirm')} onConfirm={() => void close()}><Button>{t('evaluation.close')}</Button></Popconfirm>
        )}
      </Space>
      <Table<RoundMember> size="small" rowKey="personId" dataSource={table.rows} pagination={{ pageSize: 50 }} scroll={{ x: 1100 }} data-testid="evaluation-table"
        columns={[
          { title: t('evaluation.name'), dataIndex: 'name', fixed: 'left', width: 90 },
          { title: t('evaluation.org'), dataIndex: 'orgName', width: 140 },
          {
            title: t('evaluation.commitment'), width: 110,
            render: (_, m) => m.figures.commitmentId === null ? t('evaluation.noCommitment')
              : <a href={`/commitments?reportId=${m.figures.reportId}`}>{m.figures.fulfilled === null ? t('evaluation.notReported') : t('evaluation.fulfilled', { done: m.figures.fulfilled, items: m.figures.items })}</a>,
          },
          { title: t('evaluation.peer'), width: 150, render: (_, m) => tally(m.figures.peer) },
          { title: t('evaluation.residents'), width: 150, render: (_, m) => tally(m.figures.residents) },
          {
            title: t('evaluation.points'), width: 100,
            render: (_, m) => <a href={`/people?personId=${m.personId}&pointsYear=${table.year}`}>{m.figures.points}{m.figures.threshold !== null && <Typography.Text type="secondary">（{t('evaluation.threshold', { n: m.figures.threshold })}）</Typography.Text>}</a>,
          },
          {
            title: t('evaluation.postWork'), width: 120,
            render: (_, m) => m.figures.posts.length === 0 ? 0 : m.figures.posts.map((p) => <div key={p.postId}><a href={`/posts?postId=${p.postId}`}>{p.name} {p.entries}</a></div>),
          },
          { title: t('evaluation.proposed'), width: 90, render: (_, m) => <span data-testid={`evaluation-proposed-${m.personId}`}><GradeTag grade={m.proposed} /></span> },
          {
            title: t('evaluation.confirmed'), width: 200,
            render: (_, m) => m.confirmed && (
              <span data-testid={`evaluation-confirmed-${m.personId}`}>
                <GradeTag grade={m.confirmed.grade} />
                {m.confirmed.reason && <div>{m.confirmed.reason}</div>}
                <Typography.Text type="secondary">{t('evaluation.confirmedBy', { who: m.confirmed.by, when: m.confirmed.at })}</Typography.Text>
              </span>
            ),
          },
          {
            title: '', width: 80, fixed: 'right',
            render: (_, m) => table.actions.includes('confirm') && <Button size="small" onClick={() => setConfirming(m)} data-testid={`evaluation-confirm-${m.personId}`}>{t('evaluation.confirm')}</Button>,
          },
        ]} />
      <ConfirmModal roundId={id} member={confirming} onClose={() => setConfirming(null)} onSaved={setTable} />
    </Flex>
  );
}

function Rounds() {
  const { t, tx, enumLabel } = useI18n();
  const home = useHomeOrg();
  const onError = useApiError();
  const [reloadKey, setReloadKey] = useState(0);
  const rounds = useLoad(() => evaluationApi.rounds(home), [home, reloadKey]);
  const [picked, setPicked] = useState<number>();
  const items = rounds.data?.items ?? [];
  const current = picked ?? items[0]?.id;
  const canOpen = rounds.data?.actions.includes('create') && home !== undefined && !items.some((r) => r.year === thisYear());
  const open = async () => {
    try {
      const r = await evaluationApi.open(home!, thisYear());
      setPicked(r.id);
      setReloadKey((k) => k + 1);
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Select style={{ minWidth: 280 }} value={current} onChange={setPicked} placeholder={t('evaluation.round')} data-testid="evaluation-round"
          options={items.map((r) => ({ value: r.id, label: t('evaluation.roundLabel', { org: tx(r.orgName ?? ''), year: r.year, status: enumLabel('EvaluationRoundStatus', r.status) }) }))} />
        {canOpen && <Button type="primary" onClick={() => void open()} data-testid="evaluation-open">{t('evaluation.open')}</Button>}
      </Space>
      {current === undefined ? <Empty description={t('evaluation.empty')} /> : <RoundView key={current} id={current} />}
    </Flex>
  );
}

function Departments() {
  const { t, tx } = useI18n();
  const [year, setYear] = useState(thisYear());
  const rows = useLoad(() => evaluationApi.departments(year), [year]);
  return (
    <Flex vertical gap={12}>
      <YearSelect value={year} onChange={setYear} />
      <Table<Department> size="small" rowKey="unitId" loading={rows.loading} dataSource={rows.data?.items ?? []} pagination={false} data-testid="evaluation-departments"
        columns={[
          { title: t('evaluation.department'), dataIndex: 'unitName', render: (n: string) => tx(n) },
          { title: t('evaluation.rated'), dataIndex: 'rated' },
          { title: t('evaluation.satisfied'), dataIndex: 'satisfied' },
          { title: t('evaluation.share'), dataIndex: 'satisfiedShare', render: (v: number) => `${v}%` },
          { title: t('evaluation.overdue'), dataIndex: 'overdue' },
          { title: t('evaluation.average'), dataIndex: 'average' },
          { title: t('evaluation.needs'), render: (_, d) => d.needIds.slice(0, 10).map((n) => <a key={n} href={`/needs?needId=${n}`} style={{ marginRight: 6 }}>#{n}</a>) },
        ]} />
    </Flex>
  );
}

/** The community reports back to a unit: the year's figures go with it as they stand, and its words. */
function ReportBackModal({ unit, orgId, year, onClose, onSent }: { unit: UnitRow | null; orgId: number; year: number; onClose: () => void; onSent: (rows: UnitRow[]) => void }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<Pick<ReportBack, 'body'>>();
  const submit = async (v: Pick<ReportBack, 'body'>) => {
    try {
      onSent((await evaluationApi.reportBack(unit!.unitId, { orgId, year, body: v.body })).items);
      void message.success(t('evaluation.reportBackSent'));
      onClose();
    } catch (err) {
      onError(err, form);
    }
  };
  return (
    <Modal open={unit !== null} onCancel={onClose} onOk={() => form.submit()} title={`${t('evaluation.reportBack')}：${tx(unit?.unitName ?? '')}`} destroyOnHidden
      okButtonProps={{ 'data-testid': 'evaluation-report-back-ok' }}>
      <Form<Pick<ReportBack, 'body'>> form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
        <Form.Item name="body" label={t('evaluation.reportBackBody')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={1000} rows={4} data-testid="evaluation-report-back-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 双述双评: the community's units for a year, their pledges and report ratings, exported and reported back. */
function Units() {
  const { t, tx, enumLabel } = useI18n();
  const home = useHomeOrg();
  const [picked, setPicked] = useState<number>();
  const orgId = picked ?? home;
  const [year, setYear] = useState(thisYear());
  const loaded = useLoad(orgId === undefined ? null : () => evaluationApi.units(orgId, year), [orgId, year]);
  const [rows, setRows] = useState<UnitRow[] | null>(null);
  const [reporting, setReporting] = useState<UnitRow | null>(null);
  useEffect(() => setRows(loaded.data?.items ?? null), [loaded.data]);
  const tally = (x: UnitRow['tally']) => t('evaluation.tally', { s: x.satisfied, b: x.basically, d: x.dissatisfied });
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('evaluation.unitsHint')}</Typography.Text>
      <Space wrap>
        <span style={{ minWidth: 240, display: 'inline-block' }}>
          <OrgTreeSelect value={orgId} onChange={(v) => setPicked(v)} placeholder={t('evaluation.pickCommunity')} data-testid="evaluation-units-org" />
        </span>
        <YearSelect value={year} onChange={setYear} />
        {orgId !== undefined && (
          <Button icon={<DownloadOutlined />} href={evaluationApi.unitsExcelUrl(orgId, year)} data-testid="evaluation-units-export">{t('evaluation.export')}</Button>
        )}
      </Space>
      <Table<UnitRow> size="small" rowKey="unitId" loading={loaded.loading} dataSource={rows ?? []} pagination={false} scroll={{ x: 900 }} data-testid="evaluation-units"
        locale={{ emptyText: t('evaluation.unitsEmpty') }}
        columns={[
          { title: t('evaluation.unit'), dataIndex: 'unitName', width: 180, render: (n: string) => tx(n) },
          {
            title: t('evaluation.commitment'), width: 110,
            render: (_, u) => <a href={`/commitments?unitId=${u.unitId}&year=${year}`} data-testid={`evaluation-unit-commitments-${u.unitId}`}>{u.fulfilled === null ? t('evaluation.notReported') : t('evaluation.fulfilled', { done: u.fulfilled, items: u.items })}</a>,
          },
          { title: t('evaluation.unitTally'), width: 200, render: (_, u) => <a href={`/commitments?reportId=${u.reportId}`}>{tally(u.tally)}</a> },
          { title: t('evaluation.result'), width: 100, render: (_, u) => (u.result ? <Tag color={colorOf('CommitmentGrade', u.result)}>{enumLabel('CommitmentGrade', u.result)}</Tag> : t('evaluation.noResult')) },
          {
            title: t('evaluation.reportedBack'), width: 260,
            render: (_, u) => u.reportedBack ? (
              <span data-testid={`evaluation-reported-${u.unitId}`}>
                {tx(u.reportedBack.body)} <Typography.Text type="secondary">{t('evaluation.confirmedBy', { who: tx(u.reportedBack.by), when: u.reportedBack.at })}</Typography.Text>
              </span>
            ) : t('evaluation.notReportedBack'),
          },
          {
            title: '', width: 110, fixed: 'right',
            render: (_, u) => u.actions.includes('reportBack') && (
              <Button size="small" onClick={() => setReporting(u)} data-testid={`evaluation-report-back-${u.unitId}`}>{t('evaluation.reportBack')}</Button>
            ),
          },
        ]} />
      {orgId !== undefined && <ReportBackModal unit={reporting} orgId={orgId} year={year} onClose={() => setReporting(null)} onSent={setRows} />}
    </Flex>
  );
}

/** Staff: the year-end evaluation of members, and the departments as communities rated them. */
export function EvaluationPage() {
  const { t } = useI18n();
  return (
    <Card title={t('evaluation.menu')} className="gj-page-card">
      <Tabs items={[
        { key: 'rounds', label: t('evaluation.tabRounds'), children: <Rounds /> },
        { key: 'units', label: <span data-testid="evaluation-tab-units">{t('evaluation.tabUnits')}</span>, children: <Units /> },
        { key: 'departments', label: <span data-testid="evaluation-tab-departments">{t('evaluation.tabDepartments')}</span>, children: <Departments /> },
      ]} />
    </Card>
  );
}
