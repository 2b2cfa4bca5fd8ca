import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Drawer, Flex, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useIsPhone, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import { today } from '../../kernel/time';
import { OrgFilter } from '../orgs/OrgFilter';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { WithOrgTree } from '../orgs/OrgTreePanel';
import { PersonSelect } from '../orgs/pickers';
import { useLocalPage } from '../orgs/localPaging';
import { useOrgTree } from '../orgs/tree';
import { recruitmentApi, stageDay, type Recruitment, type Stage } from './api';
import { RecruitmentSteps, WithdrawModal } from './parts';

type Modal = 'sponsors' | 'notice' | 'advance' | 'withdraw' | null;

/** One record: the stages with their days, sponsors, the notice, and the next step. */
function RecruitmentDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { t, tx, enumLabel } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [modal, setModal] = useState<Modal>(null);
  const loaded = useLoad(id === null ? null : () => recruitmentApi.get(id), [id]);
  const r = loaded.data?.id === id ? loaded.data : undefined;
  const stage = (s: Stage) => enumLabel('RecruitmentStage', s);
  const saved = (next: Recruitment, text: string) => {
    loaded.setData(next);
    void message.success(text);
    onChanged();
  };

  return (
    <Drawer open={id !== null} onClose={onClose} size={isPhone ? '100%' : 560} title={r ? tx(r.personName) : t('recruitment.detail')} destroyOnHidden data-testid="recruitment-drawer">
      {r && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <RecruitmentSteps r={r} />
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'org', label: t('recruitment.org'), children: tx(r.orgName) },
              {
                key: 'sponsors',
                label: t('recruitment.sponsors'),
                children: r.sponsors.length ? r.sponsors.map((s) => <Tag key={s.id}>{tx(s.name)}</Tag>) : t('common.none'),
              },
              {
                key: 'notice',
                label: t('recruitment.notice'),
                children: r.noticeStartsOn ? t('recruitment.noticeRange', { from: r.noticeStartsOn, to: r.noticeEndsOn ?? '' }) : t('recruitment.noNotice'),
              },
            ]}
          />
          {r.nextStage ? (
            <Space wrap>
              {r.actions.includes('advance') && (
                <Button type="primary" onClick={() => setModal('advance')} data-testid="recruitment-advance">
                  {t('recruitment.advance', { stage: stage(r.nextStage) })}
                </Button>
              )}
              {r.actions.includes('sponsors') && (
                <Button onClick={() => setModal('sponsors')} data-testid="recruitment-sponsors">
                  {t('recruitment.setSponsors')}
                </Button>
              )}
              {r.actions.includes('notice') && (
                <Button onClick={() => setModal('notice')} data-testid="recruitment-notice">
                  {t('recruitment.setNotice')}
                </Button>
              )}
              {r.actions.includes('withdraw') && (
                <Button danger onClick={() => setModal('withdraw')} data-testid="recruitment-end">
                  {t('recruitment.end')}
                </Button>
              )}
            </Space>
          ) : (
            !r.withdrawnOn && <Tag color="red">{t('recruitment.done')}</Tag>
          )}
          {modal === 'withdraw' && <WithdrawModal r={r} byBranch onClose={() => setModal(null)} onDone={(next) => saved(next, t('recruitment.ended'))} />}
          {modal === 'advance' && r.nextStage && (
            <FormModal<{ on: string }>
              open
              title={t('recruitment.advance', { stage: stage(r.nextStage) })}
              onClose={() => setModal(null)}
              initialValues={{ on: today() }}
              testId="recruitment-advance"
              onSubmit={async ({ on }) => saved(await recruitmentApi.advance(r.id, { stage: r.nextStage!, on }), t('recruitment.advanced', { stage: stage(r.nextStage!) }))}
            >
              <Form.Item name="on" label={t('recruitment.advanceOn')} rules={[{ required: true, message: t('common.dateRequired') }]}>
                <Input type="date" data-testid="recruitment-advance-on" />
              </Form.Item>
            </FormModal>
          )}
          {modal === 'sponsors' && (
            <FormModal<{ first: number; second: number }>
              open
              title={t('recruitment.setSponsors')}
              onClose={() => setModal(null)}
              initialValues={{ first: r.sponsors[0]?.id, second: r.sponsors[1]?.id }}
              testId="recruitment-sponsors"
              onSubmit={async ({ first, second }) => saved(await recruitmentApi.sponsors(r.id, [first, second]), t('recruitment.sponsorsSaved'))}
            >
              <Typography.Paragraph type="secondary">{t('recruitment.sponsorsHint')}</Typography.Paragraph>
              <Form.Item name="first" label={`${t('recruitment.sponsors')} 1`} rules={[{ required: true, message: t('recruitment.sponsorRequired') }]}>
                <PersonSelect />
              </Form.Item>
              <Form.Item name="second" label={`${t('recruitment.sponsors')} 2`} rules={[{ required: true, message: t('recruitment.sponsorRequired') }]}>
                <PersonSelect />
              </Form.Item>
            </FormModal>
          )}
          {modal === 'notice' && (
            <FormModal<{ startsOn: string; endsOn: string }>
              open
              title={t('recruitment.setNotice')}
              onClose={() => setModal(null)}
              testId="recruitment-notice"
              onSubmit={async (v) => saved(await recruitmentApi.notice(r.id, v), t('recruitment.noticeSaved'))}
            >
              <Typography.Paragraph type="secondary">{t('recruitment.noticeHint')}</Typography.Paragraph>
              <Form.Item name="startsOn" label={t('recruitment.noticeStarts')} rules={[{ required: true, message: t('common.dateRequired') }]}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name="endsOn" label={t('recruitment.noticeEnds')} rules={[{ required: true, message: t('common.dateRequired') }]}>
                <Input type="date" />
              </Form.Item>
            </FormModal>
          )}
        </Space>
      )}
    </Drawer>
  );
}

