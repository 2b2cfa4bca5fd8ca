import { App, Button, Card, Empty, Popconfirm, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { postsApi, type Post } from './api';
import { PostCard } from './PostCard';
import { WorkDrawer } from './PostsPage';

/**
 * 认岗 for members, on a phone first: the open posts of their community, each
 * with a claim button when the server says they may claim it, and the posts
 * they claimed or hold, with the work counted under them; a holder records
 * their own work there when the post's actions offer it.
 */
export function MyPostsPage() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const board = useLoad(() => postsApi.board(), []);
  const mine = useLoad(() => postsApi.mine(), []);
  const [workOf, setWorkOf] = useState<Post | null>(null);
  const claim = async (p: Post) => {
    try {
      await postsApi.claim(p.id);
      void message.success(t('posts.claimed'));
    } catch (err) {
      onError(err);
    }
    board.reload();
    mine.reload();
  };

  const cards = (posts: Post[] | undefined, loading: boolean, empty: string, testId: string, claimable: boolean) => (
    <Spin spinning={loading}>
      {posts?.length ? (
        <div className="gj-cards" data-testid={testId}>
          {posts.map((p) => (
            <PostCard key={p.id} post={p} holders={claimable ? undefined : () => null}>
              {p.actions.includes('claim') && (
                <Popconfirm title={t('posts.claimConfirm', { name: tx(p.name) })} onConfirm={() => claim(p)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                  <Button type="primary" size="large" block data-testid="post-claim">
                    {t('posts.action.claim')}
                  </Button>
                </Popconfirm>
              )}
              {p.actions.includes('recordWork') && (
                <Button size="large" block onClick={() => setWorkOf(p)} data-testid="post-my-work">
                  {t('posts.work')}
                </Button>
              )}
            </PostCard>
          ))}
        </div>
      ) : (
        <Empty description={empty} className="gj-empty" />
      )}
    </Spin>
  );

  return (
    <Card className="gj-page-card">
      <Tabs
        items={[
          { key: 'board', label: <span data-testid="posts-tab-board">{t('posts.board')}</span>, children: cards(board.data, board.loading, t('posts.boardEmpty'), 'posts-board', true) },
          { key: 'mine', label: <span data-testid="posts-tab-mine">{t('posts.mine')}</span>, children: cards(mine.data, mine.loading, t('posts.mineEmpty'), 'posts-mine', false) },
        ]}
      />
      {workOf && <WorkDrawer own post={workOf} onClose={() => setWorkOf(null)} onChanged={mine.reload} />}
    </Card>
  );
}
