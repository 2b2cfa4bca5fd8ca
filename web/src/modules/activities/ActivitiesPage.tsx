import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Calendar, Card, Flex, Form, Input, InputNumber, Popconfirm, Segmented, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { pointsApi } from '../points/api';
import { needsApi } from '../needs/api';
import { useLocalPage } from '../orgs/localPaging';
import { UnitSelect } from '../orgs/pickers';
import { PointsTab } from '../points/PointsTab';
import { projectsApi } from '../projects/api';
import { LIST_WHEN, activitiesApi, timeRange, type Activity, type ListWhen, type NewActivity } from './api';
import { CertificatesTab, TeamsTab } from './TeamsTabs';
import { BasicFields, PlaceFields } from './PlaceFields';
import { RosterDrawer } from './RosterDrawer';
import { SetupTab } from './SetupTab';
import { regionDate, regionInstant, regionWallClock, today } from '../../kernel/time';
import { useHomeOrg } from '../../kernel/useHomeOrg';

/** The organizer's page: activities with their rosters and QR check-in, the calendar, teams, points and certificates. */
export function ActivitiesPage() {
  const { t } = useI18n();
  // Kinds, series, manual points and redemptions are the administrators' (a grid worker organizes, but does not set the rules): the server says whether the user is one.
  const sets = useLoad(() => pointsApi.rules(), []).data?.actions.includes('setRule');
  const [tab, setTab] = useState('list');
  return (
    <Card className="gj-page-card">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        data-testid="activities-tabs"
        items={[
          { key: 'list', label: <span data-testid="tab-activities">{t('activities.tab.list')}</span>, children: <ActivityList /> },
          { key: 'calendar', label: <span data-testid="tab-calendar">{t('activities.tab.calendar')}</span>, children: <ActivityCalendar /> },
          { key: 'teams', label: <span data-testid="tab-teams">{t('activities.tab.teams')}</span>, children: <TeamsTab /> },
          { key: 'points', label: <span data-testid="tab-points">{t('activities.tab.points')}</span>, children: <PointsTab /> },
          { key: 'certificates', label: <span data-testid="tab-certificates">{t('activities.tab.certificates')}</span>, children: <CertificatesTab /> },
          ...(sets ? [{ key: 'setup', label: <span data-testid="tab-setup">{t('activities.tab.setup')}</span>, children: <SetupTab /> }] : []),
        ]}
      />
    </Card>
  );
}

