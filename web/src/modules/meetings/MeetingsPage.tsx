import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Divider, Drawer, Empty, Flex, Form, Input, List, Select, Space, Spin, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../kernel/FormModal';
import { SearchMultiSelect } from '../../kernel/SearchSelect';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { regionInstant, regionWallClock } from '../../kernel/time';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { colorOf } from '../../kernel/vocabulary';
import { readPhotos } from '../needs/api';
import { orgsApi } from '../orgs/api';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { peopleApi } from '../people/api';
import { meetingsApi, type Invitee, type Meeting, type MeetingDetail, type NewMeeting, type NewResolution } from './api';
import { TaskCard } from './TaskCard';

const when = (iso: string) => regionWallClock(iso).replace('T', ' ');

/** 会议与决议 for a committee's organizers: schedule, invite, sign in, minutes, resolutions and their tasks. */
export function MeetingsPage() {
  const { t, tx, enumLabel } = useI18n();
  const home = useHomeOrg();
  const [orgId, setOrgId] = useState<number | undefined>(home);
  const list = useLoad(() => meetingsApi.list(orgId ? { orgId } : {}), [orgId]);
  const [scheduling, setScheduling] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Card className="gj-page-card">
      <Flex className="gj-toolbar" gap={8} wrap>
        <span className="gj-toolbar-search"><OrgTreeSelect allowClear value={orgId} onChange={setOrgId} data-testid="meetings-org" /></span>
        <span className="gj-toolbar-spacer" />
        {list.data?.actions.includes('create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setScheduling(true)} data-testid="meeting-schedule">{t('meetings.schedule')}</Button>
        )}
      </Flex>
      <Spin spinning={list.loading}>
        {list.data?.items.length ? (
          <div className="gj-cards" data-testid="meetings-list">
            {list.data.items.map((m) => (
              <Card size="small" key={m.id} hoverable onClick={() => setOpen(m.id)} data-testid="meeting-card">
                <Flex vertical gap={4}>
                  <Flex justify="space-between" gap={8} wrap>
                    <Typography.Text strong>{tx(m.title)}</Typography.Text>
                    <span>
                      <Tag>{enumLabel('MeetingKind', m.kind)}</Tag>
                      <Tag color={colorOf('MeetingStatus', m.status)}>{enumLabel('MeetingStatus', m.status)}</Tag>
                    </span>
                  </Flex>
                  <Typography.Text type="secondary">{[tx(m.orgName), when(m.startsAt), tx(m.place)].filter(Boolean).join(' · ')}</Typography.Text>
                  <Typography.Text>{t('meetings.counts', { invited: m.invited, present: m.present, open: m.openTasks, overdue: m.overdueTasks })}</Typography.Text>
                </Flex>
              </Card>
            ))}
          </div>
        ) : (
          <Empty description={t('meetings.empty')} className="gj-empty" />
        )}
      </Spin>
      {scheduling && <ScheduleModal onClose={() => setScheduling(false)} onDone={(m) => { list.reload(); setOpen(m.id); }} />}
      {open !== null && <MeetingDrawer id={open} onClose={() => { setOpen(null); list.reload(); }} />}
    </Card>
  );
}

function ScheduleModal({ onClose, onDone }: { onClose: () => void; onDone: (m: Meeting) => void }) {
  const { t, enumOptions } = useI18n();
  const home = useHomeOrg();
  const required = (label: string) => [{ required: true, message: t('meetings.required', { label }) }];
  return (
    <FormModal<Omit<NewMeeting, 'startsAt'> & { startsAt: string }>
      open title={t('meetings.schedule')} onClose={onClose} testId="meeting-form"
      initialValues={{ orgId: home, kind: 'joint', cadence: 'monthly' }}
      onSubmit={async (v) => onDone(await meetingsApi.create({ ...v, startsAt: regionInstant(v.startsAt) }))}
    >
      <Form.Item name="orgId" label={t('meetings.org')} rules={required(t('meetings.org'))}><OrgTreeSelect /></Form.Item>
      <Form.Item name="kind" label={t('meetings.kind')}><Select options={enumOptions('MeetingKind')} data-testid="meeting-kind" /></Form.Item>
      <Form.Item name="title" label={t('meetings.title')} rules={required(t('meetings.title'))}><Input data-testid="meeting-title" /></Form.Item>
      <Form.Item name="startsAt" label={t('meetings.startsAt')} rules={required(t('meetings.startsAt'))}><Input type="datetime-local" data-testid="meeting-starts" /></Form.Item>
      <Form.Item name="place" label={t('meetings.place')}><Input /></Form.Item>
      <Form.Item name="cadence" label={t('meetings.cadence')}><Select options={enumOptions('MeetingCadence')} /></Form.Item>
    </FormModal>
  );
}

