import { withSharedMessages } from '../shared/messages';

/**
 * What the relationship manager's console says, in Simplified Chinese (default) and English. Terms follow
 * domain.md: 转介 referral / call-over, 回访 follow-up, 跟进等级 grade.
 */
const rmMessages = {
  rmTitle: { zh: '理财经理工作台', en: 'RM console' },
  presenceLabel: { zh: '我的状态', en: 'My status' },
  'presence-available': { zh: '空闲', en: 'Available' },
  'presence-with-customer': { zh: '接待中', en: 'With a customer' },
  'presence-away': { zh: '不在', en: 'Away' },

  // Call-overs
  calloversTitle: { zh: '转介（{count}）', en: 'Call-overs ({count})' },
  calloverFor: { zh: '{who} 的转介', en: 'Call-over for {who}' },
  'noCallovers-available': {
    zh: '暂无转介。有客户需要您时，这里会响铃并显示提醒。',
    en: 'No call-overs. When a customer needs you, this screen chimes and shows the alert here.',
  },
  'noCallovers-with-customer': {
    zh: '您正在接待客户，暂不接收新的转介。接待完毕请切换为“空闲”。',
    en: 'You are with a customer: no new call-overs for now. Switch to "available" when you are free.',
  },
  'noCallovers-away': {
    zh: '您的状态是“不在”：不会收到转介。回到岗位后请切换为“空闲”。',
    en: 'You are "away": no call-overs reach you. Switch to "available" when you are back.',
  },
  deskLoadFailed: {
    zh: '未能读取您的转介和回访清单，连接恢复后会自动重试。',
    en: 'Your call-overs and follow-ups could not be read; they are read again when the connection is back.',
  },
  newCallover: { zh: '新转介，请应答', en: 'New call-over — please answer' },
  answerWithin: {
    zh: '{seconds} 秒内未应答将转给其他理财经理',
    en: '{seconds} s to answer before it passes to another RM',
  },
  answerOverdue: { zh: '已等 {time}，即将转给其他理财经理', en: 'Waiting {time}: about to pass to another RM' },
  'callover-accepted': { zh: '您已答应马上过去', en: 'You said you are coming' },
  'callover-deferred': { zh: '您已答应稍后过去', en: 'You said you will come later' },
  deferredUntil: { zh: '您答应 {time} 前过去', en: 'You promised to be there by {time}' },
  deferredLate: {
    zh: '您答应 {time} 前过去，已超时 {late}',
    en: 'You promised to be there by {time}: {late} late',
  },
  meetingFor: { zh: '面谈中 · {time}', en: 'In the meeting · {time}' },
  referredAgo: { zh: '{time}前 · {by}转介', en: '{time} ago · {by} referral' },
  scoreOnly: { zh: '评分 {score}', en: 'score {score}' },
  whereLabel: { zh: '客户位置', en: 'Where' },
  whereAtCounter: { zh: '正在 {counter} 办理业务', en: 'At {counter}, being served' },
  whereWaiting: { zh: '在等候区排队（{queue}）', en: 'Waiting in the hall ({queue})' },
  whereParked: { zh: '已挂起，在等候区等您', en: 'Parked for you, waiting in the hall' },
  whereTicketClosed: {
    zh: '{number} 的柜台业务已办完；请看备注，或向大堂经理确认客户位置',
    en: "{number}'s counter business is done; see the note or ask the lobby manager where the customer is",
  },
  referrerNote: { zh: '转介人留言', en: 'Note' },
  consentedContact: { zh: '客户留下的联系方式', en: 'Contact left by the customer' },
  reasonsLabel: { zh: '识别信号', en: 'Signals' },
  openingLabel: { zh: '建议开场白', en: 'Suggested opening' },
  rmAssetsReason: { zh: '理财经理接待转介客户 {who}', en: 'RM meeting the referred customer {who}' },
  comingNow: { zh: '马上过来', en: 'Coming now' },
  deferLabel: {
    zh: '稍后过去（请大堂经理安排客户在贵宾室稍候）',
    en: 'Later (the customer is seated in the VIP room)',
  },
  deferMinutes: { zh: '{minutes} 分钟后', en: 'in {minutes} min' },
  decline: { zh: '无法接待', en: 'Decline' },
  declineReasonLabel: { zh: '无法接待的原因', en: 'Why you cannot come' },
  declineBusy: { zh: '正在接待其他客户', en: 'With another customer' },
  declineOut: { zh: '不在网点', en: 'Out of the branch' },
  declineSpecialty: { zh: '客户需求不在我的专长', en: 'Not my specialty' },
  confirmDecline: { zh: '确认无法接待', en: 'Decline the call-over' },
  declineHint: {
    zh: '转介将转给下一位理财经理，大堂经理能看到原因。',
    en: 'The call-over passes to the next RM; the lobby manager sees why.',
  },
  metCustomer: { zh: '已见到客户', en: 'Met the customer' },
  noticePassedTo: { zh: '{who} 的转介已转给 {rm}。', en: 'The call-over for {who} went to {rm}.' },
  noticePassedOn: {
    zh: '{who} 的转介未及时应答，已转给其他理财经理。',
    en: 'The call-over for {who} was not answered in time and went to another RM.',
  },
  noticeReturned: {
    zh: '{who}：没有其他理财经理能接待，已交回大堂经理安排。',
    en: '{who}: no other RM can take it; the lobby manager arranges it.',
  },

  // The meeting's outcome and later contacts
  outcomeTitle: { zh: '面谈结果', en: 'Outcome of the meeting' },
  outcomeLabel: { zh: '结果', en: 'Outcome' },
  contactOutcomeLabel: { zh: '结果（可不填）', en: 'Outcome (optional)' },
  'outcome-converted': { zh: '已成交', en: 'Converted' },
  'outcome-interested': { zh: '有意向', en: 'Interested' },
  'outcome-not-interested': { zh: '暂无意向', en: 'Not interested' },
  outcomeUnchanged: { zh: '不填', en: 'None' },
  gradeLabel: { zh: '跟进等级', en: 'Follow-up grade' },
  gradeOption: { zh: '{grade} 级：{meaning}', en: 'Grade {grade}: {meaning}' },
  nextContact: { zh: '下次联系 {day}（{due}）', en: 'next contact {day} ({due})' },
  productsLabel: { zh: '讨论的产品', en: 'Products discussed' },
  productsPlaceholder: {
    zh: '多个产品用逗号分隔，如：基金定投，大额存单',
    en: 'Separate with commas: fund plan, large CD',
  },
  rmNoteLabel: { zh: '备注（可选）', en: 'Note (optional)' },
  recordOutcome: { zh: '记录面谈结果', en: 'Record the outcome' },
  pickOutcomeAndGrade: { zh: '请选择结果和跟进等级', en: 'Choose an outcome and a grade' },
  pickGrade: { zh: '请选择跟进等级', en: 'Choose a grade' },
  recordedFollowUp: {
    zh: '{who}：{grade} 级，下次联系 {day}（{due}）',
    en: '{who}: grade {grade}, next contact {day} ({due})',
  },

  // Follow-ups
  followUpsTitle: { zh: '回访（{count}）', en: 'Follow-ups ({count})' },
  overdueCount: { zh: '逾期 {count}', en: '{count} overdue' },
  noFollowUps: { zh: '暂无需要回访的客户。', en: 'Nobody to follow up.' },
  dueOverdue: { zh: '逾期 {days} 天', en: '{days} days overdue' },
  dueOverdueOne: { zh: '逾期 1 天', en: '1 day overdue' },
  dueToday: { zh: '今天', en: 'today' },
  dueTomorrow: { zh: '明天', en: 'tomorrow' },
  dueInDays: { zh: '{days} 天后', en: 'in {days} days' },
  fromTicket: { zh: '来自 {number}', en: 'from {number}' },
  unidentifiedCustomer: { zh: '未识别身份的客户', en: 'Customer not identified' },
  noTimeReferral: {
    zh: '客户当时没有时间：已递贵宾体验卡，请回访。',
    en: 'The customer had no time: handed a VIP experience card, call back.',
  },
  lastContacts: { zh: '最近联系', en: 'Latest contacts' },
  meetingLabel: { zh: '面谈', en: 'Meeting' },
  channelLabel: { zh: '联系方式', en: 'Channel' },
  'channel-phone': { zh: '电话', en: 'Phone' },
  'channel-visit': { zh: '面谈', en: 'Visit' },
  'channel-message': { zh: '短信/微信', en: 'Message' },
  recordContactOpen: { zh: '记录联系', en: 'Record a contact' },
  recordContact: { zh: '记录本次联系', en: 'Record the contact' },
};

/**
 * The console's catalogue with the RM's words merged in: the RM console's components call this `t()`, which
 * knows every shared key too (both languages required for each; a key of both is a type error).
 */
export const t = withSharedMessages(rmMessages);
