import type { SimTicket } from './simulate-day';

/** How far an estimator's predictions were from the waits customers had, in minutes. */
export interface EstimatorAccuracy {
  /** Mean absolute error. */
  mae: number;
  /** 90th percentile of the absolute error. */
  p90: number;
}

export interface AccuracyReport {
  customers: number;
  meanWaitMinutes: number;
  p90WaitMinutes: number;
  lobbyflow: EstimatorAccuracy;
  simple: EstimatorAccuracy;
}

/** Nearest-rank percentile of a list (p in 0..100); 0 for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Compares each estimator's prediction at issue with the wait each simulated customer had. */
export function accuracyOf(tickets: readonly SimTicket[]): AccuracyReport {
  const waits = tickets.map((ticket) => ticket.calledAt - ticket.arrivedAt);
  const errors = (estimator: keyof SimTicket['predicted']) =>
    tickets.map((ticket, index) => Math.abs(ticket.predicted[estimator] - waits[index]));
  const summary = (values: number[]): EstimatorAccuracy => ({ mae: mean(values), p90: percentile(values, 90) });
  return {
    customers: tickets.length,
    meanWaitMinutes: mean(waits),
    p90WaitMinutes: percentile(waits, 90),
    lobbyflow: summary(errors('lobbyflow')),
    simple: summary(errors('simple')),
  };
}
