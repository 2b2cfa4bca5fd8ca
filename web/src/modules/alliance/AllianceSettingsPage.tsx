import { App, Button, Card, Checkbox, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { useHomeOrg } from '../../kernel/useHomeOrg';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { allianceApi, type AlliancePage } from './api';

type Values = { slug: string; sections: AlliancePage['sections'] };

/** What the alliance page shows residents: the community's secretary (or an administrator above) chooses; the page offers saving only where the server would allow it. */
export function AllianceSettingsPage() {
  const { t, tx, enumOptions } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const home = useHomeOrg();
  const [orgId, setOrgId] = useState<number | undefined>(home);
  const settings = useLoad(orgId ? () => allianceApi.settings(orgId) : null, [orgId]);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const page = settings.data;
  const editable = page?.actions.includes('edit') ?? false;

  useEffect(() => {
    if (page) form.setFieldsValue({ slug: page.slug ?? '', sections: page.sections });
  }, [page, form]);

  const save = async (v: Values) => {
    if (!orgId) return;
    setSaving(true);
    try {
      settings.setData(await allianceApi.save(orgId, { slug: v.slug.trim() || null, sections: v.sections }));
      void message.success(t('alliance.saved'));
    } catch (err) {
      onError(err, form);
    } finally {
      setSaving(false);
    }
  };

  const publicKey = page ? (page.slug ?? String(page.orgId)) : null;
  return (
    <Card className="gj-page-card" title={t('alliance.settings')}>
      <Flex className="gj-toolbar" gap={8} wrap>
        <span className="gj-toolbar-search"><OrgTreeSelect value={orgId} onChange={setOrgId} data-testid="alliance-org" /></span>
        <span className="gj-toolbar-spacer" />
        {publicKey && page && page.sections.length > 0 && (
          <Button href={`/alliance/${encodeURIComponent(publicKey)}`} target="_blank" data-testid="alliance-open">{t('alliance.open')}</Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{t('alliance.settingsIntro')}</Typography.Paragraph>
      {page && (
        <Form<Values> form={form} layout="vertical" disabled={!editable} onFinish={(v) => void save(v)} data-testid="alliance-form">
          <Typography.Title level={5}>{tx(page.orgName)}</Typography.Title>
          <Form.Item name="sections" label={t('alliance.sections')}>
            <Checkbox.Group options={enumOptions('AllianceSection')} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
          </Form.Item>
          <Form.Item name="slug" label={t('alliance.slug')} extra={t('alliance.slugHelp')}>
            <Input maxLength={40} data-testid="alliance-slug" />
          </Form.Item>
          {editable ? (
            <Button type="primary" htmlType="submit" loading={saving} data-testid="alliance-save">{t('alliance.save')}</Button>
          ) : (
            <Typography.Text type="secondary">{t('alliance.readOnly')}</Typography.Text>
          )}
        </Form>
      )}
    </Card>
  );
}
