import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from './api';
import { useAuth } from './auth';
import { useApiError } from './hooks';
import { useI18n } from './i18n';
import { SignedOutPage } from './SignedOutPage';

interface Values {
  username: string;
  password: string;
}

export function SignInPage() {
  const { state, signIn } = useAuth();
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const onError = useApiError();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (state.status === 'loading') return <Spin size="large" fullscreen />;
  if (state.status === 'signedIn') return <Navigate to={from} replace />;

  const submit = async ({ username, password }: Values) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await signIn(username.trim(), password);
      navigate(from, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && !err.fields) setFailure(err);
      else onError(err, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <SignedOutPage footer={<Typography.Text type="secondary" className="gj-signin-footer">{t('login.footer')}</Typography.Text>}>
      <div className="gj-signin-brand">
        <span className="gj-logo gj-logo-large">共</span>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
      </div>
      {failure &&
        (failure.code === 'user.locked' ? (
          <Alert
            type="warning"
            showIcon
            icon={<LockOutlined />}
            title={t('login.locked')}
            description={tx(failure.message)}
            data-testid="login-locked"
            className="gj-signin-alert"
          />
        ) : (
          <Alert type="error" showIcon title={tx(failure.message)} data-testid="login-error" className="gj-signin-alert" />
        ))}
      <Form<Values> form={form} layout="vertical" size="large" onFinish={(values) => void submit(values)} requiredMark={false}>
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
      <div className="gj-signin-register">
        <Link to="/register" data-testid="register-link">{t('people.register.link')}</Link>
        <Link to="/activate" data-testid="activate-link">{t('people.activate.link')}</Link>
      </div>
    </SignedOutPage>
  );
}
