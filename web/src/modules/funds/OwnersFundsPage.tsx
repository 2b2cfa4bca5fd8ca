import { App, Button, Card, Descriptions, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { thisYear } from '../../kernel/time';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { YearSelect } from '../../kernel/YearSelect';
import { fundsApi, yuan, type FundEntry } from './api';

/**
 * 业主资金公示 (三位一体): an estate's owners' fund, held by its owners'
 * committee, run by the residents' committee, supervised by the owners.
 * Residents read what it paid for and who approved it; the committee's
 * liaison decides the expenses waiting for it (buttons from each entry's
 * actions). Phone-first: one card per fund.
 */
export function OwnersFundsPage() {
  const { t, tx, enumLabel } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const orgId = useHomeOrg();
  const [year, setYear] = useState(thisYear());
  const funds = useLoad(orgId ? () => fundsApi.owners({ orgId, year }) : null, [orgId, year]);
  const decide = async (e: FundEntry, step: FundEntry['actions'][number]) => {
    try {
      await fundsApi.step(e.id, step);
      void message.success(t('funds.done'));
      funds.reload();
    } catch (err) {
      onError(err);
    }
  };
  const pending = funds.data?.pending ?? [];
  const notices = funds.data?.notices ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Flex gap={8} align="center" wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('funds.ownersMenu')}</Typography.Title>
        <span className="gj-toolbar-spacer" />
        <YearSelect value={year} onChange={setYear} />
      </Flex>
      <Typography.Paragraph type="secondary">{t('funds.ownersIntro')}</Typography.Paragraph>
      {pending.length > 0 && (
        <Card title={t('funds.ownersPending')} size="small" data-testid="owners-pending">
          <List
            dataSource={pending}
            renderItem={(e) => (
              <List.Item
                key={e.id}
                data-testid={`owners-pending-${e.id}`}
                actions={e.actions.filter((a) => a !== 'reverse').map((a) => (
                  <Button key={a} size="small" type={a === 'approve' ? 'primary' : 'default'} onClick={() => decide(e, a)} data-testid={`owners-${a}-${e.id}`}>
                    {t(`funds.action.${a}`)}
                  </Button>
                ))}
              >
                <List.Item.Meta
                  title={`${tx(e.sourceName)} · ${yuan(e.amountFen)}`}
                  description={[e.entryOn, tx(e.payee ?? ''), [e.paidForKind && enumLabel('FundSpentOn', e.paidForKind), e.paidForLabel && tx(e.paidForLabel)].filter(Boolean).join('：'), e.note && tx(e.note)]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      {!funds.loading && notices.length === 0 && <Empty description={t('funds.ownersNone')} />}
      {notices.map((n) => (
        <Card key={n.sourceId} size="small" title={tx(n.sourceName)} extra={<Tag color="orange">{tx(n.committee)}</Tag>} data-testid="owners-notice">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 3 }}
            items={[
              { key: 'org', label: t('funds.holder'), children: tx(n.orgName) },
              { key: 'budget', label: t('funds.budget'), children: n.budgetFen === null ? '—' : yuan(n.budgetFen) },
              { key: 'spent', label: t('funds.spent'), children: <span data-testid="owners-spent">{yuan(n.spentFen)}</span> },
            ]}
          />
          <List
            size="small"
            locale={{ emptyText: t('funds.empty') }}
            dataSource={n.expenses}
            renderItem={(e) => (
              <List.Item key={e.id} extra={<strong>{yuan(e.amountFen)}</strong>}>
                <List.Item.Meta
                  title={[e.paidForKind && enumLabel('FundSpentOn', e.paidForKind), e.paidForLabel && tx(e.paidForLabel)].filter(Boolean).join('：')}
                  description={[
                    e.entryOn,
                    t('funds.ownersPayee', { payee: tx(e.payee) }),
                    e.approvedBy ? t('funds.ownersApprovedBy', { name: tx(e.approvedBy) }) : null,
                    e.reversesId ? t('funds.ownersReversal') : null,
                  ].filter(Boolean).join(' · ')}
                />
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Space>
  );
}
