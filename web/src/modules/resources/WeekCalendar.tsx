import { LeftOutlined, PlusOutlined, PrinterOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiError, useIsPhone, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import { resourcesApi, type Booking, type Venue } from './api';
import { BookModal, ReasonModal } from './BookingModals';
import { addDays, clock, dayOf, isoWeekday, mondayOf, today, weekOf, weekdayKey } from './dates';


export function useDayLabel() {
  const { t } = useI18n();
  return (date: string) => `${t(weekdayKey(isoWeekday(date)))} ${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;
}

/** One booking: when, what, who, its state, and the steps the user may take. */
export function BookingItem({ booking: b, showVenue, onChanged }: { booking: Booking; showVenue: boolean; onChanged: () => void }) {
  const { t, tx, enumLabel } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const [reason, setReason] = useState<'reject' | 'cancel' | null>(null);
  const live = b.status === 'pending' || b.status === 'approved';
  const approve = () =>
    resourcesApi.approve(b.id).then(() => {
      void message.success(t('resources.approved'));
      onChanged();
    }, onError);
  return (
    <Card size="small" className="gj-booking" data-testid="booking-item" style={{ opacity: live ? 1 : 0.6 }}>
      <Flex justify="space-between" align="center" gap={4} wrap>
        <Typography.Text strong>
          {clock(b.startsAt)}–{clock(b.endsAt)}
        </Typography.Text>
        <Tag color={colorOf('BookingStatus', b.status)} data-testid="booking-status">
          {enumLabel('BookingStatus', b.status, b.statusLabel)}
        </Tag>
      </Flex>
      {showVenue && <div>{tx(b.venueName)}</div>}
      <div data-testid="booking-purpose">{tx(b.purpose)}</div>
      <Typography.Text type="secondary">
        {[tx(b.bookerName), b.attendees && t('resources.people', { n: b.attendees })].filter(Boolean).join(' · ')}
      </Typography.Text>
      {(b.rejectReason || b.cancelReason) && <div><Typography.Text type="secondary">{t('resources.reason')}：{tx(b.rejectReason ?? b.cancelReason)}</Typography.Text></div>}
      {b.actions.length > 0 && (
        <Space size={4} wrap style={{ marginTop: 4, display: 'flex' }}>
          {b.actions.includes('approve') && (
            <Button size="small" type="primary" onClick={() => void approve()} data-testid="booking-approve">
              {t('resources.approve')}
            </Button>
          )}
          {b.actions.includes('reject') && (
            <Button size="small" onClick={() => setReason('reject')} data-testid="booking-reject">
              {t('resources.reject')}
            </Button>
          )}
          {b.actions.includes('cancel') && (
            <Button size="small" danger onClick={() => setReason('cancel')} data-testid="booking-cancel">
              {t('resources.cancelBooking')}
            </Button>
          )}
        </Space>
      )}
      {reason && <ReasonModal booking={b} action={reason} onClose={() => setReason(null)} onDone={onChanged} />}
    </Card>
  );
}

/** The printable list of one day's bookings of a community's venues (paper on the front desk). */
function DaySheet({ title, date, bookings, onClose }: { title: string; date: string; bookings: Booking[]; onClose: () => void }) {
  const { t, tx, enumLabel } = useI18n();
  const dayLabel = useDayLabel();
  const rows = bookings.filter((b) => dayOf(b.startsAt) === date && (b.status === 'approved' || b.status === 'pending'));
  return (
    <Modal open onCancel={onClose} width={800} title={t('resources.daySheet')} okText={t('resources.print')} onOk={() => window.print()} cancelText={t('common.cancel')}>
      {/* Printing shows this sheet only. */}
      <style>{'@media print { body * { visibility: hidden } .gj-print-area, .gj-print-area * { visibility: visible } .gj-print-area { position: absolute; inset: 0 } }'}</style>
      <div className="gj-print-area" data-testid="day-sheet">
        <Typography.Title level={4} style={{ textAlign: 'center' }}>
          {t('resources.daySheetTitle', { name: title, date: `${date} ${dayLabel(date).split(' ')[0]}` })}
        </Typography.Title>
        <Table<Booking>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={rows}
          locale={{ emptyText: t('resources.noBookingsDay') }}
          columns={[
            { key: 'time', title: t('resources.time'), render: (_, b) => `${clock(b.startsAt)}–${clock(b.endsAt)}` },
            { key: 'venue', title: t('resources.venue'), render: (_, b) => tx(b.venueName) },
            { key: 'purpose', title: t('resources.purpose'), render: (_, b) => tx(b.purpose) },
            { key: 'booker', title: t('resources.booker'), render: (_, b) => tx(b.bookerName) },
            { key: 'attendees', title: t('resources.attendees'), render: (_, b) => b.attendees ?? '' },
            { key: 'status', title: t('resources.status'), render: (_, b) => enumLabel('BookingStatus', b.status, b.statusLabel) },
            { key: 'sign', title: t('resources.signature'), render: () => '' },
          ]}
        />
      </div>
    </Modal>
  );
}

/**
 * A week of bookings: of one venue (with a button to book each open day) or
 * of all a community's venues (booking picks the venue). Seven columns on a
 * desktop, one day under the other on a phone.
 */
export function WeekCalendar({ venue, orgId, title, venues }: { venue?: Venue; orgId?: number; title: string; venues: Venue[] }) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const dayLabel = useDayLabel();
  const [monday, setMonday] = useState(() => mondayOf(today()));
  const [booking, setBooking] = useState<string | null>(null);
  const [printing, setPrinting] = useState<string | null>(null);
  const days = weekOf(monday);
  const list = useLoad(() => resourcesApi.bookings({ venueId: venue?.id, orgId: venue ? undefined : orgId, from: days[0], to: days[6] }), [venue?.id, orgId, monday]);
  const bookable = venues.filter((v) => v.bookable && v.status === 'available');
  const canBook = (date: string) => date >= today() && bookable.some((v) => v.openDays.includes(isoWeekday(date)));

  return (
    <div data-testid="week-calendar">
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Space>
          <Button icon={<LeftOutlined />} onClick={() => setMonday(addDays(monday, -7))} data-testid="calendar-prev" aria-label={t('resources.prevWeek')} />
          <Typography.Text strong data-testid="calendar-range">
            {days[0]} – {days[6]}
          </Typography.Text>
          <Button icon={<RightOutlined />} onClick={() => setMonday(addDays(monday, 7))} data-testid="calendar-next" aria-label={t('resources.nextWeek')} />
        </Space>
        <Button onClick={() => setMonday(mondayOf(today()))}>{t('resources.thisWeek')}</Button>
      </Flex>
      <Spin spinning={list.loading}>
        {/* Seven readable columns; a narrow screen beside the tree scrolls sideways rather than breaking words. */}
        <div style={{ display: 'grid', gridTemplateColumns: isPhone ? '1fr' : 'repeat(7, minmax(150px, 1fr))', gap: 8, overflowX: 'auto' }}>
          {days.map((date) => {
            const items = (list.data?.items ?? []).filter((b) => dayOf(b.startsAt) === date);
            return (
              <div key={date} data-testid={`calendar-day-${date}`} style={{ background: date === today() ? '#fff1f0' : '#fafafa', borderRadius: 6, padding: 8, minHeight: isPhone ? 0 : 160 }}>
                <Flex justify="space-between" align="center" style={{ marginBottom: 6 }}>
                  <Typography.Text strong>{dayLabel(date)}</Typography.Text>
                  <Space size={2}>
                    {!venue && (
                      <Button size="small" type="text" icon={<PrinterOutlined />} onClick={() => setPrinting(date)} data-testid={`calendar-print-${date}`} aria-label={t('resources.daySheet')} />
                    )}
                    {canBook(date) && (
                      <Button size="small" type="text" icon={<PlusOutlined />} onClick={() => setBooking(date)} data-testid={`calendar-book-${date}`} aria-label={t('resources.book')} />
                    )}
                  </Space>
                </Flex>
                <Flex vertical gap={6}>
                  {items.length === 0 && isPhone && <Typography.Text type="secondary">{t('resources.noBookingsDay')}</Typography.Text>}
                  {items.map((b) => (
                    <BookingItem key={b.id} booking={b} showVenue={!venue} onChanged={list.reload} />
                  ))}
                </Flex>
              </div>
            );
          })}
        </div>
        {!list.loading && list.data?.items.length === 0 && !isPhone && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resources.noBookingsWeek')} />}
      </Spin>
      {booking && (
        <BookModal
          venues={venue ? [venue] : bookable.filter((v) => v.openDays.includes(isoWeekday(booking)))}
          date={booking}
          onClose={() => setBooking(null)}
          onBooked={list.reload}
        />
      )}
      {printing && <DaySheet title={title} date={printing} bookings={list.data?.items ?? []} onClose={() => setPrinting(null)} />}
    </div>
  );
}
