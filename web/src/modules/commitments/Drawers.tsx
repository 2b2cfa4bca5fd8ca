import { App, Button, Descriptions, Drawer, Empty, Flex, Input, List, Popconfirm, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiError, useIsPhone, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { colorOf } from '../../kernel/vocabulary';
import { commitmentsApi, type CommitmentItem, type Grade, type ReportDetail } from './api';
import { EditItemsModal } from './ItemsForm';

/** Runs a step and reports its refusal; the buttons that call it come only from the record's `actions`. */
function useStep() {
  const onError = useApiError();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (step: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await step();
      void message.success(done);
      return true;
    } catch (err) {
      onError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/** A record's state in its vocabulary's words and colour. */
export function StateTag({ id, value, testId }: { id: 'CommitmentStatus' | 'CommitmentReportStatus' | 'CommitmentProgress' | 'CommitmentGrade' | 'CommitmentKind'; value: string; testId?: string }) {
  const { enumLabel } = useI18n();
  return (
    <Tag color={colorOf(id, value)} data-testid={testId}>
      {enumLabel(id, value)}
    </Tag>
  );
}

/** One item: what, for whom, how often, how far it is fulfilled and by which records; its party may add evidence. */
function ItemCard({ item, onFulfil }: { item: CommitmentItem; onFulfil?: (evidence: string) => Promise<boolean> }) {
  const { t, tx, enumLabel } = useI18n();
  const [evidence, setEvidence] = useState('');
  return (
    <List.Item data-testid="commitment-item">
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{tx(item.what)}</Typography.Text>
          <StateTag id="CommitmentProgress" value={item.progress} testId="commitment-item-progress" />
        </Flex>
        <Typography.Text type="secondary">
          {[enumLabel('CommitmentCadence', item.cadence), item.dueOn, tx(item.forOrgName ?? item.beneficiary), enumLabel('CommitmentSource', item.source)].filter(Boolean).join(' · ')}
        </Typography.Text>
        {item.source !== 'evidence' && <Typography.Text>{t('commitments.found', { n: item.found.length, target: item.target })}</Typography.Text>}
        {item.found.length > 0 && (
          <ul className="gj-compact-list" data-testid="commitment-item-records">
            {item.found.map((f) => (
              <li key={`${f.source}-${f.id}`}>
                {f.on} {tx(f.title)}
              </li>
            ))}
          </ul>
        )}
        {item.evidence && (
          <Typography.Text data-testid="commitment-item-evidence">
            {t('commitments.evidence')}：{tx(item.evidence)}（{tx(item.evidencedBy)} {item.evidencedAt}）
          </Typography.Text>
        )}
        {onFulfil && item.actions.includes('fulfil') && (
          <Space.Compact style={{ width: '100%' }}>
            <Input placeholder={t('commitments.fulfilHint')} value={evidence} onChange={(e) => setEvidence(e.target.value)} maxLength={500} data-testid="commitment-evidence" />
            <Button disabled={!evidence.trim()} onClick={() => void onFulfil(evidence).then((ok) => ok && setEvidence(''))} data-testid="commitment-fulfil">
              {t('commitments.fulfil')}
            </Button>
          </Space.Compact>
        )}
      </Flex>
    </List.Item>
  );
}

export function CommitmentDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { t, tx } = useI18n();
  const isPhone = useIsPhone();
  const detail = useLoad(id === null ? null : () => commitmentsApi.get(id), [id]);
  const c = detail.data?.id === id ? detail.data : undefined;
  const { busy, run } = useStep();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const step = async (call: () => Promise<unknown>, done: string) => {
    const ok = await run(call, done);
    if (ok) {
      detail.reload();
      onChanged();
    }
    return ok;
  };
  const signature = (who: string | null, when: string | null) => (who ? t('commitments.signedBy', { who: tx(who), when: when ?? '' }) : t('commitments.unsigned'));
  return (
    <Drawer open={id !== null} onClose={onClose} width={isPhone ? '100%' : 720} destroyOnHidden data-testid="commitment-drawer"
      title={c ? tx(c.partyName) : t('commitments.tabCommitments')} extra={c && <StateTag id="CommitmentStatus" value={c.status} testId="commitment-status" />}>
      {!c ? (
        <Spin className="gj-block-spin" />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap>
            {c.actions.includes('edit') && (
              <Button onClick={() => setEditing(true)} data-testid="commitment-edit-items">{t('commitments.editItems')}</Button>
            )}
            {c.actions.includes('signAsParty') && (
              <Popconfirm title={t('commitments.signConfirm')} onConfirm={() => step(() => commitmentsApi.sign(c.id), t('commitments.signed'))}>
                <Button type="primary" loading={busy} data-testid="commitment-sign-party">{t('commitments.signAsParty')}</Button>
              </Popconfirm>
            )}
            {c.actions.includes('signAsCommunity') && (
              <Popconfirm title={t('commitments.signConfirm')} onConfirm={() => step(() => commitmentsApi.sign(c.id), t('commitments.signed'))}>
                <Button type="primary" loading={busy} data-testid="commitment-sign-community">{t('commitments.signAsCommunity')}</Button>
              </Popconfirm>
            )}
            {c.actions.includes('end') && (
              <Popconfirm title={t('commitments.end')} onConfirm={() => step(() => commitmentsApi.end(c.id), t('common.saved'))}>
                <Button danger loading={busy} data-testid="commitment-end">{t('commitments.end')}</Button>
              </Popconfirm>
            )}
          </Flex>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('commitments.kind')}><StateTag id="CommitmentKind" value={c.kind} /></Descriptions.Item>
            <Descriptions.Item label={t('commitments.community')}>{tx(c.orgName)}</Descriptions.Item>
            <Descriptions.Item label={t('commitments.term')}>{c.startsOn} ~ {c.endsOn}</Descriptions.Item>
            <Descriptions.Item label={t('commitments.signatures')}>
              <Flex vertical data-testid="commitment-signatures">
                <span>{t('commitments.party')}：{signature(c.partySigner, c.partySignedAt)}</span>
                {c.kind === 'unit' && <span>{t('commitments.community')}：{signature(c.communitySigner, c.communitySignedAt)}</span>}
              </Flex>
            </Descriptions.Item>
          </Descriptions>
          <List header={t('commitments.items')} dataSource={c.items} rowKey={(i) => i.id}
            renderItem={(i) => <ItemCard item={i} onFulfil={(evidence) => step(() => commitmentsApi.fulfil(c.id, i.id, evidence), t('common.saved'))} />} />
          {editing && (
            <EditItemsModal commitment={c} onClose={() => setEditing(false)}
              onSaved={() => (setEditing(false), void message.success(t('commitments.itemsSaved')), detail.reload(), onChanged())} />
          )}
        </Flex>
      )}
    </Drawer>
  );
}

function Questions({ report, onChanged }: { report: ReportDetail; onChanged: () => void }) {
  const { t, tx, enumLabel } = useI18n();
  const { busy, run } = useStep();
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [question, setQuestion] = useState('');
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={5}>{t('commitments.questions')}</Typography.Title>
      {report.questions.length === 0 && <Empty description={t('commitments.noQuestions')} />}
      {report.questions.map((x) => (
        <Flex key={x.id} vertical gap={4} className="gj-question" data-testid="commitment-question">
          <Typography.Text>
            <Tag>{enumLabel('CommitmentRaterRole', x.askerRole)}</Tag>
            {tx(x.askerName)}：{tx(x.body)}
          </Typography.Text>
          {x.answer && <Typography.Text type="secondary" data-testid="commitment-answer">{t('commitments.answer')}（{tx(x.answeredBy)}）：{tx(x.answer)}</Typography.Text>}
          {x.canAnswer && (
            <Space.Compact>
              <Input value={answers[x.id] ?? ''} onChange={(e) => setAnswers({ ...answers, [x.id]: e.target.value })} maxLength={500} data-testid="commitment-answer-input" />
              <Button loading={busy} disabled={!answers[x.id]?.trim()} data-testid="commitment-answer-send"
                onClick={() => void run(() => commitmentsApi.answer(report.id, x.id, answers[x.id]!), t('commitments.answered')).then((ok) => ok && onChanged())}>
                {t('commitments.answer')}
              </Button>
            </Space.Compact>
          )}
        </Flex>
      ))}
      {report.actions.includes('ask') && (
        <Space.Compact>
          <Input placeholder={t('commitments.question')} value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={300} data-testid="commitment-question-input" />
          <Button loading={busy} disabled={!question.trim()} data-testid="commitment-ask"
            onClick={() => void run(() => commitmentsApi.ask(report.id, question), t('commitments.asked')).then((ok) => ok && (setQuestion(''), onChanged()))}>
            {t('commitments.ask')}
          </Button>
        </Space.Compact>
      )}
    </Flex>
  );
}

