import { ApartmentOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useMe } from '../../kernel/auth';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import type { MessageKey } from '../../messages';
import { orgsApi } from '../orgs/api';
import { WithOrgTree } from '../orgs/OrgTreePanel';
import { findLoaded, useOrgTree } from '../orgs/tree';

function greetingKey(hour: number): MessageKey {
  if (hour < 12) return 'home.greeting.morning';
  if (hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

export function HomePage() {
  const me = useMe();
  const store = useOrgTree();
  const { t, tx, enumLabel } = useI18n();
  const first = me.grants[0];
  // The tree selection, if any, otherwise where the user's first role sits.
  const orgId = store.selectedId ?? first?.orgId ?? null;
  const orgName = findLoaded(store, orgId)?.name ?? (orgId === first?.orgId ? first?.orgName : undefined) ?? '';
  const summary = useLoad(orgId === null ? null : () => orgsApi.summary(orgId), [orgId]);
  const counts = summary.data?.orgId === orgId ? summary.data : undefined;

  return (
    <WithOrgTree>
      <div className="gj-stack">
        <Card>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="home-greeting">
            {t(greetingKey(new Date().getHours()), { name: tx(me.displayName) })}
          </Typography.Title>
        </Card>

        <Card title={t('home.myGrants')} size="small">
          {me.grants.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noGrants')} />
          ) : (
            <Row gutter={[12, 12]}>
              {me.grants.map((g) => (
                <Col xs={24} sm={12} xl={8} key={g.id}>
                  <Card size="small" className="gj-grant-card" data-testid="grant-card" hoverable onClick={() => store.select(g.orgId)}>
                    <Typography.Text strong>{enumLabel('role', g.role, g.roleLabel)}</Typography.Text>
                    <div>
                      <ApartmentOutlined /> {tx(g.orgName)}
                    </div>
                    {g.unitName && <Typography.Text type="secondary">{tx(g.unitName)}</Typography.Text>}
                  </Card>
                </Col>
              ))}
            </Row>
          )}
        </Card>

        {orgId !== null && (
          <Card title={t('home.summary', { org: tx(orgName) })} size="small" loading={!counts && !summary.failed} data-testid="home-summary">
            {counts ? (
              <Row gutter={[12, 12]}>
                <Col xs={8}>
                  <Statistic title={t('home.orgCount')} value={counts.orgCount} prefix={<ApartmentOutlined />} data-testid="summary-orgs" />
                </Col>
                <Col xs={8}>
                  <Statistic title={t('home.peopleCount')} value={counts.peopleCount} prefix={<UserOutlined />} data-testid="summary-people" />
                </Col>
                <Col xs={8}>
                  <Statistic title={t('home.memberCount')} value={counts.memberCount} prefix={<TeamOutlined />} data-testid="summary-members" />
                </Col>
              </Row>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        )}
      </div>
    </WithOrgTree>
  );
}
