import type { LocalizedText, ReferralView } from '@lobbyflow/contracts';
import { type EntityManager, In } from 'typeorm';
import { StaffUserEntity } from '../staff/staff-user.entity';
import type { ReferralEntity } from './referral.entity';

/** The referral as staff see it: the digital 潜在贵宾客户推荐表 with its RM, answer, meeting and follow-ups. */
export async function referralView(manager: EntityManager, referral: ReferralEntity): Promise<ReferralView> {
  return (await referralViews(manager, [referral]))[0];
}

/**
 * Views of many referrals, reading the names of their RMs and of the RMs who passed them over once (a
 * list is one query, not one per referral).
 */
export async function referralViews(manager: EntityManager, referrals: ReferralEntity[]): Promise<ReferralView[]> {
  const ids = [...new Set(referrals.flatMap((referral) => [referral.rmUserId, ...referral.passedOver]))];
  const rms =
    ids.length === 0
      ? []
      : await manager.find(StaffUserEntity, { where: { id: In(ids) }, select: { id: true, displayName: true } });
  const byId = new Map(rms.map((rm) => [rm.id, rm]));
  return referrals.map((referral) => {
    const rm = byId.get(referral.rmUserId);
    if (!rm) throw new Error(`Referral ${referral.id} names an RM that does not exist (${referral.rmUserId}).`);
    // An RM passed over is named by id only if the account is gone (staff are deactivated, never deleted).
    const passedOverNames = referral.passedOver.map((id) => byId.get(id)?.displayName ?? id);
    return toView(referral, rm, passedOverNames);
  });
}

function toView(
  referral: ReferralEntity,
  rm: Pick<StaffUserEntity, 'id' | 'displayName'>,
  passedOverNames: string[],
): ReferralView {
  return {
    id: referral.id,
    ticketId: referral.ticketId,
    ticketNumber: referral.ticketNumber,
    walkIn: referral.walkIn,
    customer: referral.customer,
    classification: referral.classification,
    score: referral.score,
    reasons: referral.reasons,
    rulesVersion: referral.rulesVersion,
    rm: { id: rm.id, displayName: rm.displayName },
    matchReason: referral.matchReason,
    status: referral.status,
    customerHasTime: referral.customerHasTime,
    note: referral.note,
    contact: referral.contact,
    opening: opening(rm.displayName, referral),
    referredBy: { id: referral.referredBy, role: referral.referredByRole },
    createdAt: referral.createdAt.toISOString(),
    alertedAt: referral.alertedAt?.toISOString() ?? null,
    respondedAt: referral.respondedAt?.toISOString() ?? null,
    deferMinutes: referral.deferMinutes,
    declineReason: referral.declineReason,
    passedOver: referral.passedOver,
    passedOverNames,
    metAt: referral.metAt?.toISOString() ?? null,
    outcome: referral.outcome,
    products: referral.products ?? [],
    grade: referral.grade,
    nextContactOn: referral.nextContactOn,
    contacts: referral.contacts ?? [],
  };
}

/** A suggested opening for the RM, built on the strongest reason (the RM's own words replace it). */
function opening(rmName: string, referral: ReferralEntity): LocalizedText {
  const name = rmName.replace(/\s*\(.*\)$/, '');
  const top = referral.reasons[0];
  return {
    zh: `您好，我是客户经理${name}，很高兴认识您。${top ? `（客户特征：${top.text.zh}）` : ''}请问今天有什么可以帮您规划的？`,
    en: `Hello, I am ${name}, a relationship manager here. ${top ? `(Noted: ${top.text.en}.) ` : ''}How may I help you plan today?`,
  };
}
