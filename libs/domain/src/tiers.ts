import {
  CUSTOMER_METRICS,
  type CustomerFigures,
  type CustomerMetric,
  type LadderEvaluation,
  type LocalizedText,
  type NumericMetric,
  type RuleProblem,
  type TierCondition,
  type TierLadder,
  type TierRung,
} from '@lobbyflow/contracts';

const CNY: LocalizedText = { zh: ' 元', en: ' CNY' };

/** How a metric is named and counted in explanations; fixed vocabulary, so it lives with the rules. */
const METRICS: Record<CustomerMetric, { label: LocalizedText; unit: LocalizedText }> = {
  monthlyAverageAssets: { label: { zh: '月日均金融资产', en: 'Monthly average financial assets' }, unit: CNY },
  loanBalance: { label: { zh: '个人贷款余额', en: 'Personal loan balance' }, unit: CNY },
  cardSpend12m: { label: { zh: '近12个月信用卡消费', en: '12-month credit-card spend' }, unit: CNY },
  starPoints: { label: { zh: '星级积分', en: 'Star points' }, unit: { zh: ' 分', en: ' points' } },
  cardLevel: { label: { zh: '卡片等级', en: 'Card level' }, unit: { zh: '', en: '' } },
};

/**
 * The tier a customer's figures reach on a ladder (domain.md §3): rungs are tried from the highest down
 * and the first rung with ANY condition holding wins, so "中银理财: assets >= 200,000 or loans >= 500,000
 * or card spend >= 100,000" is one rung with three lines. The explanation quotes the line that was met,
 * so staff can say why (月日均金融资产 1,200,000 元 ≥ 1,000,000 元：财富管理客户). Unknown figures never meet
 * a line. Keeping a tier through a dip (six months below the line) is the bank's bookkeeping: the ladder
 * judges the figures it is given.
 */
export function evaluateLadder(ladder: TierLadder, figures: CustomerFigures): LadderEvaluation {
  for (const rung of ladder.rungs) {
    const condition = rung.anyOf.find((candidate) => conditionMet(candidate, figures));
    if (condition) {
      return { ladder: ladder.code, rung, condition, explanation: explainMet(condition, figures, rung) };
    }
  }
  return { ladder: ladder.code, rung: null, condition: null, explanation: explainNoTier(ladder, figures) };
}

/** True when the customer's figure is known and inside the line. */
export function conditionMet(condition: TierCondition, figures: CustomerFigures): boolean {
  if (condition.metric === 'cardLevel') {
    const level = figures.cardLevel;
    return typeof level === 'string' && 'oneOf' in condition && condition.oneOf.includes(level);
  }
  const value = numericFigure(figures, condition.metric);
  if (value === null || !('atLeast' in condition || 'above' in condition)) return false;
  if (condition.atLeast !== undefined && value < condition.atLeast) return false;
  if (condition.above !== undefined && value <= condition.above) return false;
  if (condition.below !== undefined && value >= condition.below) return false;
  return true;
}

/** The rung with this code on any of the ladders, e.g. to name a profile's stored tier. */
export function findRung(
  ladders: readonly TierLadder[],
  code: string,
): { ladder: TierLadder; rung: TierRung } | undefined {
  for (const ladder of ladders) {
    const rung = ladder.rungs.find((candidate) => candidate.code === code);
    if (rung) return { ladder, rung };
  }
  return undefined;
}

/**
 * What is wrong with a ladder an admin submitted, so that the server refuses the edit instead of
 * silently classifying nobody (an empty rung) or everybody the same (a line that can never hold).
 * The ladder arrives as parsed JSON or YAML, so nothing about its shape is taken on trust.
 */
export function validateLadder(ladder: TierLadder): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  if (!isNonEmptyString(ladder?.code)) report('code', 'The ladder needs a code.');
  checkText(ladder?.name, 'name', report);
  if (!Array.isArray(ladder?.rungs) || ladder.rungs.length === 0) {
    report('rungs', 'The ladder has no rungs.');
    return problems;
  }
  const seen = new Set<string>();
  ladder.rungs.forEach((rung, index) => {
    const at = `rungs[${index}]`;
    if (!isNonEmptyString(rung?.code)) {
      report(`${at}.code`, 'Every rung needs a code.');
    } else if (seen.has(rung.code)) {
      report(`${at}.code`, `Duplicate rung code "${rung.code}".`);
    } else {
      seen.add(rung.code);
    }
    checkText(rung?.name, `${at}.name`, report);
    if (!Array.isArray(rung?.anyOf) || rung.anyOf.length === 0) {
      report(`${at}.anyOf`, `Rung "${rung?.code}" has no condition, so nobody could ever reach it.`);
      return;
    }
    rung.anyOf.forEach((condition, conditionIndex) =>
      checkCondition(condition, `${at}.anyOf[${conditionIndex}]`, report),
    );
  });
  return problems;
}

