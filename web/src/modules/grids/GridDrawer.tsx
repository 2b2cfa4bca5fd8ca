import { DownloadOutlined, PlusOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Form, Input, InputNumber, List, Popconfirm, Select, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useIsPhone, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf, valuesOf } from '../../kernel/vocabulary';
import { today } from '../../kernel/time';
import { ImportModal } from '../orgs/ImportModal';
import { useLocalPage } from '../orgs/localPaging';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { PersonSelect, UnitSelect } from '../orgs/pickers';
import { gridsApi, type Book, type Building, type Grid, type GridRole, type Household, type HouseholdTag } from './api';
import { VisitList } from './VisitList';
import { GridPosts } from '../posts/PostsPage';

// The import report names a column by its key; the user knows it by the template's header.
const IMPORT_FIELDS = {
  building: 'grids.building', entrance: 'grids.entrance', room: 'grids.room', address: 'grids.address', headName: 'grids.headName', size: 'grids.size',
  phone: 'grids.phone', tags: 'grids.tags', freeTags: 'grids.freeTags',
} as const;

/** The six tags as coloured tags, free tags plain. */
export function HouseholdTags({ h }: { h: Pick<Household, 'tags' | 'freeTags'> }) {
  const { tx, enumLabel } = useI18n();
  return (
    <Flex gap={4} wrap>
      {h.tags.map((k) => (
        <Tag color={colorOf('HouseholdTag', k)} key={k}>
          {enumLabel('HouseholdTag', k)}
        </Tag>
      ))}
      {h.freeTags.map((k) => (
        <Tag key={k}>{tx(k)}</Tag>
      ))}
    </Flex>
  );
}


function BuildingsTab({ grid, canPlan }: { grid: Grid; canPlan: boolean }) {
  const { t, tx } = useI18n();
  const onError = useApiError();
  const buildings = useLoad(() => gridsApi.buildings(grid.id), [grid.id]);
  const setGroup = (b: Building, groupId: number | undefined) => gridsApi.setBuildingGroup(b.id, groupId ?? null).then(buildings.reload, onError);
  const list = useLocalPage(buildings.data, String(grid.id));
  return (
    <DataTable<Building>
      testId="grid-buildings"
      rows={list.rows}
      total={list.total}
      loading={buildings.loading}
      rowKey={(b) => b.id}
      paging={list.paging}
      onPaging={list.setPaging}
      emptyText={t('grids.buildingsEmpty')}
      columns={[
        { key: 'name', title: t('grids.buildingName'), render: (_, b) => <strong>{tx(b.name)}</strong> },
        { key: 'entrances', title: t('grids.entrances'), render: (_, b) => b.entrances },
        { key: 'households', title: t('grids.households'), render: (_, b) => b.householdCount },
        {
          key: 'group', title: t('grids.group'),
          render: (_, b) => (canPlan ? <OrgTreeSelect value={b.groupId} allowClear onChange={(v) => void setGroup(b, v)} placeholder={t('grids.noGroup')} /> : tx(b.groupName) || t('grids.noGroup')),
        },
      ]}
      renderCard={(b) => (
        <div className="gj-card-row">
          <Typography.Text strong>{tx(b.name)}</Typography.Text>
          <Typography.Text type="secondary">
            {b.entrances} {t('grids.entrances')} · {b.householdCount} {t('grids.households')} · {tx(b.groupName) || t('grids.noGroup')}
          </Typography.Text>
        </div>
      )}
    />
  );
}

interface HouseholdForm {
  buildingId?: number;
  entrance?: number;
  room?: string;
  address?: string;
  headName: string;
  size: number;
  phone?: string;
  tags: HouseholdTag[];
  freeTags: string[];
}

/** What a household is besides where it lives: for registering and for editing alike. */
function HouseholdFields({ phonePlaceholder }: { phonePlaceholder?: string }) {
  const { t, enumOptions } = useI18n();
  return (
    <>
      <Flex gap={8}>
        <Form.Item name="headName" label={t('grids.headName')} style={{ flex: 2 }} rules={[{ required: true, whitespace: true, message: t('grids.headNameRequired') }]}>
          <Input maxLength={30} data-testid="household-head" />
        </Form.Item>
        <Form.Item name="size" label={t('grids.size')} style={{ flex: 1 }}>
          <InputNumber min={1} max={30} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="phone" label={t('grids.phone')}>
        <Input maxLength={20} inputMode="tel" placeholder={phonePlaceholder} />
      </Form.Item>
      <Form.Item name="tags" label={t('grids.tags')}>
        <Select mode="multiple" options={enumOptions('HouseholdTag')} data-testid="household-tags" />
      </Form.Item>
      <Form.Item name="freeTags" label={t('grids.freeTags')}>
        <Select mode="tags" placeholder={t('grids.freeTagsPlaceholder')} open={false} />
      </Form.Item>
    </>
  );
}

