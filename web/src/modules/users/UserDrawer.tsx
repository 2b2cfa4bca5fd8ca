import { CheckCircleOutlined, DeleteOutlined, KeyOutlined, PlusOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Divider, Drawer, Empty, Form, Input, Popconfirm, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useIsPhone, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { usersApi, type GrantInput, type User } from './api';
import { GrantFields, UNIT_ROLE } from './GrantFields';
import { UserStatus } from './UserStatus';

function ResetPasswordModal({ user, open, onClose }: { user: User; open: boolean; onClose: () => void }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  return (
    <FormModal<{ newPassword: string }>
      open={open}
      title={`${t('users.resetPassword')} · ${tx(user.displayName)}`}
      onClose={onClose}
      testId="reset-password"
      onSubmit={async ({ newPassword }) => {
        await usersApi.resetPassword(user.id, newPassword);
        void message.success(t('users.passwordReset'));
      }}
    >
      <Form.Item name="newPassword" label={t('password.new')} extra={t('password.rule')} rules={[{ required: true, message: t('password.required') }]}>
        <Input.Password autoComplete="new-password" data-testid="reset-password-new" />
      </Form.Item>
    </FormModal>
  );
}

function AddGrantForm({ user, onAdded }: { user: User; onAdded: (user: User) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<GrantInput>();
  const [saving, setSaving] = useState(false);

  const submit = async ({ role, orgId, unitId }: GrantInput) => {
    setSaving(true);
    try {
      const updated = await usersApi.addGrant(user.id, { role, orgId, ...(role === UNIT_ROLE ? { unitId } : {}) });
      form.resetFields();
      void message.success(t('users.grantAdded'));
      onAdded(updated);
    } catch (err) {
      onError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<GrantInput> form={form} layout="vertical" onFinish={(values) => void submit(values)} data-testid="grant-add-form">
      <GrantFields />
      <Button type="dashed" htmlType="submit" icon={<PlusOutlined />} loading={saving} block data-testid="grant-add-submit">
        {t('users.addGrant')}
      </Button>
    </Form>
  );
}

/** One user's account: details, roles (add, remove), and the account actions an administrator has. */
export function UserDrawer({ userId, onClose, onChanged }: { userId: number | null; onClose: () => void; onChanged: () => void }) {
  const { t, tx, enumLabel, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const isPhone = useIsPhone();
  const [resetting, setResetting] = useState(false);
  const loaded = useLoad(userId === null ? null : () => usersApi.get(userId), [userId]);
  const user = loaded.data?.id === userId ? loaded.data : undefined;

  const act = async (action: () => Promise<User>, done: string) => {
    try {
      loaded.setData(await action());
      void message.success(done);
      onChanged();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Drawer
      open={userId !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 560}
      title={user ? `${tx(user.displayName)} · ${user.username}` : t('users.detail')}
      destroyOnHidden
      data-testid="user-drawer"
    >
      {!user ? (
        loaded.failed ? <Empty /> : <Spin className="gj-block-spin" />
      ) : (
        <div data-testid="user-drawer-body">
          <Descriptions
            title={t('users.basic')}
            column={1}
            size="small"
            items={[
              { key: 'username', label: t('users.username'), children: user.username },
              { key: 'displayName', label: t('users.displayName'), children: tx(user.displayName) },
              { key: 'org', label: t('users.org'), children: tx(user.orgName) || t('common.none') },
              { key: 'status', label: t('users.status'), children: <UserStatus user={user} /> },
              { key: 'createdAt', label: t('users.createdAt'), children: formatDateTime(user.createdAt) },
            ]}
          />

          <Divider titlePlacement="start">{t('users.accountActions')}</Divider>
          <Space wrap>
            {!user.actions.includes('disable') ? null : user.disabled ? (
              <Popconfirm
                title={t('users.enableConfirm')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => act(() => usersApi.update(user.id, { disabled: false }), t('users.enabledDone'))}
              >
                <Button icon={<CheckCircleOutlined />} data-testid="user-enable">
                  {t('users.enable')}
                </Button>
              </Popconfirm>
            ) : (
              <Popconfirm
                title={t('users.disableConfirm')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => act(() => usersApi.update(user.id, { disabled: true }), t('users.disabledDone'))}
              >
                <Button danger icon={<StopOutlined />} data-testid="user-disable">
                  {t('users.disable')}
                </Button>
              </Popconfirm>
            )}
            {user.locked && user.actions.includes('unlock') && (
              <Popconfirm
                title={t('users.unlockConfirm')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => act(() => usersApi.unlock(user.id), t('users.unlocked'))}
              >
                <Button icon={<UnlockOutlined />} data-testid="user-unlock">
                  {t('users.unlock')}
                </Button>
              </Popconfirm>
            )}
            {user.actions.includes('reset') && (
              <Button icon={<KeyOutlined />} onClick={() => setResetting(true)} data-testid="user-reset-password">
                {t('users.resetPassword')}
              </Button>
            )}
          </Space>

          <Divider titlePlacement="start">{t('users.grants')}</Divider>
          {user.grants.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.noGrantsYet')} />
          ) : (
            <div className="gj-grant-list" data-testid="user-grants">
              {user.grants.map((g) => {
                const role = enumLabel('role', g.role, g.roleLabel);
                return (
                  <div className="gj-grant-item" key={g.id} data-testid="user-grant">
                    <div>
                      <Typography.Text strong>{role}</Typography.Text>
                      <div>
                        <Typography.Text type="secondary">
                          {tx(g.orgName)}
                          {g.unitName && ` · ${tx(g.unitName)}`}
                        </Typography.Text>
                      </div>
                    </div>
                    {user.actions.includes('revoke') && (
                    <Popconfirm
                      title={t('users.removeGrantConfirm', { role })}
                      okText={t('common.ok')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => act(() => usersApi.removeGrant(user.id, g.id), t('users.grantRemoved'))}
                    >
                      <Button type="text" danger icon={<DeleteOutlined />} data-testid="grant-remove">
                        {t('users.removeGrant')}
                      </Button>
                    </Popconfirm>
                    )}
                  </div>
                );
              })}
            </div>
          )}
          {user.actions.includes('grant') && (
            <>
              <Divider titlePlacement="start" plain>
                {t('users.addGrant')}
              </Divider>
              <AddGrantForm
                user={user}
                onAdded={(updated) => {
                  loaded.setData(updated);
                  onChanged();
                }}
              />
            </>
          )}
          {resetting && <ResetPasswordModal user={user} open onClose={() => setResetting(false)} />}
        </div>
      )}
    </Drawer>
  );
}
