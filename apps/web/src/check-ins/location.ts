// Where the phone is, for residents who turned location sharing on. Asking
// never holds up a check-in: whatever the phone has found by the time the
// check-in is sent goes with it, and nothing otherwise.
import type { CheckInLocation } from './data';

/** The most the API accepts as an accuracy; a vaguer fix is sent without one. */
const MAX_ACCURACY_METRES = 100_000;

export interface LocationRequest {
  /** Starts asking the phone (once); call it as soon as sending becomes likely. */
  start(): void;
  /** The location if the phone gives it within `waitMs`; undefined otherwise. */
  take(waitMs?: number): Promise<CheckInLocation | undefined>;
}

export function createLocationRequest(): LocationRequest {
  let pending: Promise<CheckInLocation | undefined> | undefined;
  const ask = () => {
    pending ??= new Promise<CheckInLocation | undefined>((resolve) => {
      if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
        resolve(undefined);
        return;
      }
      navigator.geolocation.getCurrentPosition(
        (position) => {
          const { latitude, longitude, accuracy } = position.coords;
          resolve({
            latitude,
            longitude,
            ...(Number.isFinite(accuracy) && accuracy <= MAX_ACCURACY_METRES ? { accuracy } : {}),
          });
        },
        // refused, or no fix: the check-in goes without it
        () => resolve(undefined),
        { enableHighAccuracy: false, timeout: 15_000, maximumAge: 5 * 60_000 },
      );
    });
    return pending;
  };
  return {
    start() {
      void ask();
    },
    async take(waitMs = 1500) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), waitMs);
      });
      try {
        return await Promise.race([ask(), timeout]);
      } finally {
        clearTimeout(timer);
        // the next check-in asks afresh
        pending = undefined;
      }
    },
  };
}
