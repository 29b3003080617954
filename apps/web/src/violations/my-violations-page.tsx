// A resident's own violations: the rule as they signed it, what happened, the
// consequence; they answer in writing, or take it further with a grievance.
import { A } from '@solidjs/router';
import { violationRespondInput } from '@porchlight/domain';
import { useInfiniteQuery } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { LoadError, Loading, PageHeading } from '../components/page';
import {
  createForm,
  Form,
  FormAlert,
  SubmitButton,
  text,
  TextAreaField,
  validate,
} from '../lib/forms';
import { respondToViolation, violationQueries } from './data';
import { ViolationCard } from './violation-card';
import { ShowMore } from '../components/show-more';
import './records.css';

export default function MyViolationsPage() {
  const list = useInfiniteQuery(() => violationQueries.mine());
  return (
    <div class="stack-lg">
      <div class="stack">
        <PageHeading title="My violations">My violations</PageHeading>
        <p class="lede">
          Only you and your house staff see these. You can answer each one in writing, and if you
          think it is wrong, file a grievance.
        </p>
      </div>
      <section class="stack" aria-labelledby="record-heading">
        <h2 id="record-heading">On your record</h2>
        <Switch fallback={<Loading />}>
          <Match when={list.isError && !list.data}>
            <LoadError error={list.error} retry={() => void list.refetch()} />
          </Match>
          <Match when={list.data}>
            {(data) => (
              <>
                <Show when={data().pages[0]?.items.length === 0}>
                  <p class="empty">You have no violations on record.</p>
                </Show>
                <ul class="plain-list stack">
                  <For each={data().pages.flatMap((p) => p.items)}>
                    {(v) => (
                      <li>
                        <ViolationCard violation={v}>
                          <Show when={!v.voided}>
                            <Show when={!v.residentResponse}>
                              <RespondForm violationId={v.id} />
                            </Show>
                            <Show
                              when={v.grievanceId}
                              fallback={
                                <p>
                                  <A href={`/grievances?violationId=${v.id}`}>
                                    File a grievance about this violation
                                  </A>
                                </p>
                              }
                            >
                              <p>
                                <A href="/grievances">See your grievance about this violation</A>
                              </p>
                            </Show>
                          </Show>
                        </ViolationCard>
                      </li>
                    )}
                  </For>
                </ul>
                <ShowMore list={list} />
              </>
            )}
          </Match>
        </Switch>
      </section>
    </div>
  );
}

function RespondForm(props: { violationId: string }) {
  const form = createForm({
    read: (data) =>
      validate(violationRespondInput, {
        violationId: props.violationId,
        response: text(data, 'response'),
      }),
    submit: async (value) => {
      await respondToViolation(value);
    },
  });
  return (
    <Form form={form} class="stack" aria-label="Answer this violation">
      <TextAreaField
        name="response"
        label="Your answer"
        hint="Your side, in your words. It is kept with the violation; you can answer once."
      />
      <FormAlert />
      <SubmitButton busyLabel="Sending…">Send my answer</SubmitButton>
    </Form>
  );
}
