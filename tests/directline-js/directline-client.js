'use strict';

// What both compatibility scripts need to run the official client the way an embedded Web Chat does: jsdom's
// WebSocket and XMLHttpRequest (Node 20 has neither) on a page of another origin, so every REST call goes
// through CORS; the page's token exchange; and the user id Web Chat reads from the token.

const { JSDOM } = require('jsdom');
const { solveChallenge } = require('./bot-challenge');

const PAGE_ORIGIN = 'http://webchat.test/';

/** Installs the browser globals, then loads botframework-directlinejs (its rxjs looks for them when it loads). */
function loadDirectLine(title) {
  const dom = new JSDOM(`<!doctype html><title>${title}</title>`, { url: PAGE_ORIGIN });
  global.window = dom.window;
  global.XMLHttpRequest = dom.window.XMLHttpRequest;
  global.WebSocket = dom.window.WebSocket;
  return require('botframework-directlinejs');
}

/** POST /api/directline/token with a solved bot challenge, as the built-in page does. */
async function fetchToken(base, locale) {
  const altcha = await solveChallenge(base);
  const response = await fetch(`${base}/api/directline/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ locale, altcha }),
  });
  if (!response.ok) {
    throw new Error(`token exchange answered HTTP ${response.status}: ${await response.text()}`);
  }

  const body = await response.json();
  if (typeof body.token !== 'string') {
    throw new Error(`token exchange returned no token: ${JSON.stringify(body)}`);
  }

  return body.token;
}

/** What DirectLineJS and Web Chat do: the JWT's `user` claim is the user id. */
function userFromToken(token) {
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  if (typeof payload.user !== 'string' || !payload.user.startsWith('dl_')) {
    throw new Error(`the token's user claim is not a dl_ id: ${JSON.stringify(payload.user)}`);
  }

  return payload.user;
}

module.exports = { PAGE_ORIGIN, loadDirectLine, fetchToken, userFromToken };
