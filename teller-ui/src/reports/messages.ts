import type { LocalizedText } from '@lobbyflow/contracts';
import { withSharedMessages } from '../shared/messages';

/** What the report page says, in Simplified Chinese (default) and English, with the console's shared words. */
const reportMessages = {
  reportsTitle: { zh: '运营报表', en: 'Reports' },
  from: { zh: '从', en: 'From' },
  to: { zh: '到', en: 'To' },
  today: { zh: '今天', en: 'Today' },
  last7: { zh: '近 7 天', en: 'Last 7 days' },
  last30: { zh: '近 30 天', en: 'Last 30 days' },
  showReport: { zh: '查询', en: 'Show' },
  loadReport: { zh: '读取报表', en: 'Load the report' },
  downloadCsv: { zh: '下载 CSV', en: 'Download CSV' },
  rangeLine: {
    zh: '营业日 {from} 至 {to}（{zone}），生成于 {at}',
    en: 'Business days {from} to {to} ({zone}), made at {at}',
  },
  oneDayLine: { zh: '营业日 {from}（{zone}），生成于 {at}', en: 'Business day {from} ({zone}), made at {at}' },
  backToLobby: { zh: '大堂', en: 'Lobby' },
  backToAdmin: { zh: '管理', en: 'Admin' },
  noData: { zh: '这段时间没有数据', en: 'No data for these days' },

  // Totals
  visitsTitle: { zh: '客户', en: 'Customers' },
  issued: { zh: '取号', en: 'Issued' },
  served: { zh: '办结', en: 'Served' },
  cancelled: { zh: '取消', en: 'Cancelled' },
  expired: { zh: '过期', en: 'Expired' },
  openNow: { zh: '未结束', en: 'Still open' },
  waitStatsTitle: { zh: '等候时间（分钟）', en: 'Waiting time (min)' },
  serviceTitle: { zh: '办理时间（分钟）', en: 'Service time (min)' },
  mean: { zh: '平均', en: 'Mean' },
  median: { zh: '中位数', en: 'Median' },
  p90: { zh: '90% 分位', en: 'P90' },
  max: { zh: '最长', en: 'Max' },
  count: { zh: '次数', en: 'Count' },
  serviceLevelTitle: { zh: '服务达标率', en: 'Service level' },
  serviceLevelLine: {
    zh: '{of} 次等候中 {within} 次在 {target} 分钟内叫号',
    en: '{within} of {of} waits called within {target} min',
  },
  diversionTitle: { zh: '分流率', en: 'Diversion rate' },
  diversionLine: {
    zh: '建议自助 {advised} 人，接受 {accepted}，仍取号 {declined}',
    en: '{advised} advised self-service, {accepted} accepted, {declined} took a ticket',
  },
  redirectedLine: {
    zh: '大堂二次分流到自助 {count} 人（不计入分流率）',
    en: '{count} sent to self-service by the lobby later (not in the rate)',
  },

  // Charts
  waitsByHour: { zh: '各时段等候时间', en: 'Waits by hour' },
  issuedByHour: { zh: '各时段取号量', en: 'Tickets issued by hour' },
  funnelChart: { zh: '转介漏斗', en: 'Referral funnel' },
  meanWait: { zh: '平均等候', en: 'Mean wait' },
  p90Wait: { zh: '90% 分位等候', en: 'P90 wait' },
  minutesAxis: { zh: '分钟', en: 'minutes' },
  peopleAxis: { zh: '人', en: 'customers' },
  referralsAxis: { zh: '转介', en: 'referrals' },
  hourLabel: { zh: '{hour}时', en: '{hour}:00' },
  waitsChartSummary: {
    zh: '按小时的平均和 90% 分位等候时间（分钟）',
    en: 'Mean and P90 waiting time by hour, in minutes',
  },
  issuedChartSummary: { zh: '按小时的取号量', en: 'Tickets issued by hour' },
  funnelChartSummary: {
    zh: '转介漏斗：识别 {flagged}，通知 {alerted}，接待 {met}，成交 {converted}',
    en: 'Referral funnel: flagged {flagged}, alerted {alerted}, met {met}, converted {converted}',
  },

  // Ratings
  ratingsTitle: { zh: '客户满意率', en: 'Satisfied customers' },
  ratingsLine: {
    zh: '满意 {satisfied} · 基本满意 {basically} · 不满意 {dissatisfied}（共 {rated} 条评价，邀请 {asked} 次）',
    en: 'satisfied {satisfied} · basically {basically} · dissatisfied {dissatisfied} ({rated} ratings of {asked} asked)',
  },
  ratingsPerVisit: { zh: '每位办结客户的评价数 {value}', en: '{value} ratings per served visit' },
  ratingsByCounter: { zh: '各窗口评价分布', en: 'Ratings by counter' },
  ratingsAxis: { zh: '评价', en: 'ratings' },
  ratingsChartSummary: {
    zh: '各窗口满意、基本满意、不满意的评价数',
    en: 'Satisfied, basically satisfied and dissatisfied ratings by counter',
  },

  // Tables
  byQueue: { zh: '按队列', en: 'By queue' },
  byBusinessType: { zh: '按业务类型', en: 'By business type' },
  byCounter: { zh: '按柜台', en: 'By counter' },
  byStaff: { zh: '按员工', en: 'By staff member' },
  byHour: { zh: '按时段', en: 'By hour' },
  group: { zh: '分组', en: 'Group' },
  waits: { zh: '等候次数', en: 'Waits' },
  waitMean: { zh: '平均等候', en: 'Mean wait' },
  waitP90: { zh: '等候 P90', en: 'Wait P90' },
  waitMax: { zh: '最长等候', en: 'Max wait' },
  serviceMean: { zh: '平均办理', en: 'Mean service' },
  serviceP90: { zh: '办理 P90', en: 'Service P90' },
  serviceLevelShort: { zh: '达标率', en: 'Service level' },
  busyMinutes: { zh: '忙碌（分钟）', en: 'Busy (min)' },
  utilisation: { zh: '利用率', en: 'Utilisation' },
  pausedMinutes: { zh: '暂停（分钟）', en: 'Paused (min)' },
  pausedByReason: { zh: '暂停原因', en: 'Pauses by reason' },
  noPauses: { zh: '无', en: 'none' },

  // Referral funnel
  referralFunnelTitle: { zh: '转介理财经理', en: 'Referrals to RMs' },
  flagged: { zh: '识别', en: 'Flagged' },
  alerted: { zh: '通知', en: 'Alerted' },
  met: { zh: '接待', en: 'Met' },
  converted: { zh: '成交', en: 'Converted' },
  total: { zh: '合计', en: 'Total' },
  byRm: { zh: '按理财经理', en: 'By RM' },
  bySource: { zh: '按来源', en: 'By source' },
  'source-teller': { zh: '柜员', en: 'Teller' },
  'source-lobby-manager': { zh: '大堂经理', en: 'Lobby manager' },
  'source-walk-in': { zh: '未取号客户', en: 'Walk-in' },
  'source-admin': { zh: '管理员', en: 'Admin' },
  'source-rm': { zh: '理财经理', en: 'RM' },
} satisfies Record<string, LocalizedText>;

export const t = withSharedMessages(reportMessages);

export type ReportMessageKey = Parameters<typeof t>[0];

/** A referral source's name ("柜员", "未取号客户"), or its code when the console does not know it. */
export function sourceLabel(source: string): string {
  const key = `source-${source}`;
  return key in reportMessages ? t(key as ReportMessageKey) : source;
}