function HouseholdsTab({ grid }: { grid: Grid }) {
  const { t, tx, enumOptions } = useI18n();
  const [tag, setTag] = useState<HouseholdTag | undefined>();
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<Household | null>(null);
  const households = useLoad(() => gridsApi.households({ gridId: grid.id, tag, q }), [grid.id, tag, q]);
  const buildings = useLoad(() => gridsApi.buildings(grid.id), [grid.id]);
  const list = useLocalPage(households.data?.items, `${grid.id}|${tag}|${q}`);
  const edit = (h: Household) =>
    h.actions.includes('edit') && (
      <Button size="small" onClick={() => setEditing(h)} data-testid="household-edit-button">
        {t('grids.editHousehold')}
      </Button>
    );
  const canRegister = grid.actions.includes('register');
  const where = (h: Household) => (h.buildingName ? `${tx(h.buildingName)} ${h.entrance}-${h.room}` : h.addressMasked);
  return (
    <>
      <Flex className="gj-toolbar" gap={8} wrap>
        <Select allowClear style={{ minWidth: 140 }} placeholder={t('grids.allTags')} value={tag} onChange={setTag} options={enumOptions('HouseholdTag')} data-testid="household-tag-filter" />
        <Input.Search allowClear style={{ maxWidth: 200 }} placeholder={t('grids.householdSearch')} onSearch={(v) => setQ(v.trim())} />
        <Button icon={<DownloadOutlined />} href={gridsApi.householdsExportUrl(grid.id)} data-testid="household-export">
          {t('grids.export')}
        </Button>
        {canRegister && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="household-import">
            {t('grids.import')}
          </Button>
        )}
        {canRegister && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="household-add">
            {t('grids.addHousehold')}
          </Button>
        )}
      </Flex>
      <DataTable<Household>
        testId="grid-households"
        rows={list.rows}
        total={list.total}
        loading={households.loading}
        rowKey={(h) => h.id}
        paging={list.paging}
        onPaging={list.setPaging}
        emptyText={t('grids.householdsEmpty')}
        columns={[
          { key: 'head', title: t('grids.headName'), render: (_, h) => <strong>{tx(h.headName)}</strong> },
          { key: 'where', title: t('grids.address'), render: (_, h) => where(h) },
          { key: 'size', title: t('grids.size'), render: (_, h) => h.size },
          { key: 'phone', title: t('grids.phone'), render: (_, h) => h.phoneMasked ?? t('common.none') },
          { key: 'tags', title: t('grids.tags'), render: (_, h) => <HouseholdTags h={h} /> },
          { key: 'visited', title: t('grids.lastVisited'), render: (_, h) => h.lastVisitedOn ?? t('grids.neverVisited') },
          { key: 'edit', title: t('common.actions'), render: (_, h) => edit(h) },
        ]}
        renderCard={(h) => (
          <div className="gj-card-row">
            <Typography.Text strong>{tx(h.headName)}</Typography.Text>
            <Typography.Text type="secondary">
              {where(h)} · {h.phoneMasked ?? ''} · {h.lastVisitedOn ?? t('grids.neverVisited')}
            </Typography.Text>
            <HouseholdTags h={h} />
            {edit(h)}
          </div>
        )}
      />
      {importing && (
        <ImportModal
          org={{ id: grid.id, name: grid.name }}
          onClose={() => setImporting(false)}
          ledger={{
            title: t('grids.importTitle', { name: tx(grid.name) }),
            upload: (content, mode) => gridsApi.importHouseholds(grid.id, content, mode),
            templateUrl: gridsApi.householdsTemplateUrl,
            fieldLabels: IMPORT_FIELDS,
            onApplied: households.reload,
          }}
        />
      )}
      {editing && (
        <FormModal<Omit<HouseholdForm, 'buildingId' | 'entrance' | 'room' | 'address'>>
          open
          title={`${t('grids.editHousehold')} · ${tx(editing.headName)}`}
          testId="household-edit"
          initialValues={{ headName: editing.headName, size: editing.size, tags: editing.tags, freeTags: editing.freeTags }}
          onClose={() => setEditing(null)}
          onSubmit={async (v) => {
            // The phone is shown masked: left empty, it stays as it is.
            await gridsApi.updateHousehold(editing.id, { ...v, phone: v.phone || undefined });
            households.reload();
          }}
        >
          <HouseholdFields phonePlaceholder={editing.phoneMasked ?? undefined} />
        </FormModal>
      )}
      {adding && (
        <FormModal<HouseholdForm>
          open
          title={t('grids.addHousehold')}
          testId="household-create"
          initialValues={{ size: 1, tags: [], freeTags: [] }}
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            await gridsApi.createHousehold({ ...v, gridId: grid.id, phone: v.phone || null, address: v.address || undefined });
            households.reload();
          }}
        >
          <Flex gap={8}>
            <Form.Item name="buildingId" label={t('grids.building')} style={{ flex: 2 }}>
              <Select allowClear options={(buildings.data ?? []).map((b) => ({ value: b.id, label: tx(b.name) }))} data-testid="household-building" />
            </Form.Item>
            <Form.Item name="entrance" label={t('grids.entrance')} style={{ flex: 1 }}>
              <InputNumber min={1} max={30} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="room" label={t('grids.room')} style={{ flex: 1 }}>
              <Input maxLength={10} />
            </Form.Item>
          </Flex>
          <Form.Item name="address" label={t('grids.address')} extra={t('grids.addressHint')}>
            <Input maxLength={100} />
          </Form.Item>
          <HouseholdFields />
        </FormModal>
      )}
    </>
  );
}

