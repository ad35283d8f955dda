import type { RatingGrade } from '@lobbyflow/contracts';

/** Copy of the counter's rating pad (Chinese by default, English one tap away). */
export const PAD_COPY = {
  welcome: { zh: '欢迎光临', en: 'Welcome' },
  idle: { zh: '感谢您的耐心等候，祝您办理顺利', en: 'Thank you for your patience' },
  ask: { zh: '请您为本次服务评价', en: 'How was our service today?' },
  askNumber: { zh: '{number} 号', en: 'Ticket {number}' },
  thanks: { zh: '感谢您的评价！', en: 'Thank you for your rating!' },
  thanksSub: { zh: '您的意见帮助我们做得更好', en: 'Your answer helps us do better' },
  privacy: {
    zh: '评价只针对本次服务，不会记录您的个人信息',
    en: 'Your rating is about this visit only; nothing about you is recorded',
  },
  offline: { zh: '连接中断，正在重新连接……', en: 'Connection lost — reconnecting…' },
  needsKey: {
    zh: '此评价器需要设备密钥：请打开服务器启动时打印的评价器地址。',
    en: 'This pad needs its device key: open the rating pad link printed when the server started.',
  },
  refused: {
    zh: '此评价器的密钥无效或已停用，请联系网点管理员。',
    en: 'This pad key is invalid or revoked; please ask the branch administrator.',
  },
  language: { zh: 'English', en: '中文' },
} as const;

/** The three grades, best first, as the customer reads them. */
export const GRADE_COPY: Record<RatingGrade, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  'basically-satisfied': { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};
