import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Flex, Select, Typography } from 'antd';
import type { UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../kernel/auth';
import { DataTable, usePaging } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { useUrlFilters } from '../../kernel/urlFilters';
import { termOf } from '../../kernel/vocabulary';
import { OrgListToolbar } from '../orgs/OrgFilter';
import { WithOrgTree } from '../orgs/OrgTreePanel';
import { useOrgTree } from '../orgs/tree';
import { needsApi, readPhotos, type Need, type NeedQuery } from './api';
import { STAFF_ROLES, isStaff } from '../../kernel/roles';
import { NeedDrawer, NeedStatus } from './NeedDrawer';
import { NeedFields, type NeedFormValues } from './NeedFields';

/**
 * The needs list of the caller's subtree (staff), or the matters dispatched to
 * the caller's unit (departments). Embedded in the lists page, the page's own
 * organization tree narrows it.
 */
export function NeedsPage({ embedded = false }: { embedded?: boolean }) {
  const { t, tx, enumLabel, enumOptions } = useI18n();
  const me = useMe();
  const staff = isStaff(me);
  const { message } = App.useApp();
  const store = useOrgTree();
  // A link from elsewhere (a statistics figure) opens the list filtered: ?orgId=&status=.
  const [params] = useSearchParams();
  const linkedOrg = Number(params.get('orgId')) || null;
  const { select } = store;
  useEffect(() => {
    if (linkedOrg !== null) select(linkedOrg);
  }, [linkedOrg, select]);
  const orgId = store.selectedId ?? linkedOrg ?? undefined;
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<NeedQuery['kind']>();
  // The status filter is in the address: the home page's to-do links to the results to check (?status=done).
  const url = useUrlFilters(['status'] as const);
  const status = termOf('NeedStatus', url.filters.status) ? (url.filters.status as NeedQuery['status']) : undefined;
  const setStatus = (s: NeedQuery['status']) => url.set('status', s);
  const [source, setSource] = useState<NeedQuery['source']>();
  const [overdue, setOverdue] = useState(false);
  const [escalated, setEscalated] = useState(false);
  const [creating, setCreating] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const filterKey = [orgId, q, kind, status, source, overdue, escalated].join('|');
  const [paging, setPaging] = usePaging(filterKey);
  const list = useLoad(
    () => needsApi.list({ orgId, q, kind, status, source, overdue: overdue ? 'true' : undefined, escalated: escalated ? 'true' : undefined, ...paging }),
    [filterKey, paging.page, paging.pageSize],
  );

  const create = async (v: NeedFormValues) => {
    const photos = await readPhotos(files.map((f) => f.originFileObj as File));
    const created = await needsApi.create({ ...v, photos });
    void message.success(t('needs.created'));
    setFiles([]);
    list.reload();
    setOpenId(created.id);
  };
  const sweep = async () => {
    const root = orgId ?? me.grants.find((g) => STAFF_ROLES.includes(g.role))!.orgId;
    const res = await needsApi.sweep(root);
    void message.info(res.escalated === null ? t('needs.sweptLater') : t('needs.swept', { n: res.escalated }));
    list.reload();
  };

  const table = (
    <Card className="gj-page-card">
      <OrgListToolbar placeholder={t('needs.searchPlaceholder')} onSearch={setQ} testId="needs-search">
        <Select allowClear className="gj-toolbar-select" placeholder={t('needs.allKinds')} value={kind} onChange={setKind} options={enumOptions('NeedKind')} data-testid="needs-kind" />
        <Select allowClear className="gj-toolbar-select" placeholder={t('needs.allStatuses')} value={status} onChange={setStatus} options={enumOptions('NeedStatus')} data-testid="needs-status" />
        <Select allowClear className="gj-toolbar-select" placeholder={t('needs.allSources')} value={source} onChange={setSource} options={enumOptions('NeedSource')} data-testid="needs-source" />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="needs-overdue">
          {t('needs.onlyOverdue')}
        </Checkbox>
        <Checkbox checked={escalated} onChange={(e) => setEscalated(e.target.checked)} data-testid="needs-escalated">
          {t('needs.onlyEscalated')}
        </Checkbox>
        <span className="gj-toolbar-spacer" />
        {staff && (
          <>
            <Button onClick={() => void sweep()} data-testid="needs-sweep">
              {t('needs.sweep')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="needs-new">
              {t('needs.new')}
            </Button>
          </>
        )}
      </OrgListToolbar>
      <DataTable<Need>
        testId="needs-table"
        rows={list.data?.items}
        total={list.data?.total ?? 0}
        loading={list.loading}
        rowKey={(n) => n.id}
        paging={paging}
        onPaging={setPaging}
        emptyText={t('needs.empty')}
        columns={[
          {
            key: 'title', title: t('needs.title'),
            render: (_, n) => (
              <Typography.Link onClick={() => setOpenId(n.id)} data-testid="need-open">
                {tx(n.title)}
              </Typography.Link>
            ),
          },
          { key: 'kind', title: t('needs.kind'), render: (_, n) => enumLabel('NeedKind', n.kind, n.kindLabel) },
          { key: 'category', title: t('needs.category'), render: (_, n) => enumLabel('NeedCategory', n.category, n.categoryLabel) },
          { key: 'source', title: t('needs.source'), render: (_, n) => enumLabel('NeedSource', n.source, n.sourceLabel) },
          { key: 'status', title: t('needs.status'), render: (_, n) => <NeedStatus need={n} /> },
          { key: 'org', title: t('needs.org'), render: (_, n) => tx(n.placeText ?? n.orgName) || t('common.none') },
          { key: 'handler', title: t('needs.handler'), render: (_, n) => tx(n.handlerName) || t('common.none') },
          { key: 'deadline', title: t('needs.deadline'), render: (_, n) => n.deadline ?? t('common.none') },
          { key: 'created', title: t('needs.createdAt'), render: (_, n) => n.createdAt },
        ]}
        renderCard={(n) => <NeedCard need={n} onOpen={() => setOpenId(n.id)} />}
      />
    </Card>
  );

  return (
    <>
      {staff && !embedded ? <WithOrgTree>{table}</WithOrgTree> : table}
      <FormModal<NeedFormValues>
        open={creating}
        title={t('needs.new')}
        onClose={() => setCreating(false)}
        onSubmit={create}
        initialValues={{ kind: 'livelihood', urgency: 'normal', source: 'visit', orgId }}
        testId="need-create"
      >
        <NeedFields staff files={files} onFiles={setFiles} />
      </FormModal>
      <NeedDrawer needId={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
    </>
  );
}

/** A need as a phone card: title, status, where and who. */
export function NeedCard({ need, onOpen }: { need: Need; onOpen: () => void }) {
  const { tx, enumLabel } = useI18n();
  return (
    <button type="button" className="gj-search-result" style={{ flexDirection: 'column', width: '100%', border: 0 }} onClick={onOpen} data-testid="need-card">
      <Flex justify="space-between" align="center" gap={8} style={{ width: '100%' }}>
        <Typography.Text strong>{tx(need.title)}</Typography.Text>
        <NeedStatus need={need} />
      </Flex>
      <Typography.Text type="secondary">
        {[enumLabel('NeedKind', need.kind, need.kindLabel), tx(need.placeText ?? need.orgName), tx(need.handlerName), need.createdAt].filter(Boolean).join(' · ')}
      </Typography.Text>
    </button>
  );
}
