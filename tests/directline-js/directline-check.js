'use strict';

// Checks a SupportBot server against the official Direct Line client, botframework-directlinejs 0.15.5 (the version
// Web Chat 4.18 pins). Node 20 has neither WebSocket nor XMLHttpRequest, so the client runs under jsdom's, on a page
// of another origin, which makes every REST call go through CORS as it does for an embedded Web Chat.
//
// Usage: node directline-check.js <baseUrl> [token]
//   baseUrl  the server, e.g. http://127.0.0.1:5000
//   token    a Direct Line token; without one, it is fetched from <baseUrl>/api/directline/token
//
// Two passes share the token, so the second one also reuses the conversation (POST /conversations answers 200):
//   websocket  webSocket: true, activities over the stream
//   polling    webSocket: false, activities by GET …/activities?watermark=
// In each: a message is posted; its echo must arrive with the id postActivity returned and the clientActivityID
// sent; a bot reply must arrive with replyToId set to that id; no conversationUpdate may reach the client.
// Exits 0 when both passes pass, 1 otherwise, 2 on bad usage.

const { loadDirectLine, fetchToken, userFromToken } = require('./directline-client');

const PASS_TIMEOUT_MS = 20000;

async function main() {
  const [baseArgument, tokenArgument] = process.argv.slice(2);
  if (!baseArgument) {
    console.error('usage: node directline-check.js <baseUrl> [token]');
    return 2;
  }

  const base = baseArgument.replace(/\/+$/, '');
  const { DirectLine, ConnectionStatus } = loadDirectLine('directline-js check');

  let failed = 0;
  let passed = 0;
  try {
    const token = tokenArgument || (await fetchToken(base, 'en-US'));
    const userId = userFromToken(token);
    console.log(`server ${base}, user ${userId}`);
    for (const [name, webSocket] of [['websocket', true], ['polling', false]]) {
      try {
        const outcome = await runPass({ DirectLine, ConnectionStatus, base, token, userId, name, webSocket });
        passed++;
        console.log(`PASS ${name}: echo ${outcome.echoId}, reply "${outcome.replyText}", ${outcome.activityCount} activities seen`);
      } catch (error) {
        failed++;
        console.log(`FAIL ${name}: ${error.message}`);
      }
    }
  } catch (error) {
    failed++;
    console.log(`FAIL setup: ${error.message}`);
  } finally {
    global.window.close();
  }

  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed === 2 ? 0 : 1;
}

function runPass({ DirectLine, ConnectionStatus, base, token, userId, name, webSocket }) {
  return new Promise((resolve, reject) => {
    const directLine = new DirectLine({ token, domain: `${base}/v3/directline`, webSocket, pollingInterval: 250 });
    if (directLine.webSocket !== webSocket) {
      reject(new Error(`DirectLineJS chose webSocket=${directLine.webSocket}; is jsdom's WebSocket global missing?`));
      return;
    }

    const clientActivityID = `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const text = `hello over ${name}`;
    const seen = [];
    const statuses = [];
    const subscriptions = [];
    let postedId;
    let settled = false;

    const timer = setTimeout(
      () => finish(new Error(`timed out after ${PASS_TIMEOUT_MS} ms; statuses [${statuses.join(', ')}]; ` +
        `posted id ${postedId}; saw ${JSON.stringify(seen.map(a => ({ id: a.id, type: a.type, text: a.text, replyToId: a.replyToId })))}`)),
      PASS_TIMEOUT_MS);

    function finish(error, outcome) {
      if (settled) {
        return;
      }

      settled = true;
      clearTimeout(timer);
      subscriptions.forEach(subscription => subscription.unsubscribe());
      directLine.end();
      if (error) {
        reject(error);
      } else {
        resolve(outcome);
      }
    }

    function check() {
      const echo = seen.find(activity => activity.channelData && activity.channelData.clientActivityID === clientActivityID);
      const reply = echo && seen.find(activity => activity.replyToId === echo.id);
      if (!postedId || !echo || !reply) {
        return;
      }

      const problems = [];
      if (echo.id !== postedId) problems.push(`echo id ${echo.id} is not the posted id ${postedId}`);
      if (!echo.id.startsWith(`${echo.conversation && echo.conversation.id}|`)) problems.push(`echo id ${echo.id} is not <conversationId>|…`);
      if (!echo.from || echo.from.id !== userId || echo.from.role !== 'user') problems.push(`echo from ${JSON.stringify(echo.from)}`);
      if (echo.text !== text) problems.push(`echo text ${JSON.stringify(echo.text)}`);
      if (!reply.from || reply.from.role !== 'bot') problems.push(`reply from ${JSON.stringify(reply.from)}`);
      if (reply.type !== 'message' || typeof reply.text !== 'string') problems.push(`reply is ${reply.type} ${JSON.stringify(reply.text)}`);
      if (!(Date.parse(reply.timestamp) >= Date.parse(echo.timestamp))) problems.push(`reply timestamp ${reply.timestamp} before echo ${echo.timestamp}`);
      if (!/Z$/.test(echo.timestamp)) problems.push(`echo timestamp ${echo.timestamp} is not UTC with Z`);
      finish(problems.length ? new Error(problems.join('; ')) : undefined,
        { echoId: echo.id, replyText: reply.text, activityCount: seen.length });
    }

    subscriptions.push(directLine.connectionStatus$.subscribe(status => {
      statuses.push(ConnectionStatus[status]);
      if (status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.ExpiredToken || status === ConnectionStatus.Ended) {
        finish(new Error(`connection status ${ConnectionStatus[status]} (statuses [${statuses.join(', ')}])`));
      }
    }));

    subscriptions.push(directLine.activity$.subscribe(
      activity => {
        seen.push(activity);
        if (activity.type === 'conversationUpdate') {
          finish(new Error('a conversationUpdate reached the client'));
          return;
        }

        check();
      },
      error => finish(new Error(`activity$ failed: ${error && (error.message || error.type || error)}`))));

    // As Web Chat posts: from the token's user, with a clientActivityID to match the echo.
    subscriptions.push(directLine.postActivity({
      type: 'message',
      from: { id: userId, name: 'DirectLineJS check' },
      text,
      locale: 'en-US',
      channelData: { clientActivityID },
    }).subscribe(
      id => {
        if (id === 'retry') {
          finish(new Error('postActivity gave "retry": the server answered 5xx or timed out'));
          return;
        }

        postedId = id;
        check();
      },
      error => finish(new Error(`postActivity failed with HTTP ${error && error.status}`))));
  });
}

main().then(
  code => process.exit(code),
  error => {
    console.log(`FAIL unexpected: ${error && error.stack}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  });
