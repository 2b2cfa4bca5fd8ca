import { Card, Empty, Spin } from 'antd';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { peopleApi } from './api';
import { PersonFile } from './PersonFile';

/**
 * A member's or resident's own file, on a phone. Row-level security lets them
 * see no one else, so their own file is the one person their list holds.
 */
export function MyFilePage() {
  const { t } = useI18n();
  const mine = useLoad(async () => {
    const [own] = (await peopleApi.list({ page: 1, pageSize: 1 })).items;
    return own ? peopleApi.get(own.id) : null;
  }, []);
  return (
    <Card title={t('people.myFile')} data-testid="my-file">
      {mine.loading ? <Spin className="gj-block-spin" /> : mine.data ? <PersonFile person={mine.data} /> : <Empty description={t('people.myFileEmpty')} />}
    </Card>
  );
}
