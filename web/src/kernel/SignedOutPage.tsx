import { App, Card, Typography, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApiError } from './hooks';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the pages used signed out (sign-in, registration, activation): the language switch above one card. */
export function SignedOutPage(p: { title?: ReactNode; intro?: ReactNode; children: ReactNode; footer?: ReactNode; /** A link back to the sign-in page, so labelled. */ back?: string }) {
  const { title, intro, children, footer, back } = p;
  return (
    <div className="gj-signin">
      <div className="gj-signin-lang">
        <LanguageSwitch />
      </div>
      <Card className="gj-signin-card" title={title}>
        {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
        {children}
        {back && (
          <div className="gj-signin-register">
            <Link to="/login">{back}</Link>
          </div>
        )}
      </Card>
      {footer}
    </div>
  );
}

/**
 * A signed-out form that opens an account (registration, activation): sends
 * it, and on success says so and goes to the sign-in page; a refusal lands on
 * the fields it names.
 */
export function useOpenAccount<T>(form: FormInstance<T>, send: (values: T) => Promise<unknown>, done: string) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const onError = useApiError();
  const [saving, setSaving] = useState(false);
  const submit = async (values: T) => {
    setSaving(true);
    try {
      await send(values);
      void message.success(done);
      navigate('/login', { replace: true });
    } catch (err) {
      onError(err, form);
    } finally {
      setSaving(false);
    }
  };
  return { saving, submit };
}
