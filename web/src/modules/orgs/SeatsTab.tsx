import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Popconfirm, Select, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import { today } from '../../kernel/time';
import { orgsApi, type NewSeat, type Seat, type SeatRole } from './api';
import { useLocalPage } from './localPaging';
import { PersonSelect, UnitSelect } from './pickers';

interface AddSeatModalProps {
  org: { id: number; name: string };
  /** Preset by the coverage gap (an organization without a secretary). */
  role?: SeatRole;
  onClose: () => void;
  onSaved: () => void;
}

export function AddSeatModal({ org, role, onClose, onSaved }: AddSeatModalProps) {
  const { t, tx, enumOptions } = useI18n();
  const { message } = App.useApp();
  return (
    <FormModal<NewSeat>
      open
      title={t('seat.add')}
      onClose={onClose}
      testId="seat-add"
      initialValues={{ role: role ?? 'member', partTime: false, startedOn: today() }}
      onSubmit={async (values) => {
        const seat = await orgsApi.createSeat(org.id, { ...values, fromUnitId: values.partTime ? values.fromUnitId : undefined });
        void message.success(t('seat.added', { name: tx(seat.personName), org: tx(org.name) }));
        onSaved();
      }}
    >
      <Form.Item label={t('seat.committee')}>
        <Input value={tx(org.name)} disabled />
      </Form.Item>
      <Form.Item name="personId" label={t('seat.person')} rules={[{ required: true, message: t('seat.personRequired') }]}>
        <PersonSelect data-testid="seat-add-person" />
      </Form.Item>
      <Form.Item name="role" label={t('seat.role')} rules={[{ required: true }]}>
        <Select data-testid="seat-add-role" options={enumOptions('SeatRole')} />
      </Form.Item>
      <Form.Item name="partTime" label={t('seat.partTime')} valuePropName="checked" extra={t('seat.partTimeHint')}>
        <Switch data-testid="seat-add-part-time" />
      </Form.Item>
      <Form.Item noStyle dependencies={['partTime']}>
        {({ getFieldValue }) =>
          getFieldValue('partTime') === true && (
            <Form.Item name="fromUnitId" label={t('seat.fromUnit')} rules={[{ required: true, message: t('seat.fromUnitRequired') }]}>
              <UnitSelect data-testid="seat-add-unit" />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="startedOn" label={t('seat.startedOn')} rules={[{ required: true, message: t('common.dateRequired') }]}>
        <Input type="date" data-testid="seat-add-started" />
      </Form.Item>
    </FormModal>
  );
}

/** 委员会: who sits on the committee, part-time members with the unit they come from, and who has left. */
export function SeatsTab({ org, canAdd, onChanged }: { org: { id: number; name: string }; canAdd: boolean; onChanged: () => void }) {
  const { t, tx, enumLabel } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const [adding, setAdding] = useState(false);
  const seats = useLoad(() => orgsApi.seats(org.id), [org.id]);
  const list = useLocalPage(seats.data, String(org.id));

  const changed = () => {
    seats.reload();
    onChanged();
  };
  const end = (seat: Seat) =>
    orgsApi.updateSeat(seat.id, { endedOn: today() }).then(() => {
      void message.success(t('seat.ended', { name: tx(seat.personName) }));
      changed();
    }, onError);

  const role = (s: Seat) => <Tag color={colorOf('SeatRole', s.role)}>{enumLabel('SeatRole', s.role, s.roleLabel)}</Tag>;
  const partTime = (s: Seat) =>
    s.partTime ? (
      <span data-testid="seat-part-time">
        <Tag color="blue">{t('seat.partTimeTag')}</Tag>
        {tx(s.fromUnitName)}
      </span>
    ) : (
      t('seat.fullTime')
    );
  const term = (s: Seat) => (s.endedOn ? t('seat.term', { from: s.startedOn, to: s.endedOn }) : t('seat.since', { from: s.startedOn }));
  const action = (s: Seat) =>
    s.actions.includes('edit') && !s.endedOn ? (
      <Popconfirm title={t('seat.endConfirm', { name: tx(s.personName) })} onConfirm={() => end(s)} okText={t('common.ok')} cancelText={t('common.cancel')}>
        <Button size="small" data-testid="seat-end">
          {t('seat.end')}
        </Button>
      </Popconfirm>
    ) : s.endedOn ? (
      <Tag>{t('seat.left')}</Tag>
    ) : null;

  return (
    <>
      {canAdd && (
        <Flex className="gj-toolbar" justify="flex-end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="seat-add-button">
            {t('seat.add')}
          </Button>
        </Flex>
      )}
      <DataTable<Seat>
        testId="seats-table"
        rows={list.rows}
        total={list.total}
        loading={seats.loading}
        rowKey={(s) => s.id}
        paging={list.paging}
        onPaging={list.setPaging}
        emptyText={t('seat.empty')}
        columns={[
          { key: 'name', title: t('seat.person'), render: (_, s) => <strong>{tx(s.personName)}</strong> },
          { key: 'role', title: t('seat.role'), render: (_, s) => role(s) },
          { key: 'partTime', title: t('seat.fromUnit'), render: (_, s) => partTime(s) },
          { key: 'term', title: t('seat.termTitle'), render: (_, s) => term(s) },
          { key: 'action', title: t('common.actions'), render: (_, s) => action(s) },
        ]}
        renderCard={(s) => (
          <div className="gj-card-row">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong>{tx(s.personName)}</Typography.Text>
              {role(s)}
            </Flex>
            <div>{partTime(s)}</div>
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text type="secondary">{term(s)}</Typography.Text>
              {action(s)}
            </Flex>
          </div>
        )}
      />
      {adding && <AddSeatModal org={org} onClose={() => setAdding(false)} onSaved={changed} />}
    </>
  );
}
