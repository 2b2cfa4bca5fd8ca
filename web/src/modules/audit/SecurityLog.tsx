import { Flex, Select, Tag } from 'antd';
import { useState } from 'react';
import { DataTable, usePaging } from '../../kernel/DataTable';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import { OrgFilter } from '../orgs/OrgFilter';
import { SignInWaits } from '../users/SignInWaits';
import { auditApi, type SecurityEvent, type SecurityKind } from './api';


/** 安全日志: who got in, who was kept out, who saw whose personal data, what was done to accounts. */
export function SecurityLog({ orgId }: { orgId: number | undefined }) {
  const { t, tx, enumLabel, formatDateTime, enumOptions } = useI18n();
  const [kind, setKind] = useState<SecurityKind>();
  const [paging, setPaging] = usePaging(`${orgId}|${kind}`);
  const list = useLoad(() => auditApi.security({ orgId, kind, ...paging }), [orgId, kind, paging.page, paging.pageSize]);
  return (
    <Flex vertical gap={16}>
      <SignInWaits />
      <Flex className="gj-toolbar" gap={8} wrap align="center">
        <Select<SecurityKind>
          allowClear
          placeholder={t('audit.allKinds')}
          value={kind}
          onChange={setKind}
          options={enumOptions('SecurityEventKind')}
          className="gj-toolbar-select"
          data-testid="security-kind"
        />
        <OrgFilter />
      </Flex>
      <DataTable<SecurityEvent>
        testId="security-table"
        rows={list.data?.items}
        total={list.data?.total ?? 0}
        loading={list.loading}
        rowKey={(e) => e.id}
        paging={paging}
        onPaging={setPaging}
        emptyText={t('audit.empty')}
        columns={[
          { key: 'at', title: t('audit.at'), render: (_, e) => <span className="gj-nowrap">{formatDateTime(e.at)}</span> },
          {
            key: 'kind',
            title: t('audit.kind'),
            render: (_, e) => <Tag color={colorOf('SecurityEventKind', e.kind)}>{enumLabel('SecurityEventKind', e.kind, e.kindLabel)}</Tag>,
          },
          { key: 'actor', title: t('audit.actor'), render: (_, e) => (e.actorName ? tx(e.actorName) : t('audit.system')) },
          { key: 'account', title: t('audit.account'), render: (_, e) => (e.username ? <code>{e.username}</code> : t('common.none')) },
          {
            key: 'detail',
            title: t('audit.detail'),
            render: (_, e) => [e.entity && enumLabel('entity', e.entity), e.entityId, e.detail].filter(Boolean).join(' · ') || t('common.none'),
          },
          { key: 'client', title: t('audit.client'), render: (_, e) => <code>{e.client ?? t('common.none')}</code> },
          { key: 'requestId', title: t('audit.requestId'), render: (_, e) => <code>{e.requestId ?? t('common.none')}</code> },
          { key: 'org', title: t('audit.org'), render: (_, e) => tx(e.orgName) || t('common.none') },
        ]}
      />
    </Flex>
  );
}
