import { deliveryState, WEBHOOK_EVENTS, WEBHOOK_URL_MAX, type WebhookDelivery, type WebhookEndpoint } from '../../domain/webhooks/webhook.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { type AdminChrome, renderAdminPage } from './admin-layout.tsx';
import { ButtonForm, Csrf, Field, type FieldErrors, Notice, Pager } from './site-form.tsx';
import { webhookStringsFor, type WebhookAdminStrings } from './webhook-admin-strings.ts';

export interface WebhookFormValues {
  url: string;
  events: readonly string[];
  active: boolean;
}

export interface DeliveryLog {
  items: readonly WebhookDelivery[];
  total: number;
  page: number;
  pageSize: number;
  href: (page: number) => string;
}

type Style = 'hi' | 'en';

function Errors({ t, errors }: { t: WebhookAdminStrings; errors: FieldErrors }) {
  return Object.keys(errors).length > 0 ? (
    <p class="form-error" role="alert">
      {t.fixErrors}
    </p>
  ) : null;
}

function EndpointFields({ t, values, errors, withActive }: { t: WebhookAdminStrings; values: WebhookFormValues; errors: FieldErrors; withActive: boolean }) {
  const eventsError = errors.events;
  return (
    <>
      <Field name="url" label={t.url} value={values.url} errors={errors} help={t.urlHelp} maxLength={WEBHOOK_URL_MAX} required lang="en" />
      <fieldset class={`field${eventsError ? ' has-error' : ''}`} {...(eventsError ? { 'aria-describedby': 'f-events-error' } : {})}>
        <legend>{t.events}</legend>
        {WEBHOOK_EVENTS.map((ev) => (
          <label key={ev} class="checkbox">
            <input type="checkbox" name="events" value={ev} checked={values.events.includes(ev)} /> {t.eventNames[ev]} <code lang="en">{ev}</code>
          </label>
        ))}
        {eventsError && (
          <span id="f-events-error" class="field-error">
            {eventsError}
          </span>
        )}
      </fieldset>
      {withActive && (
        <p class="field">
          <label class="checkbox">
            <input type="checkbox" name="active" value="1" checked={values.active} /> {t.active}
          </label>
          <small class="help">{t.activeHelp}</small>
        </p>
      )}
    </>
  );
}

function Log({ t, log, style, showEndpoint }: { t: WebhookAdminStrings; log: DeliveryLog; style: Style; showEndpoint: boolean }) {
  const pages = Math.max(1, Math.ceil(log.total / log.pageSize));
  return (
    <>
      <h2>{t.log}</h2>
      {log.items.length === 0 ? (
        <p class="muted">{t.logEmpty}</p>
      ) : (
        <table class="admin-table webhook-log">
          <thead>
            <tr>
              <th>{t.when}</th>
              <th>{t.event}</th>
              {showEndpoint && <th>{t.url}</th>}
              <th>{t.state}</th>
              <th class="num">{t.attempts}</th>
              <th>{t.response}</th>
              <th>{t.nextAttempt}</th>
              <th>{t.error}</th>
            </tr>
          </thead>
          <tbody>
            {log.items.map((d) => {
              const state = deliveryState(d);
              return (
                <tr key={d.id} data-delivery={d.id}>
                  <td>
                    <time dateTime={d.createdAt.toISOString()}>{formatDateTime(d.createdAt, style)}</time>
                  </td>
                  <td>
                    <code lang="en">{d.event}</code>
                  </td>
                  {showEndpoint && (
                    <td>
                      <a href={`/admin/webhooks/${d.endpointId}`} lang="en">
                        {d.endpointUrl}
                      </a>
                    </td>
                  )}
                  <td>{t.states[state]}</td>
                  <td class="num">{d.attempts}</td>
                  <td class="response">{d.lastStatus ?? (d.attempts > 0 ? t.noResponse : '')}</td>
                  <td>{state === 'pending' ? <time dateTime={d.nextAttemptAt.toISOString()}>{formatDateTime(d.nextAttemptAt, style)}</time> : ''}</td>
                  <td lang="en">{d.lastError}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pager page={log.page} pages={pages} href={log.href} />
    </>
  );
}

export interface WebhooksPageProps {
  chrome: AdminChrome;
  endpoints: readonly WebhookEndpoint[];
  create: { values: WebhookFormValues; errors: FieldErrors };
  log: DeliveryLog;
  notice?: string;
}

/** Every endpoint, a form to add one, and the delivery log of all. */
export function renderWebhooksPage(p: WebhooksPageProps): string {
  const t = webhookStringsFor(p.chrome.user);
  const style: Style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  return renderAdminPage(
    { ...p.chrome, current: 'webhooks' },
    t.title,
    <>
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      <Notice text={p.notice} />
      <h2>{t.endpoints}</h2>
      {p.endpoints.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th>{t.url}</th>
              <th>{t.events}</th>
              <th>{t.state}</th>
              <th>{t.edit}</th>
            </tr>
          </thead>
          <tbody>
            {p.endpoints.map((e) => (
              <tr key={e.id}>
                <td lang="en">{e.url}</td>
                <td>{e.events.map((ev) => t.eventNames[ev]).join(', ')}</td>
                <td>{e.active ? t.active : t.paused}</td>
                <td>
                  <a href={`/admin/webhooks/${e.id}`}>{t.edit}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t.add}</h2>
      <Errors t={t} errors={p.create.errors} />
      <form method="post" action="/admin/webhooks" class="card-form">
        <Csrf token={p.chrome.csrfToken} />
        <EndpointFields t={t} values={p.create.values} errors={p.create.errors} withActive={false} />
        <button type="submit" class="primary">
          {t.add}
        </button>
      </form>
      <Log t={t} log={p.log} style={style} showEndpoint />
    </>,
  );
}

export interface WebhookEditPageProps {
  chrome: AdminChrome;
  endpoint: WebhookEndpoint;
  values: WebhookFormValues;
  errors: FieldErrors;
  log: DeliveryLog;
  notice?: string;
}

/** One endpoint: its settings, its signing secret, and its deliveries. */
export function renderWebhookEditPage(p: WebhookEditPageProps): string {
  const t = webhookStringsFor(p.chrome.user);
  const style: Style = p.chrome.user?.locale === 'en' ? 'en' : 'hi';
  return renderAdminPage(
    { ...p.chrome, current: 'webhooks' },
    `${t.editTitle}: ${p.endpoint.url}`,
    <>
      <p>
        <a href="/admin/webhooks">{t.back}</a>
      </p>
      <h1>
        {t.editTitle}: <span lang="en">{p.endpoint.url}</span>
      </h1>
      <Notice text={p.notice} />
      <p class="field">
        <label for="webhook-secret">{t.secret}</label>
        <input id="webhook-secret" type="text" readOnly value={p.endpoint.secret} lang="en" aria-describedby="webhook-secret-help" />
        <small id="webhook-secret-help" class="help">
          {t.secretHelp}
        </small>
      </p>
      <Errors t={t} errors={p.errors} />
      <form method="post" action={`/admin/webhooks/${p.endpoint.id}`} class="card-form">
        <Csrf token={p.chrome.csrfToken} />
        <EndpointFields t={t} values={p.values} errors={p.errors} withActive />
        <button type="submit" class="primary">
          {t.save}
        </button>
      </form>
      <ButtonForm action={`/admin/webhooks/${p.endpoint.id}/delete`} csrf={p.chrome.csrfToken} label={t.delete} />
      <Log t={t} log={p.log} style={style} showEndpoint={false} />
    </>,
  );
}
