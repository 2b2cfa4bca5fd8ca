import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { App, Button, Card, DatePicker, Drawer, Empty, Flex, Form, Input, InputNumber, List, Select, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiError, useLoad } from '../../kernel/hooks';
import { FormModal } from '../../kernel/FormModal';
import { useI18n } from '../../kernel/i18n';
import { today } from '../../kernel/time';
import { FilterTags, useUrlFilters } from '../../kernel/urlFilters';
import { colorOf } from '../../kernel/vocabulary';
import { gridsApi } from '../grids/api';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { PersonSelect } from '../orgs/pickers';
import { postsApi, type NewPost, type NewWork, type Post, type PostQuery, type Seat } from './api';
import { PostCard } from './PostCard';

/**
 * 设岗定责 for staff: publish posts, approve claims, assign and release seats,
 * record work and read its counts. Kind, status and one post (`?postId=`, the
 * link from a member's evaluation figures) are read from the address and shown
 * as removable filters.
 */
export function PostsPage() {
  const { t, tx, enumLabel, enumOptions } = useI18n();
  const [orgId, setOrgId] = useState<number>();
  const url = useUrlFilters(['postId', 'kind', 'status'] as const, ['postId']);
  const query: PostQuery = { orgId, kind: url.filters.kind as PostQuery['kind'], status: url.filters.status as PostQuery['status'] };
  const postId = url.num('postId');
  const posts = useLoad(() => (postId === undefined ? postsApi.list(query) : postsApi.get(postId).then((p) => [p])), [orgId, query.kind, query.status, postId]);
  const [publishing, setPublishing] = useState(false);
  const one = postId === undefined ? undefined : posts.data?.find((p) => p.id === postId);
  const tags = [
    ...(postId !== undefined ? [{ key: 'postId', label: `${t('posts.name')}：${one ? tx(one.name) : `#${postId}`}` }] : []),
    ...(query.kind ? [{ key: 'kind', label: `${t('posts.kind')}：${enumLabel('PostKind', query.kind)}` }] : []),
    ...(query.status ? [{ key: 'status', label: `${t('posts.status')}：${enumLabel('PostStatus', query.status)}` }] : []),
  ];
  return (
    <Card className="gj-page-card">
      <Flex className="gj-toolbar" gap={8} wrap>
        <span className="gj-toolbar-search">
          <OrgTreeSelect allowClear onChange={setOrgId} data-testid="posts-org" />
        </span>
        <Select allowClear className="gj-toolbar-select" placeholder={t('posts.kind')} options={enumOptions('PostKind')} value={query.kind} onChange={(kind) => url.set('kind', kind)} />
        <Select allowClear className="gj-toolbar-select" placeholder={t('posts.status')} options={enumOptions('PostStatus')} value={query.status} onChange={(status) => url.set('status', status)} />
        <span className="gj-toolbar-spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)} data-testid="post-publish">
          {t('posts.publish')}
        </Button>
      </Flex>
      <FilterTags tags={tags} onRemove={(k) => url.set(k as 'postId' | 'kind' | 'status', undefined)} />
      <PostList posts={posts.data} loading={posts.loading} onChanged={posts.reload} />
      {publishing && <PublishModal onClose={() => setPublishing(false)} onDone={posts.reload} />}
    </Card>
  );
}

/** Posts with the caller's buttons (from each post's and seat's `actions`): the staff page and a grid's tab. */
export function PostList({ posts, loading, onChanged }: { posts: Post[] | undefined; loading: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const [assigning, setAssigning] = useState<Post | null>(null);
  const [editing, setEditing] = useState<Post | null>(null);
  const [workOf, setWorkOf] = useState<Post | null>(null);
  const seatStep = async (s: Seat, step: Seat['actions'][number]) => {
    try {
      await postsApi.seatStep(s.id, step);
      void message.success(t('posts.done'));
      onChanged();
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Spin spinning={loading}>
      {posts?.length ? (
        <div className="gj-cards" data-testid="posts-list">
          {posts.map((p) => (
            <PostCard
              key={p.id}
              post={p}
              holders={(s) => (
                <Flex gap={4}>
                  {s.actions.map((a) => (
                    <Button key={a} size="small" type={a === 'approve' ? 'primary' : 'default'} onClick={() => seatStep(s, a)} data-testid={`seat-${a}`}>
                      {t(`posts.action.${a}`)}
                    </Button>
                  ))}
                </Flex>
              )}
            >
              <Flex gap={8} wrap>
                {p.actions.includes('assign') && <Button onClick={() => setAssigning(p)} data-testid="post-assign">{t('posts.action.assign')}</Button>}
                {p.actions.includes('edit') && <Button onClick={() => setEditing(p)} data-testid="post-edit">{t('posts.action.edit')}</Button>}
                <Button onClick={() => setWorkOf(p)} data-testid="post-work">{t('posts.work')}</Button>
              </Flex>
            </PostCard>
          ))}
        </div>
      ) : (
        <Empty description={t('posts.empty')} className="gj-empty" />
      )}
      {assigning && (
        <FormModal<{ personId: number }>
          open
          title={`${t('posts.action.assign')} · ${assigning.name}`}
          testId="post-assign-form"
          onClose={() => setAssigning(null)}
          onSubmit={async (v) => {
            await postsApi.assign(assigning.id, v.personId);
            onChanged();
          }}
        >
          <Form.Item name="personId" label={t('posts.person')} rules={[{ required: true, message: t('posts.personRequired') }]}>
            <PersonSelect />
          </Form.Item>
        </FormModal>
      )}
      {editing && (
        <FormModal<{ name: string; duty?: string; seats: number; status: Post['status'] }>
          open
          title={`${t('posts.action.edit')} · ${editing.name}`}
          testId="post-edit-form"
          initialValues={{ name: editing.name, duty: editing.duty ?? undefined, seats: editing.seats, status: editing.status }}
          onClose={() => setEditing(null)}
          onSubmit={async (v) => {
            await postsApi.update(editing.id, { ...v, duty: v.duty || null });
            onChanged();
          }}
        >
          <PostFields />
          <Form.Item name="status" label={t('posts.status')}>
            <StatusSelect />
          </Form.Item>
        </FormModal>
      )}
      {workOf && <WorkDrawer post={workOf} onClose={() => setWorkOf(null)} onChanged={onChanged} />}
    </Spin>
  );
}

function StatusSelect(props: { value?: Post['status']; onChange?: (v: Post['status']) => void }) {
  const { enumOptions } = useI18n();
  return <Select {...props} options={enumOptions('PostStatus')} />;
}

function PostFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="name" label={t('posts.name')} rules={[{ required: true, whitespace: true, message: t('posts.nameRequired') }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="duty" label={t('posts.duty')}>
        <Input.TextArea maxLength={200} autoSize />
      </Form.Item>
      <Form.Item name="seats" label={t('posts.seats')} rules={[{ required: true }]}>
        <InputNumber min={1} max={200} precision={0} />
      </Form.Item>
    </>
  );
}

function PublishModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t, tx, enumOptions } = useI18n();
  const grids = useLoad(() => gridsApi.list(), []);
  return (
    <FormModal<NewPost>
      open
      title={t('posts.publish')}
      testId="post-create"
      initialValues={{ seats: 1, kind: 'patrol' }}
      onClose={onClose}
      onSubmit={async (v) => {
        await postsApi.create({ ...v, duty: v.duty || null });
        onDone();
      }}
    >
      <Form.Item name="orgId" label={t('posts.community')} extra={t('posts.communityHint')}>
        <OrgTreeSelect allowClear data-testid="post-create-org" />
      </Form.Item>
      <Form.Item name="gridId" label={t('posts.grid')}>
        <Select allowClear options={(grids.data ?? []).map((g) => ({ value: g.id, label: tx(g.name) }))} />
      </Form.Item>
      <Form.Item name="kind" label={t('posts.kind')} rules={[{ required: true }]}>
        <Select options={enumOptions('PostKind')} />
      </Form.Item>
      <PostFields />
    </FormModal>
  );
}

/**
 * A post's work records, and the form that adds one (an entry, or a handled
 * need or service log of the holder). `own`: the holder records their own
 * work (my posts, on a phone), so the form does not ask whose.
 */
export function WorkDrawer({ post, onClose, onChanged, own = false }: { post: Post; onClose: () => void; onChanged: () => void; own?: boolean }) {
  const { t, tx, enumLabel, enumOptions } = useI18n();
  const detail = useLoad(() => postsApi.get(post.id), [post.id]);
  const [adding, setAdding] = useState(false);
  const holders = post.holders.filter((h) => h.status === 'active');
  return (
    <Drawer open onClose={onClose} title={`${tx(post.name)} · ${t('posts.work')}`} width="min(560px, 100vw)" data-testid="post-work-drawer">
      {post.actions.includes('recordWork') && (
        <Flex className="gj-toolbar" justify="flex-end">
          <Button type="primary" size={own ? 'large' : 'middle'} block={own} icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="post-record-work">
            {t('posts.action.recordWork')}
          </Button>
        </Flex>
      )}
      <List
        loading={detail.loading}
        dataSource={detail.data?.work ?? []}
        locale={{ emptyText: t('posts.workEmpty') }}
        renderItem={(w) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  {w.doneOn} {enumLabel('PostWorkKind', w.kind)} · {tx(w.personName)}{' '}
                  {w.outcome && <Tag color={colorOf('DisputeOutcome', w.outcome)}>{enumLabel('DisputeOutcome', w.outcome)}</Tag>}
                </span>
              }
              description={[w.parties ? `${t('posts.parties')} ${w.parties}` : null, tx(w.note), w.linked ? `${t('posts.linked')}：${tx(w.linked)}` : null].filter(Boolean).join(' · ')}
            />
          </List.Item>
        )}
      />
      {adding && (
        <FormModal<Omit<NewWork, 'doneOn'> & { doneOn?: { format: (f: string) => string } }>
          open
          title={t('posts.action.recordWork')}
          testId="post-work-form"
          initialValues={{ personId: own ? undefined : holders[0]?.personId, kind: post.kind === 'mediator' ? 'dispute' : 'other', doneOn: own ? dayjs(today()) : undefined }}
          onClose={() => setAdding(false)}
          onSubmit={async ({ doneOn, ...v }) => {
            await postsApi.recordWork(post.id, { ...v, doneOn: doneOn?.format('YYYY-MM-DD') });
            detail.reload();
            onChanged();
          }}
        >
          {!own && (
            <Form.Item name="personId" label={t('posts.person')} rules={[{ required: true, message: t('posts.personRequired') }]}>
              <Select options={holders.map((h) => ({ value: h.personId, label: tx(h.personName) }))} />
            </Form.Item>
          )}
          <Form.Item name="kind" label={t('posts.workKind')} rules={[{ required: true }]}>
            <Select options={enumOptions('PostWorkKind')} />
          </Form.Item>
          <Form.Item name="doneOn" label={t('posts.doneOn')} extra={t('posts.linkHint')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="parties" label={t('posts.parties')}>
            <InputNumber min={2} max={99} precision={0} />
          </Form.Item>
          <Form.Item name="outcome" label={t('posts.outcome')}>
            <Select allowClear options={enumOptions('DisputeOutcome')} />
          </Form.Item>
          <Form.Item name="note" label={t('posts.note')}>
            <Input.TextArea maxLength={300} autoSize />
          </Form.Item>
          <Form.Item name="needId" label={t('posts.needId')}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
          <Form.Item name="serviceLogId" label={t('posts.serviceLogId')}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
        </FormModal>
      )}
    </Drawer>
  );
}

/** A grid's posts in its drawer: the same list, filtered by the grid. */
export function GridPosts({ gridId }: { gridId: number }) {
  const { t } = useI18n();
  const posts = useLoad(() => postsApi.list({ gridId }), [gridId]);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('posts.manageHint')}</Typography.Paragraph>
      <PostList posts={posts.data} loading={posts.loading} onChanged={posts.reload} />
    </>
  );
}
