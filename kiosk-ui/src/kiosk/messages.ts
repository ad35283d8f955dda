import { catalogue } from '@lobbyflow/ui-kit';

/** Everything the kiosk says, in both languages. */
export const t = catalogue({
  welcome: { zh: '欢迎光临', en: 'Welcome' },
  chooseBusiness: { zh: '请选择您要办理的业务', en: 'What would you like to do today?' },
  priority: {
    zh: '优先服务：老年人、残障人士、孕妇、带婴幼儿',
    en: 'Priority: elderly, disabled, pregnant, with a baby',
  },
  priorityOn: { zh: '已选择优先服务', en: 'Priority service selected' },
  groupCash: { zh: '存款 / 取款', en: 'Deposit / withdraw' },
  groupBill: { zh: '生活缴费', en: 'Pay a bill' },
  groupTransfer: { zh: '转账汇款', en: 'Transfer' },
  groupNonCash: { zh: '银行卡与账户', en: 'Cards & accounts' },
  groupWealth: { zh: '理财与投资', en: 'Wealth & investment' },
  groupCorporate: { zh: '对公业务', en: 'Corporate' },
  groupOther: { zh: '其他业务', en: 'Other' },
  waitAbout: { zh: '约 {minutes} 分钟', en: 'about {minutes} min' },
  noWait: { zh: '无需等候', en: 'no wait' },
  whichOne: { zh: '请选择具体业务', en: 'Which one?' },
  haveCard: { zh: '您带了本行银行卡吗？', en: 'Do you have a card of this bank with you?' },
  yes: { zh: '有', en: 'Yes' },
  no: { zh: '没有', en: 'No' },
  howMuch: { zh: '大约金额是多少？', en: 'Roughly how much?' },
  upTo: { zh: '{upTo} 及以下', en: 'Up to {upTo}' },
  between: { zh: '{above} – {upTo}', en: '{above} – {upTo}' },
  above: { zh: '{above} 以上', en: 'More than {above}' },
  faster: { zh: '有更快的办理方式', en: 'There is a faster way' },
  useMachine: { zh: '我去自助机办理', en: "I'll use the machine" },
  stillTicket: { zh: '我仍要取号', en: "I'd still like a ticket" },
  thanks: { zh: '谢谢！如需帮助，请找大堂经理。', en: 'Thank you! Our lobby manager is happy to help.' },
  yourNumber: { zh: '您的排队号', en: 'Your number' },
  ahead: { zh: '前面 {count} 人', en: '{count} ahead of you' },
  waitEstimate: { zh: '预计等候约 {minutes} 分钟', en: 'Estimated wait about {minutes} min' },
  scan: { zh: '扫码在手机上查看排队进度', en: 'Scan to follow your place on your phone' },
  print: { zh: '打印小票', en: 'Print ticket' },
  done: { zh: '完成', en: 'Done' },
  back: { zh: '返回', en: 'Back' },
  working: { zh: '正在取号……', en: 'Getting your ticket…' },
  offline: { zh: '系统暂时无法连接，请联系工作人员', en: 'The system is unavailable right now — please ask our staff' },
  failed: {
    zh: '取号未成功，请重试或联系工作人员',
    en: 'The ticket could not be issued — please try again or ask our staff',
  },
  needsKey: {
    zh: '此取号机需要设备密钥，请联系网点管理员。',
    en: 'This kiosk needs its device key; please ask the branch admin.',
  },
  identify: { zh: '刷卡或输入手机号（可选）', en: 'Swipe your card or enter your phone number (optional)' },
  identifyWhy: {
    zh: '如您是本行客户，我们可以为您安排专属客户经理。本机不保存您的卡号或手机号。',
    en: 'If you bank with us, we can bring your own relationship manager. This machine does not keep your number.',
  },
  card: { zh: '银行卡', en: 'Bank card' },
  phone: { zh: '手机号', en: 'Phone number' },
  numberLabel: { zh: '请刷卡或输入号码', en: 'Swipe the card or type the number' },
  confirm: { zh: '确定', en: 'Confirm' },
  skip: { zh: '跳过', en: 'Skip' },
  identified: { zh: '已录入，尾号 {last4}', en: 'Entered, ending {last4}' },
  branchTitle: { zh: '{branch}', en: '{branch}' },
});

/** 20000 → "2万元" / "20,000 CNY". */
export function money(amount: number, locale: 'zh' | 'en'): string {
  if (locale === 'zh') return amount % 10000 === 0 ? `${amount / 10000}万元` : `${amount.toLocaleString('zh-CN')}元`;
  return `${amount.toLocaleString('en-US')} CNY`;
}
