/** A known customer as RMs, the lobby manager and admins see it (every view is audited). */
export interface CustomerProfileView {
  id: string;
  idKind: 'card' | 'id' | 'phone';
  /** 6222 **** **** 1234: the number itself is never stored. */
  masked: string;
  displayName: string | null;
  tier: string | null;
  monthlyAverageAssets: number | null;
  loanBalance: number | null;
  cardSpend12m: number | null;
  starPoints: number | null;
  cardLevel: string | null;
  rm: { id: string; displayName: string } | null;
  segment: string | null;
  updatedAt: string;
}

/** One rejected CSV row and why (rows count from 1 at the header). */
export interface ImportProblem {
  row: number;
  field: string;
  message: string;
}

/** The answer to a customer import: all rows written, or none and the reasons. */
export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
}

export interface AuditEntryView {
  id: string;
  at: string;
  actor: string | null;
  actorRole: string;
  action: string;
  subjectId: string | null;
  reason: string;
}
