import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Form, Input, InputNumber, Select, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { isStaff } from '../../kernel/roles';
import { today } from '../../kernel/time';
import { useAuth } from '../../kernel/auth';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { colorOf } from '../../kernel/vocabulary';
import { fundsApi, yuan } from '../funds/api';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { reportInsApi } from '../reportins/api';
import { pushedTasksApi, type DepartmentRow, type NewPushedTask, type PushedTask, type PushedTaskList } from './api';

/**
 * 社区工作事项准入 (权随事走、费随事转): on a community secretary's phone, the
 * tasks pushed onto the community, each marked where it came without the
 * authority or the money, and the administrative share counted; for a
 * department, what it pushed and a form to register more; for the district,
 * each department's pushes in a table.
 */
export function PushedTasksPage() {
  const { t } = useI18n();
  const { state } = useAuth();
  const staff = state.status === 'signedIn' && isStaff(state.me);
  const home = useHomeOrg();
  const [orgId, setOrgId] = useState<number | undefined>(staff ? home : undefined);
  const list = useLoad(() => pushedTasksApi.list(orgId ? { orgId } : {}), [orgId]);
  const departments = useLoad(staff ? () => pushedTasksApi.departments(orgId) : null, [orgId, staff]);
  const [creating, setCreating] = useState(false);
  const reload = () => { list.reload(); departments.reload(); };
  return (
    <Card className="gj-page-card">
      <Flex className="gj-toolbar" gap={8} wrap>
        {staff && <span className="gj-toolbar-search"><OrgTreeSelect value={orgId} allowClear onChange={setOrgId} data-testid="pushed-org" /></span>}
        <span className="gj-toolbar-spacer" />
        {list.data?.actions.includes('create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="pushed-create">{t('pushedtasks.create')}</Button>
        )}
      </Flex>
      {list.data && (
        <Typography.Paragraph strong data-testid="pushed-figures">
          {t('pushedtasks.figures', { ...list.data.figures, funds: yuan(list.data.figures.fundsFen) })}
        </Typography.Paragraph>
      )}
      <Tabs items={[
        { key: 'tasks', label: t('pushedtasks.tasks'), children: <TaskCards list={list.data} loading={list.loading} onChanged={reload} /> },
        ...(staff ? [{
          key: 'departments', label: t('pushedtasks.byDepartment'),
          children: <DepartmentTable rows={departments.data} loading={departments.loading} />,
        }] : []),
      ]} />
      {creating && list.data && <CreateModal departments={list.data.departments} onClose={() => setCreating(false)} onDone={reload} />}
    </Card>
  );
}

