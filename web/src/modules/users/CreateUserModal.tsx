import { App, Divider, Form, Input } from 'antd';
import { FormModal } from '../../kernel/FormModal';
import { useI18n } from '../../kernel/i18n';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { usersApi, type GrantInput, type User } from './api';
import { GrantFields, UNIT_ROLE } from './GrantFields';

interface Values {
  username: string;
  displayName: string;
  password: string;
  orgId: number;
  grants: [GrantInput];
}

export function CreateUserModal({ open, defaultOrgId, onClose, onCreated }: { open: boolean; defaultOrgId?: number; onClose: () => void; onCreated: (user: User) => void }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  return (
    <FormModal<Values>
      open={open}
      title={t('users.create')}
      onClose={onClose}
      testId="user-create"
      initialValues={defaultOrgId === undefined ? {} : ({ orgId: defaultOrgId, grants: [{ orgId: defaultOrgId }] } as Partial<Values>)}
      onValuesChange={(changed, form) => {
        // Most users work where they are managed: offer the same organization for the first role.
        if (changed.orgId !== undefined && form.getFieldValue(['grants', 0, 'orgId']) === undefined) {
          form.setFieldValue(['grants', 0, 'orgId'], changed.orgId);
        }
      }}
      onSubmit={async ({ username, displayName, password, orgId, grants: [grant] }) => {
        const user = await usersApi.create({
          username: username.trim(),
          displayName: displayName.trim(),
          password,
          orgId,
          grants: [{ role: grant.role, orgId: grant.orgId, ...(grant.role === UNIT_ROLE ? { unitId: grant.unitId } : {}) }],
        });
        void message.success(t('users.created', { name: tx(user.displayName) }));
        onCreated(user);
      }}
    >
      <Form.Item name="username" label={t('users.username')} rules={[{ required: true, whitespace: true, message: t('users.usernameRequired') }]}>
        <Input autoComplete="off" maxLength={32} data-testid="user-create-username" />
      </Form.Item>
      <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}>
        <Input maxLength={40} data-testid="user-create-display-name" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('users.initialPassword')}
        extra={t('password.rule')}
        rules={[{ required: true, message: t('password.required') }]}
      >
        <Input.Password autoComplete="new-password" data-testid="user-create-password" />
      </Form.Item>
      <Form.Item name="orgId" label={t('users.org')} rules={[{ required: true, message: t('users.orgRequired') }]}>
        <OrgTreeSelect data-testid="user-create-org" />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('users.firstGrant')}
      </Divider>
      <GrantFields prefix={['grants', 0]} />
    </FormModal>
  );
}
