import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Progress, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useAuth } from '../../kernel/auth';
import { DataTable, usePaging } from '../../kernel/DataTable';
import { useApiError, useIsPhone, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import { readBase64 } from '../orgs/ImportModal';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { censusApi, type ImportBody, type ImportJob, type ImportPreview } from './api';
import { MappingCard } from './MappingCard';

const POLL_MS = 500;

/** Follows a job by polling it until it is no longer running. */
function useJob(initial: ImportJob | null) {
  const [job, setJob] = useState(initial);
  const onError = useApiError();
  useEffect(() => setJob(initial), [initial]);
  const id = job?.id;
  const running = job?.status === 'running' && !job.stalled;
  useEffect(() => {
    if (!running || id === undefined) return;
    const timer = setInterval(() => {
      censusApi.get(id).then(setJob, (err: unknown) => {
        clearInterval(timer);
        onError(err);
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [id, running, onError]);
  return [job, setJob] as const;
}

function JobCard({ job, onChange }: { job: ImportJob; onChange: (job: ImportJob) => void }) {
  const { t, tx } = useI18n();
  const onError = useApiError();
  const isPhone = useIsPhone();
  const done = job.status !== 'running';
  const percent = job.totalRows ? Math.floor((job.doneRows * 100) / job.totalRows) : 100;
  const rejected = useLoad(
    done && job.rejected > 0 ? () => censusApi.rows(job.id, { outcome: 'rejected', page: 1, pageSize: 200 }) : null,
    [job.id, done],
  );
  return (
    <Card size="small" title={`${t('census.progress')} · ${tx(job.fileName)}`} data-testid="census-job" data-job={job.id} style={{ marginTop: 16 }}>
      <Progress
        percent={percent}
        status={job.status === 'failed' ? 'exception' : done ? 'success' : 'active'}
        data-testid="census-progress"
      />
      <Typography.Text type="secondary" data-testid="census-rows-done">
        {t('census.rowsDone', { done: job.doneRows, total: job.totalRows })}
      </Typography.Text>
      <Flex gap={isPhone ? 16 : 40} wrap style={{ margin: '12px 0' }} data-testid="census-counts">
        <Statistic title={t('census.created')} value={job.created} data-testid="census-created" />
        <Statistic title={t('census.merged')} value={job.merged} data-testid="census-merged" />
        <Statistic title={t('census.unchanged')} value={job.unchanged} data-testid="census-unchanged" />
        <Statistic title={t('census.rejected')} value={job.rejected} valueStyle={job.rejected ? { color: '#c8161d' } : undefined} data-testid="census-rejected" />
      </Flex>
      {job.stalled && (
        <Alert
          type="warning"
          showIcon
          title={t('census.stalled')}
          action={
            <Button size="small" onClick={() => censusApi.resume(job.id).then(onChange, onError)} data-testid="census-resume">
              {t('census.resume')}
            </Button>
          }
        />
      )}
      {job.status === 'failed' && <Alert type="error" showIcon title={t('census.failed')} description={tx(job.failure)} />}
      {job.ignoredColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('census.ignored', { columns: job.ignoredColumns.map((c) => tx(c)).join('、') })}
          data-testid="census-ignored"
        />
      )}
      {done && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Button icon={<DownloadOutlined />} href={censusApi.reportUrl(job.id)} download data-testid="census-report">
              {t('census.report')}
            </Button>
          </Space>
          {job.rejected > 0 ? (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('census.reportHint')} />
              <Typography.Title level={5}>{t('census.rejectedRows')}</Typography.Title>
              {isPhone ? (
                <div className="gj-cards" data-testid="census-rejected-rows">
                  {rejected.data?.items.map((r) => (
                    <Card size="small" key={r.rowNo}>
                      <Typography.Text strong>{tx(r.name)}</Typography.Text>
                      <div>{tx(r.message)}</div>
                    </Card>
                  ))}
                </div>
              ) : (
                <Table
                  size="small"
                  rowKey={(r) => r.rowNo}
                  loading={rejected.loading}
                  dataSource={rejected.data?.items}
                  pagination={job.rejected > 10 ? { pageSize: 10, simple: true } : false}
                  data-testid="census-rejected-rows"
                  columns={[
                    { key: 'row', title: t('census.row'), dataIndex: 'rowNo', width: 64 },
                    { key: 'name', title: t('census.name'), render: (_, r) => tx(r.name) },
                    { key: 'message', title: t('census.message'), render: (_, r) => tx(r.message) },
                  ]}
                />
              )}
            </>
          ) : (
            job.status === 'done' && <Alert type="success" showIcon title={t('census.noRejected')} />
          )}
        </>
      )}
    </Card>
  );
}

export function CensusPage() {
  const { t, tx, formatDateTime, enumLabel } = useI18n();
  const { state } = useAuth();
  const onError = useApiError();
  const [orgId, setOrgId] = useState<number | undefined>(state.status === 'signedIn' ? state.me.grants[0]?.orgId : undefined);
  const [started, setStarted] = useState<ImportJob | null>(null);
  const [job, setJob] = useJob(started);
  const [busy, setBusy] = useState(false);
  const [paging, setPaging] = usePaging('census');
  const history = useLoad(() => censusApi.list(paging), [paging.page, paging.pageSize, job?.status]);

  // The file read and previewed, waiting for the user to confirm what its columns are.
  const [pending, setPending] = useState<{ orgId: number; fileName: string; file: string; preview: ImportPreview } | null>(null);

  const busyWhile = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  const upload = (file: File, into: number) =>
    busyWhile(async () => {
      const content = await readBase64(file);
      setPending({ orgId: into, fileName: file.name, file: content, preview: await censusApi.preview(into, file.name, content) });
      setStarted(null);
    });
  const start = (columns: string[], fixed: NonNullable<ImportBody['fixed']>) =>
    busyWhile(async () => {
      if (!pending) return;
      setStarted(await censusApi.start({ orgId: pending.orgId, fileName: pending.fileName, file: pending.file, columns: columns as ImportBody['columns'], fixed }));
      setPending(null);
    }).catch(onError);

  return (
    <Card className="gj-page-card" title={t('census.title')}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('census.hint')} />
      <Form layout="vertical">
        <Form.Item label={t('census.org')} required>
          <OrgTreeSelect value={orgId} onChange={setOrgId} data-testid="census-org" />
        </Form.Item>
      </Form>
      <Button icon={<DownloadOutlined />} href={censusApi.templateUrl} download style={{ marginBottom: 12 }} data-testid="census-template">
        {t('census.template')}
      </Button>
      <div data-testid="census-upload">
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={busy || orgId === undefined}
          beforeUpload={(file) => {
            if (orgId !== undefined) upload(file, orgId).catch(onError);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('census.pick')}</p>
        </Upload.Dragger>
      </div>
      {pending && (
        <MappingCard
          key={`${pending.fileName}-${pending.file.length}`}
          fileName={pending.fileName}
          preview={pending.preview}
          busy={busy}
          onImport={start}
          onCancel={() => setPending(null)}
        />
      )}
      {job && <JobCard job={job} onChange={setJob} />}

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('census.history')}
      </Typography.Title>
      <DataTable<ImportJob>
        testId="census-history"
        rows={history.data?.items}
        total={history.data?.total ?? 0}
        loading={history.loading}
        rowKey={(j) => j.id}
        paging={paging}
        onPaging={setPaging}
        emptyText={t('census.historyEmpty')}
        columns={[
          { key: 'file', title: t('census.file'), render: (_, j) => tx(j.fileName) },
          { key: 'org', title: t('census.org'), render: (_, j) => tx(j.orgName) },
          { key: 'startedAt', title: t('census.startedAt'), render: (_, j) => formatDateTime(j.startedAt) },
          { key: 'total', title: t('census.total'), dataIndex: 'totalRows' },
          { key: 'rejected', title: t('census.rejected'), dataIndex: 'rejected' },
          { key: 'status', title: t('census.status'), render: (_, j) => <Tag color={colorOf('ImportStatus', j.status)}>{enumLabel('ImportStatus', j.status, j.statusLabel)}</Tag> },
          { key: 'open', title: '', render: (_, j) => <a onClick={() => setStarted(j)}>{t('census.open')}</a> },
        ]}
        renderCard={(j) => (
          <div className="gj-card-row" onClick={() => setStarted(j)}>
            <Flex justify="space-between" align="center">
              <Typography.Text strong>{tx(j.fileName)}</Typography.Text>
              <Tag color={colorOf('ImportStatus', j.status)}>{enumLabel('ImportStatus', j.status, j.statusLabel)}</Tag>
            </Flex>
            <Typography.Text type="secondary">
              {[tx(j.orgName), formatDateTime(j.startedAt), `${t('census.total')} ${j.totalRows}`, `${t('census.rejected')} ${j.rejected}`].join(' · ')}
            </Typography.Text>
          </div>
        )}
      />
    </Card>
  );
}
