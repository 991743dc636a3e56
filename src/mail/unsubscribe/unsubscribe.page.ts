import type { UnsubscribeScope } from './unsubscribe-token';

const WHAT: Record<UnsubscribeScope, string> = {
  reminders: 'daily reminder emails',
  reports: 'monthly report emails',
  all: 'reminder and report emails',
};

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)} · Ticket Show</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222">
<h1 style="font-size:1.4rem">${escapeHtml(title)}</h1>${body}</body></html>`;
}

/**
 * GET shows this page and changes nothing (mail scanners follow links); the button POSTs the
 * same one-click request a mail client sends for `List-Unsubscribe-Post`.
 */
export function confirmPage(scope: UnsubscribeScope, token: string): string {
  const action = `/unsubscribe?token=${encodeURIComponent(token)}`;
  return page(
    'Unsubscribe',
    `<p>Stop receiving ${WHAT[scope]} from Ticket Show?</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit" style="font-size:1rem;padding:.5rem 1rem">Unsubscribe</button></form>`,
  );
}

export function donePage(scope: UnsubscribeScope): string {
  return page(
    'You are unsubscribed',
    `<p>You will no longer receive ${WHAT[scope]}. You can turn them back on at any time in your
preferences (<code>PATCH /users/me/preferences</code>).</p>`,
  );
}
