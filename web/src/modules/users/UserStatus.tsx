import { Space, Tag } from 'antd';
import { useI18n } from '../../kernel/i18n';
import type { User } from './api';

export function UserStatus({ user }: { user: Pick<User, 'disabled' | 'locked'> }) {
  const { t } = useI18n();
  if (!user.disabled && !user.locked) return <Tag color="green">{t('users.active')}</Tag>;
  return (
    <Space size={4} wrap>
      {user.disabled && <Tag color="default">{t('users.disabled')}</Tag>}
      {user.locked && <Tag color="orange">{t('users.locked')}</Tag>}
    </Space>
  );
}
