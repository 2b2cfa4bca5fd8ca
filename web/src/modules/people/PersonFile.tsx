import { EyeOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { knownDate } from '../../kernel/DayOrMonthInput';
import { useApiError } from '../../kernel/hooks';
import { householdLabel } from './ResidencePicker';
import { useI18n } from '../../kernel/i18n';
import { peopleApi, type PersonDetail, type RevealField } from './api';

/** A masked value with a button to see it in full, for those allowed (the server records each look). */
function Masked({ person, field, masked }: { person: PersonDetail; field: RevealField; masked: string | null }) {
  const { t } = useI18n();
  const onError = useApiError();
  const [clear, setClear] = useState<string | null>(null);
  if (!masked) return <>{t('common.none')}</>;
  if (clear !== null) return <span data-testid={`person-${field}-clear`}>{clear}</span>;
  return (
    <Space size={4} wrap>
      <span data-testid={`person-${field}`}>{masked}</span>
      {person.actions.includes('reveal') && (
        <Tooltip title={t('people.revealNote')}>
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            data-testid={`person-reveal-${field}`}
            onClick={() =>
              peopleApi.reveal(person.id, field).then(
                (r) => setClear(r.value ?? ''),
                (err: unknown) => onError(err),
              )
            }
          >
            {t('people.reveal')}
          </Button>
        </Tooltip>
      )}
    </Space>
  );
}

/** Every field of a person's file, masked values first. */
export function PersonFile({ person }: { person: PersonDetail }) {
  const { t, tx, enumLabel } = useI18n();
  const none = t('common.none');
  const gender = person.gender ? t(person.gender === 'male' ? 'people.male' : 'people.female') : none;
  return (
    <div className="gj-stack" data-testid="person-file">
      <Descriptions
        title={t('people.sectionPerson')}
        column={1}
        size="small"
        items={[
          { key: 'name', label: t('people.name'), children: <strong data-testid="person-name">{tx(person.name)}</strong> },
          { key: 'gender', label: t('people.gender'), children: gender },
          { key: 'ethnicity', label: t('people.ethnicity'), children: tx(person.ethnicity) || none },
          { key: 'birthDate', label: t('people.birthDate'), children: person.birthDate ?? none },
          { key: 'idNumber', label: t('people.idNumber'), children: <Masked person={person} field="idNumber" masked={person.idNumberMasked} /> },
          { key: 'phone', label: t('people.phone'), children: <Masked person={person} field="phone" masked={person.phoneMasked} /> },
          { key: 'address', label: t('people.address'), children: <Masked person={person} field="address" masked={person.addressMasked} /> },
          { key: 'org', label: t('people.org'), children: tx(person.orgName) || none },
          ...(person.jointCommittees.length
            ? [{ key: 'joint', label: t('people.jointCommittees'), children: <span data-testid="person-joint">{person.jointCommittees.map((j) => tx(j.orgName)).join('、')}</span> }]
            : []),
          { key: 'unit', label: t('people.unit'), children: tx(person.unitName) || none },
          {
            key: 'residence',
            label: t('people.residence'),
            children: person.residence ? (
              <span data-testid="person-residence">
                {[person.residence.communityName, person.residence.gridName, householdLabel(person.residence)].map((x) => tx(x)).join(' / ')}
              </span>
            ) : person.householdId ? (
              t('people.residenceHidden')
            ) : (
              none
            ),
          },
        ]}
      />
      {person.isMember && (
        <Descriptions
          title={t('people.sectionMember')}
          column={1}
          size="small"
          items={[
            { key: 'category', label: t('people.category'), children: person.category ? enumLabel('PersonCategory', person.category) : none },
            {
              key: 'status',
              label: t('people.memberStatus'),
              children: person.memberStatus ? <Tag color="red">{enumLabel('MemberStatus', person.memberStatus)}</Tag> : none,
            },
            {
              key: 'joinedOn',
              label: t('people.joinedOn'),
              // "2003-06": the ledger knew only the month, so only the month is shown.
              children: person.joinedOn ? knownDate(t, person.joinedOn) : none,
            },
            { key: 'partyPost', label: t('people.partyPost'), children: tx(person.partyPost) || none },
            { key: 'studyAtHome', label: t('people.studyAtHome'), children: t(person.studyAtHome ? 'common.yes' : 'common.no') },
          ]}
        />
      )}
      <Descriptions
        title={t('people.sectionService')}
        column={1}
        size="small"
        items={[
          { key: 'skills', label: t('people.skills'), children: person.skills.length ? person.skills.map((s) => <Tag key={s}>{tx(s)}</Tag>) : none },
          {
            key: 'availability',
            label: t('people.availability'),
            children: person.availability.length ? person.availability.map((a) => <Tag key={a}>{enumLabel('Availability', a)}</Tag>) : none,
          },
        ]}
      />
    </div>
  );
}
