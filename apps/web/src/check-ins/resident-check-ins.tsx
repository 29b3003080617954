// A resident's check-ins, tests and recovery capital as their house's staff see
// them on the resident's record: the numbers, the charts, every check-in with
// its corrections (and location, when shared), the tests with a way to record
// one or add a lab's result, and the BARC-10 surveys.
import { Show } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { CheckInHistory } from './history';
import { ResidentTests } from './drug-tests';
import { RecoveryCapitalHistory } from './recovery-capital-history';
import { CheckInRecord } from './record-numbers';
import { LabConfirmation, RecordTestForm } from './test-forms';
import { CheckInTrends } from './trends';
import './check-ins.css';

export function ResidentCheckIns(props: {
  residentId: string;
  name: string;
  livingIn: boolean;
  timeZone: string | undefined;
  onDone: (message: string) => void;
}) {
  return (
    <>
      <CheckInRecord id="check-ins" residentId={props.residentId} title="Check-ins" />
      <CheckInTrends residentId={props.residentId} />
      <CheckInHistory residentId={props.residentId} />
      <ResidentTests
        residentId={props.residentId}
        timeZone={props.timeZone}
        actions={(test) => <LabConfirmation test={test} onDone={props.onDone} />}
      >
        <Show when={props.livingIn}>
          <Disclosure label="Record a test">
            {(close) => (
              <RecordTestForm
                residents={[{ residentId: props.residentId, name: props.name }]}
                residentId={props.residentId}
                onDone={(message) => {
                  close();
                  props.onDone(message);
                }}
              />
            )}
          </Disclosure>
        </Show>
      </ResidentTests>
      <RecoveryCapitalHistory residentId={props.residentId} />
    </>
  );
}
