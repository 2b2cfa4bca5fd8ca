import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../kernel/i18n';
import { broadcastApi } from './api';

/** How often the bell asks while the page stays open. */
const EVERY_MS = 60_000;
const listeners = new Set<(n: number) => void>();

/** The message centre tells the bell what it now knows, so both show the same count at once. */
export function announceUnread(n: number): void {
  for (const listener of listeners) listener(n);
}

/** The header's bell: the reader's unread messages, asked on each page change and every minute; opens the message centre. */
export function MessagesBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    listeners.add(setUnread);
    return () => void listeners.delete(setUnread);
  }, []);
  useEffect(() => {
    let live = true;
    // A failed count leaves the last one shown: the bell is a hint, never an error to the reader.
    const ask = () => broadcastApi.unread().then((r) => live && setUnread(r.unread), () => undefined);
    void ask();
    const timer = setInterval(() => void ask(), EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [pathname]);
  return (
    <Button type="text" className="gj-header-button" onClick={() => navigate('/messages')} data-testid="messages-bell"
      aria-label={unread ? t('broadcast.unreadLabel', { n: unread >= 100 ? '99+' : unread }) : t('broadcast.messagesTitle')}>
      <Badge count={unread} overflowCount={99} size="small" data-testid="messages-bell-count">
        <BellOutlined style={{ fontSize: 18, color: 'inherit' }} />
      </Badge>
    </Button>
  );
}
