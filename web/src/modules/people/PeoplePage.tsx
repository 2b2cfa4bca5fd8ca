import { Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable, usePaging } from '../../kernel/DataTable';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { OrgListToolbar } from '../orgs/OrgFilter';
import { WithOrgTree } from '../orgs/OrgTreePanel';
import { useOrgTree } from '../orgs/tree';
import { peopleApi, type Person } from './api';

export function PeoplePage() {
  const { t, tx, enumLabel } = useI18n();
  const store = useOrgTree();
  const orgId = store.selectedId ?? undefined;
  const [q, setQ] = useState('');
  const [paging, setPaging] = usePaging(`${orgId}|${q}`);
  const list = useLoad(() => peopleApi.list({ orgId, q, ...paging }), [orgId, q, paging.page, paging.pageSize]);

  const gender = (p: Person) => (p.gender ? t(p.gender === 'male' ? 'people.male' : 'people.female') : t('common.none'));
  const member = (p: Person) => (p.isMember ? <Tag color="red">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>);
  const category = (p: Person) => (p.category ? enumLabel('category', p.category) : t('common.none'));

  return (
    <WithOrgTree>
      <Card className="gj-page-card">
        <OrgListToolbar placeholder={t('people.searchPlaceholder')} onSearch={setQ} testId="people-search" />
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
            { key: 'name', title: t('people.name'), render: (_, p) => <strong>{tx(p.name)}</strong> },
            { key: 'gender', title: t('people.gender'), render: (_, p) => gender(p) },
            { key: 'phone', title: t('people.phone'), render: (_, p) => p.phoneMasked ?? t('common.none') },
            { key: 'org', title: t('people.org'), render: (_, p) => tx(p.orgName) || t('common.none') },
            { key: 'member', title: t('people.isMember'), render: (_, p) => member(p) },
            { key: 'category', title: t('people.category'), render: (_, p) => category(p) },
          ]}
          renderCard={(p) => (
            <div className="gj-card-row">
              <Flex justify="space-between" align="center">
                <Typography.Text strong>{tx(p.name)}</Typography.Text>
                {member(p)}
              </Flex>
              <Typography.Text type="secondary">
                {[gender(p), p.phoneMasked, p.category && category(p)].filter(Boolean).join(' · ')}
              </Typography.Text>
              <div>{tx(p.orgName)}</div>
            </div>
          )}
        />
      </Card>
    </WithOrgTree>
  );
}
