import { App, Button, Card, Empty, Flex, Popconfirm, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../kernel/auth';
import { DataTable, usePaging } from '../../kernel/DataTable';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { needsApi, type Need, type PoolWish } from './api';
import { NeedDrawer, NeedStatus } from './NeedDrawer';
import { NeedCard } from './NeedsPage';

/**
 * Micro-wishes for members and unit liaisons, on a phone first: the pool of
 * published wishes of their community (anonymized), and the wishes they claimed.
 */
export function WishPoolPage() {
  const { t, tx } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const onError = useApiError();
  const unit = me.grants.find((g) => g.role === 'unit_liaison' && g.unitId !== null);
  const pool = useLoad(() => needsApi.pool(), []);
  const [paging, setPaging] = usePaging('mine');
  const mine = useLoad(() => needsApi.list({ kind: 'micro_wish', ...paging }), [paging.page, paging.pageSize]);
  const [openId, setOpenId] = useState<number | null>(null);
  const reload = () => {
    pool.reload();
    mine.reload();
  };
  const claim = async (w: PoolWish) => {
    try {
      await needsApi.claim(w.id, unit?.unitId ?? undefined);
      void message.success(t('needs.claimed'));
      reload();
      setOpenId(w.id);
    } catch (err) {
      onError(err);
      pool.reload();
    }
  };

  const wishCard = (w: PoolWish) => (
    <Card size="small" key={w.id} data-testid="wish-card">
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong>{tx(w.title)}</Typography.Text>
          <Tag>{tx(w.categoryLabel)}</Tag>
        </Flex>
        {w.description && <Typography.Paragraph style={{ margin: 0 }}>{tx(w.description)}</Typography.Paragraph>}
        <Typography.Text type="secondary">{[tx(w.requester), tx(w.placeText ?? w.orgName), w.createdAt].filter(Boolean).join(' · ')}</Typography.Text>
        <Popconfirm title={t('needs.claimConfirm', { title: tx(w.title) })} onConfirm={() => claim(w)} okText={t('common.ok')} cancelText={t('common.cancel')}>
          <Button type="primary" block data-testid="wish-claim">
            {unit ? t('needs.claimAsUnit') : t('needs.claim')}
          </Button>
        </Popconfirm>
      </Flex>
    </Card>
  );

  return (
    <Card className="gj-page-card">
      <Tabs
        items={[
          {
            key: 'pool',
            label: <span data-testid="wish-tab-pool">{t('needs.pool')}</span>,
            children: (
              <Spin spinning={pool.loading}>
                {pool.data?.items.length ? (
                  <div className="gj-cards" data-testid="wish-pool">{pool.data.items.map(wishCard)}</div>
                ) : (
                  <Empty description={t('needs.poolEmpty')} className="gj-empty" />
                )}
              </Spin>
            ),
          },
          {
            key: 'mine',
            label: <span data-testid="wish-tab-mine">{t('needs.myClaims')}</span>,
            children: (
              <DataTable<Need>
                testId="wish-mine"
                rows={mine.data?.items}
                total={mine.data?.total ?? 0}
                loading={mine.loading}
                rowKey={(n) => n.id}
                paging={paging}
                onPaging={setPaging}
                emptyText={t('needs.myClaimsEmpty')}
                columns={[
                  { key: 'title', title: t('needs.title'), render: (_, n) => <Typography.Link onClick={() => setOpenId(n.id)}>{tx(n.title)}</Typography.Link> },
                  { key: 'status', title: t('needs.status'), render: (_, n) => <NeedStatus need={n} /> },
                  { key: 'place', title: t('needs.place'), render: (_, n) => tx(n.placeText ?? n.orgName) || t('common.none') },
                ]}
                renderCard={(n) => <NeedCard need={n} onOpen={() => setOpenId(n.id)} />}
              />
            ),
          },
        ]}
      />
      <NeedDrawer needId={openId} onClose={() => setOpenId(null)} onChanged={reload} />
    </Card>
  );
}
