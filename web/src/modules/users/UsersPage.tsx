import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Grant } from '../../kernel/api';
import { DataTable, usePaging } from '../../kernel/DataTable';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { OrgListToolbar } from '../orgs/OrgFilter';
import { WithOrgTree } from '../orgs/OrgTreePanel';
import { useOrgTree } from '../orgs/tree';
import { usersApi, type User } from './api';
import { CreateUserModal } from './CreateUserModal';
import { UserDrawer } from './UserDrawer';
import { UserStatus } from './UserStatus';

function GrantTags({ grants }: { grants: Grant[] }) {
  const { t, tx, enumLabel } = useI18n();
  if (grants.length === 0) return <Typography.Text type="secondary">{t('users.noGrantsYet')}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {grants.map((g) => (
        <Tag key={g.id} color="red" variant="outlined" className="gj-wrap-tag">
          {enumLabel('role', g.role, g.roleLabel)} · {tx(g.unitName ?? g.orgName)}
        </Tag>
      ))}
    </Flex>
  );
}

export function UsersPage() {
  const { t, tx } = useI18n();
  const store = useOrgTree();
  const orgId = store.selectedId ?? undefined;
  const [q, setQ] = useState('');
  const [paging, setPaging] = usePaging(`${orgId}|${q}`);
  const [creating, setCreating] = useState(false);
  const [openUserId, setOpenUserId] = useState<number | null>(null);
  const list = useLoad(() => usersApi.list({ orgId, q, ...paging }), [orgId, q, paging.page, paging.pageSize]);

  const manage = (u: User) => (
    <Button size="small" onClick={() => setOpenUserId(u.id)} data-testid={`user-manage-${u.username}`}>
      {t('users.manage')}
    </Button>
  );

  return (
    <WithOrgTree>
      <Card className="gj-page-card">
        <OrgListToolbar placeholder={t('users.searchPlaceholder')} onSearch={setQ} testId="users-search">
          <div className="gj-toolbar-spacer" />
          {list.data?.actions.includes('create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create-button">
              {t('users.create')}
            </Button>
          )}
        </OrgListToolbar>
        <DataTable<User>
          testId="users-table"
          rows={list.data?.items}
          total={list.data?.total ?? 0}
          loading={list.loading}
          rowKey={(u) => u.id}
          paging={paging}
          onPaging={setPaging}
          emptyText={t('users.empty')}
          columns={[
            {
              key: 'user',
              title: t('users.displayName'),
              render: (_, u) => (
                <div className="gj-nowrap">
                  <div>{tx(u.displayName)}</div>
                  <Typography.Text type="secondary" code>
                    {u.username}
                  </Typography.Text>
                </div>
              ),
            },
            { key: 'org', title: t('users.org'), render: (_, u) => tx(u.orgName) || t('common.none') },
            { key: 'grants', title: t('users.grants'), width: 240, render: (_, u) => <GrantTags grants={u.grants} /> },
            { key: 'status', title: t('users.status'), render: (_, u) => <UserStatus user={u} /> },
            { key: 'actions', title: t('common.actions'), fixed: 'right', render: (_, u) => manage(u) },
          ]}
          renderCard={(u) => (
            <div className="gj-card-row">
              <Flex justify="space-between" align="center" gap={8}>
                <span>
                  <Typography.Text strong>{tx(u.displayName)}</Typography.Text> <code>{u.username}</code>
                </span>
                <UserStatus user={u} />
              </Flex>
              <Typography.Text type="secondary">{tx(u.orgName)}</Typography.Text>
              <GrantTags grants={u.grants} />
              <div>{manage(u)}</div>
            </div>
          )}
        />
      </Card>
      {creating && (
        <CreateUserModal
          open
          defaultOrgId={orgId}
          onClose={() => setCreating(false)}
          onCreated={list.reload}
        />
      )}
      <UserDrawer userId={openUserId} onClose={() => setOpenUserId(null)} onChanged={list.reload} />
    </WithOrgTree>
  );
}
