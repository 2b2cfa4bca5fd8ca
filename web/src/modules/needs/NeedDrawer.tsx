import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Descriptions, Drawer, Empty, Flex, Form, Image, Input, List, Popconfirm, Rate, Select, Spin, Tabs, Tag, Timeline, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useMe } from '../../kernel/auth';
import { FormModal } from '../../kernel/FormModal';
import { useApiError, useIsPhone, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { regionInstant } from '../../kernel/time';
import { colorOf } from '../../kernel/vocabulary';
import type { MessageKey } from '../../messages';
import { isStaff } from '../../kernel/roles';
import { needsApi, readPhotos, type Need, type NeedAction, type NeedDetail } from './api';
import { LinkedActivities } from '../activities/LinkedActivities';



/** The status of a need, with overdue and escalation shown beside it. */
export function NeedStatus({ need }: { need: Need }) {
  const { t, tx, enumLabel } = useI18n();
  return (
    <Flex gap={4} wrap>
      <Tag color={colorOf('NeedStatus', need.status)} data-testid="need-status">
        {enumLabel('NeedStatus', need.status, need.statusLabel)}
      </Tag>
      {need.overdue && need.status !== 'overdue' && <Tag color="red">{t('needs.overdue')}</Tag>}
      {need.escalatedTo && <Tag color="volcano">{t('needs.escalatedTo', { name: tx(need.escalatedTo) })}</Tag>}
    </Flex>
  );
}

/** Steps taken with one click (after a confirmation); the others ask for a reason, a unit, a result or a rating. */
const SIMPLE: NeedAction[] = ['accept', 'start', 'check', 'close', 'confirm'];
const REASON: NeedAction[] = ['reject', 'cancel', 'recall', 'withdraw', 'revoke', 'return'];
const DANGER: NeedAction[] = ['reject', 'cancel', 'revoke', 'withdraw', 'recall', 'return'];

interface StepValues {
  reason?: string;
  note?: string;
  unitId?: number;
  deadline?: { format(template: string): string };
  result?: string;
  rating?: number;
  comment?: string;
}

function StepModal({ need, action, onClose, onDone }: { need: Need; action: NeedAction; onClose: () => void; onDone: (n: Need | null) => void }) {
  const { t, tx } = useI18n();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const targets = useLoad(action === 'dispatch' ? () => needsApi.targets() : null, [action]);
  const label = t(`needs.action.${action}` as MessageKey);
  const submit = async (v: StepValues) => {
    let body: object;
    if (REASON.includes(action)) body = { reason: v.reason };
    else if (action === 'respond') body = { note: v.note };
    else if (action === 'dispatch') body = { unitId: v.unitId, deadline: v.deadline && regionInstant(v.deadline.format('YYYY-MM-DDTHH:mm:ss')), note: v.note };
    else if (action === 'done') body = { result: v.result, photos: await readPhotos(files.map((f) => f.originFileObj as File)) };
    else body = { rating: v.rating, comment: v.comment };
    const res = await needsApi.step(need.id, action, body);
    onDone('title' in res ? res : null);
  };
  return (
    <FormModal<StepValues> open title={`${label} · ${tx(need.title)}`} okText={label} onClose={onClose} onSubmit={submit} testId={`need-step-${action}`} initialValues={{ rating: 5 }}>
      {REASON.includes(action) && (
        <Form.Item name="reason" label={t('needs.reason')} rules={[{ required: true, message: t('needs.reason') }]}>
          <Input.TextArea rows={3} maxLength={300} data-testid="need-step-reason" />
        </Form.Item>
      )}
      {action === 'dispatch' && (
        <>
          <Form.Item name="unitId" label={t('needs.unit')} rules={[{ required: true, message: t('needs.unit') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={targets.loading}
              data-testid="need-step-unit"
              options={(targets.data?.items ?? []).map((u) => ({ value: u.id, label: `${tx(u.name)}（${tx(u.orgName)}）` }))}
            />
          </Form.Item>
          <Form.Item name="deadline" label={t('needs.deadline')} rules={[{ required: true, message: t('needs.deadline') }]}>
            <DatePicker showTime format="YYYY-MM-DD HH:mm:ss" style={{ width: '100%' }} data-testid="need-step-deadline" />
          </Form.Item>
        </>
      )}
      {(action === 'respond' || action === 'dispatch') && (
        <Form.Item name="note" label={action === 'respond' ? t('needs.response') : t('needs.note')} rules={action === 'respond' ? [{ required: true, message: t('needs.response') }] : []}>
          <Input.TextArea rows={3} maxLength={300} data-testid="need-step-note" />
        </Form.Item>
      )}
      {action === 'done' && (
        <>
          <Form.Item name="result" label={t('needs.result')} rules={[{ required: true, message: t('needs.result') }]}>
            <Input.TextArea rows={4} maxLength={1000} data-testid="need-step-result" />
          </Form.Item>
          <Form.Item label={t('needs.photos')} extra={t('needs.photosHint')} name="photos">
            <PhotoPicker files={files} onChange={setFiles} />
          </Form.Item>
        </>
      )}
      {(action === 'rate' || action === 'rateDepartment') && (
        <>
          <Form.Item name="rating" label={t('needs.ratingValue')} rules={[{ required: true, message: t('needs.ratingValue') }]}>
            <Rate data-testid="need-step-rating" />
          </Form.Item>
          <Form.Item name="comment" label={t('needs.comment')}>
            <Input.TextArea rows={3} maxLength={300} data-testid="need-step-comment" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** Image files kept in the browser until the form is sent. */
export function PhotoPicker({ files, onChange }: { files: UploadFile[]; onChange: (files: UploadFile[]) => void }) {
  return (
    <Upload
      listType="picture-card"
      accept="image/jpeg,image/png,image/webp"
      multiple
      fileList={files}
      beforeUpload={() => false}
      onChange={({ fileList }) => onChange(fileList.slice(0, 6))}
      data-testid="need-photos"
    >
      {files.length < 6 ? '+' : null}
    </Upload>
  );
}

/** The buttons for the steps the server says the caller may take now. */
export function StepButtons({ need, onChanged }: { need: Need; onChanged: (n: Need | null) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const [open, setOpen] = useState<NeedAction | null>(null);
  const done = (action: NeedAction, n: Need | null) => {
    void message.success(t('needs.stepDone', { step: t(`needs.action.${action}` as MessageKey) }));
    onChanged(n);
  };
  const simple = async (action: NeedAction) => {
    try {
      const res = await needsApi.step(need.id, action);
      done(action, 'title' in res ? res : null);
    } catch (err) {
      onError(err);
    }
  };
  if (!need.actions.length) return null;
  return (
    <Flex gap={8} wrap data-testid="need-actions">
      {need.actions.map((a) => {
        const label = t(`needs.action.${a}` as MessageKey);
        const primary = ['accept', 'done', 'check', 'confirm', 'rate', 'respond', 'dispatch'].includes(a);
        return SIMPLE.includes(a) ? (
          <Popconfirm key={a} title={t('needs.confirmStep', { step: label })} onConfirm={() => simple(a)} okText={t('common.ok')} cancelText={t('common.cancel')}>
            <Button type={primary ? 'primary' : 'default'} data-testid={`need-action-${a}`}>
              {label}
            </Button>
          </Popconfirm>
        ) : (
          <Button key={a} type={primary ? 'primary' : 'default'} danger={DANGER.includes(a)} onClick={() => setOpen(a)} data-testid={`need-action-${a}`}>
            {label}
          </Button>
        );
      })}
      {open && <StepModal need={need} action={open} onClose={() => setOpen(null)} onDone={(n) => done(open, n)} />}
    </Flex>
  );
}

/** Suggested members (nearest grid first, then who is free now), units and resources, each with why. */
function Matches({ needId }: { needId: number }) {
  const { t, tx } = useI18n();
  const list = useLoad(() => needsApi.matches(needId), [needId]);
  const kindLabel = { member: t('needs.matchMember'), unit: t('needs.matchUnit'), resource: t('needs.matchResource') };
  return (
    <List
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('needs.matchesEmpty')} /> }}
      data-testid="need-matches"
      renderItem={(m) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Flex gap={8} align="center">
                <Tag>{kindLabel[m.kind]}</Tag>
                {tx(m.name)}
              </Flex>
            }
            description={
              <Flex gap={4} wrap data-testid="need-match-reasons">
                {m.reasons.map((r) => (
                  // Where a suggestion is (its grid, community or street) stands out from what it can do.
                  <Tag key={r.text} color={r.code.startsWith('place.') ? 'green' : undefined} style={{ whiteSpace: 'normal' }}>
                    {tx(r.text)}
                  </Tag>
                ))}
              </Flex>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** A masked contact with a button that shows it in clear (the server records who looked). */
function Contact({ need, field, masked }: { need: NeedDetail; field: 'phone' | 'address'; masked: string }) {
  const { t, tx } = useI18n();
  const onError = useApiError();
  const [clear, setClear] = useState<string | null>(null);
  const show = () =>
    needsApi.reveal(need.id, field).then(
      (r) => setClear(r.value),
      (err: unknown) => onError(err),
    );
  return (
    <span>
      {tx(clear ?? masked)}{' '}
      {clear === null && (
        <Typography.Link onClick={() => void show()} data-testid={`need-reveal-${field}`}>
          {t('needs.reveal')}
        </Typography.Link>
      )}
    </span>
  );
}

function Details({ need }: { need: NeedDetail }) {
  const { t, tx, enumLabel } = useI18n();
  const isPhone = useIsPhone();
  const none = t('common.none');
  const photos = (purpose: 'need' | 'evidence') => need.photos.filter((p) => p.purpose === purpose);
  const gallery = (purpose: 'need' | 'evidence') =>
    photos(purpose).length > 0 && (
      <Image.PreviewGroup>
        <Flex gap={8} wrap>
          {photos(purpose).map((p) => (
            <Image key={p.id} width={72} height={72} style={{ objectFit: 'cover' }} src={needsApi.photoUrl(need.id, p.id)} />
          ))}
        </Flex>
      </Image.PreviewGroup>
    );
  return (
    <Descriptions column={isPhone ? 1 : 2} size="small" bordered data-testid="need-detail">
      <Descriptions.Item label={t('needs.kind')}>{enumLabel('NeedKind', need.kind, need.kindLabel)}</Descriptions.Item>
      <Descriptions.Item label={t('needs.status')}>
        <NeedStatus need={need} />
      </Descriptions.Item>
      <Descriptions.Item label={t('needs.category')}>{enumLabel('NeedCategory', need.category, need.categoryLabel)}</Descriptions.Item>
      <Descriptions.Item label={t('needs.urgency')}>{enumLabel('Urgency', need.urgency, need.urgencyLabel)}</Descriptions.Item>
      <Descriptions.Item label={t('needs.source')}>{enumLabel('NeedSource', need.source, need.sourceLabel)}</Descriptions.Item>
      <Descriptions.Item label={t('needs.org')}>{tx(need.orgName) || none}</Descriptions.Item>
      <Descriptions.Item label={t('needs.place')}>{tx(need.placeText) || none}</Descriptions.Item>
      <Descriptions.Item label={t('needs.requester')}>{tx(need.requesterName)}</Descriptions.Item>
      {need.phoneMasked && (
        <Descriptions.Item label={t('needs.phone')}>
          <Contact need={need} field="phone" masked={need.phoneMasked} />
        </Descriptions.Item>
      )}
      {need.addressMasked && (
        <Descriptions.Item label={t('needs.address')}>
          <Contact need={need} field="address" masked={need.addressMasked} />
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('needs.description')} span={isPhone ? 1 : 2}>
        {tx(need.description) || none}
        {gallery('need')}
      </Descriptions.Item>
      {need.handlerName && <Descriptions.Item label={t('needs.handler')}>{tx(need.handlerName)}</Descriptions.Item>}
      {need.deadline && <Descriptions.Item label={t('needs.deadline')}>{need.deadline}</Descriptions.Item>}
      {need.responseNote && <Descriptions.Item label={t('needs.response')} span={isPhone ? 1 : 2}>{tx(need.responseNote)}</Descriptions.Item>}
      {need.resultNote && (
        <Descriptions.Item label={t('needs.result')} span={isPhone ? 1 : 2}>
          <span data-testid="need-result">{tx(need.resultNote)}</span>
          {gallery('evidence')}
        </Descriptions.Item>
      )}
      {need.residentRating !== null && (
        <Descriptions.Item label={t('needs.rating')} span={isPhone ? 1 : 2}>
          <Rate disabled value={need.residentRating} /> {tx(need.residentComment)}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function History({ need }: { need: NeedDetail }) {
  const { t, tx, enumLabel } = useI18n();
  return (
    <Timeline
      data-testid="need-history"
      items={need.events.map((e) => ({
        color: e.toStatus === 'overdue' || e.toStatus === 'rejected' ? 'red' : 'blue',
        children: (
          <div>
            <strong>{enumLabel('NeedStatus', e.toStatus, e.toLabel)}</strong>
            <div>
              <Typography.Text type="secondary">{t('needs.actorAt', { actor: tx(e.actorName), at: e.at })}</Typography.Text>
            </div>
            {e.note && <div>{tx(e.note)}</div>}
          </div>
        ),
      }))}
    />
  );
}

function Handling({ need }: { need: NeedDetail }) {
  const { t, tx } = useI18n();
  return (
    <Flex vertical gap={8}>
      {need.dispatches.map((d) => (
        <div key={`d${d.id}`} className="gj-grant-item" data-testid="need-dispatch">
          <div>
            <strong>{tx(d.unitName)}</strong>
            <div>
              <Typography.Text type="secondary">
                {t('needs.deadline')} {d.deadline} · {tx(d.dispatchedBy)} {d.dispatchedAt}
              </Typography.Text>
            </div>
            {d.rating !== null && (
              <div>
                {t('needs.departmentRating')} <Rate disabled value={d.rating} /> {tx(d.ratingComment)}
              </div>
            )}
          </div>
          {d.escalatedAt && <Tag color="volcano">{t('needs.overdue')}</Tag>}
        </div>
      ))}
      {need.claims.map((c) => (
        <div key={`c${c.id}`} className="gj-grant-item">
          <div>
            <strong>{tx(c.claimerName)}</strong>
            <div>
              <Typography.Text type="secondary">{c.claimedAt}{c.endNote ? ` · ${tx(c.endNote)}` : ''}</Typography.Text>
            </div>
          </div>
        </div>
      ))}
      {!need.dispatches.length && !need.claims.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </Flex>
  );
}

/** A need with its history, handling and the caller's next steps. */
export function NeedDrawer({ needId, onClose, onChanged }: { needId: number | null; onClose: () => void; onChanged: () => void }) {
  const { t, tx } = useI18n();
  const me = useMe();
  const isPhone = useIsPhone();
  const detail = useLoad(needId === null ? null : () => needsApi.get(needId), [needId]);
  const need = detail.data?.id === needId ? detail.data : undefined;
  const changed = () => {
    onChanged();
    detail.reload();
  };
  return (
    <Drawer
      open={needId !== null}
      onClose={onClose}
      width={isPhone ? '100%' : 720}
      title={need ? tx(need.title) : t('needs.detail')}
      destroyOnHidden
      data-testid="need-drawer"
      extra={need && <NeedStatus need={need} />}
    >
      {!need ? (
        <Spin className="gj-block-spin" />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap justify="space-between">
            <StepButtons need={need} onChanged={(n) => (n ? changed() : (onChanged(), onClose()))} />
            {need.dispatches.some((d) => d.status === 'active') && (
              <Button icon={<PrinterOutlined />} href={needsApi.slipUrl(need.id)} target="_blank" data-testid="need-print-slip">
                {t('needs.printSlip')}
              </Button>
            )}
          </Flex>
          <Details need={need} />
          <Tabs
            items={[
              { key: 'history', label: t('needs.history'), children: <History need={need} /> },
              { key: 'handling', label: `${t('needs.dispatches')} / ${t('needs.claims')}`, children: <Handling need={need} /> },
              { key: 'activities', label: <span data-testid="need-tab-activities">{t('activities.linked')}</span>, children: <LinkedActivities needId={need.id} /> },
              ...(isStaff(me) ? [{ key: 'matches', label: <span data-testid="need-tab-matches">{t('needs.matches')}</span>, children: <Matches needId={need.id} /> }] : []),
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
