import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable, usePaging } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { today, thisYear } from '../../kernel/time';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { YearSelect } from '../../kernel/YearSelect';
import { useLocalPage } from '../orgs/localPaging';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { pointsApi, type NewRule, type Rule, type Total } from './api';

/** 积分: the year's ranked totals against the threshold, and the rules with their versions. */
export function PointsTab() {
  const { t, tx, enumOptions } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const home = useHomeOrg();
  const [year, setYear] = useState(thisYear());
  const [onlyBelow, setOnlyBelow] = useState(false);
  const [paging, setPaging] = usePaging(`${year}|${onlyBelow}`);
  const totals = useLoad(() => pointsApi.totals({ year, orgId: home, onlyBelow: onlyBelow ? 'true' : 'false', ...paging }), [year, home, onlyBelow, paging.page, paging.pageSize]);
  // Viewed at the caller's organization, where the re-run below acts.
  const rules = useLoad(() => pointsApi.rules({ orgId: home }), [home]);
  const rulePage = useLocalPage(rules.data?.items, 'rules');
  const [adding, setAdding] = useState(false);
  const rerun = () =>
    home &&
    pointsApi.rerun({ orgId: home, year }).then((r) => {
      void message.success(t('points.rerunDone', { corrections: r.corrections, points: r.points }));
      totals.reload();
    }, onError);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" wrap gap={8}>
        <YearSelect value={year} onChange={setYear} />
        <Space>
          <Switch checked={onlyBelow} onChange={setOnlyBelow} data-testid="points-only-below" />
          <span>{t('points.onlyBelow')}</span>
        </Space>
      </Flex>
      {totals.data?.threshold != null && (
        <Alert type={totals.data.below ? 'warning' : 'success'} showIcon title={t('points.thresholdSummary', { threshold: totals.data.threshold, below: totals.data.below, total: totals.data.total })} data-testid="points-summary" />
      )}
      <DataTable<Total>
        testId="points-table"
        rows={totals.data?.items}
        total={onlyBelow ? (totals.data?.below ?? 0) : (totals.data?.total ?? 0)}
        loading={totals.loading}
        rowKey={(r) => r.personId}
        paging={paging}
        onPaging={setPaging}
        emptyText={t('points.pointsEmpty')}
        columns={[
          { key: 'rank', title: t('points.rank'), render: (_, r) => r.rank },
          { key: 'name', title: t('activities.person'), render: (_, r) => tx(r.personName) },
          { key: 'org', title: t('points.memberOrg'), render: (_, r) => tx(r.orgName) },
          { key: 'points', title: t('points.points'), render: (_, r) => (r.belowThreshold ? <Tag color="red">{r.points}</Tag> : <Tag color="green">{r.points}</Tag>) },
          { key: 'activities', title: t('activities.attended'), render: (_, r) => r.activities },
          { key: 'hours', title: t('activities.hours'), render: (_, r) => r.hours },
        ]}
        renderCard={(r) => (
          <Flex justify="space-between">
            <span>
              {r.rank}. {tx(r.personName)}
            </span>
            <Tag color={r.belowThreshold ? 'red' : 'green'}>{t('points.pointsValue', { points: r.points })}</Tag>
          </Flex>
        )}
      />
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Title level={5}>{t('points.rules')}</Typography.Title>
        <Space wrap>
          {rules.data?.actions.includes('rerun') && (
            <Popconfirm title={t('points.rerunConfirm', { year })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => rerun()}>
              <Button data-testid="points-rerun">{t('points.rerun')}</Button>
            </Popconfirm>
          )}
          {rules.data?.actions.includes('setRule') && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="rule-create">
              {t('points.ruleCreate')}
            </Button>
          )}
        </Space>
      </Flex>
      <Typography.Text type="secondary">{t('points.rulesHelp')}</Typography.Text>
      <DataTable<Rule>
        testId="rules-table"
        rows={rulePage.rows}
        total={rulePage.total}
        loading={rules.loading}
        rowKey={(r) => r.id}
        paging={rulePage.paging}
        onPaging={rulePage.setPaging}
        emptyText={t('points.rulesEmpty')}
        columns={[
          { key: 'kind', title: t('points.ruleKind'), render: (_, r) => r.kindLabel },
          { key: 'name', title: t('points.ruleName'), render: (_, r) => tx(r.name) },
          { key: 'points', title: t('points.points'), render: (_, r) => r.points },
          { key: 'from', title: t('points.effectiveFrom'), render: (_, r) => r.effectiveFrom },
          { key: 'org', title: t('points.ruleOrg'), render: (_, r) => tx(r.orgName) },
          { key: 'current', title: t('points.ruleCurrent'), render: (_, r) => (r.current ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
        ]}
      />
      {adding && (
        <FormModal<NewRule>
          open
          title={t('points.ruleCreate')}
          testId="rule-form"
          initialValues={{ orgId: home, kind: 'attend', effectiveFrom: today() }}
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            await pointsApi.createRule(v);
            void message.success(t('points.ruleSaved'));
            rules.reload();
          }}
        >
          <Alert type="info" showIcon title={t('points.ruleNotRetroactive')} style={{ marginBottom: 12 }} />
          <Form.Item name="orgId" label={t('points.ruleOrg')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="kind" label={t('points.ruleKind')} rules={[{ required: true }]}>
            <Select options={enumOptions('PointRuleKind')} />
          </Form.Item>
          <Form.Item name="name" label={t('points.ruleName')} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="points" label={t('points.points')} rules={[{ required: true }]}>
            <InputNumber step={0.5} min={-100} max={1000} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t('points.effectiveFrom')} rules={[{ required: true, message: t('common.dateRequired') }]}>
            <Input type="date" />
          </Form.Item>
        </FormModal>
      )}
    </Flex>
  );
}
