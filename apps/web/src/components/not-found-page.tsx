import { A } from '@solidjs/router';
import { PageHeading } from './page';

export default function NotFoundPage() {
  return (
    <section class="stack">
      <PageHeading title="Page not found">Page not found</PageHeading>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <A href="/">Go to the start page</A>
      </p>
    </section>
  );
}
