import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { thisYear } from '../../kernel/time';
import { YearSelect } from '../../kernel/YearSelect';
import { statisticsApi, type AnnualReport as Report } from './api';
import { useLabel } from './label';

type Figure = Report['figures'][number];
type Candidate = Report['commendations'][number]['people'][number];

/**
 * The year-end report (年度报告) of an organization: the year's figures beside
 * last year's and the commendation candidates the records put forward, on
 * screen, on A4 paper (printing shows the report alone) and as a workbook.
 * The same counts as the statistics page: nobody types a total.
 */
export function AnnualReport({ orgId }: { orgId: number }) {
  const { t, tx, lang } = useI18n();
  const label = useLabel();
  const [year, setYear] = useState(thisYear());
  const loaded = useLoad(() => statisticsApi.annual(orgId, year), [orgId, year]);
  const r = loaded.data;
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex gap={8} wrap align="center">
          <YearSelect value={year} onChange={setYear} />
          <span className="gj-toolbar-spacer" />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!r} data-testid="annual-print">{t('statistics.print')}</Button>
          <Button icon={<DownloadOutlined />} href={statisticsApi.annualExportUrl(orgId, year)} data-testid="annual-export">{t('statistics.exportExcel')}</Button>
        </Flex>
      </Card>
      {r && (
        <div className="gj-print-report" data-testid="annual-report">
          <Typography.Title level={3} style={{ textAlign: 'center' }} data-testid="annual-title">{t('statistics.annualTitle', { org: tx(r.orgName), year: r.year })}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>{t('statistics.annualBasis', { from: r.from, to: r.to })}</Typography.Paragraph>
          <Table<Figure> size="small" rowKey="key" pagination={false} dataSource={r.figures} data-testid="annual-figures"
            columns={[
              { key: 'label', title: t('statistics.figure'), render: (_, f) => `${label(f.label)}${f.period ? '' : `（${t('statistics.now')}）`}` },
              { key: 'value', title: t('statistics.yearColumn', { year: r.year }), align: 'right', render: (_, f) => <span data-testid={`annual-${f.key}`}>{f.value}</span> },
              { key: 'previous', title: t('statistics.yearColumn', { year: r.year - 1 }), align: 'right', render: (_, f) => f.previous ?? '—' },
            ]} />
          <Typography.Title level={4} style={{ marginTop: 24 }}>{t('statistics.commendations')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('statistics.commendationsNote')}</Typography.Paragraph>
          {r.commendations.map((c) => (
            <div key={c.key} className="gj-print-keep" data-testid={`annual-commendation-${c.key}`}>
              <Typography.Title level={5}>{label(c.label)}（{c.people.length}）</Typography.Title>
              {c.people.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('statistics.noCandidates')} />
              ) : (
                <Table<Candidate> size="small" rowKey={(p) => `${p.name}/${p.orgName ?? ''}/${p.because.zh}`} pagination={false} dataSource={c.people}
                  columns={[
                    { key: 'name', title: t('statistics.name'), render: (_, p) => tx(p.name) },
                    { key: 'org', title: t('statistics.org'), render: (_, p) => tx(p.orgName ?? '') },
                    { key: 'because', title: t('statistics.because'), render: (_, p) => (lang === 'en' ? p.because.en : tx(p.because.zh)) },
                  ]} />
              )}
            </div>
          ))}
        </div>
      )}
    </Flex>
  );
}
