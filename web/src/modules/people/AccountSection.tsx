import { KeyOutlined, LinkOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../kernel/FormModal';
import { useApiError } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { SearchSelect } from '../../kernel/SearchSelect';
import { usersApi, type User } from '../users/api';
import { peopleApi, type PersonDetail } from './api';

/**
 * The sign-in account tied to a file (账号关联): open one from the file, tie
 * an account already made, or untie a mistaken one (confirmed first; the
 * account stays). Offered to the administrators where the person is.
 */
export function AccountSection({ person, onChanged }: { person: PersonDetail; onChanged: (p: PersonDetail) => void }) {
  const { t, tx, formatDateTime } = useI18n();
  const { modal } = App.useApp();
  const onError = useApiError();
  const [open, setOpen] = useState<'open' | 'link' | null>(null);
  const may = person.actions.includes('account');
  if (!may && !person.account) return null;
  // Shown once, as the server gives it: the person types it on their own phone (ActivatePage).
  const issue = () =>
    peopleApi.activationCode(person.id).then(
      (c) => {
        modal.info({
        title: t('people.activationCodeTitle', { name: tx(person.name) }),
        content: (
          <>
            <Typography.Title level={2} copyable style={{ letterSpacing: 6, fontVariantNumeric: 'tabular-nums' }} data-testid="person-activation-code-value">{c.code}</Typography.Title>
            <Typography.Paragraph>{t('people.activationCodeNote', { expires: formatDateTime(c.expiresAt) })}</Typography.Paragraph>
          </>
        ),
        });
      },
      (err: unknown) => onError(err),
    );
  const untie = () => peopleApi.untieAccount(person.id).then(onChanged, (err: unknown) => onError(err));
  return (
    <>
      <Descriptions title={t('people.sectionAccount')} size="small" column={1} bordered style={{ marginTop: 16 }} data-testid="person-account">
        <Descriptions.Item label={t('people.account')}>
          <Space wrap>
            <span data-testid="person-account-name">{person.account ? (person.account.username ?? t('people.accountHidden')) : t('people.noAccount')}</span>
            {may && !person.account && (
              <>
                <Button size="small" icon={<UserAddOutlined />} onClick={() => setOpen('open')} data-testid="person-account-open">{t('people.accountOpen')}</Button>
                <Button size="small" icon={<LinkOutlined />} onClick={() => setOpen('link')} data-testid="person-account-link">{t('people.accountLink')}</Button>
                <Button size="small" icon={<KeyOutlined />} onClick={() => void issue()} data-testid="person-activation-code">{t('people.activationCode')}</Button>
              </>
            )}
            {may && person.account && (
              <Popconfirm title={t('people.accountUntieConfirm', { username: person.account.username ?? '' })} onConfirm={untie}>
                <Button size="small" danger data-testid="person-account-untie">{t('people.accountUntie')}</Button>
              </Popconfirm>
            )}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <FormModal<{ username: string; password: string }>
        open={open === 'open'} title={t('people.accountOpen')} onClose={() => setOpen(null)} testId="person-account-open-form"
        onSubmit={async (v) => onChanged(await peopleApi.openAccount(person.id, v))}
      >
        <Form.Item name="username" label={t('people.accountUsername')} extra={t('people.accountUsernameHint')} rules={[{ required: true, message: t('people.accountUsername') }]}>
          <Input autoComplete="off" data-testid="person-account-username" />
        </Form.Item>
        <Form.Item name="password" label={t('people.accountPassword')} extra={t('people.accountPasswordHint')} rules={[{ required: true, message: t('people.accountPassword') }]}>
          <Input.Password autoComplete="new-password" data-testid="person-account-password" />
        </Form.Item>
      </FormModal>
      <FormModal<{ userId: number }>
        open={open === 'link'} title={t('people.accountLink')} onClose={() => setOpen(null)} testId="person-account-link-form"
        onSubmit={async (v) => onChanged(await peopleApi.tieAccount(person.id, v.userId))}
      >
        <Form.Item name="userId" label={t('people.account')} rules={[{ required: true, message: t('people.account') }]}>
          <SearchSelect<User>
            search={async (q) => (await usersApi.list({ q: q || undefined, page: 1, pageSize: 20 })).items}
            option={(u) => ({ value: u.id, label: `${u.username}（${u.displayName}）` })}
            placeholder={t('people.accountSearch')} empty={t('people.accountNone')} data-testid="person-account-user"
          />
        </Form.Item>
      </FormModal>
    </>
  );
}
