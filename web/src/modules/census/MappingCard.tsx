import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../kernel/i18n';
import { IGNORE, type ImportBody, type ImportPreview } from './api';

type Fixed = NonNullable<ImportBody['fixed']>;

/**
 * The step between choosing a file and importing it: each column of the file
 * with its first cells and the field it will be read as (suggested by the
 * server from its header, or as the organization last chose); the user may
 * change any, and give one value for the whole file to a field no column has.
 */
export function MappingCard({
  fileName,
  preview,
  busy,
  onImport,
  onCancel,
}: {
  fileName: string;
  preview: ImportPreview;
  busy: boolean;
  onImport: (columns: string[], fixed: Fixed) => void;
  onCancel: () => void;
}) {
  const { t, tx } = useI18n();
  const [columns, setColumns] = useState(() => preview.columns.map((c) => c.field ?? IGNORE));
  const [fixed, setFixed] = useState<Record<string, string>>({});
  const mapped = new Set(columns);
  const unmapped = preview.fields.filter((f) => !mapped.has(f.key));
  const missing = unmapped.filter((f) => f.required && !fixed[f.key]?.trim());
  const options = useMemo(
    () => [
      { value: IGNORE, label: t('census.ignore') },
      ...preview.fields.map((f) => ({ value: f.key, label: f.required ? `${tx(f.label)} *` : tx(f.label) })),
    ],
    [preview.fields, t, tx],
  );
  const choose = (col: number, field: string) =>
    // A field is read from one column: choosing it here lets go of it elsewhere.
    setColumns((cur) => cur.map((f, i) => (i === col ? field : f === field && field !== IGNORE ? IGNORE : f)));

  const submit = () =>
    onImport(columns, Object.fromEntries(unmapped.filter((f) => fixed[f.key]?.trim()).map((f) => [f.key, fixed[f.key]!.trim()])) as Fixed);

  return (
    <Card size="small" title={`${t('census.mapping')} · ${tx(fileName)}`} data-testid="census-mapping" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('census.mappingHint', { rows: preview.totalRows })}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        scroll={{ x: true }}
        rowKey={(c) => c.index}
        dataSource={preview.columns.map((c, index) => ({ ...c, index }))}
        onRow={(c) => ({ 'data-testid': `census-column-${c.index}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('census.column'), render: (_, c) => <Typography.Text strong>{tx(c.name)}</Typography.Text> },
          {
            key: 'samples',
            title: t('census.samples'),
            render: (_, c) => (
              <Space direction="vertical" size={0}>
                {c.samples.map((s, i) => (
                  <Typography.Text key={i} type={s ? undefined : 'secondary'}>
                    {s ? tx(s) : '—'}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          {
            key: 'field',
            title: t('census.field'),
            width: 200,
            render: (_, c) => (
              <Select
                style={{ width: 180 }}
                showSearch
                optionFilterProp="label"
                value={columns[c.index]}
                options={options}
                onChange={(v) => choose(c.index, v)}
                data-testid={`census-field-${c.index}`}
              />
            ),
          },
        ]}
      />
      {unmapped.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('census.fixed')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('census.fixedHint')}</Typography.Paragraph>
          <Form layout="vertical">
            <Row gutter={16}>
              {unmapped.map((f) => (
                <Col xs={24} sm={12} md={8} key={f.key}>
                  <Form.Item label={tx(f.label)} required={f.required} tooltip={f.note ? tx(f.note) : undefined}>
                    <Input
                      maxLength={200}
                      value={fixed[f.key] ?? ''}
                      onChange={(e) => setFixed((cur) => ({ ...cur, [f.key]: e.target.value }))}
                      data-testid={`census-fixed-${f.key}`}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Form>
        </>
      )}
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('census.missing', { fields: missing.map((f) => tx(f.label)).join('、') })}
          data-testid="census-missing"
        />
      )}
      <Space>
        <Button type="primary" disabled={missing.length > 0} loading={busy} onClick={submit} data-testid="census-start">
          {t('census.start')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </Space>
    </Card>
  );
}
