import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Form, Input, InputNumber, List, Select, Spin, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { DataTable } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { groupOf, isIn } from '../../kernel/vocabulary';
import { useLocalPage } from '../orgs/localPaging';
import { OrgFilter } from '../orgs/OrgFilter';
import { WithOrgTree } from '../orgs/OrgTreePanel';
import { findLoaded, useOrgTree } from '../orgs/tree';
import { gridsApi, type Grid, type HouseholdTag } from './api';
import { GridDrawer } from './GridDrawer';

const GridMap = lazy(() => import('./GridMap'));

/** The community the page is about: the one chosen in the tree, the community of a chosen grid branch, or the caller's own grid's. */
function useCommunity(): { communityId: number | null; loading: boolean } {
  const store = useOrgTree();
  const org = findLoaded(store, store.selectedId ?? store.roots?.[0]?.id ?? null);
  const mine = useLoad(() => gridsApi.list(), []);
  if (org && isIn(groupOf('OrgKind', 'community'), org.kind)) return { communityId: org.id, loading: false };
  if (org && isIn(groupOf('OrgKind', 'grid'), org.kind) && org.parentId !== null) return { communityId: org.parentId, loading: false };
  return { communityId: mine.data?.[0]?.communityId ?? null, loading: mine.loading || store.rootsLoading };
}

function GridTable({ communityId, version, onOpen }: { communityId: number; version: number; onOpen: (g: Grid) => void }) {
  const { t, tx } = useI18n();
  const grids = useLoad(() => gridsApi.list(communityId), [communityId, version]);
  const list = useLocalPage(grids.data, String(communityId));
  const open = (g: Grid) => (
    <Button type="link" size="small" onClick={() => onOpen(g)} data-testid="grid-open">
      {t('grids.open')}
    </Button>
  );
  return (
    <DataTable<Grid>
      testId="grid-list"
      rows={list.rows}
      total={list.total}
      loading={grids.loading}
      rowKey={(g) => g.id}
      paging={list.paging}
      onPaging={list.setPaging}
      emptyText={t('grids.empty')}
      columns={[
        { key: 'name', title: t('grids.name'), render: (_, g) => <strong>{tx(g.name)}</strong> },
        { key: 'theme', title: t('grids.theme'), render: (_, g) => (g.theme ? <Tag color="red">{tx(g.theme)}</Tag> : t('common.none')) },
        { key: 'branch', title: t('grids.branch'), render: (_, g) => tx(g.branchName) || <Tag color="orange">{t('grids.noBranch')}</Tag> },
        { key: 'responsible', title: t('grids.responsible'), render: (_, g) => tx(g.responsibleName) || t('common.none') },
        { key: 'secretary', title: t('grids.secretary'), render: (_, g) => tx(g.secretaryName) || t('common.none') },
        { key: 'buildings', title: t('grids.buildings'), render: (_, g) => g.buildingCount },
        { key: 'households', title: t('grids.households'), render: (_, g) => g.householdCount },
        { key: 'open', title: t('common.actions'), render: (_, g) => open(g) },
      ]}
      renderCard={(g) => (
        <div className="gj-card-row">
          <Flex justify="space-between" align="center">
            <Typography.Text strong>{tx(g.name)}</Typography.Text>
            {open(g)}
          </Flex>
          <Typography.Text type="secondary">
            {[tx(g.theme), tx(g.branchName) || t('grids.noBranch'), `${g.householdCount} ${t('grids.households')}`].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
      )}
    />
  );
}

function PlansTab({ communityId, canPlan }: { communityId: number; canPlan: boolean }) {
  const { t, tx, enumLabel, enumOptions } = useI18n();
  const [adding, setAdding] = useState(false);
  const plans = useLoad(() => gridsApi.plans(communityId), [communityId]);
  return (
    <>
      {canPlan && (
        <Flex className="gj-toolbar" justify="flex-end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="plan-add">
            {t('grids.addPlan')}
          </Button>
        </Flex>
      )}
      <List
        dataSource={plans.data ?? []}
        loading={plans.loading}
        locale={{ emptyText: t('grids.plansEmpty') }}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta title={tx(p.name)} description={`${enumLabel('HouseholdTag', p.tag, p.tagLabel)} · ${t('grids.everyDaysValue', { n: p.everyDays })}`} />
          </List.Item>
        )}
      />
      {adding && (
        <FormModal<{ name: string; tag: HouseholdTag; everyDays: number }>
          open
          title={t('grids.addPlan')}
          testId="plan-create"
          initialValues={{ everyDays: 30 }}
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            await gridsApi.createPlan({ communityId, ...v });
            plans.reload();
          }}
        >
          <Form.Item name="name" label={t('grids.planName')} rules={[{ required: true, whitespace: true, message: t('grids.planNameRequired') }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="tag" label={t('grids.planTag')} rules={[{ required: true }]}>
            <Select options={enumOptions('HouseholdTag')} />
          </Form.Item>
          <Form.Item name="everyDays" label={t('grids.everyDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={366} style={{ width: '100%' }} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** 网格化: the grid map, the grids of a community with what is in them, and the visit plans. */
export function GridsPage() {
  const { t } = useI18n();
  const { communityId, loading } = useCommunity();
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<Grid | null>(null);
  const place = useLoad(communityId === null ? null : () => gridsApi.at(communityId), [communityId]);
  const canPlan = place.data?.actions.includes('create') ?? false;
  let body;
  if (communityId !== null) {
    body = (
      <Tabs
        items={[
          {
            key: 'map', label: t('grids.tab.map'),
            children: (
              <Suspense fallback={<Spin className="gj-block-spin" />}>
                <GridMap communityId={communityId} canPlan={canPlan} onChanged={() => setVersion((v) => v + 1)} />
              </Suspense>
            ),
          },
          { key: 'list', label: t('grids.tab.list'), children: <GridTable communityId={communityId} version={version} onOpen={setOpen} /> },
          { key: 'plans', label: t('grids.tab.plans'), children: <PlansTab communityId={communityId} canPlan={canPlan} /> },
        ]}
      />
    );
  } else if (loading) body = <Spin className="gj-block-spin" />;
  else body = <Empty description={t('grids.pickCommunity')} />;
  return (
    <WithOrgTree>
      <Card className="gj-page-card" title={t('grids.menu')} extra={<OrgFilter />}>
        {body}
      </Card>
      {open && <GridDrawer grid={open} onClose={() => setOpen(null)} onChanged={() => setVersion((v) => v + 1)} />}
    </WithOrgTree>
  );
}
