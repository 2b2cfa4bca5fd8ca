import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../kernel/i18n';

/** Where a check-in code leads: this site's own check-in page, with its activity and token. */
export function checkInTarget(text: string, origin: string): string | null {
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  if (url.origin !== origin || url.pathname !== '/my-service') return null;
  const checkin = url.searchParams.get('checkin');
  const token = url.searchParams.get('token');
  if (!checkin || !/^\d+$/.test(checkin) || !token) return null;
  return `/my-service?${new URLSearchParams({ checkin, token }).toString()}`;
}

/** The text of the first QR code in a photo, read in the browser (jsQR, loaded only here). */
async function readCode(file: File): Promise<string | null> {
  const { default: jsQR } = await import('jsqr');
  const bitmap = await createImageBitmap(file);
  // A phone photo is large; a code fills much of it, so a smaller copy reads as well and faster.
  const scale = Math.min(1, 1200 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  g.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const pixels = g.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(pixels.data, pixels.width, pixels.height)?.data ?? null;
}

/**
 * 扫码签到: the phone's camera takes the organizer's rotating code, the page
 * reads it and opens the check-in it holds. A code of anything else is
 * refused here, never followed: a QR code can lead anywhere.
 */
export function ScanPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'reading' | 'none' | 'foreign'>('idle');

  const read = async (file: File | undefined) => {
    if (!file) return;
    setState('reading');
    try {
      const text = await readCode(file);
      if (text === null) return setState('none');
      const target = checkInTarget(text, window.location.origin);
      if (!target) return setState('foreign');
      navigate(target);
    } catch {
      setState('none');
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Card title={t('activities.scanTitle')} data-testid="scan-page">
      <Flex vertical gap={12} align="stretch">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('activities.scanHelp')}</Typography.Paragraph>
        <input ref={input} type="file" accept="image/*" capture="environment" hidden data-testid="scan-input"
          aria-label={t('activities.scanButton')} onChange={(e) => void read(e.target.files?.[0])} />
        <Button type="primary" size="large" icon={<CameraOutlined />} loading={state === 'reading'} onClick={() => input.current?.click()} data-testid="scan-button">
          {t('activities.scanButton')}
        </Button>
        {state === 'none' && <Alert type="warning" showIcon title={t('activities.scanNone')} data-testid="scan-none" />}
        {state === 'foreign' && <Alert type="error" showIcon title={t('activities.scanForeign')} data-testid="scan-foreign" />}
      </Flex>
    </Card>
  );
}
