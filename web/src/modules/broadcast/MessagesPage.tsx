import { Badge, Button, Card, Empty, Flex, List, Segmented, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useApiError } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import { broadcastApi, type Message } from './api';
import { announceUnread } from './MessagesBell';

const PAGE_SIZE = 20;

/**
 * 消息中心: what happened that concerns the reader, newest first. Opening a
 * message marks it read; "all read" marks everything up to now. Nothing here
 * is counted against anyone: the red dot is the reader's own.
 */
export function MessagesPage() {
  const { t, tx, enumLabel, formatDateTime } = useI18n();
  const onError = useApiError();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [items, setItems] = useState<Message[]>([]);
  const [total, setTotal] = useState(0);
  const [unread, setUnread] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async (nextPage: number, replace: boolean) => {
    setLoading(true);
    try {
      const r = await broadcastApi.messages({ page: nextPage, pageSize: PAGE_SIZE, ...(unreadOnly ? { unread: 'true' as const } : {}) });
      setItems((had) => (replace ? r.items : [...had, ...r.items.filter((m) => !had.some((h) => h.id === m.id))]));
      setTotal(r.total);
      setUnread(r.unread);
      announceUnread(r.unread);
      setPage(nextPage);
    } catch (err) {
      onError(err);
    } finally {
      setLoading(false);
    }
  }, [unreadOnly, onError]);
  useEffect(() => void load(1, true), [load]);

  const settle = (n: number) => {
    setUnread(n);
    announceUnread(n);
  };
  const open = async (m: Message) => {
    if (m.read) return;
    try {
      settle((await broadcastApi.markRead({ eventIds: [m.id] })).unread);
      setItems((had) => had.map((h) => (h.id === m.id ? { ...h, read: true } : h)));
    } catch (err) {
      onError(err);
    }
  };
  const allRead = async () => {
    try {
      settle((await broadcastApi.markRead({ all: true })).unread);
      setItems((had) => (unreadOnly ? [] : had.map((h) => ({ ...h, read: true }))));
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Card
      title={<Flex align="center" gap={8} wrap><span>{t('broadcast.messagesTitle')}</span><Badge count={unread} overflowCount={99} data-testid="messages-unread" /></Flex>}
      extra={<Button onClick={() => void allRead()} disabled={unread === 0} data-testid="messages-all-read">{t('broadcast.allRead')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('broadcast.messagesHint')}</Typography.Paragraph>
      <Segmented<'all' | 'unread'> value={unreadOnly ? 'unread' : 'all'} onChange={(v) => setUnreadOnly(v === 'unread')} data-testid="messages-filter"
        options={[{ value: 'all', label: t('broadcast.messagesMenu') }, { value: 'unread', label: t('broadcast.unreadOnly') }]} style={{ marginBottom: 12 }} />
      <List<Message>
        loading={loading && items.length === 0}
        dataSource={items}
        data-testid="messages-list"
        locale={{ emptyText: <Empty description={unreadOnly ? t('broadcast.noUnread') : t('broadcast.noMessages')} /> }}
        renderItem={(m) => (
          <List.Item
            key={m.id}
            onClick={() => void open(m)}
            className={m.read ? 'gj-message' : 'gj-message gj-message-unread'}
            data-testid="message"
            data-read={m.read ? 'true' : 'false'}
            style={{ cursor: m.read ? 'default' : 'pointer', minHeight: 44 }}
          >
            <List.Item.Meta
              avatar={<Badge dot={!m.read} aria-hidden><Tag color={colorOf('EventKind', m.kind)}>{enumLabel('EventKind', m.kind)}</Tag></Badge>}
              title={<Typography.Text strong={!m.read}>{tx(m.title)}</Typography.Text>}
              description={[tx(m.orgName), formatDateTime(m.at)].filter(Boolean).join(' · ')}
            />
          </List.Item>
        )}
      />
      {items.length < total && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void load(page + 1, false)} loading={loading} data-testid="messages-more">{t('broadcast.more')}</Button>
        </Flex>
      )}
    </Card>
  );
}