type Report = (path: string, message: string) => void;

function checkCondition(condition: TierCondition, at: string, report: Report): void {
  const metric = condition?.metric as string | undefined;
  if (!metric || !(CUSTOMER_METRICS as readonly string[]).includes(metric)) {
    report(`${at}.metric`, `Unknown metric "${metric}"; known metrics: ${CUSTOMER_METRICS.join(', ')}.`);
    return;
  }
  if (metric === 'cardLevel') {
    const oneOf = (condition as { oneOf?: unknown }).oneOf;
    if (!Array.isArray(oneOf) || oneOf.length === 0 || !oneOf.every(isNonEmptyString)) {
      report(`${at}.oneOf`, 'A card-level line needs a list of card level codes (oneOf).');
    }
    return;
  }
  const { atLeast, above, below } = condition as { atLeast?: unknown; above?: unknown; below?: unknown };
  if ((atLeast === undefined) === (above === undefined)) {
    report(at, 'A numeric line needs exactly one lower bound: atLeast (inclusive) or above (exclusive).');
  }
  const bounds = { atLeast, above, below };
  for (const [name, value] of Object.entries(bounds)) {
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      report(`${at}.${name}`, `${name} must be a number.`);
    } else if (value < 0) {
      report(`${at}.${name}`, `${name} must not be negative (${value}).`);
    }
  }
  const lower = typeof atLeast === 'number' ? atLeast : typeof above === 'number' ? above : undefined;
  if (typeof below === 'number' && lower !== undefined && lower >= below) {
    report(`${at}.below`, `The band ${lower}–${below} is empty: the lower bound must be below "below".`);
  }
}

function checkText(text: LocalizedText | undefined, at: string, report: Report): void {
  if (!isNonEmptyString(text?.zh) || !isNonEmptyString(text?.en)) report(at, 'A name in zh and en is required.');
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function numericFigure(figures: CustomerFigures, metric: NumericMetric): number | null {
  const value = figures[metric];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function amount(value: number, metric: CustomerMetric, language: keyof LocalizedText): string {
  return `${NUMBER.format(value)}${METRICS[metric].unit[language]}`;
}

function explainMet(condition: TierCondition, figures: CustomerFigures, rung: TierRung): LocalizedText {
  const { label } = METRICS[condition.metric];
  if (condition.metric === 'cardLevel') {
    return {
      zh: `${label.zh}为 ${figures.cardLevel}：${rung.name.zh}`,
      en: `${label.en} ${figures.cardLevel}: ${rung.name.en}`,
    };
  }
  const value = figures[condition.metric] as number;
  const line = (language: keyof LocalizedText, and: string) => {
    const m = condition.metric;
    const lower =
      condition.atLeast !== undefined
        ? `≥ ${amount(condition.atLeast, m, language)}`
        : `> ${amount(condition.above as number, m, language)}`;
    const upper = condition.below !== undefined ? `${and}< ${amount(condition.below, m, language)}` : '';
    return `${label[language]} ${amount(value, m, language)} ${lower}${upper}`;
  };
  return { zh: `${line('zh', ' 且 ')}：${rung.name.zh}`, en: `${line('en', ' and ')}: ${rung.name.en}` };
}

function explainNoTier(ladder: TierLadder, figures: CustomerFigures): LocalizedText {
  const metrics = [...new Set(ladder.rungs.flatMap((rung) => rung.anyOf.map((condition) => condition.metric)))];
  const figure = (metric: CustomerMetric, language: keyof LocalizedText) => {
    const unknown = language === 'zh' ? '未知' : 'unknown';
    if (metric === 'cardLevel') return `${METRICS[metric].label[language]} ${figures.cardLevel ?? unknown}`;
    const value = numericFigure(figures, metric);
    return `${METRICS[metric].label[language]} ${value === null ? unknown : amount(value, metric, language)}`;
  };
  return {
    zh: `${metrics.map((metric) => figure(metric, 'zh')).join('，')}：未达到${ladder.name.zh}的任何等级`,
    en: `${metrics.map((metric) => figure(metric, 'en')).join(', ')}: no tier of ${ladder.name.en}`,
  };
}
