import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../kernel/DataTable';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import { useLocalPage } from '../orgs/localPaging';
import { transfersApi, type Transfer, type TransferStatus } from './api';
import { TransferForm } from './TransferForm';


/** 组织关系接转: both sides of each transfer, with only the steps the caller may take now. */
export function TransfersPage() {
  const { t, tx, enumLabel, enumOptions } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const [status, setStatus] = useState<TransferStatus>();
  const list = useLoad(() => transfersApi.list(status), [status]);
  const page = useLocalPage(list.data?.items, String(status));
  const [requesting, setRequesting] = useState(false);
  const [revising, setRevising] = useState<Transfer | null>(null);
  const [returning, setReturning] = useState<Transfer | null>(null);

  const step = (run: () => Promise<Transfer>, done: string) =>
    run().then(
      () => {
        void message.success(done);
        list.reload();
      },
      (err: unknown) => onError(err),
    );
  const confirm = (x: Transfer, key: 'approve' | 'withdraw' | 'receive', title: string, run: () => Promise<Transfer>, done: string, primary = false) => (
    <Popconfirm key={key} title={title} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => step(run, done)}>
      <Button size="small" type={primary ? 'primary' : 'default'} data-testid={`transfer-${key}`}>
        {t(`transfers.${key}`)}
      </Button>
    </Popconfirm>
  );
  const actions = (x: Transfer) => {
    const name = tx(x.personName);
    const buttons = x.actions.map((a) => {
      switch (a) {
        case 'approve':
          return confirm(x, 'approve', t('transfers.approveConfirm', { name }), () => transfersApi.approve(x.id), t('transfers.approved'), true);
        case 'receive':
          return confirm(x, 'receive', t('transfers.receiveConfirm', { name }), () => transfersApi.receive(x.id), t('transfers.received'), true);
        case 'withdraw':
          return confirm(x, 'withdraw', t('transfers.withdrawConfirm'), () => transfersApi.withdraw(x.id), t('transfers.withdrawn'));
        case 'return':
          return (
            <Button key={a} size="small" danger onClick={() => setReturning(x)} data-testid="transfer-return">
              {t('transfers.return')}
            </Button>
          );
        case 'resubmit':
          return (
            <Button key={a} size="small" type="primary" onClick={() => setRevising(x)} data-testid="transfer-resubmit">
              {t('transfers.resubmit')}
            </Button>
          );
      }
    });
    return (
      <Space wrap size={4}>
        {buttons}
        {x.letterNo && (
          <Button size="small" icon={<PrinterOutlined />} href={transfersApi.letterUrl(x.id)} target="_blank" data-testid="transfer-letter">
            {t('transfers.printLetter')}
          </Button>
        )}
      </Space>
    );
  };
  const statusTag = (x: Transfer) => (
    <Tag color={colorOf('TransferStatus', x.status)} data-testid="transfer-status">
      {enumLabel('TransferStatus', x.status, x.statusLabel)}
    </Tag>
  );
  const route = (x: Transfer) => `${tx(x.fromOrgName)} → ${tx(x.toName)}`;
  const note = (x: Transfer) =>
    x.status === 'returned' && x.lastNote ? (
      <Typography.Text type="danger">
        {t('transfers.lastNote')}：{tx(x.lastNote)}
      </Typography.Text>
    ) : x.status === 'requested' || x.status === 'approved' ? (
      <Typography.Text type="secondary">{t('transfers.stillWith', { org: tx(x.fromOrgName) })}</Typography.Text>
    ) : null;

  return (
    <Card title={t('transfers.title')} className="gj-page-card">
      <Flex className="gj-toolbar" gap={8} wrap align="center">
        <Select
          allowClear
          className="gj-toolbar-select"
          placeholder={t('transfers.filterStatus')}
          value={status}
          onChange={setStatus}
          options={enumOptions('TransferStatus')}
          data-testid="transfers-filter"
        />
        <span className="gj-toolbar-spacer" />
        {list.data?.actions.includes('create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRequesting(true)} data-testid="transfer-request">
            {t('transfers.request')}
          </Button>
        )}
      </Flex>
      <DataTable<Transfer>
        testId="transfers-table"
        rows={page.rows}
        total={page.total}
        loading={list.loading}
        rowKey={(x) => x.id}
        paging={page.paging}
        onPaging={page.setPaging}
        emptyText={t('transfers.empty')}
        columns={[
          { key: 'person', title: t('transfers.person'), render: (_, x) => <strong>{tx(x.personName)}</strong> },
          { key: 'route', title: `${t('transfers.from')} → ${t('transfers.to')}`, render: (_, x) => route(x) },
          { key: 'reason', title: t('transfers.reason'), render: (_, x) => tx(x.reason) },
          { key: 'status', title: t('transfers.status'), render: (_, x) => <Space direction="vertical" size={0}>{statusTag(x)}{note(x)}</Space> },
          { key: 'requestedOn', title: t('transfers.requestedOn'), render: (_, x) => x.requestedOn },
          { key: 'letter', title: t('transfers.letter'), render: (_, x) => x.letterNo ?? t('common.none') },
          { key: 'actions', title: t('common.actions'), render: (_, x) => actions(x) },
        ]}
        renderCard={(x) => (
          <div className="gj-card-row">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong>{tx(x.personName)}</Typography.Text>
              {statusTag(x)}
            </Flex>
            <div>{route(x)}</div>
            <Typography.Text type="secondary">
              {tx(x.reason)} · {x.requestedOn}
            </Typography.Text>
            {note(x)}
            {actions(x)}
          </div>
        )}
      />
      {requesting && <TransferForm onClose={() => setRequesting(false)} onSaved={list.reload} />}
      {revising && <TransferForm transfer={revising} onClose={() => setRevising(null)} onSaved={list.reload} />}
      {returning && (
        <FormModal<{ note: string }>
          open
          title={t('transfers.returnTitle', { name: tx(returning.personName) })}
          onClose={() => setReturning(null)}
          testId="transfer-return"
          okText={t('transfers.return')}
          onSubmit={async ({ note: text }) => {
            await transfersApi.giveBack(returning.id, text);
            void message.success(t('transfers.returned'));
            list.reload();
          }}
        >
          <Form.Item name="note" label={t('transfers.lastNote')} rules={[{ required: true, whitespace: true, message: t('transfers.noteRequired') }]}>
            <Input.TextArea rows={3} maxLength={200} data-testid="transfer-return-note" />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
