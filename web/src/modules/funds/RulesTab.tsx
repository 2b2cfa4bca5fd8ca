import { App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import { fenOf, fundsApi, yuan, type FundRule } from './api';

interface RuleForm {
  ruleKey?: string;
  title: string;
  sourceKind?: FundRule['sourceKind'];
  spentOn?: FundRule['spentOn'];
  level?: FundRule['level'];
  effect: FundRule['effect'];
  threshold?: string;
}

/**
 * The fund-use guideline (经费管理使用指导意见) as the rules in force at the
 * organization, set there or above. An administrator adds a rule, edits one
 * (which makes its next version) or retires it; every version stays, and an
 * expense names the version it was checked against.
 */
export function RulesTab({ orgId }: { orgId: number }) {
  const { t, tx, enumLabel } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const rules = useLoad(() => fundsApi.rules(orgId), [orgId]);
  const [editing, setEditing] = useState<FundRule | 'new' | null>(null);
  const [history, setHistory] = useState<FundRule | null>(null);
  const retire = async (r: FundRule) => {
    try {
      await fundsApi.retireRule(r.id);
      void message.success(t('funds.done'));
      rules.reload();
    } catch (err) {
      onError(err);
    }
  };
  const any = (v: string | null) => v ?? t('funds.ruleAny');
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 8 }}>
        <span className="gj-toolbar-spacer" />
        {rules.data?.actions.includes('manage') && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="funds-rule-add">{t('funds.ruleAdd')}</Button>
        )}
      </Flex>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={rules.loading}
        dataSource={rules.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="funds-rules"
        columns={[
          { title: t('funds.ruleKey'), dataIndex: 'ruleKey', render: (v: string) => tx(v) },
          { title: t('funds.ruleTitle'), dataIndex: 'title', render: (v: string) => tx(v) },
          { title: t('funds.ruleVersion'), dataIndex: 'version', render: (v: number) => t('funds.versionN', { n: v }) },
          { title: t('funds.kind'), render: (_, r) => any(r.sourceKind && enumLabel('FundSourceKind', r.sourceKind)) },
          { title: t('funds.paidForKind'), render: (_, r) => any(r.spentOn && enumLabel('FundSpentOn', r.spentOn)) },
          { title: t('funds.ruleLevel'), render: (_, r) => any(r.level && enumLabel('FundLevel', r.level)) },
          {
            title: t('funds.ruleEffect'),
            render: (_, r) => (
              <Tag color={colorOf('FundRuleEffect', r.effect)}>
                {enumLabel('FundRuleEffect', r.effect)}
                {r.thresholdFen !== null ? ` > ${yuan(r.thresholdFen)}` : ''}
              </Tag>
            ),
          },
          { title: t('funds.holder'), dataIndex: 'orgName', render: (v: string) => tx(v) },
          {
            key: 'actions',
            fixed: 'right',
            render: (_, r) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => setHistory(r)} data-testid={`funds-rule-versions-${r.id}`}>{t('funds.ruleVersions')}</Button>
                {r.actions.includes('edit') && <Button size="small" onClick={() => setEditing(r)} data-testid={`funds-rule-edit-${r.id}`}>{t('funds.ruleEdit')}</Button>}
                {r.actions.includes('retire') && (
                  <Popconfirm title={t('funds.ruleRetireConfirm')} onConfirm={() => retire(r)}>
                    <Button size="small" danger data-testid={`funds-rule-retire-${r.id}`}>{t('funds.ruleRetire')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <RuleModal orgId={orgId} rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onDone={rules.reload} />}
      {history && <VersionsModal rule={history} onClose={() => setHistory(null)} />}
    </>
  );
}

function RuleModal({ orgId, rule, onClose, onDone }: { orgId: number; rule: FundRule | null; onClose: () => void; onDone: () => void }) {
  const { t, enumOptions } = useI18n();
  return (
    <FormModal<RuleForm>
      open
      title={rule ? t('funds.ruleEditTitle', { key: rule.ruleKey, n: rule.version + 1 }) : t('funds.ruleAdd')}
      testId="funds-rule-form"
      initialValues={rule ? { ...rule, threshold: rule.thresholdFen === null ? undefined : (rule.thresholdFen / 100).toFixed(2) } : { effect: 'allow' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const fields = {
          title: v.title,
          sourceKind: v.sourceKind ?? null,
          spentOn: v.spentOn ?? null,
          level: v.level ?? null,
          effect: v.effect,
          thresholdFen: v.effect === 'approval' ? (fenOf(v.threshold) ?? -1) : null,
        };
        if (rule) await fundsApi.updateRule(rule.id, fields);
        else await fundsApi.createRule({ orgId, ruleKey: v.ruleKey ?? '', ...fields });
        onDone();
      }}
    >
      {!rule && (
        <Form.Item name="ruleKey" label={t('funds.ruleKey')} rules={[{ required: true }]}>
          <Input maxLength={20} placeholder="第八条" data-testid="funds-rule-key" />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('funds.ruleTitle')} rules={[{ required: true }]}>
        <Input maxLength={100} data-testid="funds-rule-title" />
      </Form.Item>
      <Form.Item name="sourceKind" label={t('funds.kind')} extra={t('funds.ruleAnyHint')}>
        <Select allowClear options={enumOptions('FundSourceKind')} placeholder={t('funds.ruleAny')} data-testid="funds-rule-source-kind" />
      </Form.Item>
      <Form.Item name="spentOn" label={t('funds.paidForKind')}>
        <Select allowClear options={enumOptions('FundSpentOn')} placeholder={t('funds.ruleAny')} data-testid="funds-rule-spent-on" />
      </Form.Item>
      <Form.Item name="level" label={t('funds.ruleLevel')}>
        <Select allowClear options={enumOptions('FundLevel')} placeholder={t('funds.ruleAny')} data-testid="funds-rule-level" />
      </Form.Item>
      <Form.Item name="effect" label={t('funds.ruleEffect')} rules={[{ required: true }]}>
        <Select options={enumOptions('FundRuleEffect')} data-testid="funds-rule-effect" />
      </Form.Item>
      <Form.Item noStyle dependencies={['effect']}>
        {({ getFieldValue }) =>
          getFieldValue('effect') === 'approval' && (
            <Form.Item
              name="threshold"
              label={t('funds.ruleThreshold')}
              extra={t('funds.amountHint')}
              rules={[{ validator: (_, v) => (fenOf(v) !== null ? Promise.resolve() : Promise.reject(new Error(t('funds.amountRequired')))) }]}
            >
              <Input inputMode="decimal" data-testid="funds-rule-threshold" />
            </Form.Item>
          )
        }
      </Form.Item>
    </FormModal>
  );
}

function VersionsModal({ rule, onClose }: { rule: FundRule; onClose: () => void }) {
  const { t, tx, enumLabel, formatDateTime } = useI18n();
  const versions = useLoad(() => fundsApi.ruleVersions(rule.id), [rule.id]);
  return (
    <Modal open title={t('funds.ruleVersionsOf', { key: tx(rule.ruleKey) })} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={versions.loading}
        dataSource={versions.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="funds-rule-history"
        columns={[
          { title: t('funds.ruleVersion'), dataIndex: 'version', render: (v: number) => t('funds.versionN', { n: v }) },
          { title: t('funds.ruleTitle'), dataIndex: 'title', render: (v: string) => tx(v) },
          {
            title: t('funds.ruleEffect'),
            render: (_, r) => `${enumLabel('FundRuleEffect', r.effect)}${r.thresholdFen !== null ? ` > ${yuan(r.thresholdFen)}` : ''}`,
          },
          { title: t('funds.ruleSince'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: t('funds.status'), render: (_, r) => (r.retired ? <Tag>{t('funds.ruleRetired')}</Tag> : <Tag color="green">{t('funds.ruleInForce')}</Tag>) },
        ]}
      />
    </Modal>
  );
}
