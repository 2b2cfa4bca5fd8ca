import { Alert, Form, Input, Steps } from 'antd';
import { FormModal } from '../../kernel/FormModal';
import { useI18n } from '../../kernel/i18n';
import { valuesOf } from '../../kernel/vocabulary';
import { today } from '../../kernel/time';
import { recruitmentApi, stageDay, type Recruitment } from './api';

/** The stages with the day each was reached; an ended record shows where it stopped, and why. */
export function RecruitmentSteps({ r }: { r: Recruitment }) {
  const { t, tx, enumLabel } = useI18n();
  return (
    <>
      <Steps
        direction="vertical"
        size="small"
        current={valuesOf('RecruitmentStage').indexOf(r.stage)}
        status={r.withdrawnOn ? 'error' : r.stage === 'full' ? 'finish' : 'process'}
        items={valuesOf('RecruitmentStage').map((s) => ({ title: enumLabel('RecruitmentStage', s), description: stageDay(r, s) ?? undefined }))}
        data-testid="recruitment-steps"
      />
      {r.withdrawnOn && r.withdrawnBy && (
        <Alert
          type="warning"
          showIcon
          data-testid="recruitment-withdrawn"
          message={t(`recruitment.withdrawnBy.${r.withdrawnBy}`, { day: r.withdrawnOn })}
          description={r.withdrawalReason ? tx(r.withdrawalReason) : undefined}
        />
      )}
    </>
  );
}

/** Withdrawing (the applicant) or ending (the branch, which must give a reason) an application. */
export function WithdrawModal({ r, byBranch, onClose, onDone }: { r: Recruitment; byBranch: boolean; onClose: () => void; onDone: (r: Recruitment) => void }) {
  const { t } = useI18n();
  return (
    <FormModal<{ on: string; reason?: string }>
      open
      title={t(byBranch ? 'recruitment.end' : 'recruitment.withdraw')}
      onClose={onClose}
      initialValues={{ on: today() }}
      testId="recruitment-withdraw"
      onSubmit={async (v) => onDone(await recruitmentApi.withdraw(r.id, { on: v.on, reason: v.reason?.trim() || null }))}
    >
      <Form.Item name="on" label={t('recruitment.withdrawOn')} rules={[{ required: true, message: t('common.dateRequired') }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('recruitment.withdrawReason')}
        rules={byBranch ? [{ required: true, whitespace: true, message: t('recruitment.withdrawReasonRequired') }] : []}
      >
        <Input.TextArea maxLength={200} rows={3} data-testid="recruitment-withdraw-reason" />
      </Form.Item>
    </FormModal>
  );
}
