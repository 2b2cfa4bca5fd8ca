import { App, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useMe } from '../../kernel/auth';
import { FormModal } from '../../kernel/FormModal';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { valuesOf } from '../../kernel/vocabulary';
import { orgsApi } from '../orgs/api';
import { blankToNull } from '../orgs/OrgForms';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { resourcesApi, type Resource, type ResourceFields, type ResourceKind } from './api';
import { useCategoryOptions } from './categories';

interface Values extends ResourceFields {
  kind: ResourceKind;
  orgId?: number;
  unitId?: number | null;
}

/** Where a new resource is offered: a liaison's own unit, or (staff) an organization and optionally one of its units. */
export function ProviderFields() {
  const { t, tx } = useI18n();
  const orgId = Form.useWatch<number | undefined>('orgId');
  // The units the user is the liaison of: a liaison offers in the unit's name.
  const own = useMe().grants.flatMap((g) => (g.role === 'unit_liaison' && g.unitId !== null ? [{ id: g.unitId, name: g.unitName ?? '' }] : []));
  const units = useLoad(own.length || !orgId ? null : () => orgsApi.units(orgId), [orgId, own.length]);
  if (own.length) {
    return (
      <Form.Item name="unitId" label={t('resources.unit')} rules={[{ required: true, message: t('resources.unitRequired') }]}>
        <Select data-testid="resource-form-unit" options={own.map((u) => ({ value: u.id, label: tx(u.name) }))} />
      </Form.Item>
    );
  }
  return (
    <>
      <Form.Item name="orgId" label={t('resources.org')} rules={[{ required: true, message: t('resources.orgRequired') }]}>
        <OrgTreeSelect data-testid="resource-form-org" />
      </Form.Item>
      <Form.Item name="unitId" label={t('resources.unit')} extra={t('resources.unitHint')}>
        <Select
          allowClear
          loading={units.loading}
          placeholder={t('resources.ownResource')}
          data-testid="resource-form-unit"
          options={(units.data ?? []).map((u) => ({ value: u.id, label: tx(u.name) }))}
        />
      </Form.Item>
    </>
  );
}

/** Offers a resource, or edits one: what it is, on which conditions, when, how much, whom to call. */
export function ResourceModal({ resource, orgId, onClose, onSaved }: { resource?: Resource; orgId?: number; onClose: () => void; onSaved: () => void }) {
  const { t, tx, enumOptions } = useI18n();
  const { message } = App.useApp();
  const categories = useCategoryOptions();
  return (
    <FormModal<Values>
      open
      title={resource ? t('resources.edit') : t('resources.add')}
      onClose={onClose}
      testId="resource-form"
      initialValues={resource ? { ...resource, contactPhone: undefined } : { kind: 'service', orgId, category: 'convenience' }}
      onValuesChange={(changed, f) => {
        if ('orgId' in changed) f.setFieldValue('unitId', undefined);
      }}
      onSubmit={async (v) => {
        const fields: ResourceFields = {
          category: v.category,
          name: v.name,
          description: blankToNull(v.description),
          conditions: blankToNull(v.conditions),
          availability: blankToNull(v.availability),
          quantity: v.quantity ?? null,
          quantityUnit: blankToNull(v.quantityUnit),
          contactName: blankToNull(v.contactName),
          // Left empty on edit: the phone on file stays.
          ...(v.contactPhone ? { contactPhone: v.contactPhone } : resource ? {} : { contactPhone: null }),
        };
        const saved = resource
          ? await resourcesApi.update(resource.id, fields)
          : await resourcesApi.create({ ...fields, kind: v.kind, orgId: v.unitId ? undefined : v.orgId, unitId: v.unitId ?? null });
        void message.success(t('resources.saved', { name: tx(saved.name) }));
        onSaved();
      }}
    >
      {!resource && (
        <>
          <ProviderFields />
          <Form.Item name="kind" label={t('resources.kind')} extra={t('resources.venueHint')} rules={[{ required: true }]}>
            <Select
              data-testid="resource-form-kind"
              options={enumOptions('ResourceKind', valuesOf('ResourceKind').filter((k) => k !== 'venue'))}
            />
          </Form.Item>
        </>
      )}
      <Form.Item name="category" label={t('resources.category')} rules={[{ required: true }]}>
        <Select data-testid="resource-form-category" options={categories} />
      </Form.Item>
      <Form.Item name="name" label={t('resources.name')} rules={[{ required: true, whitespace: true, message: t('resources.nameRequired') }]}>
        <Input maxLength={60} data-testid="resource-form-name" />
      </Form.Item>
      <Form.Item name="description" label={t('resources.description')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="resource-form-description" />
      </Form.Item>
      <Form.Item name="conditions" label={t('resources.conditions')}>
        <Input maxLength={200} data-testid="resource-form-conditions" />
      </Form.Item>
      <Form.Item name="availability" label={t('resources.availability')}>
        <Input maxLength={100} placeholder={t('resources.availabilityHint')} data-testid="resource-form-availability" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="quantity" label={t('resources.quantity')} style={{ flex: '1 1 120px' }}>
          <InputNumber min={0} style={{ width: '100%' }} data-testid="resource-form-quantity" />
        </Form.Item>
        <Form.Item name="quantityUnit" label={t('resources.quantityUnit')} style={{ flex: '1 1 100px' }}>
          <Input maxLength={10} placeholder={t('resources.quantityUnitHint')} data-testid="resource-form-quantity-unit" />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="contactName" label={t('resources.contactName')} style={{ flex: '1 1 120px' }}>
          <Input maxLength={20} data-testid="resource-form-contact-name" />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('resources.contactPhone')}
          extra={resource?.contactPhoneMasked ? t('resources.phoneKept', { masked: resource.contactPhoneMasked }) : undefined}
          style={{ flex: '1 1 160px' }}
        >
          <Input maxLength={20} inputMode="tel" data-testid="resource-form-contact-phone" />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}