/** One meeting: every part of it, with the buttons its `actions` list. */
function MeetingDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, tx, enumLabel, enumOptions } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const detail = useLoad(() => meetingsApi.get(id), [id]);
  const [modal, setModal] = useState<'invite' | 'agenda' | 'minutes' | 'resolve' | 'attach' | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const m = detail.data;
  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      void message.success(t('meetings.done'));
      detail.reload();
    } catch (err) {
      onError(err);
    }
  };
  const can = (a: MeetingDetail['actions'][number]) => m?.actions.includes(a) ?? false;
  return (
    <Drawer open width={720} title={m ? tx(m.title) : ''} onClose={onClose} data-testid="meeting-drawer">
      <Spin spinning={detail.loading}>
        {m && (
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{[tx(m.orgName), enumLabel('MeetingKind', m.kind), when(m.startsAt), tx(m.place)].filter(Boolean).join(' · ')}</Typography.Text>
            {m.carriedOver.length > 0 && (
              <>
                <Divider titlePlacement="start">{t('meetings.carriedOver')}</Divider>
                <div className="gj-cards" data-testid="meeting-carried">{m.carriedOver.map((task) => <TaskCard key={task.id} task={task} showMeeting />)}</div>
              </>
            )}
            <Divider titlePlacement="start">{t('meetings.agenda')}</Divider>
            <List size="small" dataSource={m.agenda} data-testid="meeting-agenda"
              renderItem={(a) => <List.Item>{a.position}. {tx(a.title)} <Tag>{enumLabel('AgendaSource', a.source)}</Tag></List.Item>} />
            {can('addAgendaItem') && <Button onClick={() => setModal('agenda')} data-testid="meeting-add-agenda">{t('meetings.addAgendaItem')}</Button>}

            <Divider titlePlacement="start">{t('meetings.invitees')}</Divider>
            <List size="small" dataSource={m.invitees} data-testid="meeting-invitees" renderItem={(i) => <InviteeRow invitee={i} onChanged={detail.reload} />} />
            {can('invite') && <Button onClick={() => setModal('invite')} data-testid="meeting-invite">{t('meetings.invite')}</Button>}

            <Divider titlePlacement="start">{t('meetings.minutes')}</Divider>
            {m.minutes.map((n) => (
              <Card size="small" key={n.id} data-testid="meeting-minutes">
                <Flex justify="space-between" gap={8}>
                  <span>{t('meetings.version', { n: n.version })} <Tag color={colorOf('MinutesStatus', n.status)}>{enumLabel('MinutesStatus', n.status)}</Tag></span>
                  {n.actions.includes('approve') && <Button size="small" onClick={() => act(() => meetingsApi.approveMinutes(n.id))} data-testid="minutes-approve">{t('meetings.approveMinutes')}</Button>}
                </Flex>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }}>{tx(n.body)}</Typography.Paragraph>
              </Card>
            ))}
            {can('writeMinutes') && !m.minutes.some((n) => n.status === 'draft') && (
              <Button onClick={() => setModal('minutes')} data-testid="meeting-write-minutes">{t('meetings.writeMinutes')}</Button>
            )}

            <Divider titlePlacement="start">{t('meetings.attachments')}</Divider>
            <List size="small" dataSource={m.attachments} data-testid="meeting-attachments" locale={{ emptyText: t('meetings.noAttachments') }}
              renderItem={(a) => (
                <List.Item>
                  <Space wrap>
                    <Tag>{enumLabel('MeetingAttachmentPurpose', a.purpose)}</Tag>
                    <a href={meetingsApi.attachmentUrl(a.id)} download={a.name}>{a.name}</a>
                    <Typography.Text type="secondary">{Math.ceil(a.sizeBytes / 1024)} KB · {tx(a.uploadedName)} · {a.uploadedAt}</Typography.Text>
                  </Space>
                </List.Item>
              )} />
            {can('attach') && <Button onClick={() => setModal('attach')} data-testid="meeting-attach">{t('meetings.attach')}</Button>}

            <Divider titlePlacement="start">{t('meetings.resolutions')}</Divider>
            {m.resolutions.map((r) => (
              <Card size="small" key={r.id} title={tx(r.text)} data-testid="meeting-resolution">
                <div className="gj-cards">{r.tasks.map((task) => <TaskCard key={task.id} task={task} />)}</div>
              </Card>
            ))}
            {can('resolve') && <Button type="primary" onClick={() => setModal('resolve')} data-testid="meeting-resolve">{t('meetings.resolve')}</Button>}
          </Flex>
        )}
      </Spin>
      {m && modal === 'agenda' && (
        <FormModal<{ title: string }> open title={t('meetings.addAgendaItem')} onClose={() => setModal(null)} testId="agenda-form"
          onSubmit={async (v) => { await meetingsApi.addAgendaItem(m.id, v); detail.reload(); }}>
          <Form.Item name="title" label={t('meetings.agendaTitle')} rules={[{ required: true, message: t('meetings.required', { label: t('meetings.agendaTitle') }) }]}>
            <Input data-testid="agenda-title" />
          </Form.Item>
        </FormModal>
      )}
      {m && modal === 'attach' && (
        <FormModal<{ purpose: 'agenda' | 'minutes' | 'other' }> open title={t('meetings.attach')} onClose={() => { setModal(null); setFile(null); }} testId="attach-form"
          initialValues={{ purpose: 'minutes' }}
          onSubmit={async (v) => {
            if (!file) throw new Error(t('meetings.fileRequired'));
            const [dataUrl] = await readPhotos([file]);
            await meetingsApi.attach(m.id, { purpose: v.purpose, name: file.name, dataUrl: dataUrl! });
            setFile(null);
            detail.reload();
          }}>
          <Form.Item name="purpose" label={t('meetings.attachmentPurpose')}>
            <Select options={enumOptions('MeetingAttachmentPurpose')} />
          </Form.Item>
          <Form.Item label={t('meetings.file')} extra={t('meetings.fileHint')}>
            <Upload accept="image/*,application/pdf" maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(null)} data-testid="attach-file">
              <Button>{t('meetings.file')}</Button>
            </Upload>
          </Form.Item>
        </FormModal>
      )}
      {m && modal === 'minutes' && (
        <FormModal<{ body: string }> open title={t('meetings.writeMinutes')} onClose={() => setModal(null)} testId="minutes-form"
          onSubmit={async (v) => { await meetingsApi.writeMinutes(m.id, v.body); detail.reload(); }}>
          <Form.Item name="body" label={t('meetings.minutes')} rules={[{ required: true, message: t('meetings.required', { label: t('meetings.minutes') }) }]}>
            <Input.TextArea rows={6} data-testid="minutes-body" />
          </Form.Item>
        </FormModal>
      )}
      {m && modal === 'invite' && <InviteModal meeting={m} onClose={() => setModal(null)} onDone={detail.reload} />}
      {m && modal === 'resolve' && <ResolveModal meeting={m} onClose={() => setModal(null)} onDone={detail.reload} />}
    </Drawer>
  );
}

