import { Card, Flex, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable, usePaging } from '../../kernel/DataTable';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import { OrgFilter } from '../orgs/OrgFilter';
import { WithOrgTree } from '../orgs/OrgTreePanel';
import { useOrgTree } from '../orgs/tree';
import { auditApi, type AuditAction, type AuditEntry } from './api';
import { SecurityLog } from './SecurityLog';

/** The audited tables the filter offers; entries of any other table still list under "all". */
const ENTITIES = ['organizations', 'units', 'people', 'users', 'user_grants'];
/** What the server writes in place of personal data it keeps encrypted. */
const MASKED = '***';

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

function changedFields(entry: Pick<AuditEntry, 'before' | 'after'>): Change[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

function Value({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === undefined || value === null) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  if (value === MASKED) {
    return (
      <Tag data-testid="audit-masked">
        {MASKED} {t('audit.masked')}
      </Tag>
    );
  }
  return <code className="gj-audit-value">{typeof value === 'string' ? value : JSON.stringify(value)}</code>;
}

function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const changes = changedFields(entry);
  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Table<Change>
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={changes}
      scroll={{ x: 'max-content' }}
      data-testid="audit-diff"
      columns={[
        { key: 'field', title: t('audit.field'), render: (_, c) => <code>{c.field}</code> },
        ...(entry.action === 'insert' ? [] : [{ key: 'before', title: t('audit.before'), render: (_: unknown, c: Change) => <Value value={c.before} /> }]),
        ...(entry.action === 'delete' ? [] : [{ key: 'after', title: t('audit.after'), render: (_: unknown, c: Change) => <Value value={c.after} /> }]),
      ]}
    />
  );
}

export function AuditPage() {
  const { t, tx, enumLabel, enumOptions, formatDateTime } = useI18n();
  const store = useOrgTree();
  const orgId = store.selectedId ?? undefined;
  const [entity, setEntity] = useState<string>();
  const [action, setAction] = useState<AuditAction>();
  const [paging, setPaging] = usePaging(`${orgId}|${entity}|${action}`);
  const list = useLoad(() => auditApi.list({ orgId, entity, action, ...paging }), [orgId, entity, action, paging.page, paging.pageSize]);

  return (
    <WithOrgTree>
      <Card className="gj-page-card">
        <Tabs
          data-testid="audit-tabs"
          items={[
            {
              key: 'changes',
              label: t('audit.tabChanges'),
              children: (
                <>
                  <Flex className="gj-toolbar" gap={8} wrap align="center">
                    <Select<string>
                      allowClear
                      placeholder={t('audit.allEntities')}
                      value={entity}
                      onChange={setEntity}
                      options={ENTITIES.map((e) => ({ value: e, label: enumLabel('entity', e) }))}
                      className="gj-toolbar-select"
                      data-testid="audit-entity"
                    />
                    <Select<AuditAction>
                      allowClear
                      placeholder={t('audit.allActions')}
                      value={action}
                      onChange={setAction}
                      options={enumOptions('AuditAction')}
                      className="gj-toolbar-select"
                      data-testid="audit-action"
                    />
                    <OrgFilter />
                  </Flex>
                  <DataTable<AuditEntry>
                    testId="audit-table"
                    rows={list.data?.items}
                    total={list.data?.total ?? 0}
                    loading={list.loading}
                    rowKey={(e) => e.id}
                    paging={paging}
                    onPaging={setPaging}
                    emptyText={t('audit.empty')}
                    expandable={{ expandedRowRender: (e) => <AuditDiff entry={e} /> }}
                    columns={[
                      { key: 'at', title: t('audit.at'), render: (_, e) => <span className="gj-nowrap">{formatDateTime(e.at)}</span> },
                      { key: 'actor', title: t('audit.actor'), render: (_, e) => (e.actorName ? tx(e.actorName) : t('audit.system')) },
                      {
                        key: 'action',
                        title: t('audit.action'),
                        render: (_, e) => (
                          <Tag color={colorOf('AuditAction', e.action)} data-testid={`audit-action-${e.action}`}>
                            {enumLabel('AuditAction', e.action)}
                          </Tag>
                        ),
                      },
                      { key: 'entity', title: t('audit.entity'), render: (_, e) => <span data-testid="audit-entity-cell">{enumLabel('entity', e.entity)}</span> },
                      { key: 'entityId', title: t('audit.entityId'), render: (_, e) => <code>{e.entityId ?? t('common.none')}</code> },
                      { key: 'org', title: t('audit.org'), render: (_, e) => tx(e.orgName) || t('common.none') },
                    ]}
                  />
                </>
              ),
            },
            { key: 'security', label: t('audit.tabSecurity'), children: <SecurityLog orgId={orgId} /> },
          ]}
        />
      </Card>
    </WithOrgTree>
  );
}
