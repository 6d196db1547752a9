'use strict';

// A whole account-recovery conversation with the REAL bot through the official Direct Line client,
// botframework-directlinejs 0.15.5 (the version Web Chat 4.18 pins), under jsdom as directline-check.js runs it.
// The server must be in Development with the demo accounts, so that GET /dev/outbox lists the codes "sent".
//
// Usage: node recovery-conversation.js <baseUrl> [websocket|polling ...]
//   baseUrl  the server, e.g. http://127.0.0.1:5000
//   modes    which passes to run, in order; both when none is given
//
// Each pass gets its own token, so its own conversation and user, and uses its own demo account, so that neither
// reaches the per-account send cap:
//   websocket  webSocket: true,  as sam@example.com   (the code must go to the OLD email, sam.old@example.com)
//   polling    webSocket: false, as maria@example.com (the code goes to maria@example.com)
// Steps: greeting → "someone hacked my account" → "I want to talk to a person" → the account's email → the Email
// button, posted as Web Chat posts a messageBack (the reply carries the code box, an Adaptive Card) → the code from
// /dev/outbox typed in the chat (not checked: "secure box", the box again; the echo shows "[code hidden]") → a wrong
// code submitted through the box as Web Chat posts Action.Submit ("tries left"; the echo's value.code is
// "[code hidden]", never the digits) → the right code through the box (a case number SB-XXXX-XXXX and "in line").
// Every user activity must come back as an echo with the id postActivity returned and the clientActivityID sent;
// every checked bot reply must point at that echo with replyToId.
// Exits 0 when every pass passes, 1 otherwise, 2 on bad usage.

const { loadDirectLine, fetchToken, userFromToken } = require('./directline-client');

const STEP_TIMEOUT_MS = 15000;
const OVERALL_TIMEOUT_MS = 100000;
const OUTBOX_POLL_MS = 200;
const LOCALE = 'en-US';

const PASSES = {
  websocket: {
    webSocket: true,
    account: 'sam@example.com',
    codeTo: 'sam.old@example.com',
    neverTo: ['sam@example.com'],
  },
  polling: {
    webSocket: false,
    account: 'maria@example.com',
    codeTo: 'maria@example.com',
    neverTo: ['+1 555 0100'],
  },
};

