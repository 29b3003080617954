// The monthly BARC-10 for a resident: ten statements about their life now, each
// answered from strongly disagree to strongly agree, giving a total out of 60;
// then their totals over time and when the next is due.
import {
  BARC10_ITEMS,
  BARC10_MAX_TOTAL,
  BARC10_RECOVERY_THRESHOLD,
  BARC10_SCALE,
  barc10SubmitInput,
} from '@porchlight/domain';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { createForm, Form, FormAlert, SubmitButton, text, validate } from '../lib/forms';
import { recoveryCapitalQueries, submitRecoveryCapital, useMyResidentId } from './data';
import { type ButtonChoice, ChoiceButtons, numberOf } from './fields';
import { RecoveryCapitalHistory, SurveyDueLine } from './recovery-capital-history';
import './check-ins.css';

const AGREEMENT: readonly ButtonChoice[] = BARC10_SCALE.map((s) => ({
  value: String(s.value),
  text: s.label,
}));

export default function RecoveryCapitalPage() {
  const residentId = useMyResidentId();
  const history = useQuery(() => recoveryCapitalQueries.history(residentId()));
  const [said, setSaid] = createSignal('');
  let status: HTMLParagraphElement | undefined;
  const done = (total: number) => {
    setSaid(
      `Thank you. Your total is ${total} of ${BARC10_MAX_TOTAL}. ${
        total >= BARC10_RECOVERY_THRESHOLD
          ? `That is at or above ${BARC10_RECOVERY_THRESHOLD}, the level that went with lasting recovery in research.`
          : `In research, ${BARC10_RECOVERY_THRESHOLD} or more went with lasting recovery: a guide to talk over with your house manager, not a judgement.`
      }`,
    );
    // the form is gone: the total takes the focus
    status?.focus();
  };
  return (
    <div class="stack-lg">
      <div class="stack">
        <PageHeading title="Recovery capital">Recovery capital</PageHeading>
        <p class="lede">
          Once a month, ten statements about your life now. Pick how much you agree with each: there
          are no wrong answers. It takes about two minutes.
        </p>
      </div>
      <p class="alert alert-success check-in-said" role="status" tabindex="-1" ref={status}>
        {said()}
      </p>
      <Show
        when={residentId()}
        fallback={<p class="alert alert-info">The survey is for residents.</p>}
      >
        <section class="stack" aria-labelledby="survey-heading">
          <h2 id="survey-heading">This month's survey</h2>
          <Switch fallback={<Loading />}>
            <Match when={history.isError && !history.data}>
              <LoadError error={history.error} retry={() => void history.refetch()} />
            </Match>
            <Match when={history.data && !history.data.due}>
              <p class="alert alert-info">
                The survey is for residents living in a house. You are not living in one right now.
              </p>
            </Match>
            <Match when={history.data?.due?.due}>
              <p>
                <SurveyDueLine due={history.data?.due ?? null} />
              </p>
              <SurveyForm onDone={done} />
            </Match>
            <Match when={history.data?.due}>
              {(due) => (
                <>
                  <p>
                    <SurveyDueLine due={due()} />
                  </p>
                  <Disclosure label="Fill it in now anyway">
                    {(close) => (
                      <SurveyForm
                        onDone={(total) => {
                          close();
                          done(total);
                        }}
                      />
                    )}
                  </Disclosure>
                </>
              )}
            </Match>
          </Switch>
        </section>
        <RecoveryCapitalHistory residentId={residentId()} />
      </Show>
    </div>
  );
}

function SurveyForm(props: { onDone: (total: number) => void }) {
  const form = createForm({
    read: (data) =>
      validate(barc10SubmitInput, {
        answers: BARC10_ITEMS.map((_, i) => numberOf(text(data, `answers.${i}`))),
      }),
    submit: async (value) => {
      const result = await submitRecoveryCapital(value.answers);
      props.onDone(result.total);
    },
  });
  return (
    <Form form={form} class="stack" aria-labelledby="survey-heading">
      <For each={BARC10_ITEMS}>
        {(statement, i) => (
          <div class="check-in-survey-item">
            <ChoiceButtons
              name={`answers.${i()}`}
              legend={`${i() + 1}. ${statement}`}
              label={`Statement ${i() + 1}`}
              choices={AGREEMENT}
              class="check-in-scale check-in-agree"
            />
          </div>
        )}
      </For>
      <FormAlert />
      <SubmitButton class="button button-primary check-in-send" busyLabel="Sending…">
        Send my answers
      </SubmitButton>
    </Form>
  );
}
