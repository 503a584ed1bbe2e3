import type { Finding } from '../api-types.ts';

/** `ageMonths` → "age months": fact names are the rule's own keys, read as words. */
const words = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A red flag's facts, name beside value, and the guidance it comes from: the officer checks each fact against
 * the documents before asking the customer, which is what the guidance asks for a red flag.
 */
export function RedFlagFacts({ finding: f }: { finding: Finding }) {
  const flag = f.redFlag;
  if (!flag) return null;
  return (
    <>
      <table class="evidence red-flag-facts">
        <caption>
          Facts used by rule <code>{flag.rule}</code>
          {flag.threshold !== undefined && <span class="muted"> · threshold {flag.threshold}</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">Fact</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(flag.facts).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{words(name)}</th>
              <td>{String(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="legal">
        <dt>Guidance</dt>
        {flag.sources.map((s) => (
          <dd key={s.url}>
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              {s.title} ↗
            </a>
            {s.published && <span class="muted"> ({s.published})</span>}
          </dd>
        ))}
      </dl>
    </>
  );
}