function ActivityList() {
  const { t, tx, enumLabel, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<Activity | null>(null);
  const [moving, setMoving] = useState<Activity | null>(null);
  // Today's and the next ones first: a series plans a year ahead, and what is on now is what organizers look for.
  const [when, setWhen] = useState<ListWhen>('upcoming');
  const list = useLoad(() => activitiesApi.list({ when }), [when]);
  const page = useLocalPage(list.data?.items, when);
  const cancel = (a: Activity) =>
    activitiesApi.cancel(a.id).then(() => {
      void message.success(t('activities.cancelled'));
      list.reload();
    }, onError);

  const state = (a: Activity) =>
    a.status === 'cancelled' ? <Tag>{t('activities.statusCancelled')}</Tag> : <span>{t('activities.countShort', { signedUp: a.signedUp, capacity: a.capacity, attended: a.attended })}</span>;
  const actions = (a: Activity) => (
    <Space wrap>
      <Button size="small" type="primary" data-testid="activity-open" onClick={() => setOpen(a)}>
        {t('activities.openRoster')}
      </Button>
      {a.actions.includes('reschedule') && (
        <Button size="small" data-testid="activity-reschedule" onClick={() => setMoving(a)}>
          {t('activities.reschedule')}
        </Button>
      )}
      {a.actions.includes('cancel') && (
        <Popconfirm title={t('activities.cancelConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => cancel(a)}>
          <Button size="small" danger>
            {t('activities.cancel')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  return (
    <>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented<ListWhen>
          value={when}
          onChange={setWhen}
          data-testid="activities-when"
          options={LIST_WHEN.map((w) => ({ value: w, label: <span data-testid={`activities-when-${w}`}>{enumLabel('ActivityWhen', w)}</span> }))}
        />
        {list.data?.actions.includes('create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="activity-create">
            {t('activities.create')}
          </Button>
        )}
      </Flex>
      <DataTable<Activity>
        testId="activities-table"
        rows={page.rows}
        total={page.total}
        loading={list.loading}
        rowKey={(a) => a.id}
        paging={page.paging}
        onPaging={page.setPaging}
        emptyText={t(when === 'past' ? 'activities.emptyPast' : 'activities.emptyUpcoming')}
        columns={[
          { key: 'title', title: t('activities.title'), render: (_, a) => <strong>{tx(a.title)}</strong> },
          { key: 'kind', title: t('activities.kind'), render: (_, a) => <Tag color="red">{enumLabel('ActivityKind', a.kind, a.kindLabel)}</Tag> },
          { key: 'time', title: t('activities.time'), render: (_, a) => timeRange(a, formatDateTime) },
          { key: 'place', title: t('activities.place'), render: (_, a) => tx(a.place) },
          { key: 'organizer', title: t('activities.organizer'), render: (_, a) => tx(a.organizerName) },
          { key: 'state', title: t('activities.count'), render: (_, a) => state(a) },
          { key: 'actions', title: t('common.actions'), fixed: 'right', render: (_, a) => actions(a) },
        ]}
        renderCard={(a) => (
          <Flex vertical gap={4}>
            <Flex justify="space-between">
              <Typography.Text strong>{tx(a.title)}</Typography.Text>
              <Tag color="red">{enumLabel('ActivityKind', a.kind, a.kindLabel)}</Tag>
            </Flex>
            <Typography.Text type="secondary">{timeRange(a, formatDateTime)} · {tx(a.place)}</Typography.Text>
            {state(a)}
            {actions(a)}
          </Flex>
        )}
      />
      {creating && <CreateActivityModal onClose={() => setCreating(false)} onCreated={list.reload} />}
      {open && <RosterDrawer activity={open} onClose={() => setOpen(null)} onChanged={list.reload} />}
      {moving && <RescheduleModal activity={moving} onClose={() => setMoving(null)} onDone={list.reload} />}
    </>
  );
}

type ActivityForm = Omit<NewActivity, 'services'> & { services?: string[]; placeMode: 'venue' | 'address' };

function CreateActivityModal({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { t, enumOptions, enumLabel } = useI18n();
  const { message } = App.useApp();
  const home = useHomeOrg();
  const kinds = useLoad(() => activitiesApi.kinds(), []);
  const teams = useLoad(() => activitiesApi.teams(), []);
  return (
    <FormModal<ActivityForm>
      open
      title={t('activities.create')}
      testId="activity-form"
      onClose={onClose}
      initialValues={{ orgId: home, organizerKind: 'community', kind: 'volunteer', capacity: 30, audience: ['members', 'reported_members', 'residents'] }}
      onSubmit={async (v) => {
        const { placeMode, ...body } = v;
        const created = await activitiesApi.create({
          ...body,
          venueId: placeMode === 'venue' ? v.venueId : null,
          place: placeMode === 'venue' ? null : v.place,
          startsAt: regionInstant(v.startsAt),
          endsAt: regionInstant(v.endsAt),
          services: v.services ?? [],
        });
        void message.success(t('activities.created', { title: created.title }));
        onCreated();
      }}
    >
      <BasicFields kinds={kinds.data?.items ?? []} testId="activity-form" />
      <Form.Item name="organizerKind" label={t('activities.organizerKind')}>
        <Select options={enumOptions('OrganizerKind')} />
      </Form.Item>
      <Form.Item noStyle dependencies={['organizerKind']}>
        {({ getFieldValue }) => {
          const kind = getFieldValue('organizerKind') as string;
          if (kind === 'unit') return <Form.Item name="unitId" label={enumLabel('OrganizerKind', 'unit')} rules={[{ required: true }]}><UnitSelect /></Form.Item>;
          if (kind === 'team')
            return (
              <Form.Item name="teamId" label={enumLabel('OrganizerKind', 'team')} rules={[{ required: true }]}>
                <Select options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
              </Form.Item>
            );
          if (kind === 'project') return <Form.Item name="projectName" label={enumLabel('OrganizerKind', 'project')} rules={[{ required: true }]}><Input maxLength={60} /></Form.Item>;
          return null;
        }}
      </Form.Item>
      <PlaceFields />
      <Space.Compact block>
        <Form.Item name="startsAt" label={t('activities.startsAt')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Input type="datetime-local" data-testid="activity-form-starts" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('activities.endsAt')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Input type="datetime-local" data-testid="activity-form-ends" />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="capacity" label={t('activities.capacity')} rules={[{ required: true }]}>
        <InputNumber min={1} max={10000} />
      </Form.Item>
      <Form.Item name="audience" label={t('activities.audience')} rules={[{ required: true }]}>
        <Select mode="multiple" options={enumOptions('ActivityAudience')} />
      </Form.Item>
      <Form.Item name="services" label={t('activities.services')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <LinkFields />
      <Form.Item name="description" label={t('activities.description')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </FormModal>
  );
}

/** The needs and the alliance project the activity serves (those the organizer can see). */
function LinkFields() {
  const { t, tx } = useI18n();
  const [text, setText] = useState('');
  const found = useLoad(() => needsApi.list({ q: text || undefined, page: 1, pageSize: 20 }), [text]);
  const projects = useLoad(() => projectsApi.list(), []);
  return (
    <>
      <Form.Item name="needIds" label={t('activities.linkedNeeds')}>
        <Select
          mode="multiple"
          showSearch
          filterOption={false}
          onSearch={setText}
          data-testid="activity-form-needs"
          options={(found.data?.items ?? []).map((n) => ({ value: n.id, label: `${tx(n.title)}（${n.statusLabel}）` }))}
        />
      </Form.Item>
      <Form.Item name="projectId" label={t('activities.linkedProject')}>
        <Select allowClear showSearch optionFilterProp="label" data-testid="activity-form-project" options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: tx(p.name) }))} />
      </Form.Item>
    </>
  );
}

/** Moving an activity moves its venue booking too; a taken slot is refused and nothing changes. Times are the region's wall clock, wherever the browser is. */
function RescheduleModal({ activity, onClose, onDone }: { activity: Activity; onClose: () => void; onDone: () => void }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  return (
    <FormModal<{ startsAt: string; endsAt: string }>
      open
      title={t('activities.reschedule')}
      testId="reschedule-form"
      onClose={onClose}
      initialValues={{ startsAt: regionWallClock(activity.startsAt), endsAt: regionWallClock(activity.endsAt) }}
      onSubmit={async (v) => {
        await activitiesApi.reschedule(activity.id, { startsAt: regionInstant(v.startsAt), endsAt: regionInstant(v.endsAt) });
        void message.success(t('activities.rescheduled', { title: tx(activity.title) }));
        onDone();
      }}
    >
      {activity.venueId !== null && <Typography.Paragraph type="secondary">{t('activities.rescheduleVenue', { place: tx(activity.place) })}</Typography.Paragraph>}
      <Form.Item name="startsAt" label={t('activities.startsAt')} rules={[{ required: true }]}>
        <Input type="datetime-local" data-testid="reschedule-starts" />
      </Form.Item>
      <Form.Item name="endsAt" label={t('activities.endsAt')} rules={[{ required: true }]}>
        <Input type="datetime-local" data-testid="reschedule-ends" />
      </Form.Item>
    </FormModal>
  );
}

/** The community calendar: a month of activities, each day's listed in its cell. */
function ActivityCalendar() {
  const { tx } = useI18n();
  const [month, setMonth] = useState(() => today().slice(0, 7));
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(y, m, 0).getDate();
  const list = useLoad(() => activitiesApi.list({ from: `${month}-01`, to: `${month}-${last}` }), [month]);
  const [open, setOpen] = useState<Activity | null>(null);
  const byDay = new Map<string, Activity[]>();
  for (const a of list.data?.items ?? []) {
    const day = regionDate(a.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), a]);
  }
  return (
    <div data-testid="activity-calendar">
      <Calendar
        onPanelChange={(d) => setMonth(d.format('YYYY-MM'))}
        cellRender={(d, info) =>
          info.type === 'date' && (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {(byDay.get(d.format('YYYY-MM-DD')) ?? []).map((a) => (
                <li key={a.id}>
                  <Badge
                    status={a.status === 'cancelled' ? 'default' : 'error'}
                    text={<a onClick={() => setOpen(a)}>{tx(a.title)}</a>}
                  />
                </li>
              ))}
            </ul>
          )
        }
      />
      {open && <RosterDrawer activity={open} onClose={() => setOpen(null)} onChanged={list.reload} />}
    </div>
  );
}
