// Statistics (统计): an organization's figures for a period, each counted from the records behind it.
export const zhCN = {
  'statistics.menu': '统计',
  'statistics.title': '{org} 统计',
  'statistics.from': '起始日期',
  'statistics.to': '截止日期',
  'statistics.pickOrg': '请在左侧选择组织',
  'statistics.figure': '指标',
  'statistics.value': '数值',
  'statistics.now': '当前',
  'statistics.inPeriod': '期间内',
  'statistics.trend': '按月趋势',
  'statistics.month': '月份',
  'statistics.children': '下级组织对比',
  'statistics.org': '组织',
  'statistics.note': '每个数字都由工作记录统计得出，点击可查看背后的记录；不对个人排名。',
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  'statistics.menu': 'Statistics',
  'statistics.title': 'Statistics of {org}',
  'statistics.from': 'From',
  'statistics.to': 'To',
  'statistics.pickOrg': 'Pick an organization in the tree',
  'statistics.figure': 'Figure',
  'statistics.value': 'Value',
  'statistics.now': 'now',
  'statistics.inPeriod': 'in the period',
  'statistics.trend': 'Per month',
  'statistics.month': 'Month',
  'statistics.children': 'Organizations below, side by side',
  'statistics.org': 'Organization',
  'statistics.note': 'Every figure is counted from the records of the work; click one to see them. Nobody is ranked.',
};
