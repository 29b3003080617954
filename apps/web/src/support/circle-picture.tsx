// A picture of a resident's support circle: the four pillars around them, each
// person a dot in their pillar, nearer and darker the more recently they were
// in touch. A pillar with nobody in it is an empty dashed quarter that says so,
// so a thin or lapsed pillar shows at a glance. The words beside the picture
// (and its accessible name) say the same for anyone who cannot see it.
import { PILLAR_LABELS, PILLARS, type Pillar, RECENCY_LABELS } from '@porchlight/domain';
import { For, Show } from 'solid-js';
import type { Circle, CircleMember } from './data';
import './support.css';

const SIZE = 340;
const C = SIZE / 2;
const INNER = 44;
const OUTER = 150;
/** Where each pillar's quarter starts, clockwise from the top (degrees). */
const START: Record<Pillar, number> = {
  family_friends: 270,
  peers_mentors: 0,
  professional: 90,
  community: 180,
};
/** Nearer the middle the more recent the contact. */
const RING: Record<CircleMember['recency'], number> = {
  this_week: 72,
  this_month: 98,
  lapsed: 124,
  never: 124,
};

function point(angle: number, r: number) {
  const rad = ((angle - 90) * Math.PI) / 180;
  return { x: C + r * Math.cos(rad), y: C + r * Math.sin(rad) };
}

/** A quarter ring from `from` degrees, clockwise. */
function quarter(from: number) {
  const to = from + 90;
  const a = point(from, OUTER);
  const b = point(to, OUTER);
  const c = point(to, INNER);
  const d = point(from, INNER);
  return `M ${a.x} ${a.y} A ${OUTER} ${OUTER} 0 0 1 ${b.x} ${b.y} L ${c.x} ${c.y} A ${INNER} ${INNER} 0 0 0 ${d.x} ${d.y} Z`;
}

function initials(name: string) {
  const words = name
    .replace(/^(Dr|Mr|Mrs|Ms|Pastor|Father|Officer)\.?\s+/i, '')
    .split(/\s+/)
    .filter((w) => /^[\p{L}\p{N}]/u.test(w));
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? (words.at(-1)?.[0] ?? '') : ''))
    .toUpperCase()
    .slice(0, 2);
}

/** Dots for a pillar's people, spread across its quarter, staggered when crowded. */
function placed(members: readonly CircleMember[], pillar: Pillar) {
  const theirs = members.filter((m) => m.pillar === pillar && !m.suggested);
  const n = theirs.length;
  return theirs.map((m, i) => {
    const angle = START[pillar] + ((i + 1) * 90) / (n + 1);
    const stagger = n > 4 && i % 2 === 1 ? 14 : 0;
    return { member: m, ...point(angle, Math.min(RING[m.recency] + stagger, 136)) };
  });
}

export function summaryOf(circle: Circle) {
  return circle.pillars
    .map((p) => {
      const people = circle.members.filter((m) => m.pillar === p.pillar && !m.suggested);
      if (people.length === 0) return `${PILLAR_LABELS[p.pillar]}: nobody yet`;
      const recent = people.filter(
        (m) => m.recency === 'this_week' || m.recency === 'this_month',
      ).length;
      return `${PILLAR_LABELS[p.pillar]}: ${people.length} (${recent} in touch this month)`;
    })
    .join('; ');
}

export function CirclePicture(props: { circle: Circle; centre: string }) {
  const label = () =>
    `Support circle of ${props.circle.resident.name}. ${summaryOf(props.circle)}.`;
  return (
    <figure class="circle-figure">
      <svg
        class="circle-picture"
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={label()}
        data-testid="circle-picture"
      >
        <For each={props.circle.pillars}>
          {(p) => {
            // each pillar's name sits in its corner, outside the ring
            const left = p.pillar === 'family_friends' || p.pillar === 'community';
            const top = p.pillar === 'family_friends' || p.pillar === 'peers_mentors';
            const labelAt = point(START[p.pillar] + 45, (INNER + OUTER) / 2);
            return (
              <g class={`pillar pillar-${p.state}`} data-pillar={p.pillar} data-state={p.state}>
                <path d={quarter(START[p.pillar])} class="pillar-area" />
                <text
                  x={left ? 2 : SIZE - 2}
                  y={top ? 12 : SIZE - 4}
                  class="pillar-name"
                  text-anchor={left ? 'start' : 'end'}
                >
                  {PILLAR_LABELS[p.pillar]}
                </text>
                <Show when={p.state === 'empty'}>
                  <text x={labelAt.x} y={labelAt.y + 4} class="pillar-empty" text-anchor="middle">
                    Nobody yet
                  </text>
                </Show>
              </g>
            );
          }}
        </For>
        <For each={PILLARS.flatMap((p) => placed(props.circle.members, p))}>
          {(dot) => (
            <g class={`person person-${dot.member.recency}`} data-recency={dot.member.recency}>
              <circle cx={dot.x} cy={dot.y} r="15" />
              <text x={dot.x} y={dot.y + 4} text-anchor="middle">
                {initials(dot.member.name)}
              </text>
            </g>
          )}
        </For>
        <circle cx={C} cy={C} r={INNER - 6} class="circle-centre" />
        <text x={C} y={C + 5} text-anchor="middle" class="circle-centre-name">
          {props.centre}
        </text>
      </svg>
      <figcaption class="circle-key">
        <span class="key-item">
          <span class="key-dot person-this_week" aria-hidden="true" />
          {RECENCY_LABELS.this_week}
        </span>
        <span class="key-item">
          <span class="key-dot person-this_month" aria-hidden="true" />
          {RECENCY_LABELS.this_month}
        </span>
        <span class="key-item">
          <span class="key-dot person-lapsed" aria-hidden="true" />
          Longer ago, or not logged
        </span>
      </figcaption>
    </figure>
  );
}
