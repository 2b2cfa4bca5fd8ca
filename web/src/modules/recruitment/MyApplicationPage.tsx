import { App, Button, Card, Descriptions, Empty, Space, Spin } from 'antd';
import { useState } from 'react';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { recruitmentApi, type Recruitment } from './api';
import { RecruitmentSteps, WithdrawModal } from './parts';

/** 我的入党申请: the applicant's own records, where each stands, and withdrawing an open one. */
export function MyApplicationPage() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const mine = useLoad(() => recruitmentApi.mine(), []);
  const [withdrawing, setWithdrawing] = useState<Recruitment | null>(null);
  const items = mine.data?.items ?? [];
  return (
    <Card title={t('recruitment.mine')} data-testid="my-application">
      {mine.loading ? (
        <Spin className="gj-block-spin" />
      ) : !items.length ? (
        <Empty description={t('recruitment.mineEmpty')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          {items.map((r) => (
            <Card key={r.id} size="small" type="inner" title={tx(r.orgName)} data-testid="my-application-record">
              <Descriptions column={1} size="small" items={[{ key: 'applied', label: t('recruitment.appliedOn'), children: r.appliedOn }]} />
              <RecruitmentSteps r={r} />
              {r.actions.includes('withdraw') && (
                <Button danger style={{ marginTop: 12 }} onClick={() => setWithdrawing(r)} data-testid="recruitment-withdraw">
                  {t('recruitment.withdraw')}
                </Button>
              )}
            </Card>
          ))}
        </Space>
      )}
      {withdrawing && (
        <WithdrawModal
          r={withdrawing}
          byBranch={false}
          onClose={() => setWithdrawing(null)}
          onDone={() => {
            void message.success(t('recruitment.withdrawn'));
            setWithdrawing(null);
            mine.reload();
          }}
        />
      )}
    </Card>
  );
}