async function main() {
  const [baseArgument, ...modeArguments] = process.argv.slice(2);
  const modes = modeArguments.length ? modeArguments : Object.keys(PASSES);
  if (!baseArgument || modes.some(mode => !PASSES[mode])) {
    console.error(`usage: node recovery-conversation.js <baseUrl> [${Object.keys(PASSES).join('|')} ...]`);
    return 2;
  }

  const base = baseArgument.replace(/\/+$/, '');
  const { DirectLine, ConnectionStatus } = loadDirectLine('recovery conversation');

  let passed = 0;
  let failed = 0;
  console.log(`server ${base}, passes: ${modes.join(', ')}`);
  try {
    for (const mode of modes) {
      const started = Date.now();
      try {
        await runPass({ DirectLine, ConnectionStatus, base, mode, ...PASSES[mode] });
        passed++;
        console.log(`PASS ${mode} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        console.log(`FAIL ${mode} (${Date.now() - started} ms): ${error.message}`);
      }
    }
  } finally {
    global.window.close();
  }

  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed === modes.length ? 0 : 1;
}

async function runPass({ DirectLine, ConnectionStatus, base, mode, webSocket, account, codeTo, neverTo }) {
  const log = message => console.log(`[${mode}] ${message}`);
  const token = await fetchToken(base, LOCALE);
  const userId = userFromToken(token);
  const conversation = openConversation({ DirectLine, ConnectionStatus, base, token, webSocket });
  log(`user ${userId}, webSocket ${webSocket}, account ${account}`);

  const steps = [];
  async function step(name, action) {
    const started = Date.now();
    try {
      const detail = await action();
      log(`ok   ${name} (${Date.now() - started} ms)${detail ? `: ${detail}` : ''}`);
    } catch (error) {
      log(`FAIL ${name} (${Date.now() - started} ms): ${error.message}`);
      throw new Error(`step "${name}": ${error.message}`);
    }
    steps.push(name);
  }

  try {
    if (conversation.directLine.webSocket !== webSocket) {
      throw new Error(`DirectLineJS chose webSocket=${conversation.directLine.webSocket}; is jsdom's WebSocket global missing?`);
    }

    await step('greeting', async () => {
      const greeting = await conversation.waitFor('the greeting (a bot message)', isBotMessage);
      const problems = [];
      if (typeof greeting.text !== 'string' || !greeting.text.trim()) problems.push(`greeting has no text: ${describe(greeting)}`);
      if (!greeting.id || !greeting.id.startsWith(`${greeting.conversation && greeting.conversation.id}|`)) problems.push(`greeting id ${greeting.id} is not <conversationId>|…`);
      if (!/Z$/.test(greeting.timestamp || '')) problems.push(`greeting timestamp ${greeting.timestamp} is not UTC with Z`);
      assertNone(problems);
      return quote(greeting.text);
    });

    await step('"someone hacked my account" → steps to secure the account', async () => {
      const { echo } = await send(conversation, userId, { text: 'someone hacked my account' });
      const reply = await expectReply(conversation, echo, 'Secure your email first', a => includes(a.text, 'Secure your email first'));
      return quote(reply.text);
    });

    await step('"I want to talk to a person" → verification first', async () => {
      const { echo } = await send(conversation, userId, { text: 'I want to talk to a person' });
      const reply = await expectReply(conversation, echo, 'prove the account is yours', a => includes(a.text, 'prove the account is yours'));
      if (/SB-[0-9A-Z]{4}-[0-9A-Z]{4}/.test(reply.text)) throw new Error(`a case number before verification: ${quote(reply.text)}`);
      return quote(reply.text);
    });

    let emailAction;
    await step(`"${account}" → Email / Text message buttons (messageBack)`, async () => {
      const { echo } = await send(conversation, userId, { text: account });
      const reply = await expectReply(conversation, echo, 'suggested actions method:email and method:sms',
        a => a.suggestedActions && Array.isArray(a.suggestedActions.actions) && a.suggestedActions.actions.length > 0);
      const actions = reply.suggestedActions.actions;
      const problems = [];
      actions.forEach((action, index) => {
        if (action.type !== 'messageBack') problems.push(`action ${index} is ${action.type}, not messageBack`);
        if (typeof action.title !== 'string' || !action.title) problems.push(`action ${index} has no title`);
        if (!action.value || typeof action.value.action !== 'string') problems.push(`action ${index} value ${JSON.stringify(action.value)} has no "action"`);
      });
      const values = actions.map(action => action.value && action.value.action);
      for (const expected of ['method:email', 'method:sms']) {
        if (!values.includes(expected)) problems.push(`no action with value {action:"${expected}"}`);
      }
      const to = reply.suggestedActions.to;
      if (Array.isArray(to) && to.length > 0 && !to.includes(userId)) problems.push(`suggestedActions.to ${JSON.stringify(to)} leaves out ${userId}`);
      assertNone(problems, `actions ${JSON.stringify(actions)}`);
      emailAction = actions.find(action => action.value.action === 'method:email');
      return actions.map(action => `${action.type} "${action.title}" ${JSON.stringify(action.value)}`).join(', ');
    });

    const outboxBefore = (await readOutbox(base)).filter(message => message.to === codeTo).length;
    let codeBox;
    await step(`Email button (messageBack as Web Chat posts it) → "8-digit code"`, async () => {
      // What Web Chat 4.18 posts for a messageBack button: text, value and channelData.messageBack.displayText.
      const displayText = emailAction.displayText || emailAction.title;
      const { echo } = await send(conversation, userId, {
        text: emailAction.text || emailAction.title,
        value: emailAction.value,
        channelData: { messageBack: { displayText } },
      });
      const problems = [];
      if (!echo.value || echo.value.action !== 'method:email') problems.push(`the echo's value is ${JSON.stringify(echo.value)}`);
      if (!echo.channelData.messageBack || echo.channelData.messageBack.displayText !== displayText) {
        problems.push(`the echo's channelData.messageBack is ${JSON.stringify(echo.channelData.messageBack)} (Web Chat shows displayText)`);
      }
      assertNone(problems);
      const reply = await expectReply(conversation, echo, '8-digit code', a => includes(a.text, '8-digit code'));
      codeBox = findCodeBox(reply);
      if (!codeBox) throw new Error(`the code prompt carries no code box (Adaptive Card with Input.Text and Action.Submit): ${describe(reply)}`);
      return `${quote(reply.text)}; code box "${codeBox.input.label}" → ${JSON.stringify(codeBox.submit.data)}`;
    });

    let code;
    await step(`code delivered to ${codeTo} (GET /dev/outbox)`, async () => {
      const message = await waitForOutbox(base, codeTo, outboxBefore + 1);
      const match = /(?<!\d)\d{8}(?!\d)/.exec(message.text);
      if (!match) throw new Error(`no 8-digit code in ${quote(message.text)}`);
      code = match[0];
      const outbox = await readOutbox(base);
      const wrongPlaces = outbox.filter(item => neverTo.includes(item.to));
      if (wrongPlaces.length) throw new Error(`the outbox also has messages to ${neverTo.join(', ')}: ${JSON.stringify(wrongPlaces)}`);
      return `${message.channel} to ${message.to}, ${code.length} digits; none to ${neverTo.join(', ')}`;
    });

    await step('the code typed in the chat → not checked, hidden in the echo, the secure box again', async () => {
      const { echo } = await send(conversation, userId, { text: code });
      const problems = [];
      if (!includes(echo.text, '[code hidden]')) problems.push(`the echo's text is ${quote(echo.text)}, without "[code hidden]"`);
      if (content(echo).includes(code)) problems.push(`the echo carries the typed digits: ${describe(echo)}`);
      assertNone(problems);
      const reply = await expectReply(conversation, echo, '"secure box" and the code box', a => includes(a.text, 'secure box') && findCodeBox(a));
      if (/SB-[0-9A-Z]{4}-[0-9A-Z]{4}/.test(reply.text)) throw new Error(`a typed code was accepted: ${quote(reply.text)}`);
      return quote(reply.text);
    });

    const wrongCode = [...code].map(digit => String((Number(digit) + 1) % 10)).join('');
    await step('a wrong code in the box → "tries left"; its echo hides the digits', async () => {
      const { echo } = await send(conversation, userId, submitCodeBox(codeBox, wrongCode));
      const problems = [];
      if (!echo.value || echo.value.code !== '[code hidden]') problems.push(`the echo's value is ${JSON.stringify(echo.value)}, without code "[code hidden]"`);
      if (content(echo).includes(wrongCode)) problems.push(`the echo carries the submitted digits: ${describe(echo)}`);
      assertNone(problems);
      const reply = await expectReply(conversation, echo, 'tries left', a => includes(a.text, 'tries left'));
      return `echo ${JSON.stringify(echo.value)}; reply ${quote(reply.text)}`;
    });

    await step('the right code in the box → a case number and "in line"', async () => {
      const { echo } = await send(conversation, userId, submitCodeBox(codeBox, code));
      if (content(echo).includes(code)) throw new Error(`the echo carries the code: ${describe(echo)}`);
      const reply = await expectReply(conversation, echo, 'SB-XXXX-XXXX and "in line"',
        a => /SB-[0-9A-Z]{4}-[0-9A-Z]{4}/.test(a.text || '') && includes(a.text, 'in line'));
      return `echo ${JSON.stringify(echo.value)}; reply ${quote(reply.text)}`;
    });

    await step('no activity the client saw carries a code', async () => {
      const leaks = conversation.activities.filter(a => content(a).includes(code) || content(a).includes(wrongCode));
      if (leaks.length) throw new Error(`${leaks.length} activities carry a code: ${leaks.map(describe).join(' | ')}`);
      return `${conversation.activities.length} activities seen; statuses [${conversation.statuses.join(', ')}]`;
    });
  } finally {
    conversation.close();
  }

  return steps;
}

// The code box (security.md A3) on a bot reply: an Adaptive Card with a text input and a submit action, or undefined.
function findCodeBox(activity) {
  for (const attachment of activity.attachments || []) {
    if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive' || !attachment.content) continue;
    const input = (attachment.content.body || []).find(element => element.type === 'Input.Text');
    const submit = (attachment.content.actions || []).find(action => action.type === 'Action.Submit');
    if (input && submit && submit.data && typeof submit.data.action === 'string') return { input, submit };
  }
  return undefined;
}

// What Web Chat 4.18 posts for the card's Action.Submit: a message with no text, the action's data merged with the
// inputs as value, and channelData.postBack (WC adaptiveCards/Attachment/AdaptiveCardRenderer.tsx).
function submitCodeBox(codeBox, code) {
  return { value: { ...codeBox.submit.data, [codeBox.input.id]: code }, channelData: { postBack: true } };
}

// One DirectLine connection; collects what activity$ emits and lets steps wait for an activity.
function openConversation({ DirectLine, ConnectionStatus, base, token, webSocket }) {
  const directLine = new DirectLine({ token, domain: `${base}/v3/directline`, webSocket, pollingInterval: 250 });
  const activities = [];
  const statuses = [];
  const listeners = new Set();
  const subscriptions = [];
  let fatal;

  const notify = () => [...listeners].forEach(listener => listener());
  const fail = error => {
    fatal = fatal || error;
    notify();
  };

  subscriptions.push(directLine.connectionStatus$.subscribe(status => {
    statuses.push(ConnectionStatus[status]);
    if (status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.ExpiredToken || status === ConnectionStatus.Ended) {
      fail(new Error(`connection status ${ConnectionStatus[status]} (statuses [${statuses.join(', ')}])`));
    }
  }));

  subscriptions.push(directLine.activity$.subscribe(
    activity => {
      activities.push(activity);
      if (activity.type === 'conversationUpdate') {
        fail(new Error('a conversationUpdate reached the client'));
        return;
      }

      notify();
    },
    error => fail(new Error(`activity$ failed: ${error && (error.message || error.type || error)}`))));

  return {
    directLine,
    activities,
    statuses,

    /** The first activity (seen already or still to come) that matches; rejects after the step timeout. */
    waitFor(description, predicate, onTimeout) {
      return new Promise((resolve, reject) => {
        let timer;
        const done = (error, activity) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error); else resolve(activity);
        };
        function check() {
          if (fatal) {
            done(fatal);
            return;
          }

          const found = activities.find(predicate);
          if (found) done(undefined, found);
        }

        timer = setTimeout(() => done(new Error(`no ${description} within ${STEP_TIMEOUT_MS} ms; ` +
          (onTimeout ? onTimeout() : `saw ${activities.map(describe).join(' | ') || 'nothing'}`) +
          `; statuses [${statuses.join(', ')}]`)), STEP_TIMEOUT_MS);
        listeners.add(check);
        check();
      });
    },

    post(activity) {
      return new Promise((resolve, reject) => {
        subscriptions.push(directLine.postActivity(activity).subscribe(
          id => id === 'retry'
            ? reject(new Error('postActivity gave "retry": the server answered 5xx or timed out'))
            : resolve(id),
          error => reject(new Error(`postActivity failed with HTTP ${error && error.status}: ${error && error.response && JSON.stringify(error.response)}`))));
      });
    },

    close() {
      listeners.clear();
      subscriptions.forEach(subscription => subscription.unsubscribe());
      directLine.end();
    },
  };
}

