import { PlusOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps, Flex, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { today, thisYear } from '../../kernel/time';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { useLocalPage } from '../orgs/localPaging';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { PersonSelect } from '../orgs/pickers';
import { pointsApi, type Entry, type Rule, type Spendable } from './api';

// The administrators' points work beside the activities setup: bonus and
// deduction entries by hand, and redemptions from the spendable ledger.

interface EntryForm {
  personId: number;
  orgId: number;
  ruleId: number;
  reason: string;
  on: string;
}

/** Bonus and deduction items of the rules, entered with a reason; a deduction is confirmed first, since no entry is ever changed. */
export function ManualPointsSection() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const home = useHomeOrg();
  const rules = useLoad(() => pointsApi.rules(), []);
  const items = (rules.data?.items ?? []).filter((r) => r.current && (r.kind === 'bonus' || r.kind === 'deduction'));
  const [adding, setAdding] = useState(false);
  const [personId, setPersonId] = useState<number | undefined>();
  const entries = useLoad(() => (personId ? pointsApi.entries({ personId, year: thisYear() }) : Promise.resolve({ items: [], actions: [] })), [personId]);
  const entryPage = useLocalPage(entries.data?.items, String(personId));
  const confirmDeduction = (rule: Rule) =>
    new Promise<boolean>((resolve) =>
      Modal.confirm({
        title: t('points.manualDeductConfirm', { rule: tx(rule.name), points: -rule.points }),
        okText: t('common.ok'),
        cancelText: t('common.cancel'),
        okButtonProps: { danger: true, 'data-testid': 'deduction-confirm' } as ButtonProps,
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      }),
    );
  return (
    <section data-testid="setup-manual">
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Title level={5}>{t('points.manualTitle')}</Typography.Title>
        {rules.data?.actions.includes('addEntry') && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="entry-create">
            {t('points.manualAdd')}
          </Button>
        )}
      </Flex>
      {personId !== undefined && (
        <>
          <Typography.Text type="secondary">{t('points.manualRecent')}</Typography.Text>
          <DataTable<Entry>
            testId="entries-table"
            rows={entryPage.rows}
            total={entryPage.total}
            loading={entries.loading}
            rowKey={(e) => e.id}
            paging={entryPage.paging}
            onPaging={entryPage.setPaging}
            emptyText={t('common.none')}
            columns={[
              { key: 'kind', title: t('points.ruleKind'), render: (_, e) => e.kindLabel },
              { key: 'points', title: t('points.points'), render: (_, e) => <Tag color={e.points < 0 ? 'red' : 'green'}>{e.points}</Tag> },
              { key: 'reason', title: t('points.manualReason'), render: (_, e) => tx(e.reason) },
              { key: 'at', title: t('points.manualOn'), render: (_, e) => e.createdAt.slice(0, 10) },
            ]}
            renderCard={(e) => (
              <Flex justify="space-between">
                <span>{tx(e.reason)}</span>
                <Tag color={e.points < 0 ? 'red' : 'green'}>{e.points}</Tag>
              </Flex>
            )}
          />
        </>
      )}
      {adding && (
        <FormModal<EntryForm>
          open
          title={t('points.manualAdd')}
          testId="entry-form"
          onClose={() => setAdding(false)}
          initialValues={{ orgId: home, on: today() }}
          onSubmit={async (v) => {
            const rule = items.find((r) => r.id === v.ruleId)!;
            if (rule.kind === 'deduction' && !(await confirmDeduction(rule))) {
              void message.info(t('points.manualNotRecorded'));
              return;
            }
            const entry = await pointsApi.addEntry(v);
            void message.success(t('points.manualAdded', { name: tx(entry.personName), points: entry.points }));
            setPersonId(v.personId);
            entries.reload();
          }}
        >
          <Form.Item name="personId" label={t('points.manualPerson')} rules={[{ required: true }]}>
            <PersonSelect data-testid="entry-form-person" />
          </Form.Item>
          <Form.Item name="ruleId" label={t('points.manualRule')} rules={[{ required: true }]}>
            <Select
              data-testid="entry-form-rule"
              options={items.map((r) => ({ value: r.id, label: `${r.kindLabel}：${tx(r.name)}（${r.points > 0 ? '+' : ''}${r.points}）` }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('points.manualReason')} rules={[{ required: true, message: t('points.manualReasonRequired') }]}>
            <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="entry-form-reason" />
          </Form.Item>
          <Form.Item name="orgId" label={t('points.manualOrg')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="on" label={t('points.manualOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </FormModal>
      )}
    </section>
  );
}

/** 积分兑换: debits the spendable ledger only; the year's earned points and the threshold list stay as they are. */
export function RedeemSection() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const home = useHomeOrg();
  const [personId, setPersonId] = useState<number | undefined>();
  const account = useLoad(() => (personId ? pointsApi.spendable(personId) : Promise.resolve(null)), [personId]);
  const page = useLocalPage(account.data?.items, String(personId));
  const [redeeming, setRedeeming] = useState(false);
  // The rules' list says what the caller may do with points where they hold a grant.
  const mayRedeem = useLoad(() => pointsApi.rules(), []).data?.actions.includes('redeem');
  return (
    <section data-testid="setup-redeem">
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Title level={5}>{t('points.redeemTitle')}</Typography.Title>
        <Space wrap>
          <div style={{ width: 260 }}>
            <PersonSelect value={personId} onChange={(v) => setPersonId(v as number | undefined)} data-testid="redeem-person" />
          </div>
          {mayRedeem && (
            <Button disabled={!personId} onClick={() => setRedeeming(true)} data-testid="redeem-create">
              {t('points.redeem')}
            </Button>
          )}
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary">{t('points.spendableHelp')}</Typography.Paragraph>
      {account.data && (
        <>
          <Typography.Text strong data-testid="redeem-balance">{t('points.balance', { balance: account.data.balance })}</Typography.Text>
          <DataTable<Spendable['items'][number]>
            testId="spendable-table"
            rows={page.rows}
            total={page.total}
            loading={account.loading}
            rowKey={(e) => e.id}
            paging={page.paging}
            onPaging={page.setPaging}
            emptyText={t('common.none')}
            columns={[
              { key: 'kind', title: t('points.ruleKind'), render: (_, e) => <Tag color={e.kind === 'redeem' ? 'orange' : 'green'}>{e.kindLabel}</Tag> },
              { key: 'points', title: t('points.points'), render: (_, e) => e.points },
              { key: 'reason', title: t('points.redeemReason'), render: (_, e) => tx(e.reason) },
              { key: 'at', title: t('points.manualOn'), render: (_, e) => e.createdAt.slice(0, 10) },
            ]}
            renderCard={(e) => (
              <Flex justify="space-between">
                <span>{tx(e.reason)}</span>
                <span>{e.points}</span>
              </Flex>
            )}
          />
        </>
      )}
      {redeeming && personId && (
        <FormModal<{ points: number; reason: string; orgId: number }>
          open
          title={t('points.redeemTitle')}
          testId="redeem-form"
          onClose={() => setRedeeming(false)}
          initialValues={{ orgId: home }}
          onSubmit={async (v) => {
            const r = await pointsApi.redeem({ ...v, personId });
            void message.success(t('points.redeemed', { balance: r.balance }));
            account.reload();
          }}
        >
          <Form.Item name="points" label={t('points.redeemPoints')} rules={[{ required: true }]}>
            <InputNumber min={0.5} step={0.5} data-testid="redeem-form-points" />
          </Form.Item>
          <Form.Item name="reason" label={t('points.redeemReason')} rules={[{ required: true, message: t('points.redeemReasonRequired') }]}>
            <Input maxLength={200} data-testid="redeem-form-reason" />
          </Form.Item>
          <Form.Item name="orgId" label={t('points.manualOrg')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
        </FormModal>
      )}
    </section>
  );
}