/** 发展党员: everyone in the pipeline under the chosen organization, by stage. */
export function RecruitmentPage() {
  const { t, tx, enumLabel, enumOptions } = useI18n();
  const { message } = App.useApp();
  const store = useOrgTree();
  const orgId = store.selectedId ?? undefined;
  const [stage, setStage] = useState<Stage>();
  const [openId, setOpenId] = useState<number | null>(null);
  const [starting, setStarting] = useState(false);
  const list = useLoad(() => recruitmentApi.list({ orgId, stage }), [orgId, stage]);
  const page = useLocalPage(list.data?.items, `${orgId}|${stage}`);
  const stageTag = (r: Recruitment) =>
    r.withdrawnOn ? <Tag>{t('recruitment.endedTag', { stage: enumLabel('RecruitmentStage', r.stage, r.stageLabel) })}</Tag> : <Tag color={colorOf('RecruitmentStage', r.stage)}>{enumLabel('RecruitmentStage', r.stage, r.stageLabel)}</Tag>;
  const name = (r: Recruitment) => (
    <Typography.Link strong onClick={() => setOpenId(r.id)} data-testid="recruitment-open">
      {tx(r.personName)}
    </Typography.Link>
  );
  const since = (r: Recruitment) => t('recruitment.since', { day: stageDay(r, r.stage) ?? '' });

  return (
    <WithOrgTree>
      <Card title={t('recruitment.title')} className="gj-page-card">
        <Flex className="gj-toolbar" gap={8} wrap align="center">
          <OrgFilter />
          <Select
            allowClear
            className="gj-toolbar-select"
            placeholder={t('recruitment.stage')}
            value={stage}
            onChange={setStage}
            options={enumOptions('RecruitmentStage')}
          />
          <span className="gj-toolbar-spacer" />
          {list.data?.actions.includes('create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting(true)} data-testid="recruitment-start">
              {t('recruitment.start')}
            </Button>
          )}
        </Flex>
        <DataTable<Recruitment>
          testId="recruitment-table"
          rows={page.rows}
          total={page.total}
          loading={list.loading}
          rowKey={(r) => r.id}
          paging={page.paging}
          onPaging={page.setPaging}
          emptyText={t('recruitment.empty')}
          columns={[
            { key: 'name', title: t('recruitment.person'), render: (_, r) => name(r) },
            { key: 'stage', title: t('recruitment.stage'), render: (_, r) => stageTag(r) },
            { key: 'since', title: t('recruitment.advanceOn'), render: (_, r) => since(r) },
            { key: 'org', title: t('recruitment.org'), render: (_, r) => tx(r.orgName) },
            { key: 'sponsors', title: t('recruitment.sponsors'), render: (_, r) => r.sponsors.map((s) => tx(s.name)).join('、') || t('common.none') },
          ]}
          renderCard={(r) => (
            <div className="gj-card-row">
              <Flex justify="space-between" align="center">
                {name(r)}
                {stageTag(r)}
              </Flex>
              <Typography.Text type="secondary">
                {since(r)} · {tx(r.orgName)}
              </Typography.Text>
            </div>
          )}
        />
      </Card>
      <RecruitmentDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
      {starting && (
        <FormModal<{ personId: number; orgId: number; appliedOn: string }>
          open
          title={t('recruitment.start')}
          onClose={() => setStarting(false)}
          initialValues={{ orgId, appliedOn: today() }}
          testId="recruitment-start"
          onSubmit={async (v) => {
            const r = await recruitmentApi.start(v);
            void message.success(t('recruitment.advanced', { stage: enumLabel('RecruitmentStage', r.stage, r.stageLabel) }));
            list.reload();
            setOpenId(r.id);
          }}
        >
          <Form.Item name="personId" label={t('recruitment.person')} rules={[{ required: true, message: t('recruitment.personRequired') }]}>
            <PersonSelect data-testid="recruitment-start-person" />
          </Form.Item>
          <Form.Item name="orgId" label={t('recruitment.org')} rules={[{ required: true, message: t('recruitment.orgRequired') }]}>
            <OrgTreeSelect data-testid="recruitment-start-org" />
          </Form.Item>
          <Form.Item name="appliedOn" label={t('recruitment.appliedOn')} rules={[{ required: true, message: t('common.dateRequired') }]}>
            <Input type="date" />
          </Form.Item>
        </FormModal>
      )}
    </WithOrgTree>
  );
}
