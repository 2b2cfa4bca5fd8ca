import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import type { Post, Seat } from './api';

/** A post as a card: what it is, where, its seats and the work counted under it; the caller's buttons below. */
export function PostCard({ post, children, holders }: { post: Post; children?: ReactNode; holders?: (s: Seat) => ReactNode }) {
  const { t, tx, enumLabel } = useI18n();
  const left = post.seats - post.taken;
  return (
    <Card size="small" data-testid="post-card" data-post={post.id}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text strong>{tx(post.name)}</Typography.Text>
          <span>
            <Tag>{enumLabel('PostKind', post.kind)}</Tag>
            <Tag color={colorOf('PostStatus', post.status)}>{enumLabel('PostStatus', post.status)}</Tag>
          </span>
        </Flex>
        {post.duty && <Typography.Paragraph style={{ margin: 0 }}>{tx(post.duty)}</Typography.Paragraph>}
        <Typography.Text type="secondary">
          {tx(post.orgName)} · {left > 0 ? t('posts.seatsLeft', { n: left }) : t('posts.full')} ({post.taken}/{post.seats})
        </Typography.Text>
        {post.figures.records > 0 && (
          <Typography.Text data-testid="post-figures">
            {t('posts.figures', { records: post.figures.records, settled: post.figures.disputesSettled, needs: post.figures.needs, logs: post.figures.serviceLogs })}
          </Typography.Text>
        )}
        {holders && post.holders.length > 0 && (
          <Flex vertical gap={4} data-testid="post-holders">
            {post.holders.map((s) => (
              <Flex key={s.id} justify="space-between" align="center" gap={8} wrap data-testid="post-seat">
                <span>
                  {tx(s.personName)} <Tag color={colorOf('PostSeatStatus', s.status)}>{enumLabel('PostSeatStatus', s.status)}</Tag>
                  {s.figures.disputesSettled > 0 && <Typography.Text type="secondary">{t('posts.disputesSettled')} {s.figures.disputesSettled}</Typography.Text>}
                </span>
                {holders(s)}
              </Flex>
            ))}
          </Flex>
        )}
        {children}
      </Flex>
    </Card>
  );
}
