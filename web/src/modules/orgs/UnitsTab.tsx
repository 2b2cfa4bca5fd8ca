import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Radio, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { orgsApi, type Unit, type UnitFields } from './api';
import { useLocalPage } from './localPaging';
import { blankToNull } from './OrgForms';
import { OrgTreeSelect } from './OrgTreeSelect';

type UnitModalProps = ({ unit: Unit; org?: undefined } | { unit?: undefined; org: { id: number; name: string } }) & {
  onClose: () => void;
  onSaved: (unit: Unit) => void;
};

/** Where a unit's own party organization is: in this region's tree, in another system (a state enterprise's, say), or nowhere yet. */
type PartyOrgWhere = 'inside' | 'outside' | 'none';
const partyOrgWhere = (u?: Unit): PartyOrgWhere => (u?.partyOrgId ? 'inside' : u?.partyOrgOutside ? 'outside' : 'none');

/** Registers a unit at an organization, or edits one (its party organization closes a hidden-members gap). */
export function UnitModal({ unit, org, onClose, onSaved }: UnitModalProps) {
  const { t, tx, enumOptions } = useI18n();
  const { message } = App.useApp();
  return (
    <FormModal<UnitFields & { partyOrgWhere: PartyOrgWhere }>
      open
      title={unit ? t('unit.edit') : t('unit.add')}
      onClose={onClose}
      testId="unit-form"
      initialValues={{ ...(unit ?? { kind: 'co_building' }), partyOrgWhere: partyOrgWhere(unit) }}
      onSubmit={async (values) => {
        const fields = {
          name: values.name,
          kind: values.kind,
          partyOrgId: values.partyOrgWhere === 'inside' ? (values.partyOrgId ?? null) : null,
          partyOrgOutside: values.partyOrgWhere === 'outside' ? blankToNull(values.partyOrgOutside) : null,
          address: blankToNull(values.address),
          contactName: blankToNull(values.contactName),
          contactPhone: blankToNull(values.contactPhone),
          note: blankToNull(values.note),
        };
        const saved = unit ? await orgsApi.updateUnit(unit.id, fields) : await orgsApi.createUnit({ orgId: org.id, ...fields });
        void message.success(t('unit.saved', { name: tx(saved.name) }));
        onSaved(saved);
      }}
    >
      <Form.Item label={t('unit.org')}>
        <Input value={tx(unit ? unit.orgName : org.name)} disabled />
      </Form.Item>
      <Form.Item name="name" label={t('unit.name')} rules={[{ required: true, whitespace: true, message: t('unit.nameRequired') }]}>
        <Input maxLength={80} data-testid="unit-form-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true }]}>
        <Select data-testid="unit-form-kind" options={enumOptions('UnitKind')} />
      </Form.Item>
      <Form.Item name="partyOrgWhere" label={t('unit.partyOrg')} extra={t('unit.partyOrgHint')}>
        <Radio.Group
          data-testid="unit-form-party-org-where"
          options={(['inside', 'outside', 'none'] as const).map((w) => ({ value: w, label: t(`unit.partyOrgWhere.${w}`) }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['partyOrgWhere']}>
        {({ getFieldValue }) =>
          getFieldValue('partyOrgWhere') === 'inside' ? (
            <Form.Item name="partyOrgId" label={t('unit.partyOrgInside')} rules={[{ required: true, message: t('unit.partyOrgRequired') }]}>
              <OrgTreeSelect placeholder={t('unit.partyOrgInside')} data-testid="unit-form-party-org" />
            </Form.Item>
          ) : getFieldValue('partyOrgWhere') === 'outside' ? (
            <Form.Item
              name="partyOrgOutside"
              label={t('unit.partyOrgOutside')}
              extra={t('unit.partyOrgOutsideHint')}
              rules={[{ required: true, whitespace: true, message: t('unit.partyOrgOutsideRequired') }]}
            >
              <Input maxLength={80} data-testid="unit-form-party-org-outside" />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item name="address" label={t('org.address')}>
        <Input maxLength={120} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="contactName" label={t('unit.contactName')} style={{ flex: '1 1 160px' }}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('org.contactPhone')} style={{ flex: '1 1 160px' }}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('tie.note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </FormModal>
  );
}

/** 驻区单位: units located at this organization or below, with their own party organization if any. */
export function UnitsTab({ org, canAdd }: { org: { id: number; name: string }; canAdd: boolean }) {
  const { t, tx, enumLabel } = useI18n();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const units = useLoad(() => orgsApi.units(org.id), [org.id]);
  const list = useLocalPage(units.data, String(org.id));

  const partyOrg = (u: Unit) =>
    u.partyOrgName ? (
      tx(u.partyOrgName)
    ) : u.partyOrgOutside ? (
      <span>
        {tx(u.partyOrgOutside)} <Tag>{t('unit.partyOrgWhere.outside')}</Tag>
      </span>
    ) : (
      <Tag color="orange">{t('unit.noPartyOrg')}</Tag>
    );
  const edit = (u: Unit) =>
    u.actions.includes('edit') && (
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)} data-testid="unit-edit">
        {t('unit.editShort')}
      </Button>
    );

  return (
    <>
      {canAdd && (
        <Flex className="gj-toolbar" justify="flex-end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="unit-add-button">
            {t('unit.add')}
          </Button>
        </Flex>
      )}
      <DataTable<Unit>
        testId="units-table"
        rows={list.rows}
        total={list.total}
        loading={units.loading}
        rowKey={(u) => u.id}
        paging={list.paging}
        onPaging={list.setPaging}
        emptyText={t('unit.empty')}
        columns={[
          { key: 'name', title: t('unit.name'), render: (_, u) => <strong>{tx(u.name)}</strong> },
          { key: 'kind', title: t('unit.kind'), render: (_, u) => enumLabel('UnitKind', u.kind, u.kindLabel) },
          { key: 'org', title: t('unit.org'), render: (_, u) => tx(u.orgName) },
          { key: 'partyOrg', title: t('unit.partyOrg'), render: (_, u) => partyOrg(u) },
          { key: 'contact', title: t('unit.contactName'), render: (_, u) => [u.contactName, u.contactPhone].filter(Boolean).join(' ') || t('common.none') },
          ...((list.rows ?? []).some((u) => u.actions.includes('edit')) ? [{ key: 'action', title: t('common.actions'), render: (_: unknown, u: Unit) => edit(u) }] : []),
        ]}
        renderCard={(u) => (
          <div className="gj-card-row">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong>{tx(u.name)}</Typography.Text>
              <Tag>{enumLabel('UnitKind', u.kind, u.kindLabel)}</Tag>
            </Flex>
            <div>
              <Typography.Text type="secondary">{t('unit.partyOrg')}</Typography.Text> {partyOrg(u)}
            </div>
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text type="secondary">{tx(u.orgName)}</Typography.Text>
              {edit(u)}
            </Flex>
          </div>
        )}
      />
      {editing === 'new' && <UnitModal org={org} onClose={() => setEditing(null)} onSaved={units.reload} />}
      {editing && editing !== 'new' && <UnitModal unit={editing} onClose={() => setEditing(null)} onSaved={units.reload} />}
    </>
  );
}
