/**
 * Signed-in newsroom users for HTTP tests. Accounts are made through the user service
 * and sessions started through the session service (the sign-in form itself has its
 * own tests), so each test gets a cookie and CSRF token per role quickly.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role, User } from '../../src/domain/users/user.ts';
import type { Services } from '../../src/services.ts';

export interface Actor {
  user: User;
  cookie: string;
  csrf: string;
}

export async function actor(services: Services, role: Role, email = `${role}-${Math.random().toString(36).slice(2)}@example.test`): Promise<Actor> {
  const { user } = await services.users.create({ email, name: `${role} test`, role, password: 'correct horse battery' });
  const session = await services.sessions.start(user.id);
  return { user, cookie: `samachar_session=${session.token}`, csrf: session.csrfToken };
}

/** A request as the newsroom's own page would send it: cookie, CSRF header, same origin. */
export function asActor(app: FastifyInstance, who: Actor, options: InjectOptions & { json?: unknown }): Promise<LightMyRequestResponse> {
  const { json, headers, ...rest } = options;
  return app.inject({
    ...rest,
    headers: {
      cookie: who.cookie,
      'x-csrf-token': who.csrf,
      origin: 'http://localhost:80',
      host: 'localhost:80',
      ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(json !== undefined ? { payload: JSON.stringify(json) } : {}),
  });
}
