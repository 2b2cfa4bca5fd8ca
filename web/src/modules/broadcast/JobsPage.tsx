import { Button, Card, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import { broadcastApi, type Job } from './api';

/** 后台任务: the runner's failing and dead jobs first, each dead one retried by hand. */
export function JobsPage() {
  const { t, tx, enumLabel, enumOptions, formatDateTime } = useI18n();
  const onError = useApiError();
  const [status, setStatus] = useState<Job['status'] | undefined>();
  const jobs = useLoad(() => broadcastApi.jobs({ ...(status ? { status } : {}), page: 1, pageSize: 100 }), [status]);
  return (
    <Card className="gj-page-card">
      <Select allowClear style={{ width: 200, marginBottom: 12 }} value={status} onChange={setStatus} options={enumOptions('JobStatus')} placeholder={t('broadcast.status')} data-testid="jobs-status" />
      <Table<Job> rowKey="id" size="small" loading={jobs.loading} dataSource={jobs.data?.items} data-testid="jobs" pagination={false}
        columns={[
          { title: t('broadcast.job'), dataIndex: 'name', render: (v: string, j) => <>{v} {j.periodic && <Tag>{t('broadcast.periodic')}</Tag>}</> },
          { title: t('broadcast.status'), dataIndex: 'status', render: (v: Job['status']) => <Tag color={colorOf('JobStatus', v)}>{enumLabel('JobStatus', v)}</Tag> },
          { title: t('broadcast.attempts'), key: 'attempts', render: (_: unknown, j) => `${j.attempts} / ${j.maxAttempts}` },
          { title: t('broadcast.runAt'), dataIndex: 'runAt', render: (v: string) => formatDateTime(v) },
          { title: t('broadcast.lastError'), dataIndex: 'lastError', render: (v: string | null) => <Typography.Text type="danger">{tx(v)}</Typography.Text> },
          { key: 'retry', render: (_: unknown, j) => j.status === 'dead' && <Button size="small" onClick={() => broadcastApi.retryJob(j.id).then(() => jobs.reload(), (e) => onError(e))}>{t('broadcast.retry')}</Button> },
        ]} />
    </Card>
  );
}
