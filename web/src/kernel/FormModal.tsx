import { Form, Modal } from 'antd';
import type { ButtonProps, FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useApiError, useIsPhone } from './hooks';
import { useI18n } from './i18n';

interface FormModalProps<T> {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  /** Throws to keep the modal open; the error lands on the fields it names. */
  onSubmit: (values: T, form: FormInstance<T>) => Promise<void>;
  initialValues?: Partial<T>;
  okText?: ReactNode;
  onValuesChange?: (changed: Partial<T>, form: FormInstance<T>) => void;
  testId: string;
  children: ReactNode;
}

/** A modal form whose server-side field errors show under the matching inputs. */
export function FormModal<T extends object>(props: FormModalProps<T>) {
  const { open, title, onClose, onSubmit, initialValues, okText, onValuesChange, testId, children } = props;
  const [form] = Form.useForm<T>();
  const [saving, setSaving] = useState(false);
  const onError = useApiError();
  const { t } = useI18n();
  const isPhone = useIsPhone();

  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd already shows what is missing
    }
    setSaving(true);
    try {
      await onSubmit(values, form);
      onClose();
    } catch (err) {
      onError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={isPhone ? '100%' : 520}
      okButtonProps={{ 'data-testid': `${testId}-submit` } as ButtonProps}
      cancelButtonProps={{ 'data-testid': `${testId}-cancel` } as ButtonProps}
    >
      <Form<T>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        onValuesChange={onValuesChange && ((changed: Partial<T>) => onValuesChange(changed, form))}
        onFinish={() => void submit()}
        data-testid={`${testId}-form`}
      >
        {children}
        {/* Enter in a field submits, as users expect from a form. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