// Posts as Web Chat does (from the token's user, locale, local time, a clientActivityID), then waits for the echo,
// which must carry the id postActivity returned.
async function send(conversation, userId, fields) {
  const clientActivityID = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const activity = {
    type: 'message',
    from: { id: userId, name: 'Recovery check', role: 'user' },
    locale: LOCALE,
    localTimestamp: new Date().toISOString(),
    localTimezone: 'UTC',
    textFormat: 'plain',
    ...fields,
    channelData: { ...(fields.channelData || {}), clientActivityID },
  };
  const postedId = await conversation.post(activity);
  const echo = await conversation.waitFor(`echo of clientActivityID ${clientActivityID} (posted id ${postedId})`,
    a => a.channelData && a.channelData.clientActivityID === clientActivityID);
  const problems = [];
  if (echo.id !== postedId) problems.push(`echo id ${echo.id} is not the posted id ${postedId}`);
  if (!echo.id || !echo.id.startsWith(`${echo.conversation && echo.conversation.id}|`)) problems.push(`echo id ${echo.id} is not <conversationId>|…`);
  if (!echo.from || echo.from.id !== userId || echo.from.role !== 'user') problems.push(`echo from ${JSON.stringify(echo.from)}`);
  if (echo.type !== 'message') problems.push(`echo type ${echo.type}`);
  assertNone(problems);
  return { postedId, echo };
}

