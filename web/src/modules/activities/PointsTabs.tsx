import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Popconfirm, Segmented, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable, usePaging } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { useLocalPage } from '../orgs/localPaging';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { PersonSelect } from '../orgs/pickers';
import { activitiesApi, type Certificate, type NewRule, type Rule, type Team, type Total } from './api';
import { useHomeOrg } from './useHomeOrg';
import { today, thisYear } from '../../kernel/time';

const YEARS = (() => {
  const y = thisYear();
  return [y, y - 1, y - 2];
})();

function YearSelect({ value, onChange }: { value: number; onChange: (y: number) => void }) {
  return <Segmented value={value} onChange={(v) => onChange(Number(v))} options={YEARS} data-testid="year-select" />;
}

/** 志愿者队伍: teams with their leaders and members. */
export function TeamsTab() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const home = useHomeOrg();
  const teams = useLoad(() => activitiesApi.teams(), []);
  const page = useLocalPage(teams.data?.items, 'teams');
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<Team | null>(null);
  const members = (team: Team) =>
    team.members.length ? (
      <Space wrap size={4}>
        {team.members.map((m) => (
          <Tag key={m.id} color={m.role === 'leader' ? 'red' : undefined}>
            {tx(m.personName)}
            {m.role === 'leader' ? ` · ${t('activities.leader')}` : ''}
          </Tag>
        ))}
      </Space>
    ) : (
      t('common.none')
    );
  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="team-create">
          {t('activities.teamCreate')}
        </Button>
      </Flex>
      <DataTable<Team>
        testId="teams-table"
        rows={page.rows}
        total={page.total}
        loading={teams.loading}
        rowKey={(x) => x.id}
        paging={page.paging}
        onPaging={page.setPaging}
        emptyText={t('activities.teamsEmpty')}
        columns={[
          { key: 'name', title: t('activities.teamName'), render: (_, x) => <strong>{tx(x.name)}</strong> },
          { key: 'focus', title: t('activities.teamFocus'), render: (_, x) => tx(x.focus) || t('common.none') },
          { key: 'org', title: t('activities.host'), render: (_, x) => tx(x.orgName) },
          { key: 'members', title: t('activities.teamMembers'), render: (_, x) => members(x) },
          { key: 'actions', title: t('common.actions'), render: (_, x) => <Button size="small" onClick={() => setAdding(x)}>{t('activities.teamAdd')}</Button> },
        ]}
        renderCard={(x) => (
          <Flex vertical gap={4}>
            <Typography.Text strong>{tx(x.name)}</Typography.Text>
            <Typography.Text type="secondary">{tx(x.focus)}</Typography.Text>
            {members(x)}
            <Button size="small" onClick={() => setAdding(x)}>{t('activities.teamAdd')}</Button>
          </Flex>
        )}
      />
      {creating && (
        <FormModal<{ orgId: number; name: string; focus?: string }>
          open
          title={t('activities.teamCreate')}
          testId="team-form"
          initialValues={{ orgId: home }}
          onClose={() => setCreating(false)}
          onSubmit={async (v) => {
            await activitiesApi.createTeam(v);
            void message.success(t('common.saved'));
            teams.reload();
          }}
        >
          <Form.Item name="orgId" label={t('activities.host')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="name" label={t('activities.teamName')} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="focus" label={t('activities.teamFocus')}>
            <Input maxLength={100} />
          </Form.Item>
        </FormModal>
      )}
      {adding && (
        <FormModal<{ personId: number; role: 'leader' | 'member' }>
          open
          title={t('activities.teamAddTo', { name: tx(adding.name) })}
          testId="team-member-form"
          initialValues={{ role: 'member' }}
          onClose={() => setAdding(null)}
          onSubmit={async (v) => {
            await activitiesApi.addTeamMember(adding.id, v);
            void message.success(t('common.saved'));
            teams.reload();
          }}
        >
          <Form.Item name="personId" label={t('activities.person')} rules={[{ required: true }]}>
            <PersonSelect />
          </Form.Item>
          <Form.Item name="role" label={t('activities.teamRole')}>
            <Select options={[{ value: 'leader', label: t('activities.leader') }, { value: 'member', label: t('activities.teamMember') }]} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** 积分: the year's ranked totals against the threshold, and the rules with their versions. */
export function PointsTab() {
  const { t, tx, enumOptions } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const home = useHomeOrg();
  const [year, setYear] = useState(thisYear());
  const [onlyBelow, setOnlyBelow] = useState(false);
  const [paging, setPaging] = usePaging(`${year}|${onlyBelow}`);
  const totals = useLoad(() => activitiesApi.totals({ year, orgId: home, onlyBelow: onlyBelow ? 'true' : 'false', ...paging }), [year, home, onlyBelow, paging.page, paging.pageSize]);
  const rules = useLoad(() => activitiesApi.rules(), []);
  const rulePage = useLocalPage(rules.data?.items, 'rules');
  const [adding, setAdding] = useState(false);
  const rerun = () =>
    home &&
    activitiesApi.rerun({ orgId: home, year }).then((r) => {
      void message.success(t('activities.rerunDone', { corrections: r.corrections, points: r.points }));
      totals.reload();
    }, onError);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" wrap gap={8}>
        <YearSelect value={year} onChange={setYear} />
        <Space>
          <Switch checked={onlyBelow} onChange={setOnlyBelow} data-testid="points-only-below" />
          <span>{t('activities.onlyBelow')}</span>
        </Space>
      </Flex>
      {totals.data?.threshold != null && (
        <Alert type={totals.data.below ? 'warning' : 'success'} showIcon title={t('activities.thresholdSummary', { threshold: totals.data.threshold, below: totals.data.below, total: totals.data.total })} data-testid="points-summary" />
      )}
      <DataTable<Total>
        testId="points-table"
        rows={totals.data?.items}
        total={onlyBelow ? (totals.data?.below ?? 0) : (totals.data?.total ?? 0)}
        loading={totals.loading}
        rowKey={(r) => r.personId}
        paging={paging}
        onPaging={setPaging}
        emptyText={t('activities.pointsEmpty')}
        columns={[
          { key: 'rank', title: t('activities.rank'), render: (_, r) => r.rank },
          { key: 'name', title: t('activities.person'), render: (_, r) => tx(r.personName) },
          { key: 'org', title: t('activities.memberOrg'), render: (_, r) => tx(r.orgName) },
          { key: 'points', title: t('activities.points'), render: (_, r) => (r.belowThreshold ? <Tag color="red">{r.points}</Tag> : <Tag color="green">{r.points}</Tag>) },
          { key: 'activities', title: t('activities.attended'), render: (_, r) => r.activities },
          { key: 'hours', title: t('activities.hours'), render: (_, r) => r.hours },
        ]}
        renderCard={(r) => (
          <Flex justify="space-between">
            <span>
              {r.rank}. {tx(r.personName)}
            </span>
            <Tag color={r.belowThreshold ? 'red' : 'green'}>{t('activities.pointsValue', { points: r.points })}</Tag>
          </Flex>
        )}
      />
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Title level={5}>{t('activities.rules')}</Typography.Title>
        <Space wrap>
          <Popconfirm title={t('activities.rerunConfirm', { year })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => rerun()}>
            <Button data-testid="points-rerun">{t('activities.rerun')}</Button>
          </Popconfirm>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="rule-create">
            {t('activities.ruleCreate')}
          </Button>
        </Space>
      </Flex>
      <Typography.Text type="secondary">{t('activities.rulesHelp')}</Typography.Text>
      <DataTable<Rule>
        testId="rules-table"
        rows={rulePage.rows}
        total={rulePage.total}
        loading={rules.loading}
        rowKey={(r) => r.id}
        paging={rulePage.paging}
        onPaging={rulePage.setPaging}
        emptyText={t('activities.rulesEmpty')}
        columns={[
          { key: 'kind', title: t('activities.ruleKind'), render: (_, r) => r.kindLabel },
          { key: 'name', title: t('activities.ruleName'), render: (_, r) => tx(r.name) },
          { key: 'points', title: t('activities.points'), render: (_, r) => r.points },
          { key: 'from', title: t('activities.effectiveFrom'), render: (_, r) => r.effectiveFrom },
          { key: 'org', title: t('activities.ruleOrg'), render: (_, r) => tx(r.orgName) },
          { key: 'current', title: t('activities.ruleCurrent'), render: (_, r) => (r.current ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
        ]}
      />
      {adding && (
        <FormModal<NewRule>
          open
          title={t('activities.ruleCreate')}
          testId="rule-form"
          initialValues={{ orgId: home, kind: 'attend', effectiveFrom: today() }}
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            await activitiesApi.createRule(v);
            void message.success(t('activities.ruleSaved'));
            rules.reload();
          }}
        >
          <Alert type="info" showIcon title={t('activities.ruleNotRetroactive')} style={{ marginBottom: 12 }} />
          <Form.Item name="orgId" label={t('activities.ruleOrg')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="kind" label={t('activities.ruleKind')} rules={[{ required: true }]}>
            <Select options={enumOptions('PointRuleKind')} />
          </Form.Item>
          <Form.Item name="name" label={t('activities.ruleName')} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="points" label={t('activities.points')} rules={[{ required: true }]}>
            <InputNumber step={0.5} min={-100} max={1000} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t('activities.effectiveFrom')} rules={[{ required: true, message: t('common.dateRequired') }]}>
            <Input type="date" />
          </Form.Item>
        </FormModal>
      )}
    </Flex>
  );
}

/** 服务证明: issued certificates with the code anyone can check. */
export function CertificatesTab() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const home = useHomeOrg();
  const [year, setYear] = useState(thisYear());
  const list = useLoad(() => activitiesApi.certificates(year), [year]);
  const page = useLocalPage(list.data?.items, String(year));
  const [issuing, setIssuing] = useState(false);
  const link = (c: Certificate) => (
    <a href={c.verifyUrl} target="_blank" rel="noreferrer" data-testid="certificate-link">
      {c.code}
    </a>
  );
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <YearSelect value={year} onChange={setYear} />
        <Button icon={<SafetyCertificateOutlined />} onClick={() => setIssuing(true)} data-testid="certificate-issue">
          {t('activities.certificateIssue')}
        </Button>
      </Flex>
      <DataTable<Certificate>
        testId="certificates-table"
        rows={page.rows}
        total={page.total}
        loading={list.loading}
        rowKey={(c) => c.id}
        paging={page.paging}
        onPaging={page.setPaging}
        emptyText={t('activities.certificatesEmpty')}
        columns={[
          { key: 'name', title: t('activities.person'), render: (_, c) => tx(c.personName) },
          { key: 'org', title: t('activities.issuer'), render: (_, c) => tx(c.orgName) },
          { key: 'figures', title: t('activities.figures'), render: (_, c) => t('activities.figuresValue', { activities: c.activities, hours: c.hours, points: c.points }) },
          { key: 'issued', title: t('activities.issuedOn'), render: (_, c) => c.issuedOn },
          { key: 'code', title: t('activities.certificateCode'), render: (_, c) => link(c) },
        ]}
        renderCard={(c) => (
          <Flex vertical>
            <Typography.Text strong>{tx(c.personName)}</Typography.Text>
            <Typography.Text type="secondary">{t('activities.figuresValue', { activities: c.activities, hours: c.hours, points: c.points })}</Typography.Text>
            {link(c)}
          </Flex>
        )}
      />
      {issuing && (
        <FormModal<{ orgId: number; personId: number }>
          open
          title={t('activities.certificateIssue')}
          testId="certificate-form"
          initialValues={{ orgId: home }}
          onClose={() => setIssuing(false)}
          onSubmit={async (v) => {
            const c = await activitiesApi.issueCertificate({ ...v, year });
            void message.success(t('activities.certificateIssued', { code: c.code }));
            list.reload();
          }}
        >
          <Form.Item name="orgId" label={t('activities.issuer')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="personId" label={t('activities.person')} rules={[{ required: true }]}>
            <PersonSelect data-testid="certificate-person" />
          </Form.Item>
        </FormModal>
      )}
    </Flex>
  );
}
