import { UnlockOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { throttlesApi, usersApi, type SignInWait } from './api';

/**
 * 登录等待: the accounts, client networks and unknown user names that must wait
 * before signing in again (too many failures), each cleared here. An account
 * is unlocked as in its drawer; the rest only a region's admins may clear.
 */
export function SignInWaits() {
  const { t, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const waits = useLoad(() => throttlesApi.list(), []);
  const clear = async (w: SignInWait) => {
    try {
      await (w.userId !== null ? usersApi.unlock(w.userId) : throttlesApi.clear(w.id));
      void message.success(t('users.waitCleared'));
      waits.reload();
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Card size="small" title={t('users.signInWaits')} data-testid="sign-in-waits">
      <Table<SignInWait>
        size="small"
        pagination={false}
        loading={waits.loading}
        dataSource={waits.data?.items}
        rowKey={(w) => `${w.kind}-${w.userId === null ? 'other' : 'user'}-${w.id}`}
        locale={{ emptyText: t('users.noWaits') }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'kind',
            title: t('users.waitKind'),
            render: (_, w) => <Tag>{t(w.kind === 'address' ? 'users.waitAddress' : w.userId === null ? 'users.waitUnknownName' : 'users.waitAccount')}</Tag>,
          },
          { key: 'label', title: t('users.waitWho'), render: (_, w) => <code data-testid="sign-in-wait-label">{w.label}</code> },
          { key: 'failures', title: t('users.waitFailures'), dataIndex: 'failures' },
          { key: 'until', title: t('users.waitUntil'), render: (_, w) => <span className="gj-nowrap">{formatDateTime(w.until)}</span> },
          {
            key: 'clear',
            title: '',
            render: (_, w) => (
              <Popconfirm title={t('users.waitClearConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => clear(w)}>
                <Button size="small" icon={<UnlockOutlined />} data-testid="sign-in-wait-clear">
                  {t('users.waitClear')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
