import { describe, expect, it } from 'vitest';
import { consentWords, REDISCLOSURE_NOTICE } from './sharing';

describe('consentWords', () => {
  const base = {
    residentName: 'Jordan Ellis',
    recipientName: 'Renee Caldwell',
    recipientRelationship: 'Probation officer',
    purpose: 'Monthly report.',
    fields: ['check_in_compliance', 'milestones'] as const,
  };
  it('says who, with whom, what, why, until when, the right to revoke, and the notice', () => {
    const words = consentWords({ ...base, fields: [...base.fields], until: '2027-02-09' });
    expect(words).toContain(
      'I, Jordan Ellis, agree to share a summary of my record with Renee Caldwell (Probation officer).',
    );
    expect(words).toContain(
      'What is shared: how many check-ins I made, over the last 30 days; my milestones (time sober, time in the house). Nothing else.',
    );
    expect(words).toContain(
      'Until: the end of Tuesday, February 9, 2027, unless I revoke it sooner.',
    );
    expect(words).toContain('I can revoke it at any time');
    expect(words).toContain(REDISCLOSURE_NOTICE);
  });
  it('shows a form’s placeholder as it is while the date is still being chosen', () => {
    expect(consentWords({ ...base, fields: [...base.fields], until: '[the last day]' })).toContain(
      'Until: the end of [the last day],',
    );
  });
});
