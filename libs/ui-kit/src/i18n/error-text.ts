import type { ErrorCode, LocalizedText } from '@lobbyflow/contracts';

/** The codes a client makes up itself when no answer came (ApiError). */
export type ClientErrorCode = 'NETWORK' | 'TIMEOUT';

/**
 * What each refusal means, in both languages, keyed by its stable code (every code the server can send,
 * so that a new code without words is a type error). The server's own message is English and names the
 * particulars ("Ticket B001 is closed; ..."): a Chinese screen leads with these words and keeps the
 * server's sentence as the detail.
 */
export const ERROR_TEXT: Record<ErrorCode | ClientErrorCode, LocalizedText> = {
  // input
  VALIDATION_FAILED: {
    zh: '填写的内容有误，请检查后重试。',
    en: 'Some of the input is not valid; check it and try again.',
  },
  MALFORMED_JSON: { zh: '请求内容无法识别。', en: 'The request could not be read.' },
  PAYLOAD_TOO_LARGE: { zh: '提交的内容过大。', en: 'What was sent is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持此文件或内容格式。', en: 'This file or content type is not supported.' },
  IDEMPOTENCY_KEY_INVALID: {
    zh: '请求标识无效，请刷新页面后重试。',
    en: 'The request key is not valid; reload and try again.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    zh: '同一请求标识已用于其他操作，请刷新页面后重试。',
    en: 'The request key was already used for something else; reload and try again.',
  },
  UNKNOWN_BUSINESS_TYPE: { zh: '本网点没有此业务类型。', en: 'This branch has no such business type.' },
  UNKNOWN_QUEUE: { zh: '本网点没有此队列。', en: 'This branch has no such queue.' },
  UNKNOWN_PAUSE_REASON: { zh: '暂停原因不在本网点的列表中。', en: "The pause reason is not one of the branch's." },
  UNKNOWN_SIGNAL: { zh: '识别信号不在本网点的规则中。', en: "The signal is not one of the branch's rules." },
  IMPORT_REJECTED: { zh: '导入文件有误，未导入任何数据。', en: 'The import file has problems; nothing was imported.' },
  RULES_INVALID: { zh: '识别规则有误，未保存。', en: 'The identification rules have problems; nothing was saved.' },
  RULES_CHANGED: {
    zh: '规则已被他人修改，未保存。请刷新后重新修改。',
    en: 'Someone else changed the rules meanwhile; nothing was saved. Reload and make your change again.',
  },
  CONFIG_INVALID: { zh: '设置有误，未保存。', en: 'The settings have problems; nothing was saved.' },
  // auth
  UNAUTHENTICATED: { zh: '登录已失效，请重新登录。', en: 'You are not signed in; sign in again.' },
  INVALID_CREDENTIALS: { zh: '用户名或密码错误。', en: 'Wrong username or password.' },
  TOO_MANY_ATTEMPTS: { zh: '尝试次数过多，请稍后再试。', en: 'Too many attempts; try again later.' },
  SESSION_REPLACED: { zh: '您的柜台已在别处登录。', en: 'Another sign-in took your counter over.' },
  FORBIDDEN: { zh: '您的角色不能执行此操作。', en: 'Your role may not do this.' },
  WRONG_BRANCH: { zh: '此操作属于其他网点。', en: 'This belongs to another branch.' },
  WRONG_COUNTER: {
    zh: '此操作与您登录的柜台不符（客户在其他柜台，或您未在柜台登录）。',
    en: 'This does not match the counter you are signed in at.',
  },
  PRIORITY_NOT_ALLOWED: { zh: '您不能发放此优先级的票号。', en: 'You may not issue a ticket of this priority.' },
  // lookup
  NOT_FOUND: { zh: '找不到所要的内容。', en: 'Not found.' },
  BRANCH_NOT_FOUND: { zh: '找不到此网点。', en: 'No such branch.' },
  TICKET_NOT_FOUND: { zh: '找不到此票号。', en: 'No such ticket.' },
  COUNTER_NOT_FOUND: { zh: '找不到此柜台。', en: 'No such counter.' },
  STAFF_NOT_FOUND: {
    zh: '找不到相应的员工（例如本网点没有可转介的理财经理）。',
    en: 'No such staff member (for example, no RM to refer to).',
  },
  DEVICE_NOT_FOUND: { zh: '找不到此设备。', en: 'No such device.' },
  CUSTOMER_NOT_FOUND: { zh: '找不到此客户。', en: 'No such customer.' },
  REFERRAL_NOT_FOUND: { zh: '找不到此转介。', en: 'No such referral.' },
  QUEUE_NOT_FOUND: { zh: '找不到此队列。', en: 'No such queue.' },
  BUSINESS_TYPE_NOT_FOUND: { zh: '找不到此业务类型。', en: 'No such business type.' },
  // state
  ILLEGAL_TRANSITION: {
    zh: '当前状态不允许此操作（票号或转介已有变化），画面可能不是最新的。',
    en: 'Its state does not allow this now (the ticket or referral has moved on); the screen may be out of date.',
  },
  TICKET_PARKED_FOR_OTHER: { zh: '此票号已留给其他员工办理。', en: 'This ticket is held for another staff member.' },
  RECALL_TOO_SOON: { zh: '刚刚叫过号，请稍候再重呼。', en: 'Called just now; wait a moment before recalling.' },
  NO_SHOW_TOO_EARLY: { zh: '叫号后需再等一会儿才能记为过号。', en: 'Too early after the call to mark a no-show.' },
  COUNTER_PAUSED: { zh: '柜台已暂停服务，请先恢复。', en: 'The counter is paused; resume it first.' },
  COUNTER_CLOSED: { zh: '柜台已关闭，请先开启。', en: 'The counter is closed; open it first.' },
  COUNTER_BUSY: {
    zh: '柜台还有正在办理的客户，请先办结、退回或转移。',
    en: 'The counter is still handling a customer; finish, return or move them first.',
  },
  COUNTER_SEAT_TAKEN: { zh: '该柜台正在使用中。', en: 'This counter is in use.' },
  COUNTER_NOT_SERVING_QUEUE: { zh: '此柜台不办理该队列的业务。', en: 'This counter does not serve that queue.' },
  TRANSFER_TARGET_REQUIRED: { zh: '请选择转到哪个队列或柜台。', en: 'Choose the queue or counter to move it to.' },
  TRANSFER_TO_SAME_QUEUE: { zh: '票号已在该队列中。', en: 'The ticket is already in that queue.' },
  NO_ROUTE: {
    zh: '此业务在这里没有可办理的渠道（自助或柜台）。',
    en: 'Nothing here takes this business (self-service or counter).',
  },
  ALREADY_EXISTS: { zh: '已存在同名或同编号的项目。', en: 'One with this name or code exists already.' },
  CONFIG_IN_USE: {
    zh: '该项目正在使用中，不能删除或停用。',
    en: 'It is in use and cannot be removed or switched off.',
  },
  LAST_ADMIN: { zh: '这是最后一位网点负责人，不能停用。', en: 'This is the last admin and cannot be deactivated.' },
  CANNOT_DEACTIVATE_SELF: { zh: '不能停用自己的账号。', en: 'You cannot deactivate your own account.' },
  DAY_BOUNDARY_CONFLICT: { zh: '营业日刚刚切换，请重试。', en: 'The business day just changed; try again.' },
  RATING_ALREADY_REQUESTED: { zh: '已请客户评价。', en: 'A rating was requested already.' },
  RATING_NOT_REQUESTED: { zh: '尚未请客户评价。', en: 'No rating was requested.' },
  RATING_WINDOW_CLOSED: { zh: '评价时间已过。', en: 'The time to rate has passed.' },
  ALREADY_RATED: { zh: '客户已评价。', en: 'The customer has rated already.' },
  // server
  INTERNAL_ERROR: {
    zh: '服务器出错，请重试；如仍失败请联系管理员。',
    en: 'The server failed; try again or call an admin.',
  },
  SHUTTING_DOWN: { zh: '服务器正在重启，请稍候重试。', en: 'The server is restarting; try again shortly.' },
  CALLER_GONE: { zh: '请求已中断。', en: 'The request was interrupted.' },
  // client
  NETWORK: { zh: '无法连接服务器，请检查网络后重试。', en: 'The server could not be reached; check the network.' },
  TIMEOUT: { zh: '服务器未及时响应，请重试。', en: 'The server did not answer in time; try again.' },
};

/** The words for a refusal's code, or null for a code this client does not know (a newer server). */
export function errorText(code: string | null | undefined): LocalizedText | null {
  return code && Object.hasOwn(ERROR_TEXT, code) ? ERROR_TEXT[code as keyof typeof ERROR_TEXT] : null;
}
