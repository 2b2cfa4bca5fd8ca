import { List, Typography } from 'antd';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { gridsApi } from './api';

/** 民情日记: the visits of a grid (or all the caller's), newest first. */
export function VisitList({ gridId, version = 0 }: { gridId?: number; version?: number }) {
  const { t, tx } = useI18n();
  const visits = useLoad(() => gridsApi.visits({ gridId }), [gridId, version]);
  return (
    <List
      data-testid="visit-diary"
      dataSource={visits.data ?? []}
      loading={visits.loading}
      locale={{ emptyText: t('grids.diaryEmpty') }}
      renderItem={(v) => (
        <List.Item>
          <List.Item.Meta
            title={`${v.visitedOn} · ${tx(v.householdName)}`}
            description={
              <>
                <div>{tx(v.learned)}</div>
                {v.followUp && <Typography.Text type="warning">{t('grids.followUp')}：{tx(v.followUp)}</Typography.Text>}
                <div>
                  <Typography.Text type="secondary">
                    {t('grids.visitor')}：{tx(v.visitorName)}
                  </Typography.Text>
                </div>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
