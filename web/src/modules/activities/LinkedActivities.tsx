import { Empty, List, Tag, Typography } from 'antd';
import { useI18n } from '../../kernel/i18n';
import { useLoad } from '../../kernel/hooks';
import { activitiesApi, timeRange } from './api';

/**
 * The activities held for a need or an alliance project, shown on the need's
 * or the project's page, so what was done about it is read where it is asked.
 */
export function LinkedActivities({ needId, projectId }: { needId?: number; projectId?: number }) {
  const { t, tx, enumLabel, formatDateTime } = useI18n();
  const list = useLoad(() => activitiesApi.list({ needId, projectId }), [needId, projectId]);
  return (
    <List
      size="small"
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activities.linkedEmpty')} /> }}
      data-testid="linked-activities"
      renderItem={(a) => (
        <List.Item extra={a.status === 'cancelled' ? <Tag>{t('activities.statusCancelled')}</Tag> : t('activities.countShort', { signedUp: a.signedUp, capacity: a.capacity, attended: a.attended })}>
          <List.Item.Meta
            title={
              <>
                <Tag color="red">{enumLabel('ActivityKind', a.kind, a.kindLabel)}</Tag>
                {tx(a.title)}
              </>
            }
            description={<Typography.Text type="secondary">{timeRange(a, formatDateTime)} · {tx(a.place)}</Typography.Text>}
          />
        </List.Item>
      )}
    />
  );
}
