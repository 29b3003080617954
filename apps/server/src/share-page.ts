// The page behind a share link: a plain, printable HTML page (no script, no
// account) showing only the parts of a resident's record they chose, with the
// consent and the notice that the recipient may not pass it on. Every value is
// escaped by hono/html; the stylesheet is a same-origin file because the
// content security policy forbids inline styles.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { SharedSummary } from '@porchlight/api';
import {
  DRUG_TEST_RESULT_LABELS,
  DRUG_TEST_TYPE_LABELS,
  type DrugTestResult,
  type DrugTestType,
  type ShareField,
} from '@porchlight/domain';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;
type Sections = Required<SharedSummary['sections']>;

const dayFormat = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDay = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const day = (d: string) => dayFormat.format(new Date(`${d}T12:00:00Z`));
const short = (d: string) => shortDay.format(new Date(`${d}T12:00:00Z`));
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** A row of bars with their numbers, drawn with presentation attributes only. */
function bars(
  values: ReadonlyArray<{ label: string; value: number | null }>,
  max: number,
  unit: string,
) {
  const width = 40;
  const height = 80;
  const gap = 8;
  const total = values.length * (width + gap);
  return html`<svg
    class="bars"
    viewBox="0 0 ${total} ${height + 34}"
    role="img"
    aria-label="${values.map((v) => `${v.label}: ${v.value ?? 'none'} ${unit}`).join('; ')}"
  >
    ${values.map((v, i) => {
      const h = v.value === null ? 0 : Math.max(2, Math.round((v.value / max) * height));
      const x = i * (width + gap);
      return html`<rect
          x="${x}"
          y="${height - h}"
          width="${width}"
          height="${h}"
          rx="3"
          fill="#2f6f5e"
        ></rect>
        <text
          x="${x + width / 2}"
          y="${height - h - 4}"
          text-anchor="middle"
          font-size="12"
          fill="#1d2a27"
          >${v.value ?? ''}</text
        >
        <text
          x="${x + width / 2}"
          y="${height + 16}"
          text-anchor="middle"
          font-size="11"
          fill="#4a5a56"
          >${v.label}</text
        >`;
    })}
  </svg>`;
}

/** Each part's heading, for the person reading it. */
const TITLES: Record<ShareField, string> = {
  check_in_compliance: 'Daily check-ins, last 30 days',
  meetings_per_week: 'Recovery meetings each week',
  milestones: 'Milestones',
  chore_completion: 'House chores, last 30 days',
  house_meetings: 'House meetings',
  mood_trend: 'Mood',
  craving_trend: 'Cravings',
  tests: 'Drug and alcohol tests',
  recovery_capital: 'Recovery capital (BARC-10)',
};

