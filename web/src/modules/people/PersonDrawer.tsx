import { EditOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Spin } from 'antd';
import { useState } from 'react';
import { useIsPhone, useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { peopleApi } from './api';
import { AccountSection } from './AccountSection';
import { PersonFile } from './PersonFile';
import { PersonForm } from './PersonForm';

/** One person's file beside the list, with the edit button where the file offers it. */
export function PersonDrawer({ personId, onClose, onChanged }: { personId: number | null; onClose: () => void; onChanged: () => void }) {
  const { t, tx } = useI18n();
  const isPhone = useIsPhone();
  const [editing, setEditing] = useState(false);
  const loaded = useLoad(personId === null ? null : () => peopleApi.get(personId), [personId]);
  const person = loaded.data?.id === personId ? loaded.data : undefined;
  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 560}
      title={person ? tx(person.name) : t('people.detail')}
      destroyOnHidden
      data-testid="person-drawer"
      extra={
        person?.actions.includes('edit') && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="person-edit">
            {t('people.edit')}
          </Button>
        )
      }
    >
      {!person ? loaded.failed ? <Empty /> : <Spin className="gj-block-spin" /> : (
        <>
          <PersonFile person={person} />
          <AccountSection person={person} onChanged={(p) => loaded.setData(p)} />
        </>
      )}
      {editing && person && (
        <PersonForm
          person={person}
          onClose={() => setEditing(false)}
          onSaved={() => {
            loaded.reload();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}
