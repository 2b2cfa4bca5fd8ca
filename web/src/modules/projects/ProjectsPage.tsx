import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Drawer, Empty, Flex, Form, Input, List, Progress, Select, Slider, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../kernel/FormModal';
import { useIsPhone, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import type { MessageKey } from '../../messages';
import { needsApi } from '../needs/api';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { WithOrgTree } from '../orgs/OrgTreePanel';
import { useOrgTree } from '../orgs/tree';
import { peopleApi } from '../people/api';
import { resourcesApi } from '../resources/api';
import { projectsApi, type Project, type ProjectAction, type ProjectDetail } from './api';
import { LinkedActivities } from '../activities/LinkedActivities';


export function ProjectStatus({ p }: { p: Project }) {
  const { enumLabel } = useI18n();
  return <Tag color={colorOf('ProjectStatus', p.status)}>{enumLabel('ProjectStatus', p.status)}</Tag>;
}

/** The projects of the selected organization's subtree. */
export function ProjectTable({ rows, loading, onOpen }: { rows: Project[] | undefined; loading: boolean; onOpen: (id: number) => void }) {
  const { t, tx } = useI18n();
  return (
    <Table<Project>
      size="middle"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={false}
      data-testid="projects-table"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.empty')} /> }}
      columns={[
        { key: 'name', title: t('projects.name'), render: (_, p) => <Typography.Link onClick={() => onOpen(p.id)} data-testid="project-open">{tx(p.name)}</Typography.Link> },
        { key: 'org', title: t('projects.org'), render: (_, p) => tx(p.orgName) || t('common.none') },
        { key: 'status', title: t('projects.status'), render: (_, p) => <ProjectStatus p={p} /> },
        { key: 'progress', title: t('projects.progress'), render: (_, p) => <Progress percent={p.progress} size="small" style={{ width: 120 }} /> },
        { key: 'parties', title: t('projects.parties'), render: (_, p) => p.partyCount },
        { key: 'needs', title: t('projects.needs'), render: (_, p) => t('projects.needsClosed', { closed: p.needsClosed, total: p.needCount }) },
        { key: 'started', title: t('projects.startedOn'), render: (_, p) => p.startedOn },
      ]}
    />
  );
}

type Act = 'parties' | 'needs' | 'updates' | 'complete' | 'cancel';
interface ActValues {
  unitId?: number;
  resourceId?: number;
  personId?: number;
  pledge?: string;
  needId?: number;
  body?: string;
  progress?: number;
  outcome?: string;
  reason?: string;
}

function ActModal({ project, act, onClose, onDone }: { project: ProjectDetail; act: Act; onClose: () => void; onDone: (p: ProjectDetail) => void }) {
  const { t, tx } = useI18n();
  const [personQ, setPersonQ] = useState('');
  const [needQ, setNeedQ] = useState('');
  const [unitId, setUnitId] = useState<number>();
  const offered = useLoad(unitId ? () => resourcesApi.list({ unitId, status: 'available', page: 1, pageSize: 100 }) : null, [unitId]);
  const targets = useLoad(act === 'parties' ? () => needsApi.targets() : null, [act]);
  const persons = useLoad(act === 'parties' && personQ ? () => peopleApi.list({ q: personQ, page: 1, pageSize: 20 }) : null, [personQ]);
  const needList = useLoad(act === 'needs' ? () => needsApi.list({ q: needQ, orgId: project.orgId, page: 1, pageSize: 20 }) : null, [needQ]);
  const titles: Record<Act, MessageKey> = { parties: 'projects.addParty', needs: 'projects.linkNeed', updates: 'projects.addUpdate', complete: 'projects.complete', cancel: 'projects.cancel' };
  const submit = async (v: ActValues) => onDone(await projectsApi.act(project.id, act, v));
  return (
    <FormModal<ActValues>
      open
      title={t(titles[act])}
      onClose={onClose}
      onSubmit={submit}
      testId={`project-${act}`}
      initialValues={{ progress: project.progress }}
      onValuesChange={(changed, form) => {
        if ('unitId' in changed) {
          setUnitId(changed.unitId);
          form.setFieldValue('resourceId', undefined);
        }
      }}
    >
      {act === 'parties' && (
        <>
          <Form.Item name="unitId" label={t('projects.partyUnit')}>
            <Select allowClear showSearch optionFilterProp="label" options={(targets.data?.items ?? []).map((u) => ({ value: u.id, label: tx(u.name) }))} data-testid="project-party-unit" />
          </Form.Item>
          <Form.Item name="personId" label={t('projects.member')}>
            <Select
              allowClear
              showSearch
              filterOption={false}
              onSearch={setPersonQ}
              options={(persons.data?.items ?? []).filter((p) => p.isMember).map((p) => ({ value: p.id, label: `${tx(p.name)}（${tx(p.orgName)}）` }))}
            />
          </Form.Item>
          {unitId !== undefined && (
            <Form.Item name="resourceId" label={t('projects.resource')}>
              <Select allowClear loading={offered.loading} options={(offered.data?.items ?? []).map((r) => ({ value: r.id, label: tx(r.name) }))} data-testid="project-party-resource" />
            </Form.Item>
          )}
          <Form.Item name="pledge" label={t('projects.pledge')}>
            <Input.TextArea rows={2} maxLength={300} data-testid="project-party-pledge" />
          </Form.Item>
        </>
      )}
      {act === 'needs' && (
        <Form.Item name="needId" label={t('projects.needId')} rules={[{ required: true, message: t('projects.needId') }]}>
          <Select showSearch filterOption={false} onSearch={setNeedQ} options={(needList.data?.items ?? []).map((n) => ({ value: n.id, label: `#${n.id} ${tx(n.title)}` }))} data-testid="project-need" />
        </Form.Item>
      )}
      {act === 'updates' && (
        <>
          <Form.Item name="body" label={t('projects.updateBody')} rules={[{ required: true, message: t('projects.updateBody') }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="project-update-body" />
          </Form.Item>
          <Form.Item name="progress" label={t('projects.progress')}>
            <Slider min={0} max={100} step={5} />
          </Form.Item>
        </>
      )}
      {(act === 'complete' || act === 'cancel') && (
        <Form.Item name={act === 'complete' ? 'outcome' : 'reason'} label={act === 'complete' ? t('projects.outcome') : t('projects.cancelReason')} rules={[{ required: true, message: t('projects.outcome') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid={`project-${act}-text`} />
        </Form.Item>
      )}
    </FormModal>
  );
}

export function ProjectDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const detail = useLoad(id === null ? null : () => projectsApi.get(id), [id]);
  const [act, setAct] = useState<Act | null>(null);
  const p = detail.data?.id === id ? detail.data : undefined;
  // Each button and the server's action that allows it.
  const acts: [Act, MessageKey, boolean, ProjectAction][] = [
    ['parties', 'projects.addParty', false, 'edit'], ['needs', 'projects.linkNeed', false, 'edit'], ['updates', 'projects.addUpdate', false, 'progress'],
    ['complete', 'projects.complete', false, 'complete'], ['cancel', 'projects.cancel', true, 'cancel'],
  ];
  return (
    <Drawer open={id !== null} onClose={onClose} width={isPhone ? '100%' : 720} title={p ? tx(p.name) : ''} destroyOnHidden data-testid="project-drawer" extra={p && <ProjectStatus p={p} />}>
      {!p ? (
        <Spin className="gj-block-spin" />
      ) : (
        <Flex vertical gap={16}>
          {p.actions.length > 0 && (
            <Flex gap={8} wrap>
              {acts.filter((a) => p.actions.includes(a[3])).map(([key, label, danger]) => (
                <Button key={key} danger={danger} type={key === 'updates' ? 'primary' : 'default'} onClick={() => setAct(key)} data-testid={`project-action-${key}`}>
                  {t(label)}
                </Button>
              ))}
            </Flex>
          )}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('projects.org')}>{tx(p.orgName) || t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('projects.summary')}>{tx(p.summary) || t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('projects.startedOn')}>{p.startedOn}</Descriptions.Item>
            <Descriptions.Item label={t('projects.progress')}><Progress percent={p.progress} size="small" /></Descriptions.Item>
            {p.outcome && <Descriptions.Item label={t('projects.outcome')}>{tx(p.outcome)}</Descriptions.Item>}
          </Descriptions>
          <Card size="small" title={t('projects.parties')}>
            <List
              dataSource={p.parties}
              locale={{ emptyText: t('projects.noParties') }}
              data-testid="project-parties"
              renderItem={(x) => (
                <List.Item>
                  <List.Item.Meta title={<><Tag>{t(x.kind === 'unit' ? 'projects.unit' : 'projects.member')}</Tag>{tx(x.name)}</>} description={tx(x.pledge)} />
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={`${t('projects.needs')} · ${t('projects.needsClosed', { closed: p.needsClosed, total: p.needCount })}`}>
            <List
              dataSource={p.needs}
              locale={{ emptyText: t('projects.noNeeds') }}
              renderItem={(n) => (
                <List.Item extra={<Tag>{tx(n.statusLabel)}</Tag>}>
                  {tx(n.kindLabel)} · {tx(n.title)}
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('activities.linked')}>
            <LinkedActivities projectId={p.id} />
          </Card>
          <Card size="small" title={t('projects.updates')}>
            {p.updates.length ? (
              <Timeline items={p.updates.map((u) => ({ children: <div><strong>{u.progress}%</strong> {tx(u.body)}<div><Typography.Text type="secondary">{tx(u.author)} · {u.at}</Typography.Text></div></div> }))} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.noUpdates')} />
            )}
          </Card>
          {act && (
            <ActModal
              project={p}
              act={act}
              onClose={() => setAct(null)}
              onDone={(next) => {
                void message.success(t('common.saved'));
                detail.setData(next);
                onChanged();
              }}
            />
          )}
        </Flex>
      )}
    </Drawer>
  );
}

interface NewProject {
  orgId: number;
  name: string;
  summary?: string;
  startedOn?: { format(f: string): string };
}

export function ProjectsPage() {
  const { t } = useI18n();
  const store = useOrgTree();
  const orgId = store.selectedId ?? undefined;
  const list = useLoad(() => projectsApi.list(orgId), [orgId]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const create = async (v: NewProject) => {
    const p = await projectsApi.create({ ...v, startedOn: v.startedOn?.format('YYYY-MM-DD') });
    list.reload();
    setOpenId(p.id);
  };
  return (
    <WithOrgTree>
      <Card className="gj-page-card">
        <Flex className="gj-toolbar" justify="flex-end">
          {list.data?.actions.includes('create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="projects-new">
              {t('projects.new')}
            </Button>
          )}
        </Flex>
        <ProjectTable rows={list.data?.items} loading={list.loading} onOpen={setOpenId} />
      </Card>
      <FormModal<NewProject> open={creating} title={t('projects.new')} onClose={() => setCreating(false)} onSubmit={create} initialValues={{ orgId }} testId="project-create">
        <Form.Item name="orgId" label={t('projects.org')} rules={[{ required: true, message: t('projects.org') }]}>
          <OrgTreeSelect data-testid="project-create-org" />
        </Form.Item>
        <Form.Item name="name" label={t('projects.name')} rules={[{ required: true, message: t('projects.name') }]}>
          <Input maxLength={60} data-testid="project-create-name" />
        </Form.Item>
        <Form.Item name="summary" label={t('projects.summary')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="startedOn" label={t('projects.startedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
      <ProjectDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
    </WithOrgTree>
  );
}
