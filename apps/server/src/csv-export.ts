// An export's rows as a CSV response body, written by csv-stringify as they are
// read from the database. UTF-8 with a byte order mark (without it Excel reads
// the file in the machine's code page and "José" turns into "JosÃ©"), CRLF line
// endings, the header row first, and any text cell that a spreadsheet would run
// as a formula (= + - @, a tab or a carriage return first) prefixed with a
// single quote, as OWASP's CSV injection guidance says; numbers stay numbers.
import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Cell, CsvExport } from '@porchlight/api';

/** What the connection is failed with when an export breaks part-way: never the cause. */
export const EXPORT_INTERRUPTED = 'The export stopped part-way.';

export function csvBody(
  csv: CsvExport,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  async function* records(): AsyncGenerator<Cell[]> {
    yield csv.header;
    yield* csv.rows;
  }
  const stringifier = stringify({ bom: true, record_delimiter: 'windows', escape_formulas: true });
  let cancelled = false;
  pipeline(Readable.from(records()), stringifier, (error) => {
    if (error && !cancelled) onError(error);
  });
  const chunks = stringifier[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  // pulled, not pushed: the next rows are read only when the client has taken the last ones
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: IteratorResult<unknown>;
      try {
        next = await chunks.next();
      } catch {
        // the cause is logged with the request id; the client's download fails
        // rather than ending as if the file were complete
        controller.error(new Error(EXPORT_INTERRUPTED));
        return;
      }
      if (next.done) controller.close();
      else if (next.value instanceof Uint8Array) controller.enqueue(next.value);
      else if (typeof next.value === 'string') controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      // the client went away: stop reading the database
      cancelled = true;
      await chunks.return?.();
    },
  });
}
