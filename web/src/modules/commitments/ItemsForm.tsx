import type { ButtonProps } from 'antd';
import { Button, Card, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import type { BodyOf } from '../../kernel/api';
import { useApiError } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { commitmentsApi, type CommitmentDetail } from './api';

export type ItemValues = BodyOf<'/api/commitments/{commitmentId}/items', 'put'>['items'][number];

/**
 * The items of a commitment being drafted or edited: add, change, remove.
 * What links an item to a record (a need, a project, an activity kind) is
 * kept as it was drafted; the form changes the words and the rhythm.
 */
export function ItemFields() {
  const { t, enumOptions } = useI18n();
  return (
    <Form.List name="items">
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          {fields.map((f) => (
            <Card key={f.key} size="small" data-testid="commitment-item-form"
              extra={fields.length > 1 && (
                <Button type="link" danger size="small" onClick={() => remove(f.name)} data-testid="commitment-item-remove">{t('commitments.removeItem')}</Button>
              )}>
              <Form.Item name={[f.name, 'what']} label={t('commitments.what')} rules={[{ required: true, whitespace: true }]}><Input maxLength={200} data-testid="commitment-item-what" /></Form.Item>
              <Flex gap={8} wrap>
                <Form.Item name={[f.name, 'cadence']} label={t('commitments.cadence')}><Select options={enumOptions('CommitmentCadence')} style={{ minWidth: 120 }} /></Form.Item>
                <Form.Item name={[f.name, 'target']} label={t('commitments.target')}><InputNumber min={1} max={366} /></Form.Item>
                <Form.Item name={[f.name, 'source']} label={t('commitments.source')}><Select options={enumOptions('CommitmentSource')} style={{ minWidth: 160 }} data-testid="commitment-item-source" /></Form.Item>
                <Form.Item name={[f.name, 'beneficiary']} label={t('commitments.beneficiary')}><Input maxLength={60} /></Form.Item>
                <Form.Item name={[f.name, 'dueOn']} label={t('commitments.dueOn')}><Input type="date" /></Form.Item>
              </Flex>
              {(['forOrgId', 'activityKind', 'needId', 'projectId', 'resourceId'] as const).map((k) => (
                <Form.Item key={k} name={[f.name, k]} hidden><Input /></Form.Item>
              ))}
            </Card>
          ))}
          <Button onClick={() => add({ what: '', cadence: 'monthly', target: 1, source: 'evidence' })} data-testid="commitment-item-add">{t('commitments.addItem')}</Button>
        </Flex>
      )}
    </Form.List>
  );
}

/** Items as the server takes them: empty fields left out, so a link nobody set is not sent as null where it may not be. */
export const itemsBody = (items: ItemValues[]): ItemValues[] =>
  items.map((i) => Object.fromEntries(Object.entries(i).filter(([, v]) => v !== null && v !== undefined && v !== '')) as ItemValues);

/** The draft's items, edited while the commitment is a draft (the button comes from its `edit` action; once signed they are frozen). */
export function EditItemsModal({ commitment, onClose, onSaved }: { commitment: CommitmentDetail; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const onError = useApiError();
  const [form] = Form.useForm<{ items: ItemValues[] }>();
  const [saving, setSaving] = useState(false);
  const initial = commitment.items.map((i): ItemValues => ({
    what: i.what, cadence: i.cadence, target: i.target, source: i.source, beneficiary: i.beneficiary, dueOn: i.dueOn,
    forOrgId: i.forOrgId ?? undefined, activityKind: i.activityKind, needId: i.needId, projectId: i.projectId, resourceId: i.resourceId,
  }));
  const submit = async (v: { items: ItemValues[] }) => {
    setSaving(true);
    try {
      await commitmentsApi.replaceItems(commitment.id, itemsBody(v.items));
      onSaved();
    } catch (err) {
      onError(err, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open onCancel={onClose} title={t('commitments.editItems')} okText={t('common.save')} confirmLoading={saving} onOk={() => form.submit()} destroyOnHidden width={720}
      okButtonProps={{ 'data-testid': 'commitment-items-save' } as ButtonProps}>
      <Form<{ items: ItemValues[] }> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ items: initial }}>
        <ItemFields />
      </Form>
    </Modal>
  );
}
