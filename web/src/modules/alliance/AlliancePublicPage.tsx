import { Button, Card, Empty, List, Progress, Result, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../kernel/api';
import { useI18n } from '../../kernel/i18n';
import { LanguageSwitch } from '../../kernel/LanguageSwitch';
import { allianceApi, type PublicAlliancePage } from './api';

/**
 * 联盟公开页: what a street's or community's alliance offers residents, read
 * without signing in, on a phone first. Every text from the server is shown
 * as text (React escapes it), never as markup.
 */
export function AlliancePublicPage() {
  const { key = '' } = useParams();
  const { t, tx, enumLabel, formatDateTime } = useI18n();
  const [page, setPage] = useState<PublicAlliancePage | null>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    setPage(undefined);
    allianceApi.page(key).then(
      (p) => live && setPage(p),
      (err: unknown) => {
        if (!live) return;
        setPage(null);
        setError(err instanceof ApiError && err.status !== 404 ? err.message : undefined);
      },
    );
    return () => {
      live = false;
    };
  }, [key]);

  if (page === undefined) return <Spin size="large" fullscreen />;
  if (page === null) return <Result status="404" title="404" subTitle={error ?? t('alliance.notFound')} extra={<Link to="/login">{t('alliance.signIn')}</Link>} />;

  const days = (open: number[]) => {
    if (open.length === 7) return t('alliance.everyDay');
    const names = t('alliance.dayNames').split(',');
    return t('alliance.weekdays', { days: open.map((d) => names[d - 1]).join(t('alliance.daySeparator')) });
  };
  const shows = (s: PublicAlliancePage['sections'][number]) => page.sections.includes(s);

  return (
    <div className="gj-alliance" data-testid="alliance-page">
      <div className="gj-alliance-head">
        <Space style={{ float: 'right' }}>
          <LanguageSwitch />
        </Space>
        <h1>{t('alliance.title', { name: tx(page.name) })}</h1>
        <Typography.Paragraph style={{ color: '#fff', marginBottom: 8 }}>{t('alliance.intro')}</Typography.Paragraph>
        <Space wrap>
          <a href={allianceApi.feedUrl(key)} data-testid="alliance-feed">{t('alliance.feed')}</a>
          <a href={allianceApi.calendarUrl(key)} data-testid="alliance-calendar">{t('alliance.calendar')}</a>
          <Link to="/login">{t('alliance.calendarHint')}</Link>
        </Space>
      </div>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {shows('activities') && (
          <Card title={t('alliance.activities')} size="small" data-testid="alliance-activities">
            <List
              dataSource={page.activities ?? []}
              locale={{ emptyText: <Empty description={t('alliance.noActivities')} /> }}
              renderItem={(a) => (
                <List.Item>
                  <List.Item.Meta
                    title={<span data-testid="alliance-activity-title">{tx(a.title)}</span>}
                    description={
                      <>
                        <div>{formatDateTime(a.startsAt)} · {tx(a.place)}</div>
                        <Space size={4} wrap>
                          <Tag>{enumLabel('ActivityKind', a.kind, a.kindLabel)}</Tag>
                          <Tag>{tx(a.host)}</Tag>
                          <Tag>{t('alliance.capacity', { n: a.capacity })}</Tag>
                        </Space>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        )}
        {shows('venues') && (
          <Card title={t('alliance.venues')} size="small" data-testid="alliance-venues">
            <List
              dataSource={page.venues ?? []}
              locale={{ emptyText: <Empty description={t('alliance.noVenues')} /> }}
              renderItem={(v) => (
                <List.Item>
                  <List.Item.Meta
                    title={tx(v.name)}
                    description={
                      <>
                        <div>{t('alliance.hours', { days: days(v.openDays), from: v.opensAt, to: v.closesAt })}</div>
                        <Space size={4} wrap>
                          <Tag>{enumLabel('VenueType', v.venueType)}</Tag>
                          <Tag>{tx(v.owner)}</Tag>
                          {v.conditions && <Typography.Text type="secondary">{tx(v.conditions)}</Typography.Text>}
                        </Space>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        )}
        {shows('projects') && (
          <Card title={t('alliance.projects')} size="small" data-testid="alliance-projects">
            <List
              dataSource={page.projects ?? []}
              locale={{ emptyText: <Empty description={t('alliance.noProjects')} /> }}
              renderItem={(p) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        {tx(p.name)}
                        <Tag>{enumLabel('ProjectStatus', p.status)}</Tag>
                      </Space>
                    }
                    description={
                      <>
                        <div>{tx(p.summary)}</div>
                        <Progress percent={p.progress} size="small" />
                        <Typography.Text type="secondary">{t('alliance.unitsInProject', { n: p.units })}</Typography.Text>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        )}
        {shows('wishes') && (
          <Card title={t('alliance.wishes')} size="small" data-testid="alliance-wishes">
            <List
              dataSource={page.wishes ?? []}
              locale={{ emptyText: <Empty description={t('alliance.noWishes')} /> }}
              footer={<Typography.Text type="secondary">{t('alliance.wishesNote')}</Typography.Text>}
              renderItem={(w) => (
                <List.Item>
                  <List.Item.Meta title={enumLabel('NeedCategory', w.category)} description={t('alliance.wishCounts', { waiting: w.waiting, claimed: w.claimed, fulfilled: w.fulfilled })} />
                </List.Item>
              )}
            />
          </Card>
        )}
        {shows('units') && (
          <Card title={t('alliance.units')} size="small" data-testid="alliance-units">
            <List
              dataSource={page.units ?? []}
              locale={{ emptyText: <Empty description={t('alliance.noUnits')} /> }}
              renderItem={(u) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        {tx(u.name)}
                        <Tag>{enumLabel('UnitKind', u.kind)}</Tag>
                      </Space>
                    }
                    description={u.pledges.map((p, i) => (
                      <div key={i}>
                        {tx(p.what)} <Typography.Text type="secondary">（{enumLabel('CommitmentCadence', p.cadence)}）</Typography.Text>
                      </div>
                    ))}
                  />
                </List.Item>
              )}
            />
          </Card>
        )}
        <Button block href="/login">{t('alliance.signIn')}</Button>
      </Space>
    </div>
  );
}