function InviteeRow({ invitee: i, onChanged }: { invitee: Invitee; onChanged: () => void }) {
  const { t, tx, enumLabel, enumOptions } = useI18n();
  const onError = useApiError();
  const record = async (attendance: NonNullable<Invitee['attendance']>) => {
    try {
      await meetingsApi.attendance(i.id, { attendance });
      onChanged();
    } catch (err) {
      onError(err);
    }
  };
  return (
    <List.Item data-testid="meeting-invitee">
      <Space wrap>
        <Typography.Text>{tx(i.name)}</Typography.Text>
        <Tag color={colorOf('InviteeResponse', i.response)}>{enumLabel('InviteeResponse', i.response)}</Tag>
        {i.delegateName && <Typography.Text type="secondary">{t('meetings.delegateName')}：{tx(i.delegateName)}</Typography.Text>}
      </Space>
      {i.actions.includes('recordAttendance') ? (
        <Select size="small" style={{ minWidth: 120 }} value={i.attendance ?? undefined} placeholder={enumLabel('MeetingAttendance', 'present')}
          options={enumOptions('MeetingAttendance', i.delegateName ? undefined : ['present', 'absent'])} onChange={record} data-testid="invitee-attendance" />
      ) : (
        i.attendance && <Tag color={colorOf('MeetingAttendance', i.attendance)}>{enumLabel('MeetingAttendance', i.attendance)}</Tag>
      )}
    </List.Item>
  );
}

