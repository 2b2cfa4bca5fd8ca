import { Form, Input, Radio, Select } from 'antd';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { resourcesApi } from '../resources/api';
import type { ActivityKind } from './api';

/** Where: a venue from the resources list (booked for the activity's time) or an address. Shared by the activity and series forms. */
export function PlaceFields() {
  const { t, tx } = useI18n();
  const venues = useLoad(() => resourcesApi.venues({ bookable: 'true' }), []);
  return (
    <>
      <Form.Item name="placeMode" label={t('activities.place')} initialValue="address">
        <Radio.Group
          data-testid="activity-form-place-mode"
          options={[
            { value: 'venue', label: t('activities.placeVenue') },
            { value: 'address', label: t('activities.placeAddress') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['placeMode']}>
        {({ getFieldValue }) =>
          getFieldValue('placeMode') === 'venue' ? (
            <Form.Item name="venueId" label={t('activities.venue')} rules={[{ required: true, message: t('activities.venueRequired') }]} extra={t('activities.venueHint')}>
              <Select
                showSearch
                optionFilterProp="label"
                data-testid="activity-form-venue"
                loading={venues.loading}
                options={(venues.data?.items ?? []).map((v) => ({ value: v.id, label: `${tx(v.name)} · ${tx(v.orgName)}${v.unitName ? ` · ${tx(v.unitName)}` : ''}` }))}
              />
            </Form.Item>
          ) : (
            <Form.Item name="place" label={t('activities.placeAddress')} rules={[{ required: true, message: t('activities.placeRequired') }]}>
              <Input maxLength={100} data-testid="activity-form-place" />
            </Form.Item>
          )
        }
      </Form.Item>
    </>
  );
}

/** What and who: the title, the hosting organization and the kind. Shared by the activity and series forms. */
export function BasicFields({ kinds, testId }: { kinds: ActivityKind[]; testId: string }) {
  const { t, enumLabel } = useI18n();
  return (
    <>
      <Form.Item name="title" label={t('activities.title')} rules={[{ required: true, message: t('activities.titleRequired') }]}>
        <Input maxLength={60} data-testid={`${testId}-title`} />
      </Form.Item>
      <Form.Item name="orgId" label={t('activities.host')} rules={[{ required: true }]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="kind" label={t('activities.kind')} rules={[{ required: true }]}>
        <Select options={kinds.map((k) => ({ value: k.kind, label: enumLabel('ActivityKind', k.kind, k.label) }))} />
      </Form.Item>
    </>
  );
}