function RolesTab({ grid, canPlan }: { grid: Grid; canPlan: boolean }) {
  const { t, tx, enumLabel, enumOptions } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const [adding, setAdding] = useState(false);
  const roles = useLoad(() => gridsApi.roles(grid.id), [grid.id]);
  return (
    <>
      {canPlan && (
        <Flex className="gj-toolbar" justify="flex-end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="role-add">
            {t('grids.assignRole')}
          </Button>
        </Flex>
      )}
      <List
        data-testid="grid-roles"
        dataSource={roles.data ?? []}
        loading={roles.loading}
        locale={{ emptyText: t('grids.rolesEmpty') }}
        renderItem={(r) => (
          <List.Item
            actions={
              canPlan
                ? [
                    <Popconfirm
                      key="remove"
                      title={t('grids.removeConfirm', { name: tx(r.personName), role: enumLabel('GridRole', r.role) })}
                      okText={t('common.ok')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => gridsApi.removeRole(r.id).then(() => {
                        void message.success(t('common.saved'));
                        roles.reload();
                      }, onError)}
                    >
                      <Button size="small" danger>
                        {t('grids.removeRole')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Tag color={colorOf('GridRole', r.role)}>{enumLabel('GridRole', r.role)}</Tag>
            {tx(r.personName)}
          </List.Item>
        )}
      />
      {adding && (
        <FormModal<{ personId: number; role: GridRole }>
          open
          title={t('grids.assignRole')}
          testId="role-create"
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            await gridsApi.assignRole(grid.id, v);
            roles.reload();
          }}
        >
          <Form.Item name="role" label={t('grids.role')} rules={[{ required: true, message: t('grids.roleRequired') }]}>
            <Select options={enumOptions('GridRole')} />
          </Form.Item>
          <Form.Item name="personId" label={t('grids.person')} rules={[{ required: true, message: t('grids.personRequired') }]}>
            <PersonSelect />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

function BooksTab({ grid }: { grid: Grid }) {
  const { t, tx, enumOptions, enumLabel } = useI18n();
  const [book, setBook] = useState<Book>('suggestions');
  const [adding, setAdding] = useState(false);
  const entries = useLoad(() => gridsApi.book(grid.id, book), [grid.id, book]);
  return (
    <>
      <Flex className="gj-toolbar" gap={8} justify="space-between" wrap>
        <Select<Book> value={book} onChange={setBook} options={enumOptions('GridBook')} style={{ minWidth: 140 }} />
        {grid.actions.includes('register') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="book-add">
          {t('grids.addEntry')}
        </Button>
        )}
      </Flex>
      <List
        dataSource={entries.data ?? []}
        loading={entries.loading}
        locale={{ emptyText: t('grids.bookEmpty') }}
        renderItem={(e) => (
          <List.Item>
            <List.Item.Meta title={`${e.enteredOn} ${tx(e.title)}`} description={[tx(e.content), tx(e.personName)].filter(Boolean).join(' · ')} />
          </List.Item>
        )}
      />
      {adding && (
        <FormModal<{ enteredOn: string; title: string; content?: string; personName?: string }>
          open
          title={enumLabel('GridBook', book)}
          testId="book-create"
          initialValues={{ enteredOn: today() }}
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            await gridsApi.addBookEntry(grid.id, { book, enteredOn: v.enteredOn, title: v.title, content: v.content || null, personName: v.personName || null });
            entries.reload();
          }}
        >
          <Form.Item name="enteredOn" label={t('grids.entryDate')} rules={[{ required: true, message: t('common.dateRequired') }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="title" label={t('grids.entryTitle')} rules={[{ required: true, whitespace: true, message: t('grids.entryTitleRequired') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="content" label={t('grids.entryContent')}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="personName" label={t('grids.entryPerson')}>
            <Input maxLength={50} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** Resident units brought into the grid (they show on the grid map). */
function UnitsTab({ grid, canPlan }: { grid: Grid; canPlan: boolean }) {
  const { t, tx } = useI18n();
  const onError = useApiError();
  const [unitId, setUnitId] = useState<number | undefined>();
  const units = useLoad(() => gridsApi.units(grid.id), [grid.id]);
  const add = () => unitId !== undefined && gridsApi.addUnit(grid.id, unitId).then(() => {
    setUnitId(undefined);
    units.reload();
  }, onError);
  return (
    <>
      {canPlan && (
        <Flex className="gj-toolbar" gap={8}>
          <div style={{ flex: 1, maxWidth: 360 }}>
            <UnitSelect value={unitId} onChange={setUnitId} data-testid="grid-unit-select" />
          </div>
          <Button type="primary" icon={<PlusOutlined />} disabled={unitId === undefined} onClick={() => void add()}>
            {t('grids.addUnit')}
          </Button>
        </Flex>
      )}
      <List dataSource={units.data ?? []} loading={units.loading} locale={{ emptyText: t('grids.unitsEmpty') }} renderItem={(u) => <List.Item>{tx(u.unitName)}</List.Item>} />
    </>
  );
}

function CardsTab({ grid }: { grid: Grid }) {
  const { t, enumLabel } = useI18n();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('grids.cardsHint')}</Typography.Paragraph>
      <Flex gap={8} wrap>
        {valuesOf('GridCard').map((k) => (
          <Button key={k} icon={<PrinterOutlined />} href={gridsApi.cardUrl(grid.id, k)} target="_blank" data-testid={`card-${k}`}>
            {enumLabel('GridCard', k)}
          </Button>
        ))}
      </Flex>
    </>
  );
}

/** One grid: its buildings, households, people answerable, posts, books, cards and diary. */
export function GridDrawer({ grid: initial, onClose, onChanged }: { grid: Grid; onClose: () => void; onChanged: () => void }) {
  const { t, tx } = useI18n();
  const isPhone = useIsPhone();
  const [grid, setGrid] = useState(initial);
  const canPlan = grid.actions.includes('edit');
  const [editing, setEditing] = useState(false);
  return (
    <Drawer
      open
      onClose={onClose}
      title={`${tx(grid.name)}${grid.theme ? ` · ${tx(grid.theme)}` : ''}`}
      extra={canPlan && <Button onClick={() => setEditing(true)} data-testid="grid-edit">{t('grids.editGrid')}</Button>}
      size={isPhone ? '100%' : 880}
      data-testid="grid-drawer"
    >
      {editing && (
        <FormModal<{ name: string; theme?: string; branchId?: number }>
          open
          title={t('grids.editGrid')}
          testId="grid-update"
          initialValues={{ name: grid.name, theme: grid.theme ?? undefined, branchId: grid.branchId ?? undefined }}
          onClose={() => setEditing(false)}
          onSubmit={async (v) => {
            // Linking a branch moves the grid's households and visits to it: its grid workers see them from now on.
            setGrid(await gridsApi.update(grid.id, { name: v.name, theme: v.theme || null, branchId: v.branchId ?? null }));
            onChanged();
          }}
        >
          <Form.Item name="name" label={t('grids.name')} rules={[{ required: true, whitespace: true, message: t('grids.nameRequired') }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="theme" label={t('grids.theme')}>
            <Input maxLength={20} placeholder={t('grids.themePlaceholder')} />
          </Form.Item>
          <Form.Item name="branchId" label={t('grids.branch')} extra={t('grids.branchHint')}>
            <OrgTreeSelect allowClear />
          </Form.Item>
        </FormModal>
      )}
      <Typography.Paragraph type="secondary">
        {tx(grid.branchName) || t('grids.noBranch')} · {t('grids.responsible')}：{tx(grid.responsibleName) || t('common.none')} · {t('grids.secretary')}：
        {tx(grid.secretaryName) || t('common.none')}
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'households', label: t('grids.tab.households'), children: <HouseholdsTab grid={grid} /> },
          { key: 'buildings', label: t('grids.tab.buildings'), children: <BuildingsTab grid={grid} canPlan={canPlan} /> },
          { key: 'roles', label: t('grids.tab.roles'), children: <RolesTab grid={grid} canPlan={canPlan} /> },
          { key: 'posts', label: t('grids.tab.posts'), children: <GridPosts gridId={grid.id} /> },
          { key: 'units', label: t('grids.tab.units'), children: <UnitsTab grid={grid} canPlan={canPlan} /> },
          { key: 'books', label: t('grids.tab.books'), children: <BooksTab grid={grid} /> },
          { key: 'cards', label: t('grids.tab.cards'), children: <CardsTab grid={grid} /> },
          { key: 'diary', label: t('grids.tab.diary'), children: <VisitList gridId={grid.id} /> },
        ]}
      />
    </Drawer>
  );
}