// A bot message answering the echo (replyToId = the echo's id) that matches.
function expectReply(conversation, echo, description, predicate) {
  return conversation.waitFor(
    `bot reply to ${echo.id} with ${description}`,
    a => isBotMessage(a) && a.replyToId === echo.id && predicate(a),
    () => {
      const replies = conversation.activities.filter(a => a.replyToId === echo.id);
      return replies.length
        ? `replies to it: ${replies.map(describe).join(' | ')}`
        : `no reply to it at all; saw ${conversation.activities.map(describe).join(' | ')}`;
    });
}

function isBotMessage(activity) {
  return activity.type === 'message' && activity.from && activity.from.role === 'bot';
}

async function readOutbox(base) {
  const response = await fetch(`${base}/dev/outbox`);
  if (!response.ok) {
    throw new Error(`GET /dev/outbox answered HTTP ${response.status} (is the server in Development with the demo directory?)`);
  }

  const messages = await response.json();
  if (!Array.isArray(messages)) {
    throw new Error(`GET /dev/outbox returned ${JSON.stringify(messages)}, not a list`);
  }

  return messages;
}

// The nth (1-based) message to `to`, waiting for the delivery worker.
async function waitForOutbox(base, to, nth) {
  const started = Date.now();
  let messages = [];
  while (Date.now() - started < STEP_TIMEOUT_MS) {
    messages = await readOutbox(base);
    const mine = messages.filter(message => message.to === to);
    if (mine.length >= nth) {
      return mine[nth - 1];
    }

    await new Promise(resolve => setTimeout(resolve, OUTBOX_POLL_MS));
  }

  throw new Error(`no message #${nth} to ${to} in /dev/outbox within ${STEP_TIMEOUT_MS} ms; it has ${JSON.stringify(messages)}`);
}