function TaskCards({ list, loading, onChanged }: { list: PushedTaskList | undefined; loading: boolean; onChanged: () => void }) {
  const { t, tx, enumLabel } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const withdraw = async (task: PushedTask) => {
    try {
      await pushedTasksApi.withdraw(task.id);
      void message.success(t('pushedtasks.withdrawn'));
      onChanged();
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Spin spinning={loading}>
      {list?.items.length ? (
        <div className="gj-cards" data-testid="pushed-tasks">
          {list.items.map((task) => (
            <Card key={task.id} size="small" data-testid="pushed-task" data-task={task.id}>
              <Flex vertical gap={6}>
                <Flex justify="space-between" align="center" gap={8} wrap>
                  <Typography.Text strong>{tx(task.title)}</Typography.Text>
                  <span>
                    <Tag color={colorOf('PushedTaskNature', task.nature)}>{enumLabel('PushedTaskNature', task.nature)}</Tag>
                    {task.status !== 'active' && <Tag color={colorOf('PushedTaskStatus', task.status)}>{enumLabel('PushedTaskStatus', task.status)}</Tag>}
                  </span>
                </Flex>
                <Typography.Text type="secondary">{tx(task.departmentName)} · {task.startsOn}</Typography.Text>
                <Flex gap={4} wrap>
                  {task.withoutAuthority ? <Tag color="red" data-testid="pushed-no-authority">{t('pushedtasks.noAuthority')}</Tag> : null}
                  {task.withoutFunds ? <Tag color="red" data-testid="pushed-no-funds">{t('pushedtasks.noFunds')}</Tag> : null}
                  {!task.withoutFunds && (
                    <Tag color="green">{t('pushedtasks.fundsOf', { funds: yuan(task.fundsFen ?? 0) })}{task.fundSourceName ? ` · ${tx(task.fundSourceName)}` : ''}</Tag>
                  )}
                  {task.spentFen > 0 && <Tag data-testid="pushed-spent">{t('pushedtasks.spent', { spent: yuan(task.spentFen) })}</Tag>}
                </Flex>
                {task.authority && <Typography.Text>{t('pushedtasks.authority')}：{tx(task.authority)}</Typography.Text>}
                <Typography.Text type="secondary">{t('pushedtasks.communities')}：<span data-testid="pushed-communities-spent">
                  {task.communities.map((c) => (c.spentFen > 0 ? t('pushedtasks.communitySpent', { name: tx(c.name), spent: yuan(c.spentFen) }) : tx(c.name))).join('、')}
                </span></Typography.Text>
                {task.actions.includes('withdraw') && (
                  <Button size="large" block onClick={() => void withdraw(task)} data-testid="pushed-withdraw">{t('pushedtasks.withdraw')}</Button>
                )}
              </Flex>
            </Card>
          ))}
        </div>
      ) : (
        <Empty description={t('pushedtasks.empty')} className="gj-empty" />
      )}
    </Spin>
  );
}

function DepartmentTable({ rows, loading }: { rows: DepartmentRow[] | undefined; loading: boolean }) {
  const { t, tx } = useI18n();
  return (
    <Table<DepartmentRow> rowKey="unitId" size="small" loading={loading} dataSource={rows} pagination={false} data-testid="pushed-departments" scroll={{ x: true }}
      columns={[
        { title: t('pushedtasks.department'), dataIndex: 'departmentName', render: (v: string) => tx(v) },
        { title: t('pushedtasks.total'), dataIndex: 'total' },
        { title: t('pushedtasks.carried'), dataIndex: 'communities' },
        { title: t('pushedtasks.administrative'), dataIndex: 'administrative' },
        { title: t('pushedtasks.share'), dataIndex: 'administrativeShare', render: (n: number) => `${n}%` },
        { title: t('pushedtasks.withoutAuthority'), dataIndex: 'withoutAuthority' },
        { title: t('pushedtasks.withoutFunds'), dataIndex: 'withoutFunds' },
        { title: t('pushedtasks.fundsTotal'), dataIndex: 'fundsFen', render: (fen: number) => yuan(fen) },
      ]} />
  );
}

type CreateForm = Omit<NewPushedTask, 'fundsFen'> & { fundsFen?: number | null };

function CreateModal({ departments, onClose, onDone }: { departments: { id: number; name: string; orgId: number }[]; onClose: () => void; onDone: () => void }) {
  const { t, tx, enumOptions } = useI18n();
  const communities = useLoad(() => reportInsApi.communities(), []);
  const [chosen, setChosen] = useState({ unitId: departments[0]?.id, startsOn: today() });
  const department = departments.find((d) => d.id === chosen.unitId);
  const startsOn = /^\d{4}/.test(chosen.startsOn ?? '') ? chosen.startsOn : today();
  // 费随事转: the money named is held where the department is or above it (the server checks the same).
  const sources = useLoad(department ? () => fundsApi.sources({ orgId: department.orgId, year: Number(startsOn.slice(0, 4)) }) : null, [department?.orgId, startsOn.slice(0, 4)]);
  const required = (label: string) => [{ required: true, message: t('pushedtasks.required', { label }) }];
  return (
    <FormModal<CreateForm> open title={t('pushedtasks.create')} onClose={onClose} testId="pushed-form"
      onValuesChange={(changed) => setChosen((c) => ({ unitId: changed.unitId ?? c.unitId, startsOn: changed.startsOn ?? c.startsOn }))}
      initialValues={{ unitId: departments[0]?.id, nature: 'administrative', startsOn: today(), communityIds: [] }}
      onSubmit={async (v) => {
        // Yuan as typed, sent as fen; the server refuses what is not a whole, non-negative amount.
        await pushedTasksApi.create({ ...v, fundsFen: v.fundsFen === undefined || v.fundsFen === null ? null : Math.round(v.fundsFen * 100) });
        onDone();
      }}>
      <Form.Item name="unitId" label={t('pushedtasks.department')}>
        <Select showSearch optionFilterProp="label" options={departments.map((d) => ({ value: d.id, label: tx(d.name) }))} data-testid="pushed-department" />
      </Form.Item>
      <Form.Item name="communityIds" label={t('pushedtasks.communities')}>
        <Select mode="multiple" showSearch optionFilterProp="label" loading={communities.loading} data-testid="pushed-communities"
          options={(communities.data?.items ?? []).map((c) => ({ value: c.id, label: c.street ? `${tx(c.name)}（${tx(c.street)}）` : tx(c.name) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('pushedtasks.title')} rules={required(t('pushedtasks.title'))}><Input data-testid="pushed-title" /></Form.Item>
      <Form.Item name="nature" label={t('pushedtasks.nature')}><Select options={enumOptions('PushedTaskNature')} data-testid="pushed-nature" /></Form.Item>
      <Form.Item name="authority" label={t('pushedtasks.authority')}>
        <Input.TextArea rows={2} placeholder={t('pushedtasks.authorityHint')} data-testid="pushed-authority" />
      </Form.Item>
      <Form.Item name="fundsFen" label={t('pushedtasks.funds')}><InputNumber style={{ width: '100%' }} data-testid="pushed-funds" /></Form.Item>
      <Form.Item name="fundSourceId" label={t('pushedtasks.fundSource')}>
        <Select allowClear loading={sources.loading} data-testid="pushed-fund-source" placeholder={t('pushedtasks.fundSourceHint')}
          options={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: `${tx(s.name)} · ${tx(s.orgName)}` }))} />
      </Form.Item>
      <Form.Item name="startsOn" label={t('pushedtasks.startsOn')}><Input type="date" /></Form.Item>
    </FormModal>
  );
}
