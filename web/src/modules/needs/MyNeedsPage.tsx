import { App, Button, Card, Flex, Form, Typography } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { DataTable, usePaging } from '../../kernel/DataTable';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { needsApi, readPhotos, type Need } from './api';
import { NeedDrawer, NeedStatus } from './NeedDrawer';
import { NeedFields, type NeedFormValues } from './NeedFields';
import { NeedCard } from './NeedsPage';

/** The resident's phone page: raise a wish or a request, follow it, confirm and rate it. */
export function MyNeedsPage() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<NeedFormValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [paging, setPaging] = usePaging('mine', 10);
  const mine = useLoad(() => needsApi.list(paging), [paging.page, paging.pageSize]);

  const submit = async (v: NeedFormValues) => {
    setSaving(true);
    try {
      const created = await needsApi.create({ ...v, photos: await readPhotos(files.map((f) => f.originFileObj as File)) });
      void message.success(t('needs.created'));
      form.resetFields();
      setFiles([]);
      mine.reload();
      setOpenId(created.id);
    } catch (err) {
      onError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card title={t('needs.submitTitle')} className="gj-page-card">
        <Form<NeedFormValues> form={form} layout="vertical" initialValues={{ kind: 'micro_wish', urgency: 'normal' }} onFinish={(v) => void submit(v)} data-testid="my-need-form">
          <NeedFields staff={false} files={files} onFiles={setFiles} />
          <Button type="primary" htmlType="submit" block loading={saving} data-testid="my-need-submit">
            {t('needs.submit')}
          </Button>
        </Form>
      </Card>
      <Card title={t('needs.mine')} className="gj-page-card">
        <DataTable<Need>
          testId="my-needs"
          rows={mine.data?.items}
          total={mine.data?.total ?? 0}
          loading={mine.loading}
          rowKey={(n) => n.id}
          paging={paging}
          onPaging={setPaging}
          emptyText={t('needs.mineEmpty')}
          columns={[
            { key: 'title', title: t('needs.title'), render: (_, n) => <Typography.Link onClick={() => setOpenId(n.id)}>{tx(n.title)}</Typography.Link> },
            { key: 'status', title: t('needs.status'), render: (_, n) => <NeedStatus need={n} /> },
            { key: 'created', title: t('needs.createdAt'), render: (_, n) => n.createdAt },
          ]}
          renderCard={(n) => <NeedCard need={n} onOpen={() => setOpenId(n.id)} />}
        />
      </Card>
      <NeedDrawer needId={openId} onClose={() => setOpenId(null)} onChanged={mine.reload} />
    </Flex>
  );
}
