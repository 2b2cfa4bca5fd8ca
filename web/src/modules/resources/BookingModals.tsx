import { App, DatePicker, Flex, Form, Input, InputNumber, Select, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../kernel/FormModal';
import { useI18n } from '../../kernel/i18n';
import { resourcesApi, type Booking, type Venue } from './api';
import { DATE, localTime, today, weekdayKey } from './dates';

interface BookValues {
  venueId: number;
  date: Dayjs;
  startsAt: Dayjs;
  endsAt: Dayjs;
  purpose: string;
  attendees?: number | null;
}

/** Opening hours as people read them: "周一至周五 08:30–17:00", "周六、周日 07:00–19:00". */
export function useOpeningText() {
  const { t } = useI18n();
  return (v: Venue) => {
    const d = [...v.openDays].sort();
    const run = d.length > 2 && d.every((x, i) => i === 0 || x === d[i - 1]! + 1);
    const days =
      d.length === 7
        ? t('resources.everyDay')
        : run
          ? t('resources.dayRange', { from: t(weekdayKey(d[0]!)), to: t(weekdayKey(d.at(-1)!)) })
          : d.map((x) => t(weekdayKey(x))).join(t('resources.listSeparator'));
    return `${days} ${v.opensAt}–${v.closesAt}`;
  };
}

/**
 * Books a slot: the venue (fixed, or picked from the community's), a day, a
 * time from–to, what for. The server refuses an overlap or a slot outside
 * the opening hours, and the message lands under the time.
 */
export function BookModal({ venues, date, onClose, onBooked }: { venues: Venue[]; date: string; onClose: () => void; onBooked: (b: Booking) => void }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const opening = useOpeningText();
  const only = venues.length === 1 ? venues[0] : undefined;
  return (
    <FormModal<BookValues>
      open
      title={only ? t('resources.bookVenue', { name: tx(only.name) }) : t('resources.book')}
      okText={t('resources.book')}
      onClose={onClose}
      testId="booking-form"
      initialValues={{ venueId: only?.id, date: dayjs(date) }}
      onSubmit={async (v) => {
        const booked = await resourcesApi.book(v.venueId, {
          startsAt: localTime(v.date, v.startsAt),
          endsAt: localTime(v.date, v.endsAt),
          purpose: v.purpose,
          attendees: v.attendees ?? null,
        });
        void message.success(t(booked.status === 'pending' ? 'resources.bookedPending' : 'resources.booked', { name: tx(booked.venueName) }));
        onBooked(booked);
      }}
    >
      <Form.Item name="venueId" label={t('resources.venue')} rules={[{ required: true, message: t('resources.venueRequired') }]}>
        <Select
          disabled={!!only}
          data-testid="booking-form-venue"
          options={venues.map((v) => ({ value: v.id, label: `${tx(v.name)}（${opening(v)}）` }))}
        />
      </Form.Item>
      <Form.Item name="date" label={t('resources.date')} rules={[{ required: true, message: t('common.dateRequired') }]}>
        <DatePicker style={{ width: '100%' }} format={DATE} inputReadOnly disabledDate={(d) => d.format(DATE) < today()} data-testid="booking-form-date" />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="startsAt" label={t('resources.startsAt')} rules={[{ required: true, message: t('resources.timeRequired') }]} style={{ flex: 1 }}>
          <TimePicker format="HH:mm" minuteStep={15} needConfirm={false} style={{ width: '100%' }} data-testid="booking-form-start" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('resources.endsAt')} rules={[{ required: true, message: t('resources.timeRequired') }]} style={{ flex: 1 }}>
          <TimePicker format="HH:mm" minuteStep={15} needConfirm={false} style={{ width: '100%' }} data-testid="booking-form-end" />
        </Form.Item>
      </Flex>
      <Form.Item name="purpose" label={t('resources.purpose')} rules={[{ required: true, whitespace: true, message: t('resources.purposeRequired') }]}>
        <Input maxLength={100} placeholder={t('resources.purposeHint')} data-testid="booking-form-purpose" />
      </Form.Item>
      <Form.Item name="attendees" label={t('resources.attendees')}>
        <InputNumber min={1} style={{ width: '100%' }} data-testid="booking-form-attendees" />
      </Form.Item>
      {only?.needsApproval && <Typography.Text type="warning">{t('resources.needsApprovalHint')}</Typography.Text>}
    </FormModal>
  );
}

/** Rejecting or cancelling a booking says why; the form is also the confirmation. */
export function ReasonModal({ booking, action, onClose, onDone }: { booking: Booking; action: 'reject' | 'cancel'; onClose: () => void; onDone: () => void }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  return (
    <FormModal<{ reason: string }>
      open
      title={t(action === 'reject' ? 'resources.rejectTitle' : 'resources.cancelTitle', { name: tx(booking.venueName), purpose: tx(booking.purpose) })}
      okText={t(action === 'reject' ? 'resources.reject' : 'resources.cancelBooking')}
      onClose={onClose}
      testId={`booking-${action}`}
      onSubmit={async ({ reason }) => {
        await (action === 'reject' ? resourcesApi.reject(booking.id, reason) : resourcesApi.cancel(booking.id, reason));
        void message.success(t(action === 'reject' ? 'resources.rejected' : 'resources.cancelled'));
        onDone();
      }}
    >
      <Form.Item name="reason" label={t('resources.reason')} rules={[{ required: true, whitespace: true, message: t('resources.reasonRequired') }]}>
        <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} data-testid={`booking-${action}-reason`} />
      </Form.Item>
    </FormModal>
  );
}
