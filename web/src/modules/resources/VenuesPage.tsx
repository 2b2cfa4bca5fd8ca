import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Drawer, Empty, Flex, Form, Input, InputNumber, Select, Space, Switch, Tabs, Tag, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMe } from '../../kernel/auth';
import { DataTable } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useIsPhone, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { useLocalPage } from '../orgs/localPaging';
import { blankToNull } from '../orgs/OrgForms';
import { OrgFilter } from '../orgs/OrgFilter';
import { WithOrgTree } from '../orgs/OrgTreePanel';
import { findLoaded, useOrgTree } from '../orgs/tree';
import { resourcesApi, type Venue, type VenueFields } from './api';
import { useCategoryOptions } from './categories';
import { useOpeningText } from './BookingModals';
import { weekdayKey } from './dates';
import { ProviderFields } from './ResourceModal';
import { BookingItem, WeekCalendar } from './WeekCalendar';

interface VenueValues extends Omit<VenueFields, 'opensAt' | 'closesAt'> {
  orgId?: number;
  unitId?: number | null;
  hours: [Dayjs, Dayjs];
}

const DAYS = [1, 2, 3, 4, 5, 6, 7];

/** Registers a venue (it joins the resources list) or edits its hours, capacity and approval rule. */
function VenueModal({ venue, orgId, onClose, onSaved }: { venue?: Venue; orgId?: number; onClose: () => void; onSaved: () => void }) {
  const { t, tx, enumOptions } = useI18n();
  const { message } = App.useApp();
  const categories = useCategoryOptions();
  const hhmm = (s: string) => dayjs(`2000-01-01T${s}`);
  return (
    <FormModal<VenueValues>
      open
      title={venue ? t('resources.editVenue') : t('resources.addVenue')}
      onClose={onClose}
      testId="venue-form"
      initialValues={
        venue
          ? { ...venue, hours: [hhmm(venue.opensAt), hhmm(venue.closesAt)] }
          : { orgId, venueType: 'function_room', category: 'party', openDays: DAYS, bookable: true, needsApproval: false, hours: [hhmm('08:30'), hhmm('17:30')] }
      }
      onValuesChange={(changed, f) => {
        if ('orgId' in changed) f.setFieldValue('unitId', undefined);
      }}
      onSubmit={async ({ hours, orgId: org, unitId, ...v }) => {
        const fields = { ...v, location: blankToNull(v.location), conditions: blankToNull(v.conditions), opensAt: hours[0].format('HH:mm'), closesAt: hours[1].format('HH:mm') };
        const saved = venue ? await resourcesApi.updateVenue(venue.id, fields) : await resourcesApi.createVenue({ ...fields, orgId: unitId ? undefined : org, unitId: unitId ?? null });
        void message.success(t('resources.saved', { name: tx(saved.name) }));
        onSaved();
      }}
    >
      {!venue && <ProviderFields />}
      <Form.Item name="name" label={t('resources.venueName')} rules={[{ required: true, whitespace: true, message: t('resources.nameRequired') }]}>
        <Input maxLength={60} data-testid="venue-form-name" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="venueType" label={t('resources.venueType')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
          <Select data-testid="venue-form-type" options={enumOptions('VenueType')} />
        </Form.Item>
        {!venue && (
          <Form.Item name="category" label={t('resources.category')} style={{ flex: '1 1 140px' }}>
            <Select options={categories} />
          </Form.Item>
        )}
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="capacity" label={t('resources.capacity')} style={{ flex: '1 1 120px' }}>
          <InputNumber min={1} style={{ width: '100%' }} data-testid="venue-form-capacity" />
        </Form.Item>
        <Form.Item name="location" label={t('resources.location')} style={{ flex: '2 1 200px' }}>
          <Input maxLength={100} />
        </Form.Item>
      </Flex>
      <Form.Item name="openDays" label={t('resources.openDays')} rules={[{ required: true, message: t('resources.openDaysRequired') }]}>
        <Checkbox.Group options={DAYS.map((d) => ({ value: d, label: t(weekdayKey(d)) }))} data-testid="venue-form-days" />
      </Form.Item>
      <Form.Item name="hours" label={t('resources.hours')} rules={[{ required: true, message: t('resources.timeRequired') }]}>
        <TimePicker.RangePicker format="HH:mm" minuteStep={15} needConfirm={false} inputReadOnly style={{ width: '100%' }} data-testid="venue-form-hours" />
      </Form.Item>
      <Space size={24} wrap>
        <Form.Item name="bookable" label={t('resources.bookable')} valuePropName="checked">
          <Switch data-testid="venue-form-bookable" />
        </Form.Item>
        <Form.Item name="needsApproval" label={t('resources.needsApproval')} valuePropName="checked">
          <Switch data-testid="venue-form-approval" />
        </Form.Item>
      </Space>
      <Form.Item name="conditions" label={t('resources.conditions')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function VenueList({ venues, loading, orgKey, onCalendar, onEdit }: { venues: Venue[] | undefined; loading: boolean; orgKey: string; onCalendar: (v: Venue) => void; onEdit: (v: Venue) => void }) {
  const { t, tx, enumLabel } = useI18n();
  const opening = useOpeningText();
  const list = useLocalPage(venues, orgKey);
  const owner = (v: Venue) => tx(v.unitName ?? v.orgName);
  const tags = (v: Venue) => (
    <Space size={4} wrap>
      <Tag color="red">{enumLabel('VenueType', v.venueType, v.venueTypeLabel)}</Tag>
      {!v.bookable && <Tag>{t('resources.notBookable')}</Tag>}
      {v.bookable && v.needsApproval && <Tag color="gold">{t('resources.needsApproval')}</Tag>}
      {v.status !== 'available' && <Tag color="orange">{enumLabel('ResourceStatus', v.status, v.statusLabel)}</Tag>}
    </Space>
  );
  const actions = (v: Venue) => (
    <Space size={4}>
      {v.bookable && (
        <Button size="small" type="primary" ghost icon={<CalendarOutlined />} onClick={() => onCalendar(v)} data-testid="venue-calendar">
          {t('resources.calendar')}
        </Button>
      )}
      {v.actions.includes('edit') && (
        <Button size="small" onClick={() => onEdit(v)} data-testid="venue-edit">
          {t('resources.editShort')}
        </Button>
      )}
    </Space>
  );
  return (
    <DataTable<Venue>
      testId="venues-table"
      rows={list.rows}
      total={list.total}
      loading={loading}
      rowKey={(v) => v.id}
      paging={list.paging}
      onPaging={list.setPaging}
      emptyText={t('resources.noVenues')}
      columns={[
        { key: 'name', title: t('resources.venueName'), render: (_, v) => <strong>{tx(v.name)}</strong> },
        { key: 'type', title: t('resources.venueType'), render: (_, v) => tags(v) },
        { key: 'owner', title: t('resources.provider'), render: (_, v) => owner(v) },
        { key: 'capacity', title: t('resources.capacity'), render: (_, v) => v.capacity ?? t('common.none') },
        { key: 'hours', title: t('resources.hours'), render: (_, v) => opening(v) },
        { key: 'action', title: t('common.actions'), fixed: 'right', render: (_, v) => actions(v) },
      ]}
      renderCard={(v) => (
        <div className="gj-card-row">
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text strong>{tx(v.name)}</Typography.Text>
            {tags(v)}
          </Flex>
          <Typography.Text type="secondary">{[owner(v), v.capacity && t('resources.people', { n: v.capacity }), opening(v)].filter(Boolean).join(' · ')}</Typography.Text>
          <Flex justify="flex-end">{actions(v)}</Flex>
        </div>
      )}
    />
  );
}

/** Bookings in a list (waiting for approval, or the user's own). */
function BookingList({ filter, empty }: { filter: { status?: 'pending'; mine?: 'true' }; empty: string }) {
  const list = useLoad(() => resourcesApi.bookings(filter), [filter.status, filter.mine]);
  const items = list.data?.items ?? [];
  if (!list.loading && items.length === 0) return <Empty description={empty} />;
  return (
    <div className="gj-cards" data-testid={filter.mine ? 'my-bookings' : 'pending-bookings'}>
      {items.map((b) => (
        <div key={b.id}>
          <Typography.Text type="secondary">{b.startsAt.slice(0, 10)}</Typography.Text>
          <BookingItem booking={b} showVenue onChanged={list.reload} />
        </div>
      ))}
    </div>
  );
}

/** 阵地 and 阵地共享: the venues of a community and its units, their week calendars, approvals, one's own bookings. */
export function VenuesPage() {
  const { t, tx } = useI18n();
  const me = useMe();
  const isPhone = useIsPhone();
  const store = useOrgTree();
  // A liaison's place is the community the unit is in.
  const orgId = store.selectedId ?? me.grants.find((g) => g.role === 'unit_liaison')?.orgId;
  const venues = useLoad(() => resourcesApi.venues({ orgId }), [orgId]);
  const [calendar, setCalendar] = useState<Venue | null>(null);
  const [editing, setEditing] = useState<Venue | 'new' | null>(null);
  const [tab, setTab] = useState('venues');
  const [q, setQ] = useState('');
  const shown = venues.data?.items.filter((v) => !q || v.name.includes(q) || tx(v.name).includes(q));
  const org = findLoaded(store, store.selectedId);
  const title = org ? tx(org.name) : (me.grants[0]?.orgName ?? '');
  const addable = venues.data?.actions.includes('create') ?? false;

  return (
    <WithOrgTree>
      <Card className="gj-page-card">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          tabBarExtraContent={
            addable && !isPhone && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="venue-add">
                {t('resources.addVenue')}
              </Button>
            )
          }
          items={[
            {
              key: 'venues',
              label: t('resources.venues'),
              children: (
                <>
                  <Flex className="gj-toolbar" gap={8} wrap align="center">
                    <Input.Search allowClear placeholder={t('resources.venueSearch')} onSearch={(v) => setQ(v.trim())} className="gj-toolbar-search" data-testid="venues-search" />
                    <OrgFilter />
                    {addable && isPhone && (
                      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="venue-add">
                        {t('resources.addVenue')}
                      </Button>
                    )}
                  </Flex>
                  <VenueList venues={shown} loading={venues.loading} orgKey={`${orgId}|${q}`} onCalendar={setCalendar} onEdit={setEditing} />
                </>
              ),
            },
            {
              key: 'calendar',
              label: t('resources.communityCalendar'),
              children: <WeekCalendar orgId={orgId} title={tx(title)} venues={venues.data?.items ?? []} />,
            },
            { key: 'pending', label: t('resources.pending'), children: <BookingList filter={{ status: 'pending' }} empty={t('resources.noPending')} /> },
            { key: 'mine', label: t('resources.mine'), children: <BookingList filter={{ mine: 'true' }} empty={t('resources.noMine')} /> },
          ]}
        />
      </Card>
      <Drawer open={!!calendar} onClose={() => setCalendar(null)} width={isPhone ? '100%' : 1100} title={calendar ? tx(calendar.name) : ''} destroyOnHidden>
        {calendar && <WeekCalendar venue={calendar} title={tx(calendar.name)} venues={[calendar]} />}
      </Drawer>
      {editing === 'new' && <VenueModal orgId={store.selectedId ?? undefined} onClose={() => setEditing(null)} onSaved={venues.reload} />}
      {editing && editing !== 'new' && <VenueModal venue={editing} onClose={() => setEditing(null)} onSaved={venues.reload} />}
    </WithOrgTree>
  );
}