function Rating({ report, onChanged }: { report: ReportDetail; onChanged: () => void }) {
  const { t, enumLabel, enumOptions } = useI18n();
  const { busy, run } = useStep();
  const [grade, setGrade] = useState<Grade>();
  return (
    <Flex vertical gap={8} data-testid="commitment-rating">
      <Typography.Title level={5}>{t('commitments.result')}</Typography.Title>
      <Flex gap={8} wrap align="center">
        {report.result ? <StateTag id="CommitmentGrade" value={report.result} testId="commitment-result" /> : <Typography.Text>{t('commitments.noResult')}</Typography.Text>}
        <Typography.Text type="secondary" data-testid="commitment-tally">{t('commitments.tally', report.tally)}</Typography.Text>
      </Flex>
      {report.myRating && <Typography.Text data-testid="commitment-my-rating">{t('commitments.myRating', { grade: enumLabel('CommitmentGrade', report.myRating) })}</Typography.Text>}
      {report.actions.includes('rate') && (
        <Flex gap={8} wrap>
          <Radio.Group options={enumOptions('CommitmentGrade')} value={grade} onChange={(e) => setGrade(e.target.value as Grade)} data-testid="commitment-grade" />
          <Button type="primary" loading={busy} disabled={!grade} data-testid="commitment-rate"
            onClick={() => void run(() => commitmentsApi.rate(report.id, grade!), t('commitments.rated')).then((ok) => ok && onChanged())}>
            {t('commitments.rate')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

export function ReportDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { t, tx } = useI18n();
  const isPhone = useIsPhone();
  const detail = useLoad(id === null ? null : () => commitmentsApi.report(id), [id]);
  const r = detail.data?.id === id ? detail.data : undefined;
  const { busy, run } = useStep();
  const [statement, setStatement] = useState('');
  const changed = () => {
    detail.reload();
    onChanged();
  };
  const step = (call: () => Promise<unknown>, done: string) => void run(call, done).then((ok) => ok && changed());
  return (
    <Drawer open={id !== null} onClose={onClose} width={isPhone ? '100%' : 720} destroyOnHidden data-testid="report-drawer"
      title={r ? `${tx(r.partyName)} · ${tx(r.windowTitle)}` : t('commitments.tabReports')} extra={r && <StateTag id="CommitmentReportStatus" value={r.status} testId="report-status" />}>
      {!r ? (
        <Spin className="gj-block-spin" />
      ) : (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">
            {tx(r.orgName)} · {r.opensAt} ~ {r.closesAt} · {r.windowOpen ? t('commitments.windowOpen') : t('commitments.windowClosed')}
          </Typography.Text>
          <List header={t('commitments.records')} dataSource={r.items} rowKey={(i) => i.id} renderItem={(i) => <ItemCard item={i} />} data-testid="report-items" />
          {r.status === 'draft' && r.actions.includes('submit') ? (
            <Flex vertical gap={8}>
              <Typography.Text type="secondary">{t('commitments.statementHint')}</Typography.Text>
              <Input.TextArea rows={3} maxLength={1000} value={statement} onChange={(e) => setStatement(e.target.value)} placeholder={t('commitments.statement')} data-testid="report-statement" />
              <Button type="primary" loading={busy} disabled={!statement.trim()} onClick={() => step(() => commitmentsApi.submit(r.id, statement), t('commitments.submitted'))} data-testid="report-submit">
                {t('commitments.submit')}
              </Button>
            </Flex>
          ) : (
            r.statement && <Typography.Paragraph data-testid="report-statement-text">{t('commitments.statement')}：{tx(r.statement)}</Typography.Paragraph>
          )}
          <Flex gap={8}>
            {r.actions.includes('publish') && (
              <Button type="primary" loading={busy} onClick={() => step(() => commitmentsApi.publish(r.id), t('commitments.published'))} data-testid="report-publish">{t('commitments.publish')}</Button>
            )}
            {r.actions.includes('return') && (
              <Button loading={busy} onClick={() => step(() => commitmentsApi.giveBack(r.id), t('common.saved'))} data-testid="report-return">{t('commitments.return')}</Button>
            )}
          </Flex>
          {r.status === 'published' && (
            <>
              <Rating report={r} onChanged={changed} />
              <Questions report={r} onChanged={changed} />
            </>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
