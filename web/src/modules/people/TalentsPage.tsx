import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable, usePaging } from '../../kernel/DataTable';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { OrgListToolbar } from '../orgs/OrgFilter';
import { WithOrgTree } from '../orgs/OrgTreePanel';
import { useOrgTree } from '../orgs/tree';
import { peopleApi, type Talent, type TalentQuery } from './api';
import { PersonDrawer } from './PersonDrawer';
import { ResidencePicker } from './ResidencePicker';

/** 能人库: members and residents by skill, in the chosen part of the tree, free at the chosen times. */
export function TalentsPage() {
  const { t, tx, enumLabel, enumOptions } = useI18n();
  const store = useOrgTree();
  const orgId = store.selectedId ?? undefined;
  const [skill, setSkill] = useState('');
  const [times, setTimes] = useState<string[]>([]);
  const [kind, setKind] = useState<TalentQuery['kind']>();
  const [gridId, setGridId] = useState<number>();
  const [openId, setOpenId] = useState<number | null>(null);
  const key = `${orgId}|${skill}|${times.join(',')}|${kind}|${gridId}`;
  const [paging, setPaging] = usePaging(key);
  const list = useLoad(() => peopleApi.talents({ orgId, gridId, skill, availability: times.join(','), kind, ...paging }), [key, paging.page, paging.pageSize]);

  const skills = (p: Talent) => p.skills.map((s) => <Tag key={s} color={skill && s.includes(skill) ? 'red' : undefined}>{tx(s)}</Tag>);
  const timesOf = (p: Talent) => p.availability.map((a) => enumLabel('Availability', a)).join('、') || t('common.none');
  const name = (p: Talent) => (
    <Typography.Link strong onClick={() => setOpenId(p.id)}>
      {tx(p.name)}
      {p.isMember && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('people.kind.member')}</Tag>}
    </Typography.Link>
  );

  return (
    <WithOrgTree>
      <Card className="gj-page-card">
        <OrgListToolbar placeholder={t('people.talentSkill')} onSearch={setSkill} testId="talent-search">
          <Checkbox.Group value={times} onChange={(v) => setTimes(v)} options={enumOptions('Availability')} />
          <Select
            allowClear
            className="gj-toolbar-select"
            placeholder={t('people.filterKind')}
            value={kind}
            onChange={setKind}
            options={(['member', 'resident'] as const).map((k) => ({ value: k, label: t(`people.kind.${k}`) }))}
          />
          <div style={{ minWidth: 320 }} data-testid="talent-grid" title={t('people.talentGrid')}>
            <ResidencePicker level="grid" value={gridId} onChange={(v) => setGridId(v ?? undefined)} />
          </div>
          <span className="gj-toolbar-spacer" />
          <Button icon={<DownloadOutlined />} href={peopleApi.talentsExportUrl({ orgId, gridId, skill, availability: times.join(','), kind })} download data-testid="talents-export">
            {t('people.talentsExport')}
          </Button>
        </OrgListToolbar>
        <DataTable<Talent>
          testId="talents-table"
          rows={list.data?.items}
          total={list.data?.total ?? 0}
          loading={list.loading}
          rowKey={(p) => p.id}
          paging={paging}
          onPaging={setPaging}
          emptyText={t('people.talentsEmpty')}
          columns={[
            { key: 'name', title: t('people.name'), render: (_, p) => name(p) },
            { key: 'skills', title: t('people.skills'), render: (_, p) => skills(p) },
            { key: 'availability', title: t('people.availability'), render: (_, p) => timesOf(p) },
            { key: 'phone', title: t('people.phone'), render: (_, p) => p.phoneMasked ?? t('common.none') },
            { key: 'org', title: t('people.org'), render: (_, p) => tx(p.orgName) },
          ]}
          renderCard={(p) => (
            <div className="gj-card-row">
              {name(p)}
              <div>{skills(p)}</div>
              <Typography.Text type="secondary">
                {timesOf(p)} · {tx(p.orgName)}
              </Typography.Text>
            </div>
          )}
        />
      </Card>
      <PersonDrawer personId={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
    </WithOrgTree>
  );
}
