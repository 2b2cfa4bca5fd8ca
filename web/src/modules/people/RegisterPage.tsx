import { LockOutlined, MobileOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { LanguageSwitch } from '../../kernel/LanguageSwitch';
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
  const { message } = App.useApp();
  const navigate = useNavigate();
  const onError = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const communities = useLoad(() => peopleApi.communities(), []);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await peopleApi.register({ ...values, name: values.name.trim(), phone: values.phone.trim() });
      void message.success(t('people.register.done'));
      navigate('/login', { replace: true });
    } catch (err) {
      onError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="gj-signin">
      <div className="gj-signin-lang">
        <LanguageSwitch />
      </div>
      <Card className="gj-signin-card" title={t('people.register.title')}>
        <Typography.Paragraph type="secondary">{t('people.register.intro')}</Typography.Paragraph>
        <Form<Values> form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)} requiredMark={false} data-testid="register-form">
          <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, message: t('people.nameRequired') }]}>
            <Input prefix={<UserOutlined />} maxLength={40} autoComplete="name" data-testid="register-name" />
          </Form.Item>
          <Form.Item name="phone" label={t('people.phone')} rules={[{ required: true, pattern: /^1\d{10}$/, message: t('people.phoneInvalid') }]}>
            <Input prefix={<MobileOutlined />} inputMode="tel" maxLength={11} autoComplete="tel" data-testid="register-phone" />
          </Form.Item>
          <Form.Item name="password" label={t('people.register.password')} extra={t('password.rule')} rules={[{ required: true, message: t('password.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="register-password" />
          </Form.Item>
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
        <div className="gj-signin-register">
          <Link to="/login">{t('people.register.back')}</Link>
        </div>
      </Card>
    </div>
  );
}
