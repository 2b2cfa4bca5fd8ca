import { App, Button, Card, Empty, Input, Modal, Spin, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import { homestudyApi, type StudyDelivery } from './api';

/** 送学上门 on the deliverer's phone: the study to take to each member's home, recorded with one tap once delivered. */
export function MyDeliveriesPage() {
  const { t, tx, enumLabel, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const deliveries = useLoad(() => homestudyApi.mine(), []);
  const [recording, setRecording] = useState<StudyDelivery | null>(null);
  const [note, setNote] = useState('');

  const deliver = async (d: StudyDelivery) => {
    try {
      await homestudyApi.deliver(d.id, { note: note.trim() || null });
      void message.success(t('homestudy.done'));
      setRecording(null);
      setNote('');
      deliveries.reload();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Card className="gj-page-card">
      <Typography.Paragraph type="secondary">{t('homestudy.intro')}</Typography.Paragraph>
      <Spin spinning={deliveries.loading}>
        {deliveries.data?.items.length ? (
          <div className="gj-cards" data-testid="my-deliveries">
            {deliveries.data.items.map((d) => (
              <Card key={d.id} size="small" data-testid="delivery-card" title={t('homestudy.to', { name: tx(d.personName) })}
                extra={<Tag color={colorOf('StudyDeliveryStatus', d.status)}>{enumLabel('StudyDeliveryStatus', d.status)}</Tag>}>
                <div>{t('homestudy.study', { title: tx(d.activityTitle) })}</div>
                <Typography.Text type="secondary">
                  {d.deliveredAt ? t('homestudy.deliveredAt', { at: formatDateTime(d.deliveredAt) }) : t('homestudy.due', { date: d.dueOn })}
                </Typography.Text>
                {d.note && <Typography.Paragraph>{tx(d.note)}</Typography.Paragraph>}
                {d.actions.includes('deliver') && (
                  <Button size="large" block type="primary" style={{ marginTop: 8 }} data-testid="delivery-deliver" onClick={() => setRecording(d)}>
                    {t('homestudy.deliver')}
                  </Button>
                )}
              </Card>
            ))}
          </div>
        ) : (
          <Empty description={t('homestudy.none')} className="gj-empty" />
        )}
      </Spin>
      <Modal
        open={recording !== null}
        title={t('homestudy.deliver')}
        onCancel={() => setRecording(null)}
        onOk={() => recording && deliver(recording)}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ size: 'large', 'data-testid': 'delivery-submit' } as ButtonProps}
      >
        <Input.TextArea rows={3} maxLength={500} placeholder={t('homestudy.note')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="delivery-note" />
      </Modal>
    </Card>
  );
}
