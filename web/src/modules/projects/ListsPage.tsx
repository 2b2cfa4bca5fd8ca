import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Spin, Statistic, Table, Tabs, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { needsApi, type Need } from '../needs/api';
import { NeedDrawer, NeedStatus } from '../needs/NeedDrawer';
import { NeedsPage } from '../needs/NeedsPage';
import { OrgFilter } from '../orgs/OrgFilter';
import { WithOrgTree } from '../orgs/OrgTreePanel';
import { useOrgTree } from '../orgs/tree';
import { resourcesApi, type Resource } from '../resources/api';
import { projectsApi } from './api';
import { ProjectDrawer, ProjectTable } from './ProjectsPage';

type Rating = Awaited<ReturnType<typeof needsApi.ratings>>['items'][number];

/** A tab's table: paged by 20, scrolling sideways on a phone, with its own empty text. */
function ListTable<T extends object>(props: Omit<TableProps<T>, 'dataSource' | 'locale'> & { rows: T[] | undefined; testId: string; empty: string }) {
  const { rows, testId, empty, ...rest } = props;
  return (
    <Table<T>
      size="middle"
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20 }}
      dataSource={rows}
      data-testid={testId}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      {...rest}
    />
  );
}

/** The lists of a community on one page, with their counts, and the Excel ledger of all of them. */
export function ListsPage() {
  const { t, tx, enumLabel } = useI18n();
  const store = useOrgTree();
  const orgId = store.selectedId ?? undefined;
  const lists = useLoad(() => projectsApi.lists(orgId), [orgId]);
  const [needId, setNeedId] = useState<number | null>(null);
  const [projectId, setProjectId] = useState<number | null>(null);
  const d = lists.data;
  const ratings = useLoad(() => needsApi.ratings(), []);
  const offered = useLoad(() => resourcesApi.list({ orgId, status: 'available', page: 1, pageSize: 200 }), [orgId]);
  return (
    <WithOrgTree>
      <Flex vertical gap={16}>
        <Card className="gj-page-card">
          <Flex className="gj-toolbar" gap={8} wrap align="center">
            <OrgFilter />
            <span className="gj-toolbar-spacer" />
            <Button icon={<DownloadOutlined />} href={projectsApi.exportUrl(orgId)} download data-testid="lists-export">
              {t('lists.export')}
            </Button>
          </Flex>
          <Spin spinning={lists.loading}>
            <Row gutter={[16, 16]} data-testid="lists-counts">
              <Col xs={24} md={12} xl={6}>
                <Card size="small" title={t('lists.needs')}>
                  <Flex gap={24} wrap>
                    <Statistic title={t('lists.total')} value={d?.needs.total ?? 0} />
                    <Statistic title={t('lists.open')} value={d?.needs.open ?? 0} />
                    <Statistic title={t('lists.overdue')} value={d?.needs.overdue ?? 0} valueStyle={{ color: '#cf1322' }} />
                  </Flex>
                  <Flex gap={4} wrap style={{ marginTop: 8 }}>
                    {d?.needs.byKind.map((k) => <Tag key={k.key}>{enumLabel('NeedKind', k.key, k.label)} {k.count}</Tag>)}
                  </Flex>
                </Card>
              </Col>
              <Col xs={24} md={12} xl={6}>
                <Card size="small" title={t('lists.resources')}>
                  <Flex gap={24} wrap>
                    <Statistic title={t('lists.total')} value={d?.resources.total ?? 0} />
                    <Statistic title={t('lists.available')} value={d?.resources.available ?? 0} />
                  </Flex>
                  <Flex gap={4} wrap style={{ marginTop: 8 }}>
                    {d?.resources.byKind.map((k) => <Tag key={k.key}>{enumLabel('ResourceKind', k.key, k.label)} {k.count}</Tag>)}
                  </Flex>
                </Card>
              </Col>
              <Col xs={24} md={12} xl={6}>
                <Card size="small" title={t('lists.projects')}>
                  <Flex gap={24} wrap>
                    <Statistic title={t('lists.active')} value={d?.projects.active ?? 0} />
                    <Statistic title={t('lists.completed')} value={d?.projects.completed ?? 0} />
                    <Statistic title={t('lists.needsClosed')} value={d?.projects.needsClosed ?? 0} />
                  </Flex>
                </Card>
              </Col>
              <Col xs={24} md={12} xl={6}>
                <Card size="small" title={t('lists.responsibilities')}>
                  <Flex gap={24} wrap>
                    <Statistic title={t('lists.total')} value={d?.responsibilities.total ?? 0} />
                    <Statistic title={t('lists.overdue')} value={d?.responsibilities.overdue ?? 0} valueStyle={{ color: '#cf1322' }} />
                  </Flex>
                </Card>
              </Col>
            </Row>
          </Spin>
        </Card>
        <Card className="gj-page-card">
          <Tabs
            items={[
              { key: 'needs', label: <span data-testid="lists-tab-needs">{t('lists.needs')}</span>, children: <NeedsPage embedded /> },
              {
                key: 'resources',
                label: <span data-testid="lists-tab-resources">{t('lists.resources')}</span>,
                children: (
                  <ListTable<Resource>
                    rowKey="id"
                    rows={offered.data?.items}
                    loading={offered.loading}
                    testId="lists-resources"
                    empty={t('lists.resourcesEmpty')}
                    columns={[
                      { key: 'name', title: t('lists.resources'), render: (_, r) => <strong>{tx(r.name)}</strong> },
                      { key: 'kind', title: t('needs.kind'), render: (_, r) => enumLabel('ResourceKind', r.kind, r.kindLabel) },
                      { key: 'category', title: t('needs.category'), render: (_, r) => enumLabel('ResourceCategory', r.category, r.categoryLabel) },
                      { key: 'by', title: t('lists.provider'), render: (_, r) => tx(r.unitName ?? r.orgName) },
                      { key: 'availability', title: t('lists.availability'), render: (_, r) => tx(r.availability) || t('common.none') },
                    ]}
                  />
                ),
              },
              { key: 'projects', label: <span data-testid="lists-tab-projects">{t('lists.projects')}</span>, children: <ProjectTable rows={d?.projects.items} loading={lists.loading} onOpen={setProjectId} /> },
              {
                key: 'duties',
                label: <span data-testid="lists-tab-duties">{t('lists.responsibilities')}</span>,
                children: (
                  <ListTable<Need>
                    rowKey="id"
                    rows={d?.responsibilities.items}
                    loading={lists.loading}
                    testId="lists-duties"
                    empty={t('lists.dutyEmpty')}
                    onRow={(n) => ({ onClick: () => setNeedId(n.id) })}
                    columns={[
                      { key: 'handler', title: t('lists.handler'), render: (_, n) => <strong>{tx(n.handlerName)}</strong> },
                      { key: 'title', title: t('needs.title'), render: (_, n) => tx(n.title) },
                      { key: 'kind', title: t('needs.kind'), render: (_, n) => enumLabel('NeedKind', n.kind, n.kindLabel) },
                      { key: 'status', title: t('needs.status'), render: (_, n) => <NeedStatus need={n} /> },
                      { key: 'deadline', title: t('needs.deadline'), render: (_, n) => n.deadline ?? t('common.none') },
                    ]}
                  />
                ),
              },
              {
                key: 'ratings',
                label: <span data-testid="lists-tab-ratings">{t('needs.deptRatings')}</span>,
                children: (
                  <ListTable<Rating>
                    rowKey={(r) => `${r.unitId}-${r.year}`}
                    rows={ratings.data?.items}
                    loading={ratings.loading}
                    testId="lists-ratings"
                    empty={t('common.empty')}
                    columns={[
                      { key: 'unit', title: t('needs.unit'), render: (_, r) => <strong>{tx(r.unitName)}</strong> },
                      { key: 'year', title: t('needs.year'), dataIndex: 'year' },
                      { key: 'count', title: t('needs.count'), dataIndex: 'count' },
                      { key: 'average', title: t('needs.average'), dataIndex: 'average' },
                      { key: 'onTime', title: t('needs.onTime'), dataIndex: 'onTime' },
                    ]}
                  />
                ),
              },
            ]}
          />
        </Card>
      </Flex>
      <NeedDrawer needId={needId} onClose={() => setNeedId(null)} onChanged={lists.reload} />
      <ProjectDrawer id={projectId} onClose={() => setProjectId(null)} onChanged={lists.reload} />
    </WithOrgTree>
  );
}
