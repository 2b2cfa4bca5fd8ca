export const zhCN = {
  'homestudy.menu': '送学上门',
  'homestudy.intro': '把本月学习内容送到不能参加组织生活的党员家中，送达后在这里登记，计为该党员参加本月学习。',
  'homestudy.none': '暂无送学任务',
  'homestudy.to': '送学对象：{name}',
  'homestudy.study': '学习内容：{title}',
  'homestudy.due': '请于 {date} 前送达',
  'homestudy.deliver': '登记送达',
  'homestudy.note': '送学情况（可选）',
  'homestudy.done': '已登记送达',
  'homestudy.deliveredAt': '送达于 {at}',
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  'homestudy.menu': 'Study delivered home',
  'homestudy.intro': 'Take this month’s study to members who cannot come; record it here once delivered and it counts as their attendance.',
  'homestudy.none': 'No study deliveries for you',
  'homestudy.to': 'For: {name}',
  'homestudy.study': 'Study: {title}',
  'homestudy.due': 'Deliver by {date}',
  'homestudy.deliver': 'Record the delivery',
  'homestudy.note': 'How it went (optional)',
  'homestudy.done': 'Delivery recorded',
  'homestudy.deliveredAt': 'Delivered {at}',
};
