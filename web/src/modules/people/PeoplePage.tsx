import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable, usePaging } from '../../kernel/DataTable';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { OrgListToolbar } from '../orgs/OrgFilter';
import { WithOrgTree } from '../orgs/OrgTreePanel';
import { useOrgTree } from '../orgs/tree';
import { peopleApi, type Category, type MemberStatus, type Person } from './api';
import { PersonDrawer } from './PersonDrawer';
import { PersonForm } from './PersonForm';

interface Filters {
  kind?: 'member' | 'resident';
  category?: Category;
  memberStatus?: MemberStatus;
}

export function PeoplePage() {
  const { t, tx, enumLabel, enumOptions } = useI18n();
  const store = useOrgTree();
  const orgId = store.selectedId ?? undefined;
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const key = `${orgId}|${q}|${filters.kind}|${filters.category}|${filters.memberStatus}`;
  const [paging, setPaging] = usePaging(key);
  const list = useLoad(() => peopleApi.list({ orgId, q, ...filters, ...paging }), [key, paging.page, paging.pageSize]);
  const setFilter = (patch: Filters) => setFilters((f) => ({ ...f, ...patch }));

  const gender = (p: Person) => (p.gender ? t(p.gender === 'male' ? 'people.male' : 'people.female') : t('common.none'));
  const member = (p: Person) => (p.isMember ? <Tag color="red">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>);
  const category = (p: Person) => (p.category ? enumLabel('PersonCategory', p.category) : t('common.none'));
  // A member of a branch the joint committee joins: listed here, kept in their own branch.
  const joined = (p: Person) =>
    p.joinedThrough && (
      <Tag color="gold" data-testid="person-joined">
        {t('people.joinedThrough', { name: tx(p.joinedThrough.orgName) })}
      </Tag>
    );
  // A joined member's file is kept by their own branch: the joint committee reads their name only, so it opens nothing here.
  const open = (p: Person) =>
    p.joinedThrough ? (
      <Typography.Text strong data-testid="person-name">{tx(p.name)}</Typography.Text>
    ) : (
      <Typography.Link strong onClick={() => setOpenId(p.id)} data-testid="person-open">
        {tx(p.name)}
      </Typography.Link>
    );

  return (
    <WithOrgTree>
      <Card className="gj-page-card">
        <OrgListToolbar placeholder={t('people.searchByName')} onSearch={setQ} testId="people-search">
          <Select
            allowClear
            className="gj-toolbar-select"
            placeholder={t('people.filterKind')}
            value={filters.kind}
            onChange={(kind) => setFilter({ kind, ...(kind === 'resident' ? { category: undefined, memberStatus: undefined } : {}) })}
            options={(['member', 'resident'] as const).map((k) => ({ value: k, label: t(`people.kind.${k}`) }))}
            data-testid="people-filter-kind"
          />
          <Select
            allowClear
            className="gj-toolbar-select"
            placeholder={t('people.filterCategory')}
            value={filters.category}
            disabled={filters.kind === 'resident'}
            onChange={(category) => setFilter({ category })}
            options={enumOptions('PersonCategory')}
            data-testid="people-filter-category"
          />
          <Select
            allowClear
            className="gj-toolbar-select"
            placeholder={t('people.filterStatus')}
            value={filters.memberStatus}
            disabled={filters.kind === 'resident'}
            onChange={(memberStatus) => setFilter({ memberStatus })}
            options={enumOptions('MemberStatus')}
            data-testid="people-filter-status"
          />
          <span className="gj-toolbar-spacer" />
          {list.data?.actions.includes('create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="person-create">
              {t('people.create')}
            </Button>
          )}
        </OrgListToolbar>
        <DataTable<Person>
          testId="people-table"
          rows={list.data?.items}
          total={list.data?.total ?? 0}
          loading={list.loading}
          rowKey={(p) => p.id}
          paging={paging}
          onPaging={setPaging}
          emptyText={t('people.empty')}
          columns={[
            { key: 'name', title: t('people.name'), render: (_, p) => open(p) },
            { key: 'gender', title: t('people.gender'), render: (_, p) => gender(p) },
            { key: 'phone', title: t('people.phone'), render: (_, p) => p.phoneMasked ?? t('common.none') },
            {
              key: 'org',
              title: t('people.org'),
              render: (_, p) => (
                <>
                  {tx(p.orgName) || t('common.none')} {joined(p)}
                </>
              ),
            },
            { key: 'member', title: t('people.isMember'), render: (_, p) => member(p) },
            { key: 'category', title: t('people.category'), render: (_, p) => category(p) },
          ]}
          renderCard={(p) => (
            <div className="gj-card-row">
              <Flex justify="space-between" align="center">
                {open(p)}
                {member(p)}
              </Flex>
              <Typography.Text type="secondary">
                {[gender(p), p.phoneMasked, p.category && category(p)].filter(Boolean).join(' · ')}
              </Typography.Text>
              <div>
                {tx(p.orgName)} {joined(p)}
              </div>
            </div>
          )}
        />
      </Card>
      <PersonDrawer personId={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
      {creating && (
        <PersonForm
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            list.reload();
            setOpenId(id);
          }}
        />
      )}
    </WithOrgTree>
  );
}