const SECTIONS: { [F in ShareField]: (s: Sections[F]) => Html } = {
  check_in_compliance: (s) =>
    html`<p class="big">${percent(s.rate)}</p>
      <p>
        ${s.made} of ${s.required} check-ins made in the last ${s.days} days (${s.onTime} on time).
        ${s.streak > 0 ? `${s.streak} ${s.streak === 1 ? 'day' : 'days'} in a row on time.` : ''}
      </p>`,
  meetings_per_week: (s) =>
    html`${bars(
        s.map((w) => ({ label: short(w.weekStart), value: w.meetings })),
        Math.max(1, ...s.map((w) => Math.max(w.meetings, w.required))),
        'meetings',
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Meetings</th>
            <th scope="col">Asked of them</th>
          </tr>
        </thead>
        <tbody>
          ${s.map(
            (w) =>
              html`<tr>
                <td>${day(w.weekStart)}</td>
                <td>${w.meetings}</td>
                <td>${w.required}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
  milestones: (s) =>
    html`${s.daysSober !== null ? html`<p class="big">${s.daysSober} days sober</p>` : ''}
    ${
      s.reached.length > 0
        ? html`<h3>Reached</h3>
            <ul>
              ${s.reached.map((m) => html`<li>${m.label}${m.kind === 'sobriety' ? ' sober' : ''} — ${day(m.date)}</li>`)}
            </ul>`
        : ''
    }
    ${
      s.next.length > 0
        ? html`<h3>Coming up</h3>
            <ul>
              ${s.next.map((m) => html`<li>${m.label}${m.kind === 'sobriety' ? ' sober' : ''} — ${day(m.date)}</li>`)}
            </ul>`
        : ''
    }`,
  chore_completion: (s) =>
    html`<p class="big">${percent(s.rate)}</p>
      <p>${s.done} of ${s.assigned} house chores done in the last ${s.days} days.</p>`,
  house_meetings: (s) =>
    html`<p class="big">${s.attended} of ${s.held}</p>
      <p>
        House meetings attended in the last ${s.weeks}
        weeks${s.excused > 0 ? ` (${s.excused} excused)` : ''}.
      </p>
      ${
        s.meetings.length > 0
          ? html`<ul>
              ${s.meetings.map(
                (m) =>
                  html`<li>
                    ${day(m.date)}: ${m.attended ? 'attended' : m.excused ? 'excused' : 'missed'}
                  </li>`,
              )}
            </ul>`
          : ''
      }`,
  mood_trend: (s) =>
    html`<p>Average mood each week, from 1 (very low) to 5 (very good).</p>
      ${bars(
        s.map((w) => ({ label: short(w.weekStart), value: w.average })),
        5,
        'out of 5',
      )}`,
  craving_trend: (s) =>
    html`<p>Average craving each week, from 0 (none) to 10 (overwhelming).</p>
      ${bars(
        s.map((w) => ({ label: short(w.weekStart), value: w.average })),
        10,
        'out of 10',
      )}`,
  tests: (s) =>
    s.length === 0
      ? html`<p>No tests in the last 90 days.</p>`
      : html`<table>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Test</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              ${s.map(
                (t) =>
                  html`<tr>
                    <td>${day(t.date)}</td>
                    <td>${DRUG_TEST_TYPE_LABELS[t.type as DrugTestType] ?? t.type}</td>
                    <td>
                      ${DRUG_TEST_RESULT_LABELS[t.result as DrugTestResult] ?? t.result}${t.labConfirmed ? ' (lab confirmed)' : ''}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
          <p class="muted">Tests of the last 90 days.</p>`,
  recovery_capital: (s) =>
    s.length === 0
      ? html`<p>No surveys yet.</p>`
      : html`<p>
            The Brief Assessment of Recovery Capital (BARC-10): 10 to 60; 47 or more suggests strong
            recovery capital.
          </p>
          ${bars(
            s.map((x) => ({ label: short(x.forDate), value: x.total })),
            60,
            'out of 60',
          )}`,
};

export function sharePage(summary: SharedSummary) {
  const sections = summary.sections as Sections;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>Shared by ${summary.residentName} — Porchlight</title>
        <link rel="stylesheet" href="/share.css" />
      </head>
      <body>
        <main>
          <header>
            <p class="kicker">Shared with consent</p>
            <h1>${summary.residentName}’s summary</h1>
            <p>
              Shared with
              <strong>${summary.recipientName}</strong> (${summary.recipientRelationship}) on
              ${day(summary.sharedOn)}.
            </p>
            <dl>
              <dt>Purpose</dt>
              <dd>${summary.purpose}</dd>
              <dt>Valid until</dt>
              <dd>${day(summary.until)}, unless ${summary.residentName} revokes it sooner</dd>
              ${
                summary.note
                  ? html`<dt>Their note</dt>
                      <dd>${summary.note}</dd>`
                  : ''
              }
            </dl>
          </header>
          <section class="notice" aria-labelledby="notice-title">
            <h2 id="notice-title">Do not pass this on</h2>
            <p>${summary.notice}</p>
          </section>
          ${summary.fields.map(
            (field) =>
              html`<section class="part" aria-labelledby="part-${field}" data-part="${field}">
                <h2 id="part-${field}">${TITLES[field]}</h2>
                ${(SECTIONS[field] as (s: unknown) => Html)(sections[field])}
              </section>`,
          )}
          <footer>
            <p>
              Only the parts above were shared. ${summary.residentName} can see that this page was
              opened on ${new Date(summary.viewedAt).toUTCString()}.
            </p>
            <p>Made with Porchlight, house management for recovery residences.</p>
          </footer>
        </main>
      </body>
    </html>`;
}

export function shareGonePage() {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>Not available — Porchlight</title>
        <link rel="stylesheet" href="/share.css" />
      </head>
      <body>
        <main>
          <h1>This link is not available</h1>
          <p>
            It may have been revoked by the person who shared it, or it has passed its end date. Ask
            them for a new link if you still need it.
          </p>
        </main>
      </body>
    </html>`;
}

export const SHARE_CSS = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2a27; background: #f7f5f0; }
body { margin: 0; }
main { max-width: 44rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; line-height: 1.5; }
h1 { font-size: 1.6rem; margin: .25rem 0 .5rem; }
h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
h3 { font-size: 1rem; margin: .75rem 0 .25rem; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; color: #4a5a56; margin: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .75rem; }
dt { font-weight: 600; }
dd { margin: 0; }
section { background: #fff; border: 1px solid #d9d4c7; border-radius: .6rem; padding: 1rem; margin: 1rem 0; }
.notice { border-color: #a05a00; background: #fff7e8; }
.big { font-size: 2rem; font-weight: 700; margin: 0; }
.muted, footer { color: #4a5a56; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin-top: .5rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e6e1d6; }
.bars { width: 100%; max-width: 32rem; height: auto; display: block; }
@media print { :root { background: #fff; } section { break-inside: avoid; } }
`;
