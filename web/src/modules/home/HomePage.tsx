import { ApartmentOutlined, RightOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Flex, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../kernel/auth';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { holds } from '../../kernel/roles';
import { colorOf } from '../../kernel/vocabulary';
import type { MessageKey } from '../../messages';
import { orgsApi } from '../orgs/api';
import { WithOrgTree } from '../orgs/OrgTreePanel';
import { findLoaded, useOrgTree } from '../orgs/tree';
import { homeApi, type TodoItem } from './api';

function greetingKey(hour: number): MessageKey {
  if (hour < 12) return 'home.greeting.morning';
  if (hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

/** One thing waiting on the user, a whole-width link (a phone's thumb target) to the page that acts on it. */
function TodoRow({ item }: { item: TodoItem }) {
  const { t, enumLabel } = useI18n();
  const when = item.dueOn ? t(item.overdue ? 'home.overdueSince' : 'home.dueOn', { date: item.dueOn }) : null;
  return (
    <Link to={item.link} className="gj-todo" data-testid={`todo-${item.kind}`}>
      <Flex align="center" gap={8} style={{ minHeight: 48, width: '100%' }}>
        <Flex vertical style={{ flex: 1, minWidth: 0 }}>
          <span>
            <Tag color={colorOf('TodoKind', item.kind)}>{enumLabel('TodoKind', item.kind)}</Tag>
            {item.count !== null && (
              <Typography.Text strong data-testid="todo-count">
                {t('home.count', { n: item.count })}
              </Typography.Text>
            )}
          </span>
          {/* As typed: React renders it as text. */}
          {item.title && <Typography.Text ellipsis>{item.title}</Typography.Text>}
          {when && <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>{when}</Typography.Text>}
        </Flex>
        <RightOutlined aria-hidden />
      </Flex>
    </Link>
  );
}

function TodoCard() {
  const { t } = useI18n();
  const todo = useLoad(() => homeApi.todo(), []);
  const items = todo.data?.items ?? [];
  return (
    <Card title={<h1 className="gj-card-h1">{t('home.todo')}</h1>} size="small" loading={todo.loading} data-testid="home-todo">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.todoEmpty')} />
      ) : (
        <List dataSource={items} renderItem={(item, i) => <List.Item key={i} style={{ padding: 0 }}><TodoRow item={item} /></List.Item>} />
      )}
    </Card>
  );
}

/** A district's or street's overview: the tree and its head counts, where the to-do alone says little. */
function Overview() {
  const me = useMe();
  const store = useOrgTree();
  const { t, tx } = useI18n();
  const first = me.grants[0];
  // The tree selection, if any, otherwise where the user's first role sits.
  const orgId = store.selectedId ?? first?.orgId ?? null;
  const orgName = findLoaded(store, orgId)?.name ?? (orgId === first?.orgId ? first?.orgName : undefined) ?? '';
  const summary = useLoad(orgId === null ? null : () => orgsApi.summary(orgId), [orgId]);
  const counts = summary.data?.orgId === orgId ? summary.data : undefined;
  if (orgId === null) return null;
  return (
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
  );
}

/**
 * 今日待办: what waits on the user among the records, each a link to the page
 * that acts on it. Members, residents, liaisons, grid workers and community
 * secretaries see only this; a district or street also keeps its overview.
 */
export function HomePage() {
  const me = useMe();
  const { t, tx, enumLabel } = useI18n();
  const overview = holds(me, ['district_admin', 'street_admin']);
  const page = (
    <div className="gj-stack">
      <Typography.Text strong data-testid="home-greeting">
        {t(greetingKey(new Date().getHours()), { name: tx(me.displayName) })}
      </Typography.Text>
      <TodoCard />
      {me.grants.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noGrants')} />
      ) : (
        <Flex wrap gap={4} data-testid="home-roles" aria-label={t('home.myGrants')}>
          {me.grants.map((g) => (
            <Tag key={g.id} data-testid="grant-card">
              {enumLabel('role', g.role, g.roleLabel)} · {tx(g.unitName ?? g.orgName)}
            </Tag>
          ))}
        </Flex>
      )}
      {overview && <Overview />}
    </div>
  );
  return overview ? <WithOrgTree>{page}</WithOrgTree> : page;
}
