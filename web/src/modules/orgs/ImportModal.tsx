import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Result, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { useApiError, useIsPhone } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import type { MessageKey } from '../../messages';
import { orgsApi, type ImportMode, type ImportReport } from './api';
import { useOrgTree } from './tree';

// The report names a column by its key; the user knows it by the template's header.
const FIELD_LABELS: Record<string, MessageKey> = {
  parent: 'org.parent',
  name: 'org.name',
  kind: 'org.kind',
  foundedOn: 'org.foundedOn',
  contactPhone: 'org.contactPhone',
  address: 'org.address',
  secretary: 'org.secretary',
};

export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data URL is "data:<type>;base64,<content>"; the API takes the content only.
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Another ledger than the organizations' (the resources list): where the sheet goes, its template, its columns. */
export interface Ledger {
  title: string;
  upload: (content: string, mode: ImportMode) => Promise<ImportReport>;
  templateUrl: string;
  fieldLabels: Record<string, MessageKey>;
  onApplied: () => void;
}

/**
 * Excel import in two steps: the server checks the sheet and reports every
 * bad cell; only then does the user choose to import all rows (when none is
 * wrong) or only the correct ones.
 */
export function ImportModal({ org, onClose, ledger }: { org: { id: number; name: string }; onClose: () => void; ledger?: Ledger }) {
  const { t, tx } = useI18n();
  const onError = useApiError();
  const isPhone = useIsPhone();
  const store = useOrgTree();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (content: string, mode: ImportMode) => {
    setBusy(true);
    try {
      const result = await (ledger ? ledger.upload(content, mode) : orgsApi.import(org.id, content, mode));
      setReport(result);
      if (result.applied && ledger) ledger.onApplied();
      else if (result.applied) {
        await store.refresh([org.id]);
        store.setExpandedKeys([...new Set([...store.expandedKeys, String(org.id)])]);
      }
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  const pick = async (picked: File) => {
    const content = await readBase64(picked);
    setFile({ name: picked.name, content });
    setReport(null);
    await run(content, 'check');
  };

  const fieldLabel = (field: string) => {
    const key = (ledger?.fieldLabels ?? FIELD_LABELS)[field];
    return key ? t(key) : tx(field);
  };
  const applied = report?.applied;
  const footer = applied ? (
    <Button type="primary" onClick={onClose} data-testid="import-close">
      {t('common.ok')}
    </Button>
  ) : (
    <Space wrap>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button
        disabled={!file || !report || report.valid === 0 || report.errors.length === 0}
        loading={busy}
        onClick={() => file && void run(file.content, 'valid')}
        data-testid="import-valid"
      >
        {t('import.valid')}
      </Button>
      <Button
        type="primary"
        disabled={!file || !report || report.errors.length > 0 || report.valid === 0}
        loading={busy}
        onClick={() => file && void run(file.content, 'all')}
        data-testid="import-all"
      >
        {t('import.all')}
      </Button>
    </Space>
  );

  return (
    <Modal open title={ledger?.title ?? t('import.title', { name: tx(org.name) })} onCancel={onClose} footer={footer} width={isPhone ? '100%' : 640} destroyOnHidden>
      <div data-testid="import-modal">
        {applied ? (
          <Result
            status="success"
            title={t('import.done')}
            subTitle={t('import.doneDetail', { created: report.created, updated: report.updated, unchanged: report.unchanged })}
            data-testid="import-result"
          />
        ) : (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('import.hint')} />
            <Button icon={<DownloadOutlined />} href={ledger?.templateUrl ?? orgsApi.templateUrl} download style={{ marginBottom: 12 }} data-testid="import-template">
              {t('import.template')}
            </Button>
            <Upload.Dragger
              accept=".xlsx"
              multiple={false}
              showUploadList={false}
              beforeUpload={(picked) => {
                pick(picked).catch(onError);
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{file ? file.name : t('import.pick')}</p>
            </Upload.Dragger>
            {report && (
              <div data-testid="import-report" style={{ marginTop: 12 }}>
                <Descriptions
                  size="small"
                  column={3}
                  items={[
                    { key: 'total', label: t('import.total'), children: report.total },
                    { key: 'valid', label: t('import.validRows'), children: report.valid },
                    { key: 'errors', label: t('import.errors'), children: report.errors.length },
                  ]}
                />
                {report.errors.length > 0 && (
                  <Table
                    size="small"
                    rowKey={(e) => `${e.row}-${e.field}`}
                    dataSource={report.errors}
                    pagination={report.errors.length > 10 ? { pageSize: 10, simple: true } : false}
                    scroll={{ x: 'max-content' }}
                    data-testid="import-errors"
                    columns={[
                      { key: 'row', title: t('import.row'), dataIndex: 'row' },
                      { key: 'field', title: t('import.field'), render: (_, e) => fieldLabel(e.field) },
                      { key: 'message', title: t('import.message'), render: (_, e) => tx(e.message) },
                    ]}
                  />
                )}
              </div>
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
