import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, List, Radio, Select, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../kernel/FormModal';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { today } from '../../kernel/time';
import { gridsApi, type DueVisit, type VisitNeed } from './api';
import { VisitList } from './VisitList';

/** How far ahead the due list looks: this week's visits besides the overdue ones. */
const DUE_WITHIN_DAYS = 7;

/** Picks a household the caller may visit, searching by the head's name. */
function HouseholdSelect({ value, onChange }: { value?: number; onChange?: (v: number) => void }) {
  const { tx } = useI18n();
  const [q, setQ] = useState('');
  const found = useLoad(() => gridsApi.households({ q }), [q]);
  return (
    <Select<number>
      value={value}
      onChange={(v) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      loading={found.loading}
      data-testid="visit-household"
      options={(found.data?.items ?? []).filter((h) => h.actions.includes('visit')).map((h) => ({ value: h.id, label: `${tx(h.headName)} · ${h.addressMasked}` }))}
    />
  );
}

interface VisitForm {
  householdId: number;
  visitedOn: string;
  learned: string;
  followUp?: string;
  raiseNeed?: boolean;
  need?: Partial<VisitNeed>;
}

/**
 * A need raised with the visit, in a few taps: the household, grid, building
 * and description come from the visit, so only what kind of need it is.
 */
function RaiseNeedFields() {
  const { t, enumOptions } = useI18n();
  const raise = Form.useWatch<boolean | undefined>('raiseNeed');
  return (
    <>
      <Form.Item name="raiseNeed" label={t('grids.raiseNeed')} valuePropName="checked">
        <Switch data-testid="visit-raise-need" />
      </Form.Item>
      {raise && (
        <>
          <Form.Item name={['need', 'kind']} label={t('needs.kind')} rules={[{ required: true, message: t('grids.needKindRequired') }]}>
            <Radio.Group optionType="button" options={enumOptions('NeedKind')} data-testid="visit-need-kind" />
          </Form.Item>
          <Form.Item name={['need', 'category']} label={t('needs.category')} rules={[{ required: true, message: t('grids.needCategoryRequired') }]}>
            <Select options={enumOptions('NeedCategory')} data-testid="visit-need-category" />
          </Form.Item>
          <Form.Item name={['need', 'urgency']} label={t('needs.urgency')}>
            <Radio.Group optionType="button" options={enumOptions('Urgency')} />
          </Form.Item>
          <Form.Item name={['need', 'title']} label={t('needs.title')} extra={t('grids.needTitleHint')}>
            <Input maxLength={60} data-testid="visit-need-title" />
          </Form.Item>
        </>
      )}
    </>
  );
}

/**
 * 走访 on a phone: the households due (三必访), overdue first and marked, a
 * visit recorded in two taps from the list, and the diary underneath.
 */
export function VisitPage() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const [visiting, setVisiting] = useState<{ householdId?: number; name?: string } | null>(null);
  const due = useLoad(() => gridsApi.due(DUE_WITHIN_DAYS), [version]);

  const status = (d: DueVisit) =>
    d.overdue ? (
      <Tag color="red" data-testid="due-overdue">
        {t('grids.overdue')} · {t('grids.dueOn', { date: d.dueOn })}
      </Tag>
    ) : (
      <Tag color="gold">{t('grids.dueOn', { date: d.dueOn })}</Tag>
    );

  return (
    <Flex vertical gap={12}>
      <Card
        className="gj-page-card"
        title={t('grids.due')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setVisiting({})} data-testid="visit-other">
            {t('grids.otherHousehold')}
          </Button>
        }
      >
        <List
          data-testid="due-list"
          dataSource={due.data ?? []}
          loading={due.loading}
          locale={{ emptyText: t('grids.dueEmpty') }}
          renderItem={(d) => (
            <List.Item
              style={d.overdue ? { background: '#fff1f0', paddingInline: 8 } : { paddingInline: 8 }}
              actions={
                d.actions.includes('visit')
                  ? [
                      <Button key="visit" type="primary" icon={<EditOutlined />} onClick={() => setVisiting({ householdId: d.householdId, name: d.headName })} data-testid="due-visit">
                        {t('grids.record')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Flex gap={6} wrap align="center">
                    <span>{tx(d.headName)}</span>
                    {status(d)}
                  </Flex>
                }
                description={
                  <>
                    <div>
                      {d.addressMasked} · {tx(d.gridName)}
                    </div>
                    <Typography.Text type="secondary">
                      {tx(d.planName)} · {d.lastVisitedOn ? t('grids.lastVisitOn', { date: d.lastVisitedOn }) : t('grids.neverVisited')}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Card className="gj-page-card" title={t('grids.recentVisits')}>
        <VisitList version={version} />
      </Card>
      {visiting && (
        <FormModal<VisitForm>
          open
          title={visiting.name ? `${t('grids.record')} · ${tx(visiting.name)}` : t('grids.record')}
          testId="visit-create"
          initialValues={{ householdId: visiting.householdId, visitedOn: today(), need: { urgency: 'normal' } }}
          onClose={() => setVisiting(null)}
          onSubmit={async (v) => {
            const { raiseNeed, need, ...visit } = v;
            const saved = await gridsApi.recordVisit({ ...visit, followUp: visit.followUp || null, need: raiseNeed && need?.kind && need.category ? { ...need, kind: need.kind, category: need.category, title: need.title || null } : undefined });
            void message.success(saved.need ? t('grids.visitSavedWithNeed') : t('grids.visitSaved'));
            setVersion((n) => n + 1);
          }}
        >
          <Form.Item name="householdId" label={t('grids.pickHousehold')} rules={[{ required: true, message: t('grids.householdRequired') }]} hidden={visiting.householdId !== undefined}>
            <HouseholdSelect />
          </Form.Item>
          <Form.Item name="visitedOn" label={t('grids.visitedOn')} rules={[{ required: true, message: t('common.dateRequired') }]}>
            <Input type="date" max={today()} />
          </Form.Item>
          <Form.Item name="learned" label={t('grids.learned')} rules={[{ required: true, whitespace: true, message: t('grids.learnedRequired') }]}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 3 }} data-testid="visit-learned" />
          </Form.Item>
          <Form.Item name="followUp" label={t('grids.followUp')}>
            <Input.TextArea maxLength={200} autoSize />
          </Form.Item>
          <RaiseNeedFields />
        </FormModal>
      )}
    </Flex>
  );
}
