import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { useLocalPage } from '../orgs/localPaging';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { PersonSelect } from '../orgs/pickers';
import { activitiesApi, type Certificate, type Team } from './api';
import { thisYear } from '../../kernel/time';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { YearSelect } from '../../kernel/YearSelect';

/** 志愿者队伍: teams with their leaders and members. */
export function TeamsTab() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const home = useHomeOrg();
  const teams = useLoad(() => activitiesApi.teams(), []);
  const page = useLocalPage(teams.data?.items, 'teams');
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<Team | null>(null);
  const add = (team: Team) =>
    team.actions.includes('addMember') && (
      <Button size="small" onClick={() => setAdding(team)}>
        {t('activities.teamAdd')}
      </Button>
    );
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
      {teams.data?.actions.includes('create') && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="team-create">
            {t('activities.teamCreate')}
          </Button>
        </Flex>
      )}
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
          { key: 'actions', title: t('common.actions'), render: (_, x) => add(x) },
        ]}
        renderCard={(x) => (
          <Flex vertical gap={4}>
            <Typography.Text strong>{tx(x.name)}</Typography.Text>
            <Typography.Text type="secondary">{tx(x.focus)}</Typography.Text>
            {members(x)}
            {add(x)}
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
        {list.data?.actions.includes('create') && (
          <Button icon={<SafetyCertificateOutlined />} onClick={() => setIssuing(true)} data-testid="certificate-issue">
            {t('activities.certificateIssue')}
          </Button>
        )}
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
