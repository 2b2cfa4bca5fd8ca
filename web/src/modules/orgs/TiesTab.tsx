import { ApartmentOutlined, BankOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Popconfirm, Radio, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { today } from '../../kernel/time';
import { orgsApi, type NewTie, type Tie, type TieKind } from './api';
import { useLocalPage } from './localPaging';
import { OrgTreeSelect } from './OrgTreeSelect';
import { UnitSelect } from './pickers';

type TieForm = NewTie & { target: 'org' | 'unit' };

interface AddTieModalProps {
  org: { id: number; name: string };
  /** Preset by the coverage gap (a unit without a co-building tie). */
  preset?: { kind: TieKind; toUnitId: number };
  onClose: () => void;
  onSaved: () => void;
}

export function AddTieModal({ org, preset, onClose, onSaved }: AddTieModalProps) {
  const { t, tx, enumOptions } = useI18n();
  const { message } = App.useApp();
  return (
    <FormModal<TieForm>
      open
      title={t('tie.add')}
      onClose={onClose}
      testId="tie-add"
      initialValues={{ kind: preset?.kind ?? 'co_builds', target: 'unit', toUnitId: preset?.toUnitId, startedOn: today() }}
      onSubmit={async ({ target, toOrgId, toUnitId, ...rest }) => {
        const tie = await orgsApi.createTie(org.id, { ...rest, ...(target === 'org' ? { toOrgId } : { toUnitId }) });
        void message.success(t('tie.added', { name: tx(tie.toName) }));
        onSaved();
      }}
    >
      <Form.Item label={t('tie.from')}>
        <Input value={tx(org.name)} disabled />
      </Form.Item>
      <Form.Item name="kind" label={t('tie.kind')} rules={[{ required: true }]}>
        <Select data-testid="tie-add-kind" options={enumOptions('TieKind')} />
      </Form.Item>
      <Form.Item name="target" label={t('tie.toKind')}>
        <Radio.Group
          data-testid="tie-add-target"
          options={[
            { value: 'unit', label: t('tie.toUnit') },
            { value: 'org', label: t('tie.toOrg') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['target']}>
        {({ getFieldValue }) =>
          getFieldValue('target') === 'org' ? (
            <Form.Item name="toOrgId" label={t('tie.toOrg')} rules={[{ required: true, message: t('org.selectRequired') }]}>
              <OrgTreeSelect data-testid="tie-add-org" />
            </Form.Item>
          ) : (
            <Form.Item name="toUnitId" label={t('tie.toUnit')} rules={[{ required: true, message: t('unit.selectRequired') }]}>
              <UnitSelect data-testid="tie-add-unit" />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="startedOn" label={t('tie.startedOn')} rules={[{ required: true, message: t('common.dateRequired') }]}>
        <Input type="date" data-testid="tie-add-started" />
      </Form.Item>
      <Form.Item name="pledge" label={t('tie.pledge')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="tie-add-pledge" />
      </Form.Item>
      <Form.Item name="note" label={t('tie.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** 横向关系: co-building and other sideways ties, current ones first; ended ones stay as history. */
export function TiesTab({ org, canAdd }: { org: { id: number; name: string }; canAdd: boolean }) {
  const { t, tx, enumLabel } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const [adding, setAdding] = useState(false);
  const ties = useLoad(() => orgsApi.ties(org.id), [org.id]);
  const list = useLocalPage(ties.data, String(org.id));

  const end = (tie: Tie) =>
    orgsApi.updateTie(tie.id, { endedOn: today() }).then(() => {
      void message.success(t('tie.endedDone'));
      ties.reload();
    }, onError);

  // A tie another organization made to this one reads from the other side.
  const other = (tie: Tie) =>
    tie.orgId === org.id ? (
      <span>
        {tie.toUnitId ? <BankOutlined /> : <ApartmentOutlined />} {tx(tie.toName)}
      </span>
    ) : (
      <span>
        <ApartmentOutlined /> {tx(tie.orgName)}
      </span>
    );
  const kind = (tie: Tie) => <Tag color="blue">{enumLabel('TieKind', tie.kind, tie.kindLabel)}</Tag>;
  const state = (tie: Tie) =>
    tie.endedOn ? <Tag>{t('tie.endedOn', { date: tie.endedOn })}</Tag> : <Tag color="green">{t('tie.active')}</Tag>;
  const action = (tie: Tie) =>
    tie.actions.includes('edit') &&
    !tie.endedOn && (
      <Popconfirm title={t('tie.endConfirm')} onConfirm={() => end(tie)} okText={t('common.ok')} cancelText={t('common.cancel')}>
        <Button size="small" data-testid="tie-end">
          {t('tie.end')}
        </Button>
      </Popconfirm>
    );

  return (
    <>
      {canAdd && (
        <Flex className="gj-toolbar" justify="flex-end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="tie-add-button">
            {t('tie.add')}
          </Button>
        </Flex>
      )}
      <DataTable<Tie>
        testId="ties-table"
        rows={list.rows}
        total={list.total}
        loading={ties.loading}
        rowKey={(tie) => tie.id}
        paging={list.paging}
        onPaging={list.setPaging}
        emptyText={t('tie.empty')}
        columns={[
          { key: 'kind', title: t('tie.kind'), render: (_, tie) => kind(tie) },
          { key: 'other', title: t('tie.other'), render: (_, tie) => other(tie) },
          { key: 'started', title: t('tie.startedOn'), dataIndex: 'startedOn' },
          { key: 'state', title: t('tie.state'), render: (_, tie) => state(tie) },
          { key: 'pledge', title: t('tie.pledge'), render: (_, tie) => tx(tie.pledge) || t('common.none') },
          { key: 'action', title: t('common.actions'), render: (_, tie) => action(tie) },
        ]}
        renderCard={(tie) => (
          <div className="gj-card-row">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong>{other(tie)}</Typography.Text>
              {kind(tie)}
            </Flex>
            {tie.pledge && <Typography.Text type="secondary">{tx(tie.pledge)}</Typography.Text>}
            <Flex justify="space-between" align="center" gap={8}>
              <span>
                {tie.startedOn} {state(tie)}
              </span>
              {action(tie)}
            </Flex>
          </div>
        )}
      />
      {adding && <AddTieModal org={org} onClose={() => setAdding(false)} onSaved={ties.reload} />}
    </>
  );
}
