import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Collapse, Flex, Form, Input, List, Progress, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../kernel/FormModal';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { today } from '../../kernel/time';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { colorOf } from '../../kernel/vocabulary';
import { yuan } from '../funds/api';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { campaignsApi, type Assignment, type Campaign, type NewCampaign } from './api';

/**
 * 大走访 on the cadre's phone: each area given to them, the doors not yet
 * knocked on first, a visit recorded in a tap (the grids' own visit record,
 * with an optional suggestion raised as a need).
 */
export function MyAreaPage() {
  const { t, tx, enumLabel } = useI18n();
  const { message } = App.useApp();
  const mine = useLoad(() => campaignsApi.mine(), []);
  const [visiting, setVisiting] = useState<{ id: number; name: string } | null>(null);
  const progress = (a: Assignment) => ({ visited: a.households.filter((h) => h.visitedInWindow).length, total: a.households.length });
  return (
    <Flex vertical gap={12}>
      {!mine.loading && !mine.data?.length && <Card className="gj-page-card">{t('campaigns.mineEmpty')}</Card>}
      {(mine.data ?? []).map((a) => (
        <Card key={a.id} className="gj-page-card" title={tx(a.campaignName)} data-testid="campaign-area"
          extra={<Typography.Text type="secondary">{t('campaigns.window', { from: a.startsOn, to: a.endsOn })}</Typography.Text>}>
          <Flex vertical gap={8}>
            <Flex gap={6} wrap>
              <Tag>{enumLabel('CampaignAreaKind', a.areaKind)}</Tag>
              <Tag color={colorOf('CampaignCadreKind', a.cadreKind)}>{enumLabel('CampaignCadreKind', a.cadreKind)}</Tag>
              <span data-testid="campaign-progress">{t('campaigns.progress', progress(a))}</span>
            </Flex>
            <Progress percent={progress(a).total ? Math.round((100 * progress(a).visited) / progress(a).total) : 0} size="small" />
            <List
              data-testid="campaign-doors"
              dataSource={a.households}
              renderItem={(h) => (
                <List.Item
                  actions={h.visitedInWindow ? [] : [
                    <Button key="visit" type="primary" icon={<EditOutlined />} onClick={() => setVisiting({ id: h.id, name: h.headName })} data-testid="campaign-visit">
                      {t('campaigns.record')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={<Flex gap={6} wrap align="center"><span>{tx(h.headName)}</span>
                      <Tag color={h.visitedInWindow ? 'green' : 'gold'}>{h.visitedInWindow ? t('campaigns.visited') : t('campaigns.toVisit')}</Tag></Flex>}
                    description={<>
                      <div>{tx(h.buildingName)} {h.addressMasked}</div>
                      <Flex gap={4} wrap>{h.tags.map((tag) => <Tag key={tag} color={colorOf('HouseholdTag', tag)}>{enumLabel('HouseholdTag', tag)}</Tag>)}</Flex>
                    </>}
                  />
                </List.Item>
              )}
            />
          </Flex>
        </Card>
      ))}
      {visiting && (
        <FormModal<{ learned: string; suggestion?: string }>
          open
          title={`${t('campaigns.record')} · ${tx(visiting.name)}`}
          testId="campaign-visit-form"
          onClose={() => setVisiting(null)}
          onSubmit={async (v) => {
            const suggestion = v.suggestion?.trim();
            // A suggestion becomes the household's need, whoever the cadre is (a reported member holds no grant in the grid).
            await campaignsApi.visit({
              householdId: visiting.id, visitedOn: today(), learned: v.learned,
              ...(suggestion ? { need: { kind: 'request', category: 'other', urgency: 'normal', title: suggestion.slice(0, 60) } } : {}),
            });
            void message.success(t('campaigns.saved'));
            mine.reload();
          }}
        >
          <Form.Item name="learned" label={t('campaigns.learned')} rules={[{ required: true, whitespace: true, message: t('campaigns.learnedRequired') }]}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 3 }} data-testid="campaign-learned" />
          </Form.Item>
          <Form.Item name="suggestion" label={t('campaigns.suggestion')}>
            <Input maxLength={60} data-testid="campaign-suggestion" />
          </Form.Item>
        </FormModal>
      )}
    </Flex>
  );
}

function CampaignFigures({ campaign }: { campaign: Campaign }) {
  const { t, tx, enumLabel } = useI18n();
  const d = useLoad(() => campaignsApi.detail(campaign.id), [campaign.id]);
  if (!d.data) return null;
  const f = d.data.figures;
  return (
    <Flex vertical gap={8}>
      <Typography.Text data-testid="campaign-figures">
        {t('campaigns.figures', { cadres: f.cadres, visited: f.visited, households: f.households, suggestions: f.suggestions, solved: f.solved, yuan: yuan(f.spentFen) })}
      </Typography.Text>
      <Flex gap={6} wrap>
        {f.cadresByKind.map((k) => <Tag key={k.kind} color={colorOf('CampaignCadreKind', k.kind)}>{enumLabel('CampaignCadreKind', k.kind)} {k.cadres}</Tag>)}
      </Flex>
      <Table
        size="small" pagination={false} rowKey="tag" title={() => t('campaigns.byTag')} dataSource={f.byTag}
        columns={[
          { key: 'tag', title: '', render: (_, r) => enumLabel('HouseholdTag', r.tag) },
          { key: 'n', title: t('campaigns.visited'), render: (_, r) => `${r.visited} / ${r.households}` },
        ]}
      />
      <Table
        size="small" rowKey="id" title={() => t('campaigns.cadres')} dataSource={d.data.cadreList} pagination={{ pageSize: 10 }}
        columns={[
          { key: 'name', title: t('campaigns.name'), render: (_, r) => tx(r.name) },
          { key: 'kind', title: '', render: (_, r) => enumLabel('CampaignCadreKind', r.cadreKind) },
          { key: 'area', title: t('campaigns.area'), render: (_, r) => enumLabel('CampaignAreaKind', r.areaKind) },
        ]}
      />
    </Flex>
  );
}

/** The campaigns of an organization and below, each with its figures counted from the visits, needs and funds. */
export function CampaignsPage() {
  const { t, tx } = useI18n();
  const home = useHomeOrg();
  const [orgId, setOrgId] = useState<number | undefined>(home);
  const list = useLoad(() => campaignsApi.list(orgId), [orgId]);
  const [creating, setCreating] = useState(false);
  return (
    <Card className="gj-page-card" title={t('campaigns.all')}>
      <Flex className="gj-toolbar" gap={8} wrap>
        <span className="gj-toolbar-search"><OrgTreeSelect value={orgId} allowClear onChange={setOrgId} data-testid="campaigns-org" /></span>
        <span className="gj-toolbar-spacer" />
        {list.data?.actions.includes('create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaigns-create">{t('campaigns.create')}</Button>
        )}
      </Flex>
      <Collapse
        data-testid="campaigns-list"
        items={(list.data?.items ?? []).map((c) => ({
          key: c.id,
          label: <Flex gap={8} wrap><b>{tx(c.name)}</b><span>{tx(c.orgName)}</span><Typography.Text type="secondary">{t('campaigns.window', { from: c.startsOn, to: c.endsOn })}</Typography.Text></Flex>,
          children: <CampaignFigures campaign={c} />,
        }))}
      />
      {creating && (
        <FormModal<NewCampaign>
          open title={t('campaigns.create')} testId="campaigns-create-form"
          initialValues={{ orgId, startsOn: today(), endsOn: today() }}
          onClose={() => setCreating(false)}
          onSubmit={async (v) => { await campaignsApi.create(v); list.reload(); }}
        >
          <Form.Item name="orgId" label={t('campaigns.org')} rules={[{ required: true }]}><OrgTreeSelect /></Form.Item>
          <Form.Item name="name" label={t('campaigns.name')} rules={[{ required: true, whitespace: true }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="startsOn" label={t('campaigns.startsOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item name="endsOn" label={t('campaigns.endsOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item name="goal" label={t('campaigns.goal')}><Input.TextArea maxLength={500} autoSize /></Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