/** The organization's tied units (orgs publishes its ties), for invitations and tasks. */
function useTiedUnits(orgId: number) {
  const { tx } = useI18n();
  const ties = useLoad(() => orgsApi.ties(orgId), [orgId]);
  return (ties.data ?? []).filter((x) => x.toUnitId !== null && x.endedOn === null).map((x) => ({ value: x.toUnitId!, label: tx(x.toName) }));
}

function InviteModal({ meeting, onClose, onDone }: { meeting: MeetingDetail; onClose: () => void; onDone: () => void }) {
  const { t, tx, enumLabel } = useI18n();
  const units = useTiedUnits(meeting.orgId);
  const seats = useLoad(() => orgsApi.seats(meeting.orgId), [meeting.orgId]);
  return (
    <FormModal<{ unitIds?: number[]; seatIds?: number[]; personIds?: number[] }> open title={t('meetings.invite')} onClose={onClose} testId="invite-form"
      onSubmit={async (v) => { await meetingsApi.invite(meeting.id, { unitIds: v.unitIds ?? [], seatIds: v.seatIds ?? [], personIds: v.personIds ?? [] }); onDone(); }}>
      <Form.Item name="unitIds" label={t('meetings.inviteUnits')}><Select mode="multiple" options={units} optionFilterProp="label" data-testid="invite-units" /></Form.Item>
      <Form.Item name="seatIds" label={t('meetings.inviteSeats')}>
        <Select mode="multiple" data-testid="invite-seats"
          options={(seats.data ?? []).filter((s) => s.endedOn === null).map((s) => ({ value: s.id, label: `${tx(s.personName)}（${enumLabel('SeatRole', s.role)}）` }))} />
      </Form.Item>
      <Form.Item name="personIds" label={t('meetings.inviteMembers')}>
        {/* The organization's list: a joint committee's holds the members of the branches it joins. */}
        <SearchMultiSelect data-testid="invite-members" deps={[meeting.orgId]} placeholder={t('meetings.membersPlaceholder')} empty={t('people.empty')}
          search={async (q) => (await peopleApi.list({ q, orgId: meeting.orgId, kind: 'member', page: 1, pageSize: 20 })).items}
          option={(p) => ({ value: p.id, label: `${tx(p.name)} · ${tx(p.orgName)}` })} />
      </Form.Item>
    </FormModal>
  );
}

function ResolveModal({ meeting, onClose, onDone }: { meeting: MeetingDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const units = useTiedUnits(meeting.orgId);
  const required = (label: string) => [{ required: true, message: t('meetings.required', { label }) }];
  return (
    <FormModal<NewResolution> open title={t('meetings.resolve')} onClose={onClose} testId="resolve-form" initialValues={{ tasks: [{}] } as Partial<NewResolution>}
      onSubmit={async (v) => { await meetingsApi.resolve(meeting.id, v); onDone(); }}>
      <Form.Item name="text" label={t('meetings.resolution')} rules={required(t('meetings.resolution'))}><Input.TextArea rows={2} data-testid="resolve-text" /></Form.Item>
      <Form.List name="tasks">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f, n) => (
              <Card size="small" key={f.key} title={`${t('meetings.tasks')} ${n + 1}`} extra={<Button size="small" onClick={() => remove(f.name)}>×</Button>} data-testid="resolve-task">
                <Form.Item name={[f.name, 'title']} label={t('meetings.taskTitle')} rules={required(t('meetings.taskTitle'))}><Input data-testid="task-title" /></Form.Item>
                <Form.Item name={[f.name, 'unitId']} label={t('meetings.assigneeUnit')}><Select allowClear options={units} data-testid="task-unit" /></Form.Item>
                <Form.Item name={[f.name, 'assigneeOrgId']} label={t('meetings.assigneeOrg')}><OrgTreeSelect allowClear /></Form.Item>
                <Form.Item name={[f.name, 'deadline']} label={t('meetings.deadline')} rules={required(t('meetings.deadline'))}><Input type="date" data-testid="task-deadline" /></Form.Item>
                <Form.Item name={[f.name, 'responsible']} label={t('meetings.responsible')} rules={required(t('meetings.responsible'))}><Input data-testid="task-responsible" /></Form.Item>
              </Card>
            ))}
            <Button onClick={() => add({})} data-testid="resolve-add-task">{t('meetings.addTask')}</Button>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
