import type { BusinessCategory, CustomerClass, LocalizedText } from '@lobbyflow/contracts';

/**
 * The one sentence a teller says at step 6 (巧推荐, domain.md §5): by the kind of business just done and
 * the customer's verdict. Closed counters teach self-service, open counters offer functional products
 * (mobile banking, SMS alerts), and a potential VIP hears of the relationship manager. No figures here:
 * the branch's thresholds are configuration, so the sentences speak of "small" and "large" only.
 */
const BY_CATEGORY: Record<BusinessCategory, { ordinary: LocalizedText; potential: LocalizedText }> = {
  cash: {
    ordinary: {
      zh: '小额存取款带卡到自助存取款机就能办，随到随办，下次不用排队。',
      en: 'With a card, small deposits and withdrawals take a minute at the cash machines — no queue next time.',
    },
    potential: {
      zh: '这笔资金放活期有点可惜，我们有稳健的理财产品，请理财经理给您介绍几分钟？',
      en: 'A sum like this can earn more than a current account — may our relationship manager show you a few options?',
    },
  },
  bill: {
    ordinary: {
      zh: '水电燃气、话费都能在手机银行缴，还可以设置自动缴费，省得跑一趟。',
      en: 'Utility and phone bills can be paid in mobile banking, even automatically — no trip needed.',
    },
    potential: {
      zh: '缴费可以在手机银行自动代扣；另外有适合闲置资金的理财产品，想了解一下吗？',
      en: 'Bills can be paid automatically in mobile banking; and we have products for idle savings — interested?',
    },
  },
  transfer: {
    ordinary: {
      zh: '开通手机银行后，转账汇款随时随地都能办。',
      en: 'With mobile banking you can send transfers any time, anywhere.',
    },
    potential: {
      zh: '大额资金进出时，可以先做一笔短期理财不让资金闲置，请理财经理和您聊两分钟？',
      en: 'When large sums move, a short-term product keeps them earning — could our RM have two minutes with you?',
    },
  },
  'non-cash': {
    ordinary: {
      zh: '顺便为您开通手机银行和短信提醒吧，账户每一笔变动都能及时知道。',
      en: 'Shall I also set up mobile banking and SMS alerts, so you know of every move in your account?',
    },
    potential: {
      zh: '您的账户适合配置一些稳健理财，我请理财经理为您简单介绍一下？',
      en: 'Your account may suit some low-risk wealth products — shall I ask our RM to explain briefly?',
    },
  },
  wealth: {
    ordinary: {
      zh: '这是本期理财产品介绍，有兴趣可以随时找我们的理财经理。',
      en: "Here is this month's wealth product leaflet; our relationship managers are happy to help any time.",
    },
    potential: {
      zh: '理财经理可以根据您的情况做一份配置建议，现在方便过去聊几分钟吗？',
      en: 'Our RM can put together suggestions for your situation — do you have a few minutes now?',
    },
  },
  corporate: {
    ordinary: {
      zh: '企业网银可以在线办理转账和对账，对公客户经理还可以上门服务。',
      en: 'Corporate e-banking handles transfers and statements online, and our corporate RM can visit you.',
    },
    potential: {
      zh: '我们有客户经理专门服务企业主，可以把企业和个人资产一起规划，给您留个联系方式？',
      en: 'Our RMs look after business owners and can plan the business and your own savings together — may I pass on your contact?',
    },
  },
  other: {
    ordinary: {
      zh: '手机银行能办的业务越来越多，下次可以先在手机上看看，省时间。',
      en: 'More and more can be done in mobile banking — worth a look before the next visit.',
    },
    potential: {
      zh: '我们的理财经理可以为您做一次免费的资产配置建议，现在方便吗？',
      en: 'Our relationship manager can suggest how to place your savings, free of charge — do you have a moment?',
    },
  },
};

const EXISTING_VIP: LocalizedText = {
  zh: '感谢您一直支持我们，下次可以直接到贵宾窗口或联系您的专属客户经理。',
  en: 'Thank you for banking with us — next time go straight to the VIP counter or your own relationship manager.',
};

export function recommendationFor(category: BusinessCategory, classification: CustomerClass): LocalizedText {
  if (classification === 'vip') return EXISTING_VIP;
  const sentences = BY_CATEGORY[category];
  return classification === 'potential-vip' ? sentences.potential : sentences.ordinary;
}
