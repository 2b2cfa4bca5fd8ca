import { Button, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import { NeedDrawer } from '../needs/NeedDrawer';
import { gridsApi } from './api';

/** Colours of the states a raised need can be in: open (blue), late (red), seen through (green), dropped (grey). */

/** 民情日记: the visits of a grid (or all the caller's), newest first, with the state of any need a visit raised. */
export function VisitList({ gridId, version = 0 }: { gridId?: number; version?: number }) {
  const { t, tx, enumLabel } = useI18n();
  const [reloaded, setReloaded] = useState(0);
  const [openNeed, setOpenNeed] = useState<number | null>(null);
  const visits = useLoad(() => gridsApi.visits({ gridId }), [gridId, version, reloaded]);
  return (
    <>
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
                  {v.need && (
                    <div>
                      <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpenNeed(v.need!.id)} data-testid="visit-need">
                        {t('grids.visitNeed')}：{tx(v.need.title)}
                      </Button>{' '}
                      <Tag color={colorOf('NeedStatus', v.need.status)} data-testid="visit-need-status">
                        {enumLabel('NeedStatus', v.need.status)}
                      </Tag>
                    </div>
                  )}
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
      <NeedDrawer needId={openNeed} onClose={() => setOpenNeed(null)} onChanged={() => setReloaded((n) => n + 1)} />
    </>
  );
}
