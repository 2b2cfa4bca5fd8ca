import { DownloadOutlined, EditOutlined, EyeOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../kernel/auth';
import { DataTable, usePaging } from '../../kernel/DataTable';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import { ImportModal } from '../orgs/ImportModal';
import { OrgListToolbar } from '../orgs/OrgFilter';
import { WithOrgTree } from '../orgs/OrgTreePanel';
import { findLoaded, useOrgTree } from '../orgs/tree';
import { resourcesApi, type Resource, type ResourceCategory, type ResourceKind, type ResourceStatus } from './api';
import { useCategoryOptions } from './categories';
import { ResourceModal } from './ResourceModal';

const IMPORT_FIELDS = {
  unit: 'resources.unit', kind: 'resources.kind', category: 'resources.category', name: 'resources.name', quantity: 'resources.quantity',
  quantityUnit: 'resources.quantityUnit', contactPhone: 'resources.contactPhone', status: 'resources.status',
} as const;

/** A contact: the name, the masked phone, and a button to see it in clear (recorded). */
function Contact({ r }: { r: Resource }) {
  const { t, tx } = useI18n();
  const onError = useApiError();
  const [phone, setPhone] = useState<string | null>(null);
  if (!r.contactName && !r.contactPhoneMasked) return <>{t('common.none')}</>;
  return (
    <Space size={4} wrap>
      {tx(r.contactName)}
      <span data-testid="resource-phone">{phone ?? r.contactPhoneMasked}</span>
      {r.contactPhoneMasked && phone === null && (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          title={t('resources.reveal')}
          data-testid="resource-reveal"
          onClick={() => resourcesApi.revealContact(r.id).then((v) => setPhone(v.value), onError)}
        />
      )}
    </Space>
  );
}

/** 资源清单: what units and the community offer, filtered by place, type, category and status; kept in Excel by units. */
export function ResourcesPage() {
  const { t, tx, enumLabel, enumOptions } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const onError = useApiError();
  const store = useOrgTree();
  const orgId = store.selectedId ?? undefined;
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<ResourceKind>();
  const [category, setCategory] = useState<ResourceCategory>();
  const [status, setStatus] = useState<ResourceStatus>();
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const filter = { orgId, q, kind, category, status };
  const [paging, setPaging] = usePaging(JSON.stringify(filter));
  const list = useLoad(() => resourcesApi.list({ ...filter, ...paging }), [JSON.stringify(filter), paging.page, paging.pageSize]);
  const categories = useCategoryOptions();
  const selected = findLoaded(store, store.selectedId);
  // A liaison's place is the community the unit is in.
  const liaison = me.grants.find((g) => g.role === 'unit_liaison');
  const importOrg = selected ?? (liaison ? { id: liaison.orgId, name: liaison.unitName ?? '' } : undefined);
  const creates = list.data?.actions.includes('create') ?? false;

  const setResourceStatus = (r: Resource, next: ResourceStatus) =>
    resourcesApi.update(r.id, { status: next }).then(() => {
      void message.success(t('resources.statusChanged', { name: tx(r.name), status: enumLabel('ResourceStatus', next) }));
      list.reload();
    }, onError);

  const provider = (r: Resource) => tx(r.unitName ?? r.orgName);
  const amount = (r: Resource) => (r.quantity === null ? t('common.none') : `${r.quantity.toLocaleString()} ${tx(r.quantityUnit)}`);
  const statusTag = (r: Resource) => <Tag color={colorOf('ResourceStatus', r.status)}>{enumLabel('ResourceStatus', r.status, r.statusLabel)}</Tag>;
  const actions = (r: Resource) =>
    r.actions.includes('edit') &&
    r.kind !== 'venue' && (
      <Space size={4} wrap>
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid="resource-edit">
          {t('resources.editShort')}
        </Button>
        {r.status === 'available' ? (
          <Button size="small" onClick={() => void setResourceStatus(r, 'paused')} data-testid="resource-pause">
            {t('resources.pause')}
          </Button>
        ) : (
          <Button size="small" onClick={() => void setResourceStatus(r, 'available')} data-testid="resource-resume">
            {t('resources.resume')}
          </Button>
        )}
        {r.status !== 'withdrawn' && (
          <Popconfirm title={t('resources.withdrawConfirm', { name: tx(r.name) })} onConfirm={() => setResourceStatus(r, 'withdrawn')} okText={t('common.ok')} cancelText={t('common.cancel')}>
            <Button size="small" danger data-testid="resource-withdraw">
              {t('resources.withdraw')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    );

  return (
    <WithOrgTree>
      <Card className="gj-page-card">
        <OrgListToolbar placeholder={t('resources.searchPlaceholder')} onSearch={setQ} testId="resources-search">
          <Select allowClear placeholder={t('resources.kind')} value={kind} onChange={setKind} style={{ minWidth: 100 }} data-testid="resources-kind"
            options={enumOptions('ResourceKind')} />
          <Select allowClear placeholder={t('resources.category')} value={category} onChange={setCategory} style={{ minWidth: 120 }} options={categories} data-testid="resources-category" />
          <Select allowClear placeholder={t('resources.status')} value={status} onChange={setStatus} style={{ minWidth: 100 }}
            options={enumOptions('ResourceStatus')} />
          <Space wrap>
            {creates && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="resource-add">
                {t('resources.add')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={resourcesApi.exportUrl(filter)} download data-testid="resources-export">
              {t('resources.export')}
            </Button>
            {creates && importOrg && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="resources-import">
                {t('import.button')}
              </Button>
            )}
          </Space>
        </OrgListToolbar>
        <DataTable<Resource>
          testId="resources-table"
          rows={list.data?.items}
          total={list.data?.total ?? 0}
          loading={list.loading}
          rowKey={(r) => r.id}
          paging={paging}
          onPaging={setPaging}
          emptyText={t('resources.empty')}
          columns={[
            {
              key: 'name', title: t('resources.name'),
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <strong>{tx(r.name)}</strong>
                  {r.description && <Typography.Text type="secondary">{tx(r.description)}</Typography.Text>}
                </Space>
              ),
            },
            { key: 'kind', title: t('resources.kind'), render: (_, r) => <Tag color="red">{enumLabel('ResourceKind', r.kind, r.kindLabel)}</Tag> },
            { key: 'category', title: t('resources.category'), render: (_, r) => enumLabel('ResourceCategory', r.category, r.categoryLabel) },
            { key: 'provider', title: t('resources.provider'), render: (_, r) => provider(r) },
            { key: 'quantity', title: t('resources.quantity'), render: (_, r) => amount(r) },
            { key: 'availability', title: t('resources.availability'), render: (_, r) => tx(r.availability) || t('common.none') },
            { key: 'conditions', title: t('resources.conditions'), render: (_, r) => tx(r.conditions) || t('common.none') },
            { key: 'contact', title: t('resources.contactName'), render: (_, r) => <Contact r={r} /> },
            { key: 'status', title: t('resources.status'), render: (_, r) => statusTag(r) },
            { key: 'action', title: t('common.actions'), fixed: 'right', render: (_, r) => actions(r) },
          ]}
          renderCard={(r) => (
            <div className="gj-card-row">
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong>{tx(r.name)}</Typography.Text>
                <Space size={4}>
                  <Tag color="red">{enumLabel('ResourceKind', r.kind, r.kindLabel)}</Tag>
                  {statusTag(r)}
                </Space>
              </Flex>
              <Typography.Text type="secondary">
                {[provider(r), enumLabel('ResourceCategory', r.category, r.categoryLabel), r.quantity !== null && amount(r), tx(r.availability)].filter(Boolean).join(' · ')}
              </Typography.Text>
              {r.conditions && <div>{tx(r.conditions)}</div>}
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Contact r={r} />
                {actions(r)}
              </Flex>
            </div>
          )}
        />
      </Card>
      {editing === 'new' && <ResourceModal orgId={orgId} onClose={() => setEditing(null)} onSaved={list.reload} />}
      {editing && editing !== 'new' && <ResourceModal resource={editing} onClose={() => setEditing(null)} onSaved={list.reload} />}
      {importing && importOrg && (
        <ImportModal
          org={importOrg}
          onClose={() => setImporting(false)}
          ledger={{
            title: t('resources.importTitle', { name: tx(importOrg.name) }),
            upload: (content, mode) => resourcesApi.import(importOrg.id, content, mode),
            templateUrl: resourcesApi.templateUrl,
            fieldLabels: IMPORT_FIELDS,
            onApplied: list.reload,
          }}
        />
      )}
    </WithOrgTree>
  );
}
