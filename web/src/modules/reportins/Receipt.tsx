import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal, Typography } from 'antd';
import { useI18n } from '../../kernel/i18n';
import type { ReportIn } from './api';

/**
 * The receipt the community returns to the unit (回执), on screen and on
 * paper: printing shows only the sheet (index.html, .gj-print-sheet), and the
 * browser's print dialog also saves it as a PDF to send.
 */
export function Receipt({ reportIn, onClose }: { reportIn: ReportIn; onClose: () => void }) {
  const { t, tx } = useI18n();
  return (
    <Modal
      open
      onCancel={onClose}
      title={t('reportins.printReceipt')}
      footer={
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="receipt-print">
          {t('reportins.printReceipt')}
        </Button>
      }
    >
      <div className="gj-print-sheet" data-testid="receipt">
        <Typography.Title level={4} style={{ textAlign: 'center' }}>
          {t('reportins.receiptTitle')}
        </Typography.Title>
        <p style={{ textAlign: 'right' }}>
          {t('reportins.receiptNo')}：<span data-testid="receipt-no">{reportIn.receiptNo}</span>
        </p>
        <p>
          {t('reportins.receiptBody', {
            unit: tx(reportIn.unitName),
            name: tx(reportIn.personName),
            community: tx(reportIn.orgName),
            date: reportIn.decidedOn ?? '',
          })}
        </p>
        <p style={{ textAlign: 'right', marginTop: 48 }}>
          {tx(reportIn.orgName)}
          <br />
          {reportIn.decidedOn}
        </p>
      </div>
    </Modal>
  );
}
