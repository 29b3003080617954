// The rule books every demo house starts from: a staffed house's, and a peer-run
// house's (expulsion by house vote, equal shares). The benchmark's houses use them too.
import type { StoredRule } from '../schema';

export const STANDARD_RULES: StoredRule[] = [
  {
    key: 'no-substances',
    category: 'substances',
    text: 'No alcohol, drugs or drug paraphernalia in the house, on the property or in your system. Prescriptions are kept in the locked cabinet.',
    consequences: [{ kind: 'behaviour_contract' }, { kind: 'discharge' }],
  },
  {
    key: 'testing',
    category: 'substances',
    text: 'Take a drug or alcohol test when asked. Refusing a test counts as a positive result.',
    consequences: [{ kind: 'behaviour_contract' }, { kind: 'discharge' }],
  },
  {
    key: 'curfew',
    category: 'curfew_and_passes',
    text: 'Be home by the curfew of your phase and check in when you arrive. Nights away need an approved pass.',
    consequences: [{ kind: 'warning' }, { kind: 'loss_of_pass' }, { kind: 'extra_chore' }],
  },
  {
    key: 'guests',
    category: 'guests',
    text: 'Guests visit in the common areas between 10:00 and 20:00 and sign the guest book. No overnight guests.',
    consequences: [{ kind: 'warning' }, { kind: 'loss_of_pass' }],
  },
  {
    key: 'chores',
    category: 'chores',
    text: 'Do your assigned chores on the day they are due, to the standard on the chore card.',
    consequences: [
      { kind: 'warning' },
      { kind: 'extra_chore' },
      { kind: 'fine', amountCents: 1000 },
    ],
  },
  {
    key: 'house-meeting',
    category: 'meetings',
    text: 'Attend the weekly house meeting. Tell the house manager beforehand if you cannot.',
    consequences: [{ kind: 'warning' }, { kind: 'fine', amountCents: 500 }],
  },
  {
    key: 'respect',
    category: 'conduct',
    text: 'No violence, threats, or harassment of anyone in the house. Disagreements go to the house meeting or the manager.',
    consequences: [{ kind: 'behaviour_contract' }, { kind: 'discharge' }],
  },
  {
    key: 'rent',
    category: 'finances',
    text: 'Pay your house fees by the 1st and 15th of the month, or agree a plan with the manager beforehand.',
    consequences: [{ kind: 'warning' }, { kind: 'behaviour_contract' }],
  },
];

export const PEER_RUN_RULES: StoredRule[] = [
  ...STANDARD_RULES.filter((r) => r.key !== 'rent'),
  {
    key: 'house-vote',
    category: 'conduct',
    text: 'A member who drinks or uses is expelled by house vote. Other disruptive behaviour can be brought to a vote of the membership.',
    consequences: [{ kind: 'house_vote_on_dismissal' }],
  },
  {
    key: 'equal-share',
    category: 'finances',
    text: 'Each member pays an equal share of the household expenses, collected by the treasurer each week.',
    consequences: [
      { kind: 'warning' },
      { kind: 'fine', amountCents: 2000 },
      { kind: 'house_vote_on_dismissal' },
    ],
  },
];
