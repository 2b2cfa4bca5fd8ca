import { Empty, Form, Select } from 'antd';
import { useEffect, useRef } from 'react';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { useMeta } from '../../kernel/meta';
import { orgsApi } from '../orgs/api';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';

export const UNIT_ROLE = 'unit_liaison';

const TOP_LEVEL: (string | number)[] = [];

/** Role, organization and (for a unit liaison) unit of one grant; prefix places them inside a larger form. */
export function GrantFields({ prefix = TOP_LEVEL }: { prefix?: (string | number)[] }) {
  const { t, tx, enumLabel } = useI18n();
  const meta = useMeta();
  const form = Form.useFormInstance();
  const role = Form.useWatch<string | undefined>([...prefix, 'role'], form);
  const orgId = Form.useWatch<number | undefined>([...prefix, 'orgId'], form);
  const needsUnit = role === UNIT_ROLE && orgId !== undefined;
  const units = useLoad(needsUnit ? () => orgsApi.units(orgId) : null, [needsUnit, orgId]);

  // A unit belongs to one organization: choosing another organization clears it.
  const lastOrg = useRef(orgId);
  useEffect(() => {
    if (lastOrg.current !== orgId) form.setFieldValue([...prefix, 'unitId'], undefined);
    lastOrg.current = orgId;
  }, [form, orgId, prefix]);

  return (
    <>
      <Form.Item name={[...prefix, 'role']} label={t('users.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
        <Select
          data-testid="grant-role"
          options={(meta?.roles ?? []).map((r) => ({ value: r.role, label: enumLabel('role', r.role, r.label) }))}
        />
      </Form.Item>
      <Form.Item name={[...prefix, 'orgId']} label={t('users.grantOrg')} rules={[{ required: true, message: t('users.grantOrgRequired') }]}>
        <OrgTreeSelect data-testid="grant-org" />
      </Form.Item>
      {role === UNIT_ROLE && (
        <Form.Item name={[...prefix, 'unitId']} label={t('users.unit')} rules={[{ required: true, message: t('users.unitRequired') }]}>
          <Select
            data-testid="grant-unit"
            loading={units.loading}
            disabled={orgId === undefined}
            notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.noUnits')} />}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: `${tx(u.name)} · ${enumLabel('UnitKind', u.kind, u.kindLabel)}` }))}
          />
        </Form.Item>
      )}
    </>
  );
}
