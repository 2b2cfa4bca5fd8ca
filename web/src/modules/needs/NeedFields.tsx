import { Form, Input, Radio, Select } from 'antd';
import { useLoad } from '../../kernel/hooks';
import type { UploadFile } from 'antd';
import { useI18n } from '../../kernel/i18n';
import { groupOf } from '../../kernel/vocabulary';
import type { MessageKey } from '../../messages';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { needsApi, type NewNeed } from './api';
import { PhotoPicker } from './NeedDrawer';

export type NeedFormValues = Omit<NewNeed, 'photos'>;

/**
 * The fields of a new need. Staff also say where it came from, where it is
 * and who is in need; a resident raises it for themselves at their community.
 */
export function NeedFields({ staff, files, onFiles }: { staff: boolean; files: UploadFile[]; onFiles: (f: UploadFile[]) => void }) {
  const { t, enumOptions } = useI18n();
  const required = (key: MessageKey) => [{ required: true, message: t(key) }];
  return (
    <>
      <Form.Item name="kind" label={t('needs.kind')} rules={required('needs.kind')}>
        <Radio.Group optionType="button" options={enumOptions('NeedKind')} data-testid="need-form-kind" />
      </Form.Item>
      <Form.Item name="category" label={t('needs.category')} rules={required('needs.category')}>
        <Select options={enumOptions('NeedCategory')} data-testid="need-form-category" />
      </Form.Item>
      <Form.Item name="title" label={t('needs.title')} rules={required('needs.title')}>
        <Input maxLength={60} data-testid="need-form-title" />
      </Form.Item>
      <Form.Item name="description" label={t('needs.description')}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="need-form-description" />
      </Form.Item>
      <Form.Item name="urgency" label={t('needs.urgency')}>
        <Radio.Group optionType="button" options={enumOptions('Urgency')} />
      </Form.Item>
      {staff && (
        <>
          <Form.Item name="source" label={t('needs.source')}>
            <Select options={enumOptions('NeedSource', groupOf('NeedSource', 'staffEntry'))} data-testid="need-form-source" />
          </Form.Item>
          <Form.Item name="orgId" label={t('needs.org')} rules={required('needs.org')}>
            <OrgTreeSelect data-testid="need-form-org" />
          </Form.Item>
          <GridFields />
          <Form.Item name="requesterName" label={t('needs.requester')} rules={required('needs.requester')}>
            <Input maxLength={40} data-testid="need-form-requester" />
          </Form.Item>
        </>
      )}
      <Form.Item name="placeText" label={t('needs.place')}>
        <Input maxLength={100} data-testid="need-form-place" />
      </Form.Item>
      <Form.Item name="phone" label={t('needs.phone')}>
        <Input maxLength={11} inputMode="tel" data-testid="need-form-phone" />
      </Form.Item>
      <Form.Item name="address" label={t('needs.address')}>
        <Input maxLength={120} data-testid="need-form-address" />
      </Form.Item>
      <Form.Item label={t('needs.photos')} extra={t('needs.photosHint')}>
        <PhotoPicker files={files} onChange={onFiles} />
      </Form.Item>
    </>
  );
}

/** The grid and building of the need (optional): they put it on the grid map. */
function GridFields() {
  const { t, tx } = useI18n();
  const form = Form.useFormInstance<NeedFormValues>();
  const gridId = Form.useWatch('gridId', form);
  const grids = useLoad(() => needsApi.grids(), []);
  const buildings = useLoad(gridId ? () => needsApi.buildings(gridId) : null, [gridId]);
  return (
    <>
      <Form.Item name="gridId" label={t('needs.grid')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          loading={grids.loading}
          onChange={() => form.setFieldValue('buildingId', undefined)}
          options={(grids.data?.items ?? []).map((g) => ({ value: g.id, label: `${tx(g.name)}（${tx(g.communityName)}）` }))}
          data-testid="need-form-grid"
        />
      </Form.Item>
      {gridId !== undefined && gridId !== null && (
        <Form.Item name="buildingId" label={t('needs.building')}>
          <Select allowClear loading={buildings.loading} options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: tx(b.name) }))} data-testid="need-form-building" />
        </Form.Item>
      )}
    </>
  );
}
