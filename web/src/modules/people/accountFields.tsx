import { LockOutlined, MobileOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';
import { useI18n } from '../../kernel/i18n';

// The fields of the signed-out forms that open an account (registration,
// activation): the phone that becomes the sign-in name, and the new password.

export function PhoneItem({ testId }: { testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name="phone" label={t('people.phone')} rules={[{ required: true, pattern: /^1\d{10}$/, message: t('people.phoneInvalid') }]}>
      <Input prefix={<MobileOutlined />} inputMode="tel" maxLength={11} autoComplete="tel" data-testid={testId} />
    </Form.Item>
  );
}

export function NewPasswordItem({ testId }: { testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name="password" label={t('people.register.password')} extra={t('password.rule')} rules={[{ required: true, message: t('password.required') }]}>
      <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid={testId} />
    </Form.Item>
  );
}
