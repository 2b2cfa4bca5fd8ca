import { Alert, Button, Card, Col, Flex, Row, Select, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../kernel/DataTable';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf, valuesOf } from '../../kernel/vocabulary';
import type { MessageKey } from '../../messages';
import { gridsApi } from '../grids/api';
import { orgsApi, type Gap, type GapKind, type OrgKind, type Unit } from './api';
import { useLocalPage } from './localPaging';
import { CreateOrgModal } from './OrgForms';
import { AddSeatModal } from './SeatsTab';
import { AddTieModal } from './TiesTab';
import { UnitModal } from './UnitsTab';


/** What closes each kind of gap; hidden members have two ways out. */
type Fix =
  | { kind: 'grid'; org: { id: number; name: string } }
  | { kind: 'secretary'; org: { id: number; name: string } }
  | { kind: 'partyOrg'; unit: Unit }
  | { kind: 'unitCommittee'; unit: Unit }
  | { kind: 'tie'; unit: Unit }
  | { kind: 'gridBranch'; gap: Gap; parent: { id: number; name: string; kind: OrgKind }; gridId: number }
  | { kind: 'buildingGroup'; gap: Gap; parent: { id: number; name: string; kind: OrgKind }; buildingId: number };

const FIX_LABELS: Record<Fix['kind'], MessageKey> = {
  grid: 'coverage.fix.grid',
  secretary: 'coverage.fix.secretary',
  partyOrg: 'coverage.fix.partyOrg',
  unitCommittee: 'coverage.fix.unitCommittee',
  tie: 'coverage.fix.tie',
  gridBranch: 'grids.fix.gridBranch',
  buildingGroup: 'grids.fix.buildingGroup',
};

function fixesOf(gap: Gap): Fix['kind'][] {
  switch (gap.kind) {
    case 'community_without_grid':
      return ['grid'];
    case 'org_without_secretary':
      return ['secretary'];
    case 'hidden_members':
      return ['partyOrg', 'unitCommittee'];
    case 'unit_without_tie':
      return ['tie'];
    case 'grid_without_branch':
      return ['gridBranch'];
    case 'building_without_group':
      return ['buildingGroup'];
  }
}


/**
 * 覆盖情况 (纵向到底，横向到边): the gaps in a subtree, each with the action
 * that closes it; after the action the report is fetched again. The fixes are
 * offered where the organization viewed lets the caller build under it.
 */
export function CoveragePanel({ orgId, canFix }: { orgId: number; canFix: boolean }) {
  const { t, tx, enumLabel, enumOptions } = useI18n();
  const onError = useApiError();
  const [filter, setFilter] = useState<GapKind | 'all'>('all');
  const [fix, setFix] = useState<Fix | null>(null);
  const coverage = useLoad(() => orgsApi.coverage(orgId), [orgId]);
  const gaps = coverage.data?.gaps.filter((g) => filter === 'all' || g.kind === filter);
  const list = useLocalPage(gaps, `${orgId}|${filter}`);

  const start = (gap: Gap, kind: Fix['kind']) => {
    if ((kind === 'gridBranch' || kind === 'buildingGroup') && gap.orgId !== null) {
      orgsApi.detail(gap.orgId).then((org) => {
        const parent = { id: org.id, name: org.name, kind: org.kind };
        if (kind === 'gridBranch' && gap.gridId !== null) setFix({ kind, gap, parent, gridId: gap.gridId });
        if (kind === 'buildingGroup' && gap.buildingId !== null) setFix({ kind, gap, parent, buildingId: gap.buildingId });
      }, onError);
      return;
    }
    if (gap.unitId === null) {
      if (gap.orgId !== null && (kind === 'grid' || kind === 'secretary')) setFix({ kind, org: { id: gap.orgId, name: gap.name } });
      return;
    }
    orgsApi.unit(gap.unitId).then((unit) => {
      if (kind === 'partyOrg' || kind === 'unitCommittee' || kind === 'tie') setFix({ kind, unit });
    }, onError);
  };
  const done = () => {
    setFix(null);
    coverage.reload();
  };

  const kindTag = (g: Gap) => <Tag color={colorOf('GapKind', g.kind)}>{enumLabel('GapKind', g.kind, g.label)}</Tag>;
  const actions = (g: Gap) =>
    canFix && (
      <Flex gap={4} wrap>
        {fixesOf(g).map((kind) => (
          <Button key={kind} size="small" type={kind === fixesOf(g)[0] ? 'primary' : 'default'} ghost={kind === fixesOf(g)[0]} onClick={() => start(g, kind)} data-testid={`gap-fix-${kind}`}>
            {t(FIX_LABELS[kind])}
          </Button>
        ))}
      </Flex>
    );

  return (
    <div data-testid="coverage">
      <Row gutter={[12, 12]} className="gj-toolbar">
        {valuesOf('GapKind').map((kind) => (
          <Col xs={12} md={8} xl={4} key={kind}>
            <Card
              size="small"
              hoverable
              onClick={() => setFilter(filter === kind ? 'all' : kind)}
              style={filter === kind ? { borderColor: '#c8161d' } : undefined}
              data-testid={`coverage-count-${kind}`}
            >
              <Statistic title={enumLabel('GapKind', kind)} value={coverage.data?.counts[kind] ?? 0} valueStyle={{ color: coverage.data?.counts[kind] ? '#c8161d' : '#389e0d' }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Flex className="gj-toolbar" gap={8} wrap align="center">
        <Select<GapKind | 'all'>
          className="gj-toolbar-select"
          style={{ minWidth: 200 }}
          value={filter}
          onChange={setFilter}
          data-testid="coverage-filter"
          options={[{ value: 'all', label: t('coverage.all') }, ...enumOptions('GapKind')]}
        />
        <Button onClick={coverage.reload} data-testid="coverage-reload">
          {t('coverage.reload')}
        </Button>
      </Flex>
      {coverage.data?.truncated && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('coverage.truncated')} />}
      <DataTable<Gap>
        testId="coverage-gaps"
        rows={list.rows}
        total={list.total}
        loading={coverage.loading}
        rowKey={(g) => `${g.kind}-${g.orgId}-${g.unitId}`}
        paging={list.paging}
        onPaging={list.setPaging}
        emptyText={t('coverage.none')}
        columns={[
          { key: 'kind', title: t('coverage.kind'), render: (_, g) => kindTag(g) },
          { key: 'name', title: t('coverage.name'), render: (_, g) => <strong>{tx(g.name)}</strong> },
          { key: 'detail', title: t('coverage.detail'), render: (_, g) => tx(g.detail) },
          ...(canFix ? [{ key: 'action', title: t('coverage.fix'), fixed: 'right' as const, render: (_: unknown, g: Gap) => actions(g) }] : []),
        ]}
        renderCard={(g) => (
          <div className="gj-card-row">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong>{tx(g.name)}</Typography.Text>
              {kindTag(g)}
            </Flex>
            <Typography.Text type="secondary">{tx(g.detail)}</Typography.Text>
            {actions(g)}
          </div>
        )}
      />
      {fix?.kind === 'grid' && <CreateOrgModal parent={fix.org} initial={{ kind: 'grid_branch' }} onClose={() => setFix(null)} onCreated={done} />}
      {fix?.kind === 'secretary' && <AddSeatModal org={fix.org} role="secretary" onClose={() => setFix(null)} onSaved={done} />}
      {fix?.kind === 'partyOrg' && <UnitModal unit={fix.unit} onClose={() => setFix(null)} onSaved={done} />}
      {fix?.kind === 'unitCommittee' && (
        <CreateOrgModal
          parent={{ id: fix.unit.orgId, name: fix.unit.orgName ?? '' }}
          // Organization names are stored in Chinese whatever language the interface shows.
          initial={{ kind: 'unit_committee', name: `${fix.unit.name}党支部` }}
          onClose={() => setFix(null)}
          onCreated={(org) => orgsApi.updateUnit(fix.unit.id, { partyOrgId: org.id }).then(done, onError)}
        />
      )}
      {/* A grid's branch sits under its community, a building's group under its grid's branch; each is linked once created. */}
      {fix?.kind === 'gridBranch' && (
        <CreateOrgModal
          parent={fix.parent}
          initial={{ kind: 'grid_branch', name: `${fix.gap.name}党支部` }}
          onClose={() => setFix(null)}
          onCreated={(org) => gridsApi.update(fix.gridId, { branchId: org.id }).then(done, onError)}
        />
      )}
      {fix?.kind === 'buildingGroup' && (
        <CreateOrgModal
          parent={fix.parent}
          initial={{ kind: 'building_group', name: `${fix.gap.name}党小组` }}
          onClose={() => setFix(null)}
          onCreated={(org) => gridsApi.setBuildingGroup(fix.buildingId, org.id).then(done, onError)}
        />
      )}
      {fix?.kind === 'tie' && (
        <AddTieModal
          org={{ id: fix.unit.orgId, name: fix.unit.orgName ?? '' }}
          preset={{ kind: 'co_builds', toUnitId: fix.unit.id }}
          onClose={() => setFix(null)}
          onSaved={done}
        />
      )}
    </div>
  );
}
