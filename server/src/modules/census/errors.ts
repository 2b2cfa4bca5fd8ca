import { defineErrors } from '../../kernel/errors.ts';

/** The census module's refusals (codes `census.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('census', {
  not_running: { status: 400, field: 'status', zh: '这次导入{status}，不需要继续', en: 'This import is {status}; there is nothing to resume' },
  in_progress: { status: 409, zh: '这次导入正在进行中', en: 'This import is in progress' },
  column_count: {
    status: 400,
    field: 'columns',
    zh: '列的对应有 {given} 项，而文件有 {width} 列，请重新选择文件',
    en: 'The column mapping has {given} entries but the file has {width} columns; please choose the file again',
  },
  field_twice: { status: 400, field: 'columns', zh: '“{field}”对应了两列：{first}和{second}', en: '“{field}” is mapped to two columns: {first} and {second}' },
  fixed_and_mapped: {
    status: 400,
    field: 'fixed',
    zh: '“{field}”已对应到文件中的“{column}”列，不能再统一填写',
    en: '“{field}” is already mapped to the file’s column “{column}”, so it cannot also be given one value',
  },
  no_mapped_data: { status: 400, field: 'file', zh: '对应到字段的列中没有数据，请检查各列对应的字段', en: 'The mapped columns hold no data; please check the mapping' },
  too_many_rows: {
    status: 400,
    field: 'file',
    zh: '文件有 {rows} 行，一次最多导入 {max} 行，请分成几个文件',
    en: 'The file has {rows} rows; at most {max} can be imported at once, so please split it',
  },
  no_rows: {
    status: 400,
    field: 'file',
    zh: '文件中没有数据行（第 1 行为表头，从第 2 行起每行一人）',
    en: 'The file has no data rows (row 1 is the header; from row 2 on, one person a row)',
  },
});

export const IMPORT = { zh: '导入批次', en: 'Import' };
