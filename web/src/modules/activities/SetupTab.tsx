import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { valuesOf } from '../../kernel/vocabulary';
import { useLocalPage } from '../orgs/localPaging';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { ManualPointsSection, RedeemSection } from '../points/PointsSetup';
import { BasicFields, PlaceFields } from './PlaceFields';
import { activitiesApi, type NewSeries, type Series } from './api';
import { today, thisYear } from '../../kernel/time';
import { useHomeOrg } from '../../kernel/useHomeOrg';


/** 活动设置: the kinds administrators add, recurring activities, and bonus or deduction entries by hand. */
export function SetupTab() {
  const { t } = useI18n();
  return (
    <Flex vertical gap={24}>
      <KindsSection />
      <SeriesSection />
      <ManualPointsSection />
      <RedeemSection />
      <Typography.Text type="secondary">{t('points.rulesHelp')}</Typography.Text>
    </Flex>
  );
}

function KindsSection() {
  const { t, enumLabel } = useI18n();
  const { message } = App.useApp();
  const home = useHomeOrg();
  const kinds = useLoad(() => activitiesApi.kinds(), []);
  const [adding, setAdding] = useState(false);
  return (
    <section data-testid="setup-kinds">
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Title level={5}>{t('activities.kindsTitle')}</Typography.Title>
        {kinds.data?.actions.includes('create') && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="kind-create">
            {t('activities.kindAdd')}
          </Button>
        )}
      </Flex>
      <Space wrap size={[4, 8]}>
        {(kinds.data?.items ?? []).map((k) => (
          <Tag key={k.kind} color={k.builtIn ? 'red' : 'blue'} title={k.builtIn ? t('activities.kindBuiltIn') : t('activities.kindCustom')}>
            {enumLabel('ActivityKind', k.kind, k.label)}
          </Tag>
        ))}
      </Space>
      {adding && (
        <FormModal<{ orgId: number; name: string }>
          open
          title={t('activities.kindAdd')}
          testId="kind-form"
          onClose={() => setAdding(false)}
          initialValues={{ orgId: home }}
          onSubmit={async (v) => {
            const k = await activitiesApi.createKind(v);
            void message.success(t('activities.kindAdded', { name: k.label }));
            kinds.reload();
          }}
        >
          <Form.Item name="orgId" label={t('activities.host')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="name" label={t('activities.kindName')} rules={[{ required: true, message: t('activities.kindNameRequired') }]}>
            <Input maxLength={30} data-testid="kind-form-name" />
          </Form.Item>
        </FormModal>
      )}
    </section>
  );
}

type SeriesForm = Omit<NewSeries, 'services'> & { services?: string[]; placeMode: 'venue' | 'address' };

