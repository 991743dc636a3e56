/**
 * Typed client for the Ticket Show API. `schema.ts` is generated from openapi.json by
 * `npm run client:generate`; this file is the small hand-written entry point around it.
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };
/** Request and response bodies by schema name: `Schemas['ShowDto']`. */
export type Schemas = components['schemas'];
export type TicketShowClient = Client<paths>;

export interface TicketShowClientOptions extends ClientOptions {
  /** Sent as `Authorization: Bearer …`; a function is asked on every request (token refresh). */
  accessToken?: string | (() => string | undefined);
}

export function createTicketShowClient(options: TicketShowClientOptions = {}): TicketShowClient {
  const { accessToken, ...clientOptions } = options;
  const client = createClient<paths>(clientOptions);
  if (accessToken !== undefined) {
    client.use({
      onRequest({ request }) {
        const token = typeof accessToken === 'function' ? accessToken() : accessToken;
        if (token) request.headers.set('Authorization', `Bearer ${token}`);
        return request;
      },
    });
  }
  return client;
}
