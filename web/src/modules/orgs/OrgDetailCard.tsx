import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Descriptions, Empty, Form, Input, Select, Space, Spin } from 'antd';
import { useState } from 'react';
import { useMe } from '../../kernel/auth';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useIsPhone, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { useMeta } from '../../kernel/meta';
import { orgsApi, type Org, type OrgDetail } from './api';
import { useOrgTree } from './tree';

function CreateChildModal({ parent, open, onClose, onCreated }: { parent: OrgDetail; open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t, tx, enumLabel } = useI18n();
  const meta = useMeta();
  const { message } = App.useApp();
  const store = useOrgTree();
  return (
    <FormModal<{ name: string; kind: string }>
      open={open}
      title={t('org.addChild')}
      onClose={onClose}
      testId="org-create"
      onSubmit={async (values) => {
        const org = await orgsApi.create({ parentId: parent.id, ...values });
        await store.loadChildren(parent.id, true);
        store.setExpandedKeys([...new Set([...store.expandedKeys, String(parent.id)])]);
        void message.success(t('org.created', { name: tx(org.name) }));
        onCreated();
      }}
    >
      <Form.Item label={t('org.parent')}>
        <Input value={tx(parent.name)} disabled />
      </Form.Item>
      <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }]}>
        <Input maxLength={60} autoFocus data-testid="org-create-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('org.kindRequired') }]}>
        <Select
          data-testid="org-create-kind"
          showSearch={{ optionFilterProp: 'label' }}
          options={(meta?.orgKinds ?? []).map((k) => ({ value: k.kind, label: enumLabel('orgKind', k.kind, k.label) }))}
        />
      </Form.Item>
    </FormModal>
  );
}

function RenameModal({ org, open, onClose, onRenamed }: { org: OrgDetail; open: boolean; onClose: () => void; onRenamed: (org: Org) => void }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const store = useOrgTree();
  return (
    <FormModal<{ name: string }>
      open={open}
      title={t('org.rename')}
      onClose={onClose}
      testId="org-rename"
      initialValues={{ name: org.name }}
      onSubmit={async ({ name }) => {
        const renamed = await orgsApi.rename(org.id, name);
        store.replaceOrg(renamed);
        void message.success(t('org.renamed', { name: tx(renamed.name) }));
        onRenamed(renamed);
      }}
    >
      <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }]}>
        <Input maxLength={60} autoFocus data-testid="org-rename-name" />
      </Form.Item>
    </FormModal>
  );
}

/** The selected organization: where it sits, what it is, and (for organizers) what can be done to it. */
export function OrgDetailCard() {
  const me = useMe();
  const store = useOrgTree();
  const { t, tx, enumLabel } = useI18n();
  const isPhone = useIsPhone();
  const [dialog, setDialog] = useState<'create' | 'rename' | null>(null);
  const onError = useApiError();
  const orgId = store.selectedId;
  const detail = useLoad(orgId === null ? null : () => orgsApi.detail(orgId), [orgId]);
  const org = detail.data?.id === orgId ? detail.data : undefined;

  if (orgId === null) {
    return (
      <Card>
        <Empty description={isPhone ? t('org.selectHintPhone') : t('org.selectHint')} />
      </Card>
    );
  }
  if (!org) {
    return <Card>{detail.failed ? <Empty /> : <Spin className="gj-block-spin" />}</Card>;
  }

  // A new child changes this organization's child count, which the tree needs to know (leaf or not).
  const refresh = () => {
    orgsApi.detail(org.id).then((fresh) => {
      detail.setData(fresh);
      store.replaceOrg(fresh);
    }, onError);
  };

  const actions = me.can.manageOrgs && (
    <Space wrap>
      <Button icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="org-add-child">
        {t('org.addChild')}
      </Button>
      <Button icon={<EditOutlined />} onClick={() => setDialog('rename')} data-testid="org-rename-button">
        {t('org.rename')}
      </Button>
    </Space>
  );

  return (
    <Card data-testid="org-detail" className="gj-page-card" title={tx(org.name)} extra={!isPhone && actions}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'name', label: t('org.name'), children: <span data-testid="org-detail-name">{tx(org.name)}</span> },
          { key: 'kind', label: t('org.kind'), children: enumLabel('orgKind', org.kind, org.kindLabel) },
          {
            key: 'path',
            label: t('org.path'),
            children: (
              <Breadcrumb
                data-testid="org-detail-path"
                items={[
                  ...org.ancestors.map((a) => ({ key: a.id, title: <a onClick={() => store.select(a.id)}>{tx(a.name)}</a> })),
                  { key: org.id, title: tx(org.name) },
                ]}
              />
            ),
          },
          { key: 'children', label: t('org.childCount'), children: <span data-testid="org-detail-children">{org.childCount}</span> },
        ]}
      />
      {isPhone && actions && <div className="gj-card-actions">{actions}</div>}
      {dialog === 'create' && <CreateChildModal parent={org} open onClose={() => setDialog(null)} onCreated={refresh} />}
      {dialog === 'rename' && (
        <RenameModal org={org} open onClose={() => setDialog(null)} onRenamed={(renamed) => detail.setData({ ...org, ...renamed })} />
      )}
    </Card>
  );
}