function SeriesSection() {
  const { t, tx, enumLabel, enumOptions } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const home = useHomeOrg();
  const series = useLoad(() => activitiesApi.series(), []);
  const kinds = useLoad(() => activitiesApi.kinds(), []);
  const page = useLocalPage(series.data?.items, 'series');
  const [creating, setCreating] = useState(false);
  const weekday = (d: number) => t('activities.weekdayName', { day: '一二三四五六日'[d - 1]! });
  const generate = (s: Series) =>
    activitiesApi.generate(s.id).then((r) => {
      void message.success(t('activities.seriesGenerated', r));
      series.reload();
    }, onError);
  return (
    <section data-testid="setup-series">
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Title level={5}>{t('activities.seriesTitle')}</Typography.Title>
        {series.data?.actions.includes('create') && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="series-create">
            {t('activities.seriesCreate')}
          </Button>
        )}
      </Flex>
      <DataTable<Series>
        testId="series-table"
        rows={page.rows}
        total={page.total}
        loading={series.loading}
        rowKey={(s) => s.id}
        paging={page.paging}
        onPaging={page.setPaging}
        emptyText={t('common.none')}
        columns={[
          { key: 'title', title: t('activities.title'), render: (_, s) => <strong>{tx(s.title)}</strong> },
          { key: 'kind', title: t('activities.kind'), render: (_, s) => enumLabel('ActivityKind', s.kind, kinds.data?.items.find((k) => k.kind === s.kind)?.label ?? s.kind) },
          { key: 'rule', title: t('activities.seriesRule'), render: (_, s) => t('activities.seriesRuleValue', { week: s.weekOfMonth, weekday: weekday(s.weekday), time: s.startTime, minutes: s.minutes }) },
          { key: 'place', title: t('activities.place'), render: (_, s) => tx(s.place) },
          { key: 'services', title: t('activities.services'), render: (_, s) => s.services.map((x) => <Tag key={x}>{tx(x)}</Tag>) },
          { key: 'dates', title: t('activities.seriesDates'), render: (_, s) => `${s.startsOn} – ${s.endsOn}` },
          { key: 'occurrences', title: t('activities.seriesOccurrences'), render: (_, s) => s.occurrences },
          {
            key: 'actions', title: t('common.actions'), fixed: 'right',
            render: (_, s) => s.actions.includes('generate') && <Button size="small" onClick={() => generate(s)} data-testid="series-generate">{t('activities.seriesGenerate')}</Button>,
          },
        ]}
        renderCard={(s) => (
          <Flex vertical gap={4}>
            <Typography.Text strong>{tx(s.title)}</Typography.Text>
            <Typography.Text type="secondary">{t('activities.seriesRuleValue', { week: s.weekOfMonth, weekday: weekday(s.weekday), time: s.startTime, minutes: s.minutes })} · {tx(s.place)}</Typography.Text>
            <span>{t('activities.seriesOccurrences')}: {s.occurrences}</span>
          </Flex>
        )}
      />
      {creating && (
        <FormModal<SeriesForm>
          open
          title={t('activities.seriesCreate')}
          testId="series-form"
          onClose={() => setCreating(false)}
          initialValues={{ orgId: home, kind: 'open_day', weekOfMonth: 1, weekday: 5, startTime: '09:00', minutes: 180, capacity: 60, audience: valuesOf('ActivityAudience'), startsOn: today(), endsOn: `${thisYear()}-12-31` }}
          onSubmit={async (v) => {
            const { placeMode, ...body } = v;
            const made = await activitiesApi.createSeries({
              ...body, venueId: placeMode === 'venue' ? v.venueId : null, place: placeMode === 'venue' ? null : v.place, services: v.services ?? [],
            });
            void message.success(t('activities.seriesCreated', { created: made.created }));
            series.reload();
          }}
        >
          <BasicFields kinds={kinds.data?.items ?? []} testId="series-form" />
          <PlaceFields />
          <Space wrap>
            <Form.Item name="weekOfMonth" label={t('activities.weekOfMonth')} rules={[{ required: true }]}>
              <Select style={{ width: 100 }} options={[1, 2, 3, 4].map((w) => ({ value: w, label: w }))} />
            </Form.Item>
            <Form.Item name="weekday" label={t('activities.weekday')} rules={[{ required: true }]}>
              <Select style={{ width: 100 }} data-testid="series-form-weekday" options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: weekday(d) }))} />
            </Form.Item>
            <Form.Item name="startTime" label={t('activities.startTime')} rules={[{ required: true }]}>
              <Input type="time" />
            </Form.Item>
            <Form.Item name="minutes" label={t('activities.minutes')} rules={[{ required: true }]}>
              <InputNumber min={15} max={1440} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="startsOn" label={t('activities.startsOn')} rules={[{ required: true }]}>
              <Input type="date" data-testid="series-form-starts" />
            </Form.Item>
            <Form.Item name="endsOn" label={t('activities.endsOn')} rules={[{ required: true }]}>
              <Input type="date" data-testid="series-form-ends" />
            </Form.Item>
            <Form.Item name="capacity" label={t('activities.capacity')} rules={[{ required: true }]}>
              <InputNumber min={1} max={10000} />
            </Form.Item>
          </Space>
          <Form.Item name="audience" label={t('activities.audience')} rules={[{ required: true }]}>
            <Select mode="multiple" options={enumOptions('ActivityAudience')} />
          </Form.Item>
          <Form.Item name="services" label={t('activities.services')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} data-testid="series-form-services" />
          </Form.Item>
        </FormModal>
      )}
    </section>
  );
}
