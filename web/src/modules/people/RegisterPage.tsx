import { UserOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { SignedOutPage, useOpenAccount } from '../../kernel/SignedOutPage';
import { NewPasswordItem, PhoneItem } from './accountFields';
import { peopleApi } from './api';

interface Values {
  name: string;
  phone: string;
  password: string;
  communityId: number;
}

/** 居民注册: a resident signs up from a phone with the least the community needs — name, phone, community. */
export function RegisterPage() {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<Values>();
  const communities = useLoad(() => peopleApi.communities(), []);
  const { saving, submit } = useOpenAccount(
    form, (v: Values) => peopleApi.register({ ...v, name: v.name.trim(), phone: v.phone.trim() }), t('people.register.done'),
  );

  return (
    <SignedOutPage title={t('people.register.title')} intro={t('people.register.intro')} back={t('people.register.back')}>
      <Form<Values> form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)} requiredMark={false} data-testid="register-form">
        <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, message: t('people.nameRequired') }]}>
          <Input prefix={<UserOutlined />} maxLength={40} autoComplete="name" data-testid="register-name" />
        </Form.Item>
        <PhoneItem testId="register-phone" />
        <NewPasswordItem testId="register-password" />
        <Form.Item name="communityId" label={t('people.register.community')} rules={[{ required: true, message: t('people.register.communityRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={communities.loading}
            data-testid="register-community"
            options={(communities.data?.items ?? []).map((c) => ({ value: c.id, label: `${tx(c.name)}${c.street ? ` · ${tx(c.street)}` : ''}` }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={saving} data-testid="register-submit">
          {t('people.register.submit')}
        </Button>
      </Form>
    </SignedOutPage>
  );
}
