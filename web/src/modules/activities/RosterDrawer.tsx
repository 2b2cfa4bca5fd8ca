import { Alert, App, Button, Checkbox, Descriptions, Divider, Drawer, Empty, Flex, Form, InputNumber, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useIsPhone, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { useLocalPage } from '../orgs/localPaging';
import { activitiesApi, timeRange, type Activity, type CheckInCode, type Signup } from './api';

/**
 * The organizer's screen: the rotating check-in code as a QR image (a new
 * one every 30 seconds; a photo of an old one does not work), and the roster
 * where attendance, hours, leave and absence are recorded.
 */
export function RosterDrawer({ activity, onClose, onChanged }: { activity: Activity; onClose: () => void; onChanged: () => void }) {
  const { t, tx, enumLabel, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const isPhone = useIsPhone();
  const roster = useLoad(() => activitiesApi.roster(activity.id), [activity.id]);
  const list = useLocalPage(roster.data?.items, String(activity.id));
  const [confirming, setConfirming] = useState<Signup | null>(null);
  const refresh = () => {
    roster.reload();
    onChanged();
  };
  const mark = (s: Signup, status: 'leave' | 'absent') =>
    activitiesApi.mark(s.id, status).then(() => {
      void message.success(t('activities.marked', { name: tx(s.personName), status: enumLabel('SignupStatus', status) }));
      refresh();
    }, onError);

  const actions = (s: Signup) =>
    s.actions.length > 0 && (
      <Space wrap>
        {s.actions.includes('confirm') && (
          <Button size="small" type={s.status === 'attended' && !s.confirmed ? 'primary' : 'default'} data-testid="roster-confirm" onClick={() => setConfirming(s)}>
            {s.confirmed ? t('activities.editHours') : t('activities.confirmAttendance')}
          </Button>
        )}
        {s.actions.includes('leave') && (
          <Popconfirm title={t('activities.leaveConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => mark(s, 'leave')}>
            <Button size="small">{t('activities.markLeave')}</Button>
          </Popconfirm>
        )}
        {s.actions.includes('absent') && (
          <Popconfirm title={t('activities.absentConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => mark(s, 'absent')}>
            <Button size="small" danger>
              {t('activities.markAbsent')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    );
  const status = (s: Signup) => (
    <Tag color={s.status === 'attended' ? 'green' : s.status === 'waitlisted' ? 'orange' : s.status === 'absent' ? 'red' : 'default'}>
      {enumLabel('SignupStatus', s.status, s.statusLabel)}
    </Tag>
  );
  const hours = (s: Signup) => (s.hours === null ? t('common.none') : `${t('activities.hoursValue', { hours: s.hours })}${s.confirmed ? '' : ` (${t('activities.unconfirmed')})`}`);

  return (
    <Drawer open onClose={onClose} size={isPhone ? '100%' : 720} title={tx(activity.title)} destroyOnHidden data-testid="roster-drawer">
      <Descriptions
        column={isPhone ? 1 : 2}
        size="small"
        items={[
          { key: 'time', label: t('activities.time'), children: timeRange(activity, formatDateTime) },
          { key: 'place', label: t('activities.place'), children: tx(activity.place) },
          { key: 'organizer', label: t('activities.organizer'), children: tx(activity.organizerName) },
          { key: 'count', label: t('activities.count'), children: t('activities.countValue', { signedUp: activity.signedUp, capacity: activity.capacity, waiting: activity.waitlisted, attended: activity.attended }) },
          ...(activity.needs.length
            ? [{ key: 'needs', label: t('activities.linkedNeeds'), children: (
                <Space wrap size={4} data-testid="activity-needs">
                  {activity.needs.map((n) => <Link key={n.id} to="/needs">{tx(n.title)}（{n.statusLabel}）</Link>)}
                </Space>
              ) }]
            : []),
          ...(activity.project
            ? [{ key: 'project', label: t('activities.linkedProject'), children: <Link to="/projects" data-testid="activity-project">{tx(activity.project.name)}</Link> }]
            : []),
        ]}
      />
      {activity.status === 'open' && activity.actions.includes('showCode') && <CheckInQr activityId={activity.id} />}
      <Divider titlePlacement="start">{t('activities.roster')}</Divider>
      <DataTable<Signup>
        testId="roster-table"
        rows={list.rows}
        total={list.total}
        loading={roster.loading}
        rowKey={(s) => s.id}
        paging={list.paging}
        onPaging={list.setPaging}
        emptyText={t('activities.rosterEmpty')}
        columns={[
          { key: 'name', title: t('activities.person'), render: (_, s) => tx(s.personName) },
          { key: 'status', title: t('activities.status'), render: (_, s) => status(s) },
          { key: 'in', title: t('activities.checkedInAt'), render: (_, s) => (s.checkedInAt ? formatDateTime(s.checkedInAt) : t('common.none')) },
          { key: 'hours', title: t('activities.hours'), render: (_, s) => hours(s) },
          { key: 'actions', title: t('common.actions'), render: (_, s) => actions(s) },
        ]}
        renderCard={(s) => (
          <Flex vertical gap={4}>
            <Flex justify="space-between">
              <Typography.Text strong>{tx(s.personName)}</Typography.Text>
              {status(s)}
            </Flex>
            <Typography.Text type="secondary">{hours(s)}</Typography.Text>
            {actions(s)}
          </Flex>
        )}
      />
      {confirming && (
        <FormModal<{ hours: number; leading: boolean }>
          open
          title={t('activities.confirmFor', { name: tx(confirming.personName) })}
          testId="confirm-hours"
          initialValues={{ hours: confirming.hours ?? durationHours(activity), leading: confirming.leading }}
          onClose={() => setConfirming(null)}
          onSubmit={async (values) => {
            await activitiesApi.confirm(confirming.id, { hours: values.hours, leading: values.leading ?? false });
            void message.success(t('activities.confirmedDone'));
            refresh();
          }}
        >
          <Form.Item name="hours" label={t('activities.hours')} rules={[{ required: true }]}>
            <InputNumber min={0} max={24} step={0.5} suffix={t('activities.hoursUnit')} data-testid="confirm-hours-value" />
          </Form.Item>
          <Form.Item name="leading" valuePropName="checked">
            <Checkbox>{t('activities.leading')}</Checkbox>
          </Form.Item>
        </FormModal>
      )}
    </Drawer>
  );
}

const durationHours = (a: Activity) => Math.round((new Date(a.endsAt).getTime() - new Date(a.startsAt).getTime()) / 1_800_000) / 2;

/** Refreshes a little faster than the code turns, so the image on screen is always current. */
const REFRESH_MS = 10_000;

function CheckInQr({ activityId }: { activityId: number }) {
  const { t } = useI18n();
  const [code, setCode] = useState<(CheckInCode & { image: string; link: string }) | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    const load = () =>
      activitiesApi
        .code(activityId)
        .then(async (c) => {
          const link = `${window.location.origin}${c.url}`;
          const image = await QRCode.toDataURL(link, { width: 240, margin: 1 });
          if (live) setCode({ ...c, image, link });
        })
        .catch(() => live && setFailed(true));
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [activityId]);
  if (failed) return <Empty description={t('activities.codeFailed')} />;
  if (!code) return <Spin className="gj-block-spin" />;
  return (
    <Flex vertical align="center" gap={4} style={{ marginTop: 12 }}>
      {!code.windowOpen && <Alert type="warning" showIcon title={t('activities.windowClosed')} />}
      <img src={code.image} alt={t('activities.qrAlt')} width={240} height={240} data-testid="checkin-qr" data-link={code.link} />
      <Typography.Text type="secondary">{t('activities.qrHelp')}</Typography.Text>
    </Flex>
  );
}
