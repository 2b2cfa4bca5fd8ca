import { Alert, App, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../kernel/api';
import { FormModal } from '../../kernel/FormModal';
import { useI18n } from '../../kernel/i18n';
import { useLoad } from '../../kernel/hooks';
import { useMeta } from '../../kernel/meta';
import { today } from '../../kernel/time';
import { orgsApi, type Org, type OrgAttributes, type OrgDetail, type OrgKind } from './api';
import { OrgTreeSelect } from './OrgTreeSelect';
import { useOrgTree } from './tree';

/** Optional text cleared by the user is sent as null, so the server forgets the old value. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * The kinds an organization may take. Under a parent, only those the server's
 * tree rule lets sit under the parent's kind (meta's `children`).
 */
export function OrgKindSelect({ under, ...props }: { under?: OrgKind | null; value?: string; onChange?: (kind: string) => void; 'data-testid'?: string }) {
  const { enumOptions } = useI18n();
  const meta = useMeta();
  const allowed = under ? meta?.orgKinds.find((k) => k.kind === under)?.children : undefined;
  return <Select {...props} showSearch={{ optionFilterProp: 'label' }} options={enumOptions('OrgKind', allowed)} />;
}

/** The fields an organization is created and edited with: name, kind, founding date, contact, address. */
function OrgFields({ testId, under }: { testId: string; under?: OrgKind | null }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }]}>
        <Input maxLength={60} autoFocus data-testid={`${testId}-name`} />
      </Form.Item>
      <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('org.kindRequired') }]}>
        <OrgKindSelect under={under} data-testid={`${testId}-kind`} />
      </Form.Item>
      <Form.Item name="foundedOn" label={t('org.foundedOn')}>
        <Input type="date" data-testid={`${testId}-founded`} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('org.contactPhone')}>
        <Input maxLength={30} inputMode="tel" data-testid={`${testId}-phone`} />
      </Form.Item>
      <Form.Item name="address" label={t('org.address')}>
        <Input maxLength={120} data-testid={`${testId}-address`} />
      </Form.Item>
    </>
  );
}

const attributes = (v: OrgAttributes) => ({
  foundedOn: blankToNull(v.foundedOn),
  contactPhone: blankToNull(v.contactPhone),
  address: blankToNull(v.address),
});

interface CreateOrgModalProps {
  /** Without its kind, the parent is read to offer only the kinds that may sit under it. */
  parent: { id: number; name: string; kind?: OrgKind };
  /** Preset by the coverage gap the new organization closes. */
  initial?: { name?: string; kind?: OrgKind };
  onClose: () => void;
  onCreated?: (org: Org) => void;
}

export function CreateOrgModal({ parent, initial, onClose, onCreated }: CreateOrgModalProps) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const store = useOrgTree();
  const read = useLoad(parent.kind ? null : () => orgsApi.detail(parent.id), [parent.id, parent.kind]);
  return (
    <FormModal<{ name: string; kind: OrgKind } & OrgAttributes>
      open
      title={t('org.addChild')}
      onClose={onClose}
      testId="org-create"
      initialValues={initial}
      onSubmit={async (values) => {
        const org = await orgsApi.create({ parentId: parent.id, name: values.name, kind: values.kind, ...attributes(values) });
        await store.refresh([parent.id]);
        store.setExpandedKeys([...new Set([...store.expandedKeys, String(parent.id)])]);
        void message.success(t('org.created', { name: tx(org.name) }));
        onCreated?.(org);
      }}
    >
      <Form.Item label={t('org.parent')}>
        <Input value={tx(parent.name)} disabled />
      </Form.Item>
      <OrgFields testId="org-create" under={parent.kind ?? read.data?.kind} />
    </FormModal>
  );
}

