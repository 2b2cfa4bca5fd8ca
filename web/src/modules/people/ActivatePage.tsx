import { IdcardOutlined, KeyOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useI18n } from '../../kernel/i18n';
import { SignedOutPage, useOpenAccount } from '../../kernel/SignedOutPage';
import { NewPasswordItem, PhoneItem } from './accountFields';
import { peopleApi } from './api';

interface Values {
  idNumber: string;
  phone: string;
  code: string;
  password: string;
}

/**
 * 账号激活: someone the community already has on file (a member, a resident
 * from the census) opens their own account from a phone with their identity
 * number, the phone on file and the code the community gave them — no second
 * registration, no second file.
 */
export function ActivatePage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, submit } = useOpenAccount(
    form, (v: Values) => peopleApi.activate({ ...v, idNumber: v.idNumber.trim(), phone: v.phone.trim(), code: v.code.trim() }), t('people.activate.done'),
  );

  return (
    <SignedOutPage title={t('people.activate.title')} intro={t('people.activate.intro')} back={t('people.register.back')}>
      <Form<Values> form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)} requiredMark={false} data-testid="activate-form">
        <Form.Item name="idNumber" label={t('people.activate.idNumber')} rules={[{ required: true, whitespace: true, message: t('people.activate.idNumber') }]}>
          <Input prefix={<IdcardOutlined />} maxLength={18} autoComplete="off" data-testid="activate-id-number" />
        </Form.Item>
        <PhoneItem testId="activate-phone" />
        <Form.Item name="code" label={t('people.activate.code')} rules={[{ required: true, pattern: /^\d{8}$/, message: t('people.activate.codeRule') }]}>
          <Input prefix={<KeyOutlined />} inputMode="numeric" maxLength={8} autoComplete="one-time-code" data-testid="activate-code" />
        </Form.Item>
        <NewPasswordItem testId="activate-password" />
        <Button type="primary" htmlType="submit" block loading={saving} data-testid="activate-submit">
          {t('people.activate.submit')}
        </Button>
      </Form>
    </SignedOutPage>
  );
}
