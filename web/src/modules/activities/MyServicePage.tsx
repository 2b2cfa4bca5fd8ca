import { CalendarOutlined, CheckCircleOutlined, ClockCircleOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Input, List, Popconfirm, Progress, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../kernel/auth';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { activitiesApi, timeRange, type Activity } from './api';
import { thisYear } from '../../kernel/time';


/** The member's phone page: what is on, sign-up, check-in by the organizer's QR code, hours and points. */
export function MyServicePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const year = thisYear();
  const mine = useLoad(() => activitiesApi.myService(year), [year]);
  const coming = useLoad(() => activitiesApi.list({ when: 'upcoming' }), []);
  const reload = () => {
    mine.reload();
    coming.reload();
  };
  const result = useCheckIn(params.get('checkin'), params.get('token'), () => {
    // The link is used once: a reload must not scan again.
    setParams({}, { replace: true });
    reload();
  });

  return (
    <Flex vertical gap={12} data-testid="my-service">
      {result && <CheckInAlert result={result} />}
      <Card size="small" title={t('activities.myYear', { year })} loading={mine.loading && !mine.data}>
        {mine.data && (
          <Flex vertical gap={8}>
            <Flex gap={24} wrap>
              <Statistic title={t('points.points')} value={mine.data.points} suffix={mine.data.threshold !== null ? `/ ${mine.data.threshold}` : undefined} data-testid="my-points" />
              <Statistic title={t('activities.hours')} value={mine.data.hours} suffix={t('activities.hoursUnit')} data-testid="my-hours" />
              <Statistic title={t('activities.attended')} value={mine.data.activities} />
              <Statistic title={t('activities.spendable')} value={mine.data.spendable} data-testid="my-spendable" />
            </Flex>
            {mine.data.threshold !== null && (
              <Progress percent={Math.min(100, Math.round((mine.data.points / mine.data.threshold) * 100))} status={mine.data.points >= mine.data.threshold ? 'success' : 'active'} />
            )}
            {mine.data.personId === null && <Alert type="info" title={t('activities.noPerson')} />}
          </Flex>
        )}
      </Card>
      <Card size="small" title={t('activities.upcoming')}>
        <ActivityCards items={coming.data?.items} loading={coming.loading} onChanged={reload} />
      </Card>
      <Card size="small" title={t('activities.myLog')}>
        <List
          dataSource={mine.data?.logs ?? []}
          pagination={{ pageSize: 5, simple: true, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activities.logEmpty')} /> }}
          renderItem={(l) => (
            <List.Item data-testid="my-log">
              <List.Item.Meta
                title={l.what}
                description={`${l.servedOn} · ${l.place} · ${l.orgName}`}
              />
              <Space>
                <span>{t('activities.hoursValue', { hours: l.hours })}</span>
                {l.confirmed ? <Tag color="green">{t('activities.confirmed')}</Tag> : <Tag>{t('activities.unconfirmed')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <CalendarFeedCard />
    </Flex>
  );
}

type CheckInOutcome = { ok: true; activity: Activity } | { ok: false; message: string } | 'pending';

/** Checks in with the code of a scanned link (?checkin=…&token=…), once per link. */
function useCheckIn(checkin: string | null, token: string | null, onDone: () => void): CheckInOutcome | null {
  const [outcome, setOutcome] = useState<CheckInOutcome | null>(null);
  const done = useRef(onDone);
  done.current = onDone;
  const tried = useRef<string | null>(null);
  useEffect(() => {
    if (!checkin || !token || tried.current === token) return;
    tried.current = token;
    setOutcome('pending');
    activitiesApi.checkIn(Number(checkin), token).then(
      (activity) => setOutcome({ ok: true, activity }),
      (err: unknown) => setOutcome({ ok: false, message: err instanceof Error ? err.message : String(err) }),
    ).finally(() => done.current());
  }, [checkin, token]);
  return outcome;
}

function CheckInAlert({ result }: { result: CheckInOutcome }) {
  const { t, tx } = useI18n();
  if (result === 'pending') return <Alert type="info" title={t('activities.checkingIn')} />;
  if (!result.ok) return <Alert type="error" showIcon title={t('activities.checkInFailed')} description={tx(result.message)} data-testid="checkin-failed" />;
  return <Alert type="success" showIcon title={t('activities.checkedIn', { title: tx(result.activity.title) })} data-testid="checkin-ok" />;
}

function ActivityCards({ items, loading, onChanged }: { items: Activity[] | undefined; loading: boolean; onChanged: () => void }) {
  const { t, tx, enumLabel, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const act = (p: Promise<Activity>, done: (a: Activity) => string) =>
    p.then((a) => {
      void message.success(done(a));
      onChanged();
    }, onError);
  const open = (items ?? []).filter((a) => a.status === 'open');
  if (!loading && !open.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activities.noneUpcoming')} />;
  return (
    <Flex vertical gap={8}>
      {open.map((a) => {
        const s = a.mySignup && a.mySignup.status !== 'cancelled' ? a.mySignup : null;
        const left = Math.max(0, a.capacity - a.signedUp);
        return (
          <Card size="small" key={a.id} data-testid="activity-card" className="gj-card-row">
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong>{tx(a.title)}</Typography.Text>
              <Tag color="red">{enumLabel('ActivityKind', a.kind, a.kindLabel)}</Tag>
            </Flex>
            <Typography.Text type="secondary">
              <ClockCircleOutlined /> {timeRange(a, formatDateTime)}
            </Typography.Text>
            <Typography.Text type="secondary">
              <EnvironmentOutlined /> {tx(a.place)} · {tx(a.organizerName)}
            </Typography.Text>
            {a.services.length > 0 && <div>{a.services.map((x) => <Tag key={x}>{tx(x)}</Tag>)}</div>}
            <Flex justify="space-between" align="center">
              <span>{left > 0 ? t('activities.placesLeft', { left, capacity: a.capacity }) : t('activities.full', { waiting: a.waitlisted })}</span>
              {s ? (
                <Space>
                  <Tag color={s.status === 'attended' ? 'green' : s.status === 'waitlisted' ? 'orange' : 'blue'} data-testid="activity-my-status">
                    {enumLabel('SignupStatus', s.status)}
                  </Tag>
                  {a.actions.includes('checkOut') && (
                    <Button size="small" data-testid="activity-checkout" onClick={() => void act(activitiesApi.checkOut(a.id), () => t('activities.checkedOut'))}>
                      {t('activities.checkOut')}
                    </Button>
                  )}
                  {a.actions.includes('cancelSignup') && (
                    <Popconfirm title={t('activities.cancelSignupConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => act(activitiesApi.cancelSignup(a.id), () => t('activities.signupCancelled'))}>
                      <Button size="small" danger data-testid="activity-cancel-signup">
                        {t('activities.cancelSignup')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ) : (
                a.actions.includes('signUp') && (
                <Button
                  type="primary"
                  size="small"
                  icon={<CheckCircleOutlined />}
                  data-testid="activity-signup"
                  onClick={() =>
                    void act(activitiesApi.signUp(a.id), (x) => (x.mySignup?.status === 'waitlisted' ? t('activities.waitlistedDone') : t('activities.signedUpDone')))
                  }
                >
                  {t('activities.signUp')}
                </Button>
                )
              )}
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}

function CalendarFeedCard() {
  const { t } = useI18n();
  const { state } = useAuth();
  const onError = useApiError();
  const [url, setUrl] = useState<string | null>(null);
  if (state.status !== 'signedIn') return null;
  const make = () => activitiesApi.calendarFeed(state.me.id).then((f) => setUrl(`${window.location.origin}${f.url}`), onError);
  return (
    <Card size="small" title={<><CalendarOutlined /> {t('activities.feedTitle')}</>}>
      <Typography.Paragraph type="secondary">{t('activities.feedHelp')}</Typography.Paragraph>
      {url && <Input.TextArea readOnly value={url} autoSize data-testid="calendar-feed-url" />}
      <Popconfirm title={t('activities.feedConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => make()} disabled={!url}>
        <Button onClick={url ? undefined : () => void make()} data-testid="calendar-feed" style={{ marginTop: 8 }}>
          {url ? t('activities.feedRenew') : t('activities.feedMake')}
        </Button>
      </Popconfirm>
    </Card>
  );
}