export function EditOrgModal({ org, onClose, onSaved }: { org: OrgDetail; onClose: () => void; onSaved: (org: Org) => void }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const store = useOrgTree();
  return (
    // The test ids keep the name of the rename dialog this form grew out of.
    <FormModal<{ name: string; kind: OrgKind } & OrgAttributes>
      open
      title={t('org.edit')}
      onClose={onClose}
      testId="org-rename"
      initialValues={{ name: org.name, kind: org.kind, foundedOn: org.foundedOn, contactPhone: org.contactPhone, address: org.address }}
      onSubmit={async (values) => {
        const saved = await orgsApi.update(org.id, { name: values.name, kind: values.kind, ...attributes(values) });
        store.replaceOrg(saved);
        void message.success(t('org.saved', { name: tx(saved.name) }));
        onSaved(saved);
      }}
    >
      <OrgFields testId="org-rename" under={org.parentKind} />
    </FormModal>
  );
}

export function MoveOrgModal({ org, onClose, onMoved }: { org: OrgDetail; onClose: () => void; onMoved: () => void }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const store = useOrgTree();
  return (
    <FormModal<{ parentId: number }>
      open
      title={t('org.move')}
      okText={t('org.moveOk')}
      onClose={onClose}
      testId="org-move"
      onSubmit={async ({ parentId }) => {
        await orgsApi.move(org.id, parentId);
        await store.refresh([org.parentId, parentId]);
        void message.success(t('org.moved', { name: tx(org.name) }));
        onMoved();
      }}
    >
      <Typography.Paragraph type="secondary">{t('org.moveHint', { name: tx(org.name) })}</Typography.Paragraph>
      <Form.Item name="parentId" label={t('org.newParent')} rules={[{ required: true, message: t('org.selectRequired') }]}>
        <OrgTreeSelect data-testid="org-move-parent" />
      </Form.Item>
    </FormModal>
  );
}

type RetireMode = 'dissolve' | 'merge';

/**
 * Dissolving or merging retires an organization; what hangs under it moves to
 * another. The server counts what would be orphaned and refuses without a
 * receiving organization, so the form asks for one only when it is needed.
 */
export function RetireOrgModal({ org, mode, onClose, onDone }: { org: OrgDetail; mode: RetireMode; onClose: () => void; onDone: () => void }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const store = useOrgTree();
  const [refusal, setRefusal] = useState<string | null>(null);
  const merging = mode === 'merge';
  const askTarget = merging || refusal !== null;
  return (
    <FormModal<{ on: string; transferTo?: number; into?: number }>
      open
      title={t(merging ? 'org.merge' : 'org.dissolve')}
      okText={t(merging ? 'org.mergeOk' : 'org.dissolveOk')}
      onClose={onClose}
      testId="org-retire"
      initialValues={{ on: today() }}
      onSubmit={async ({ on, transferTo, into }) => {
        try {
          // The form's rule makes `into` required when merging.
          if (merging) await orgsApi.merge(org.id, { into: into as number, on });
          else await orgsApi.dissolve(org.id, { on, transferTo });
        } catch (err) {
          if (err instanceof ApiError && err.status === 409 && err.fields?.transferTo) setRefusal(err.message);
          throw err;
        }
        await store.refresh([org.parentId, transferTo ?? into ?? null]);
        void message.success(t(merging ? 'org.merged' : 'org.dissolved', { name: tx(org.name) }));
        onDone();
      }}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t(merging ? 'org.mergeWarning' : 'org.dissolveWarning', { name: tx(org.name) })} />
      {refusal && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={tx(refusal)} data-testid="org-retire-refusal" />}
      <Form.Item name="on" label={t(merging ? 'org.mergedOn' : 'org.dissolvedOn')} rules={[{ required: true, message: t('common.dateRequired') }]}>
        <Input type="date" data-testid="org-retire-on" />
      </Form.Item>
      {/* Registered while hidden, so the server's refusal lands on it as it appears. */}
      <Form.Item
        name={merging ? 'into' : 'transferTo'}
        label={t(merging ? 'org.mergeInto' : 'org.transferTo')}
        extra={<span data-testid="org-retire-moves">{t('org.movesWith')}</span>}
        hidden={!askTarget}
        rules={askTarget ? [{ required: true, message: t('org.selectRequired') }] : []}
      >
        <OrgTreeSelect data-testid="org-retire-target" />
      </Form.Item>
    </FormModal>
  );
}