// What an activity says, without ids, times and the client's own clientActivityID (random characters that could
// contain any digits).
function content(activity) {
  const { text, speak, value, suggestedActions, attachments, entities } = activity;
  const { clientActivityID, ...channelData } = activity.channelData || {};
  return JSON.stringify({ text, speak, value, channelData, suggestedActions, attachments, entities });
}

function includes(text, part) {
  return typeof text === 'string' && text.includes(part);
}

function assertNone(problems, context) {
  if (problems.length) {
    throw new Error(problems.join('; ') + (context ? ` (${context})` : ''));
  }
}

function quote(text) {
  const flat = String(text).replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > 140 ? `${flat.slice(0, 137)}...` : flat);
}

function describe(activity) {
  return `${activity.type} ${activity.id} from ${activity.from && activity.from.role}` +
    (activity.replyToId ? ` reply to ${activity.replyToId}` : '') +
    (activity.text !== undefined ? ` ${quote(activity.text)}` : '');
}

const overall = setTimeout(() => {
  console.log(`FAIL overall timeout: not done within ${OVERALL_TIMEOUT_MS} ms`);
  process.exit(1);
}, OVERALL_TIMEOUT_MS);

main().then(
  code => {
    clearTimeout(overall);
    process.exit(code);
  },
  error => {
    console.log(`FAIL unexpected: ${error && error.stack}`);
    process.exit(1);
  });
