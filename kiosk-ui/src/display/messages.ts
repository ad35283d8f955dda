/** Copy of the display board. The board is bilingual at once: Chinese large, English beneath. */
export const DISPLAY_COPY = {
  nowCalling: { zh: '正在呼叫', en: 'Now calling' },
  pleaseGo: { zh: '请 {number} 号到 {counter} 办理', en: 'Ticket {number}, please go to {counter}' },
  waitingForYou: { zh: '请以下客户前往窗口', en: 'Please come to the counter' },
  recentCalls: { zh: '最近呼叫', en: 'Recent calls' },
  queues: { zh: '排队情况', en: 'Queues' },
  waiting: { zh: '等候 {count} 人', en: '{count} waiting' },
  about: { zh: '约 {minutes} 分钟', en: 'about {minutes} min' },
  noWait: { zh: '无需等候', en: 'no wait' },
  nobodyCalled: { zh: '请取号后留意叫号', en: 'Please take a ticket and watch for your number' },
  offline: {
    zh: '与服务器的连接中断，正在重新连接……',
    en: 'Connection to the server lost — reconnecting…',
  },
  needsKey: {
    zh: '此屏幕需要设备密钥：请打开服务器启动时打印的叫号屏地址。',
    en: 'This screen needs its device key: open the display link printed when the server started.',
  },
  refused: {
    zh: '设备密钥无效或已停用，请联系网点管理员。',
    en: 'This device key is invalid or revoked; ask the branch admin.',
  },
  enableSound: { zh: '点击此处开启语音叫号', en: 'Tap here to turn on voice calls' },
  voiceSettings: { zh: '语音设置', en: 'Voice settings' },
  languages: { zh: '播报语言', en: 'Languages' },
  repeat: { zh: '重复次数', en: 'Repeat' },
  close: { zh: '关闭', en: 'Close' },
} as const;
