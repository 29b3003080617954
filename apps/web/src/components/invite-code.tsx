// A new invite's code and link, shown once: only a hash is kept on the server.
import { createSignal, Show } from 'solid-js';

export function InviteCode(props: { token: string; path: string; name: string }) {
  const [copied, setCopied] = createSignal<string | null>(null);
  const link = () => `${location.origin}${props.path}`;
  async function copy(what: string, value: string) {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(`${what} copied.`);
    } catch {
      setCopied(`Could not copy; select the ${what.toLowerCase()} and copy it yourself.`);
    }
  }
  return (
    <div class="invite-code" role="region" aria-label="New invite">
      <p>Give this code or link to {props.name}. It is shown only once: copy it now.</p>
      <dl class="facts">
        <div>
          <dt>Code</dt>
          <dd>
            <code class="code">{props.token}</code>
          </dd>
        </div>
        <div>
          <dt>Link</dt>
          <dd>
            <code class="code code-wrap">{link()}</code>
          </dd>
        </div>
      </dl>
      <div class="actions">
        <button type="button" class="button" onClick={() => void copy('Code', props.token)}>
          Copy code
        </button>
        <button type="button" class="button" onClick={() => void copy('Link', link())}>
          Copy link
        </button>
      </div>
      <p class="status-note" role="status">
        <Show when={copied()}>{copied()}</Show>
      </p>
    </div>
  );
}
