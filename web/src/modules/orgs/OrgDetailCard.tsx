import { DeleteOutlined, DownOutlined, DownloadOutlined, DragOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Dropdown, Empty, Row, Space, Spin, Statistic, Tabs, Tag } from 'antd';
import type { MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useApiError, useIsPhone, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { orgsApi, type OrgAction, type OrgDetail } from './api';
import { CoveragePanel } from './CoverageTab';
import { ImportModal } from './ImportModal';
import { CreateOrgModal, EditOrgModal, MoveOrgModal, RetireOrgModal } from './OrgForms';
import { SeatsTab } from './SeatsTab';
import { TiesTab } from './TiesTab';
import { useOrgTree } from './tree';
import { UnitsTab } from './UnitsTab';

// ECharts is most of a megabyte: fetched only when someone opens the chart.
const OrgChart = lazy(() => import('./OrgChart'));

type Dialog = 'create' | 'edit' | 'move' | 'dissolve' | 'merge' | 'import';

function SummaryTab({ orgId }: { orgId: number }) {
  const { t } = useI18n();
  const summary = useLoad(() => orgsApi.summary(orgId), [orgId]);
  const stats = [
    { key: 'orgCount', title: t('home.orgCount'), value: summary.data?.orgCount },
    { key: 'peopleCount', title: t('home.peopleCount'), value: summary.data?.peopleCount },
    { key: 'memberCount', title: t('home.memberCount'), value: summary.data?.memberCount },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="org-summary">
      {stats.map((s) => (
        <Col xs={12} md={8} key={s.key}>
          <Card size="small">
            <Statistic title={s.title} value={s.value ?? 0} loading={summary.loading} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Merged or dissolved: the record stays readable, with the date and (when merged) where it went. */
function RetiredNotice({ org }: { org: OrgDetail }) {
  const { t, tx } = useI18n();
  const store = useOrgTree();
  const into = useLoad(org.mergedIntoId === null ? null : () => orgsApi.detail(org.mergedIntoId as number), [org.mergedIntoId]);
  const text =
    org.status === 'merged'
      ? t('org.mergedNotice', { date: org.statusOn ?? '', into: tx(into.data?.name) || `#${org.mergedIntoId}` })
      : t('org.dissolvedNotice', { date: org.statusOn ?? '' });
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="org-retired"
      title={text}
      action={
        org.mergedIntoId !== null && (
          <Button size="small" onClick={() => store.select(org.mergedIntoId)}>
            {t('org.openMergedInto')}
          </Button>
        )
      }
    />
  );
}

/** 组织档案: the selected organization, what it is, who leads it, what it is tied to, and (for organizers) what can be done to it. */
export function OrgDetailCard() {
  const store = useOrgTree();
  const { t, tx, enumLabel } = useI18n();
  const isPhone = useIsPhone();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [tab, setTab] = useState('seats');
  const onError = useApiError();
  const orgId = store.selectedId;
  const detail = useLoad(orgId === null ? null : () => orgsApi.detail(orgId), [orgId]);
  const org = detail.data?.id === orgId ? detail.data : undefined;

  if (orgId === null) {
    return (
      <Card>
        <Empty description={isPhone ? t('org.selectHintPhone') : t('org.selectHint')} />
      </Card>
    );
  }
  if (!org) {
    return <Card>{detail.failed ? <Empty /> : <Spin className="gj-block-spin" />}</Card>;
  }

  const active = org.status === 'active';
  const can = (action: OrgAction) => org.actions.includes(action);
  // Counts, secretary and status change with seats, children and retirement; the tree needs the child count too.
  const refresh = () => {
    orgsApi.detail(org.id).then((fresh) => {
      detail.setData(fresh);
      if (fresh.status === 'active') store.replaceOrg(fresh);
    }, onError);
  };
  const close = () => setDialog(null);

  const more: MenuProps['items'] = [
    ...(can('move') ? [{ key: 'move', icon: <DragOutlined />, label: <span data-testid="org-move-button">{t('org.move')}</span> }] : []),
    ...(can('retire')
      ? [
          { key: 'merge', icon: <MergeCellsOutlined />, label: <span data-testid="org-merge-button">{t('org.merge')}</span> },
          { key: 'dissolve', icon: <DeleteOutlined />, danger: true, label: <span data-testid="org-dissolve-button">{t('org.dissolve')}</span> },
        ]
      : []),
    ...(can('addChild') ? [{ type: 'divider' as const }, { key: 'import', icon: <UploadOutlined />, label: <span data-testid="org-import-button">{t('import.button')}</span> }] : []),
  ];
  const exportButton = (
    <Button icon={<DownloadOutlined />} href={orgsApi.exportUrl(org.id)} download data-testid="org-export">
      {t('org.export')}
    </Button>
  );
  // The export reads what the caller sees, so it is offered to whoever sees the organization.
  const actions = (
    <Space wrap>
      {can('addChild') && (
        <Button icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="org-add-child">
          {t('org.addChild')}
        </Button>
      )}
      {can('edit') && (
        <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="org-rename-button">
          {t('org.edit')}
        </Button>
      )}
      {exportButton}
      {more.length > 0 && (
        <Dropdown trigger={['click']} menu={{ items: more, onClick: ({ key }) => setDialog(key as Dialog) }}>
          <Button data-testid="org-more">
            {t('org.more')} <DownOutlined />
          </Button>
        </Dropdown>
      )}
    </Space>
  );

  const none = t('common.none');
  const status = (
    <Tag color={active ? 'green' : 'default'} data-testid="org-detail-status">
      {enumLabel('OrgStatus', org.status, org.statusLabel)}
      {org.statusOn && ` · ${org.statusOn}`}
    </Tag>
  );
  const tabOrg = { id: org.id, name: org.name };

  return (
    <Card
      data-testid="org-detail"
      className="gj-page-card"
      title={
        <Space wrap size={8}>
          {tx(org.name)}
          {status}
        </Space>
      }
      extra={!isPhone && actions}
    >
      {!active && <RetiredNotice org={org} />}
      <Descriptions
        column={isPhone ? 1 : 2}
        size="small"
        items={[
          { key: 'name', label: t('org.name'), children: <span data-testid="org-detail-name">{tx(org.name)}</span> },
          { key: 'kind', label: t('org.kind'), children: enumLabel('OrgKind', org.kind, org.kindLabel) },
          { key: 'secretary', label: t('org.secretary'), children: <span data-testid="org-detail-secretary">{tx(org.secretaryName) || none}</span> },
          { key: 'founded', label: t('org.foundedOn'), children: org.foundedOn ?? none },
          { key: 'phone', label: t('org.contactPhone'), children: org.contactPhone ?? none },
          { key: 'address', label: t('org.address'), children: tx(org.address) || none },
          { key: 'children', label: t('org.childCount'), children: <span data-testid="org-detail-children">{org.childCount}</span> },
          {
            key: 'path',
            label: t('org.path'),
            span: isPhone ? 1 : 2,
            children: (
              <Breadcrumb
                data-testid="org-detail-path"
                items={[
                  ...org.ancestors.map((a) => ({ key: a.id, title: <a onClick={() => store.select(a.id)}>{tx(a.name)}</a> })),
                  { key: org.id, title: tx(org.name) },
                ]}
              />
            ),
          },
        ]}
      />
      {isPhone && actions && <div className="gj-card-actions">{actions}</div>}
      {/* Retiring ends seats and ties on the server: the lists start over with the new status. */}
      <Tabs
        key={org.status}
        activeKey={tab}
        onChange={setTab}
        style={{ marginTop: 8 }}
        data-testid="org-tabs"
        items={[
          { key: 'seats', label: <span data-testid="tab-seats">{t('org.tab.seats')}</span>, children: <SeatsTab org={tabOrg} canAdd={can('addSeat')} onChanged={refresh} /> },
          { key: 'ties', label: <span data-testid="tab-ties">{t('org.tab.ties')}</span>, children: <TiesTab org={tabOrg} canAdd={can('addTie')} /> },
          { key: 'units', label: <span data-testid="tab-units">{t('org.tab.units')}</span>, children: <UnitsTab org={tabOrg} canAdd={can('addUnit')} /> },
          { key: 'summary', label: <span data-testid="tab-summary">{t('org.tab.summary')}</span>, children: <SummaryTab orgId={org.id} /> },
          {
            key: 'chart',
            label: <span data-testid="tab-chart">{t('org.tab.chart')}</span>,
            children: (
              <Suspense fallback={<Spin className="gj-block-spin" />}>
                <OrgChart orgId={org.id} />
              </Suspense>
            ),
          },
          { key: 'coverage', label: <span data-testid="tab-coverage">{t('org.tab.coverage')}</span>, children: <CoveragePanel orgId={org.id} canFix={can('addChild')} /> },
        ]}
      />
      {dialog === 'create' && <CreateOrgModal parent={{ ...tabOrg, kind: org.kind }} onClose={close} onCreated={refresh} />}
      {dialog === 'edit' && <EditOrgModal org={org} onClose={close} onSaved={(saved) => detail.setData({ ...org, ...saved })} />}
      {dialog === 'move' && <MoveOrgModal org={org} onClose={close} onMoved={refresh} />}
      {(dialog === 'dissolve' || dialog === 'merge') && <RetireOrgModal org={org} mode={dialog} onClose={close} onDone={refresh} />}
      {dialog === 'import' && <ImportModal org={tabOrg} onClose={close} />}
    </Card>
  );
}
