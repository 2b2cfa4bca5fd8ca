import { App, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../kernel/FormModal';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { PersonSelect } from '../orgs/pickers';
import { transfersApi, type Transfer } from './api';

interface Values {
  personId?: number;
  where: 'inside' | 'outside';
  toOrgId?: number;
  toOutside?: string;
  reason: string;
}

/** A new transfer, or a returned one revised (`transfer` given): where to, and why. */
export function TransferForm({ transfer, onClose, onSaved }: { transfer?: Transfer; onClose: () => void; onSaved: () => void }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  // The region's directory is long: search it on the server as the user types.
  const [search, setSearch] = useState('');
  const destinations = useLoad(() => transfersApi.destinations(search), [search]);
  const initial: Partial<Values> = transfer
    ? { where: transfer.outside ? 'outside' : 'inside', toOrgId: transfer.toOrgId ?? undefined, toOutside: transfer.outside ? (transfer.toName ?? '') : undefined, reason: transfer.reason }
    : { where: 'inside' };
  return (
    <FormModal<Values>
      open
      title={transfer ? `${t('transfers.resubmit')} · ${tx(transfer.personName)}` : t('transfers.request')}
      onClose={onClose}
      initialValues={initial}
      testId="transfer-form"
      onSubmit={async (v) => {
        const destination = v.where === 'inside' ? { toOrgId: v.toOrgId, reason: v.reason } : { toOutside: v.toOutside, reason: v.reason };
        if (transfer) await transfersApi.resubmit(transfer.id, destination);
        else await transfersApi.request({ personId: v.personId!, ...destination });
        void message.success(t(transfer ? 'transfers.resubmitted' : 'transfers.requested'));
        onSaved();
      }}
    >
      {!transfer && (
        <Form.Item name="personId" label={t('transfers.person')} rules={[{ required: true, message: t('transfers.personRequired') }]}>
          <PersonSelect data-testid="transfer-form-person" />
        </Form.Item>
      )}
      <Form.Item name="where" label={t('transfers.to')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'inside', label: t('transfers.toInside') },
            { value: 'outside', label: t('transfers.toOutsideChoice') },
          ]}
          data-testid="transfer-form-where"
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['where']}>
        {({ getFieldValue }) =>
          getFieldValue('where') === 'inside' ? (
            <Form.Item name="toOrgId" rules={[{ required: true, message: t('transfers.toRequired') }]}>
              <Select
                showSearch={{ filterOption: false, onSearch: (text) => setSearch(text.trim()) }}
                loading={destinations.loading}
                placeholder={t('transfers.toRequired')}
                data-testid="transfer-form-to"
                options={(destinations.data?.items ?? []).map((d) => ({ value: d.id, label: `${tx(d.name)}${d.parentName ? ` · ${tx(d.parentName)}` : ''}` }))}
              />
            </Form.Item>
          ) : (
            <Form.Item name="toOutside" rules={[{ required: true, whitespace: true, message: t('transfers.toOutsideRequired') }]}>
              <Input maxLength={100} placeholder={t('transfers.toOutside')} data-testid="transfer-form-outside" />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="reason" label={t('transfers.reason')} rules={[{ required: true, whitespace: true, message: t('transfers.reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={200} data-testid="transfer-form-reason" />
      </Form.Item>
    </FormModal>
  );
}
