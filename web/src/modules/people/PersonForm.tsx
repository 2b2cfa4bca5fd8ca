import { App, Checkbox, Col, Divider, Form, Input, Row, Select, Switch } from 'antd';
import { useI18n } from '../../kernel/i18n';
import { DayOrMonthInput } from '../../kernel/DayOrMonthInput';
import { FormModal } from '../../kernel/FormModal';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { UnitSelect } from '../orgs/pickers';
import { ResidencePicker } from './ResidencePicker';
import { peopleApi, type PersonDetail, type PersonInput } from './api';

type Values = Omit<PersonInput, 'phone' | 'idNumber' | 'address'> & { orgId?: number; phone?: string; idNumber?: string; address?: string };

const blankToNull = (v: string | undefined) => (v ? v.trim() || null : null);

/**
 * Creates a person, or edits one (`person` given). Masked values are never
 * sent back: an edit leaves the ID number, phone and address alone unless a
 * new value is typed.
 */
export function PersonForm({ person, onClose, onSaved }: { person?: PersonDetail; onClose: () => void; onSaved: (id: number) => void }) {
  const { t, enumOptions } = useI18n();
  const { message } = App.useApp();
  const editing = person !== undefined;

  const submit = async (v: Values) => {
    const sealed = (key: 'phone' | 'idNumber' | 'address') => (v[key] ? { [key]: blankToNull(v[key]) } : editing ? {} : { [key]: null });
    const member = v.isMember === true;
    const input: PersonInput = {
      name: v.name,
      gender: v.gender ?? null,
      unitId: v.unitId ?? null,
      isMember: member,
      category: member ? (v.category ?? null) : null,
      memberStatus: member ? (v.memberStatus ?? null) : null,
      joinedOn: member ? v.joinedOn || null : null,
      partyPost: member ? blankToNull(v.partyPost ?? undefined) : null,
      ethnicity: blankToNull(v.ethnicity ?? undefined),
      birthDate: v.birthDate || null,
      skills: v.skills ?? [],
      availability: v.availability ?? [],
      studyAtHome: v.studyAtHome ?? false,
      householdId: v.householdId ?? null,
      ...sealed('phone'),
      ...sealed('idNumber'),
      ...sealed('address'),
    };
    // The form requires the organization and the name of a new person.
    const saved = editing ? await peopleApi.update(person.id, input) : await peopleApi.create({ ...input, orgId: v.orgId!, name: v.name! });
    void message.success(t(editing ? 'people.saved' : 'people.created'));
    onSaved(saved.id);
  };

  const initial: Values = person
    ? { ...person, phone: undefined, idNumber: undefined, address: undefined }
    : { isMember: false, skills: [], availability: [], studyAtHome: false };

  return (
    <FormModal<Values> open title={t(editing ? 'people.edit' : 'people.create')} onClose={onClose} onSubmit={submit} initialValues={initial} testId="person-form">
      {!editing && (
        <Form.Item name="orgId" label={t('people.org')} rules={[{ required: true, message: t('people.orgRequired') }]}>
          <OrgTreeSelect data-testid="person-form-org" />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, message: t('people.nameRequired') }]}>
            <Input maxLength={40} data-testid="person-form-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="gender" label={t('people.gender')}>
            <Select allowClear options={[{ value: 'male', label: t('people.male') }, { value: 'female', label: t('people.female') }]} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="phone"
            label={t('people.phone')}
            extra={editing && person.phoneMasked ? person.phoneMasked : undefined}
            rules={[{ pattern: /^1\d{10}$/, message: t('people.phoneInvalid') }]}
          >
            <Input inputMode="tel" maxLength={11} data-testid="person-form-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="idNumber" label={t('people.idNumber')} extra={editing ? (person.idNumberMasked ?? undefined) : undefined}>
            <Input maxLength={30} data-testid="person-form-id-number" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="ethnicity" label={t('people.ethnicity')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="birthDate" label={t('people.birthDate')}>
            <Input type="date" data-testid="person-form-birth-date" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t('people.address')} extra={editing ? (person.addressMasked ?? undefined) : undefined}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="householdId" label={t('people.residence')} extra={t('people.residenceHint')}>
        <ResidencePicker initial={person?.residence} />
      </Form.Item>
      <Form.Item name="unitId" label={t('people.unit')}>
        <UnitSelect />
      </Form.Item>

      <Divider titlePlacement="start" plain>
        {t('people.sectionMember')}
      </Divider>
      <Form.Item name="isMember" label={t('people.isMember')} valuePropName="checked">
        <Switch data-testid="person-form-member" />
      </Form.Item>
      <Form.Item noStyle dependencies={['isMember']}>
        {({ getFieldValue }) =>
          getFieldValue('isMember') === true && (
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item name="category" label={t('people.category')}>
                  <Select allowClear data-testid="person-form-category" options={enumOptions('PersonCategory')} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="memberStatus" label={t('people.memberStatus')}>
                  <Select
                    allowClear
                    options={enumOptions('MemberStatus')}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="joinedOn" label={t('people.joinedOn')}>
                  <DayOrMonthInput testId="person-form-joined-on" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="partyPost" label={t('people.partyPost')}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="studyAtHome" valuePropName="checked">
                  <Checkbox>{t('people.studyAtHome')}</Checkbox>
                </Form.Item>
              </Col>
            </Row>
          )
        }
      </Form.Item>

      <Divider titlePlacement="start" plain>
        {t('people.sectionService')}
      </Divider>
      <Form.Item name="skills" label={t('people.skills')} extra={t('people.skillsHint')}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} data-testid="person-form-skills" />
      </Form.Item>
      <Form.Item name="availability" label={t('people.availability')}>
        <Checkbox.Group options={enumOptions('Availability')} />
      </Form.Item>
    </FormModal>
  );
}
