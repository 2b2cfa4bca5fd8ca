import { Card, Empty, Pagination, Spin, Table } from 'antd';
import type { TableProps } from 'antd';
import { useState, type Key, type ReactNode } from 'react';
import { useIsPhone } from './hooks';
import { useI18n } from './i18n';

export interface Paging {
  page: number;
  pageSize: number;
}

/** Page state that falls back to page 1 whenever the filter changes. */
export function usePaging(filterKey: string, pageSize = 20): [Paging, (next: Paging) => void] {
  const [state, setState] = useState({ filterKey, page: 1, pageSize });
  const paging = { page: state.filterKey === filterKey ? state.page : 1, pageSize: state.pageSize };
  return [paging, (next) => setState({ filterKey, ...next })];
}

interface DataTableProps<T> {
  rows: T[] | undefined;
  total: number;
  loading: boolean;
  rowKey: (row: T) => Key;
  columns: NonNullable<TableProps<T>['columns']>;
  paging: Paging;
  onPaging: (next: Paging) => void;
  emptyText: string;
  /** How a row reads on a phone; without it the table scrolls sideways. */
  renderCard?: (row: T) => ReactNode;
  expandable?: TableProps<T>['expandable'];
  testId: string;
}

/** A paged list: a table on desktop, cards on a phone. */
export function DataTable<T extends object>(props: DataTableProps<T>) {
  const { rows, total, loading, rowKey, columns, paging, onPaging, emptyText, renderCard, expandable, testId } = props;
  const isPhone = useIsPhone();
  const { t } = useI18n();
  const showTotal = (n: number) => t('common.total', { total: n });

  if (isPhone && renderCard) {
    return (
      <div data-testid={testId}>
        <Spin spinning={loading}>
          {rows && rows.length > 0 ? (
            <div className="gj-cards">
              {rows.map((row) => (
                <Card size="small" key={rowKey(row)} data-testid={`${testId}-card`}>
                  {renderCard(row)}
                </Card>
              ))}
            </div>
          ) : (
            <Empty description={loading ? t('common.loading') : emptyText} className="gj-empty" />
          )}
        </Spin>
        {total > 0 && (
          <Pagination
            simple
            className="gj-card-pagination"
            current={paging.page}
            pageSize={paging.pageSize}
            total={total}
            showTotal={showTotal}
            onChange={(page, pageSize) => onPaging({ page, pageSize })}
          />
        )}
      </div>
    );
  }

  return (
    <div data-testid={testId}>
    <Table<T>
      size={isPhone ? 'small' : 'middle'}
      rowKey={rowKey}
      columns={columns}
      dataSource={rows}
      loading={loading}
      expandable={expandable}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total,
        showTotal,
        showSizeChanger: !isPhone,
        pageSizeOptions: [10, 20, 50, 100],
        simple: isPhone,
        onChange: (page, pageSize) => onPaging({ page, pageSize }),
      }}
    />
    </div>
  );
}
