// The frame of every page: skip link, header with the organisation and a
// role-aware navigation, and the main landmark the pages render into.
import { A, type RouteSectionProps, useIsRouting, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, on, Show, Suspense } from 'solid-js';
import { primaryMembership, signOut, useWhoami } from '../account/session';
import { Loading, requestHeadingFocus } from './page';

export function Shell(props: RouteSectionProps) {
  const who = useWhoami();
  const location = useLocation();
  const navigate = useNavigate();
  const routing = useIsRouting();
  const [signingOut, setSigningOut] = createSignal(false);
  let main: HTMLElement | undefined;

  // after a navigation (not the first page load) the new page's h1 takes the focus
  createEffect(on(() => location.pathname, requestHeadingFocus, { defer: true }));

  const membership = () => {
    const w = who.data;
    return w ? primaryMembership(w) : undefined;
  };
  const staff = () => membership()?.role === 'operator' || membership()?.role === 'manager';

  async function leave() {
    setSigningOut(true);
    try {
      await signOut();
    } finally {
      setSigningOut(false);
      navigate('/sign-in', { replace: true });
    }
  }

  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          main?.focus();
        }}
      >
        Skip to main content
      </a>
      <header class="site-header">
        <div class="header-inner">
          <div class="brand-line">
            <A href="/" class="brand" end>
              Porchlight
            </A>
            <Show when={membership()?.organisationName}>
              {(name) => <span class="org-name">{name()}</span>}
            </Show>
          </div>
          <Show when={who.data}>
            <div class="header-actions">
              <nav aria-label="Main">
                <ul class="nav-list">
                  <Show
                    when={staff()}
                    fallback={
                      <>
                        <li>
                          <A href="/me" class="nav-link">
                            Home
                          </A>
                        </li>
                        <li>
                          <A href="/check-ins" class="nav-link">
                            Check-ins
                          </A>
                        </li>
                        <li>
                          <A href="/chores" class="nav-link">
                            Chores
                          </A>
                        </li>
                        <li>
                          <A href="/support" class="nav-link">
                            Support
                          </A>
                        </li>
                        <Show when={membership()?.residentHouseId}>
                          {(houseId) => (
                            <li>
                              <A href={`/houses/${houseId()}/meetings`} class="nav-link">
                                Meetings
                              </A>
                            </li>
                          )}
                        </Show>
                        <li>
                          <A href="/rules" class="nav-link">
                            House rules
                          </A>
                        </li>
                        <li>
                          <A href="/passes" class="nav-link">
                            Passes
                          </A>
                        </li>
                      </>
                    }
                  >
                    <li>
                      <A href="/portfolio" class="nav-link">
                        Overview
                      </A>
                    </li>
                    <li>
                      <A href="/houses" class="nav-link">
                        Houses
                      </A>
                    </li>
                    <li>
                      <A href="/invites" class="nav-link">
                        Invites
                      </A>
                    </li>
                    <li>
                      <A href="/staff" class="nav-link">
                        Staff
                      </A>
                    </li>
                    <li>
                      <A href="/reports" class="nav-link">
                        Reports
                      </A>
                    </li>
                  </Show>
                  <li>
                    <A href="/account/password" class="nav-link">
                      Password
                    </A>
                  </li>
                </ul>
              </nav>
              <button
                type="button"
                class="button button-quiet"
                aria-disabled={signingOut() ? 'true' : undefined}
                onClick={() => {
                  if (!signingOut()) void leave();
                }}
              >
                Sign out
              </button>
            </div>
          </Show>
        </div>
        <div class="route-progress" classList={{ active: routing() }} aria-hidden="true" />
      </header>
      <main id="main" ref={main} tabindex="-1" class="main">
        <Suspense fallback={<Loading />}>{props.children}</Suspense>
      </main>
    </>
  );
}
