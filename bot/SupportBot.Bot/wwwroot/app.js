// The built-in support page: picks a language, gets a Direct Line token from this server and renders the
// official Web Chat against this server's Direct Line endpoint. No inline script: the CSP allows 'self' only.
(() => {
  'use strict';

  const FALLBACK_LANGUAGE = 'en';
  const SESSION_KEY = 'supportbot.directline';   // sessionStorage: {token, userId, conversationId, pendingConversationId}
  const LANGUAGE_KEY = 'supportbot.language';    // localStorage: the language the user picked
  const COUNTRY_KEY = 'supportbot.country';      // localStorage: the country the user picked
  const TOKEN_REFRESH_MS = 10 * 60 * 1000;       // tokens live longer; Direct Line JS refreshes its own copy too
  const CHALLENGE_TIMEOUT_MS = 60 * 1000;        // the bot challenge's worker; far above what the hardest difficulty needs

  // Direct Line JS connection states (botframework-directlinejs ConnectionStatus).
  const ONLINE = 2;
  const EXPIRED_TOKEN = 3;
  const FAILED_TO_CONNECT = 4;
  const ENDED = 5;

  const byId = (id) => document.getElementById(id);
  const picker = byId('language-picker');
  const countryPicker = byId('country-picker');
  const status = byId('chat-status');

  let strings = {};
  let language = null; // the picked language's {code, nativeName, dir}
  let locale = FALLBACK_LANGUAGE;
  let chat = null; // {directLine, store, userId}
  let country = null; // ISO code sent as channelData.country: the user's pick, else the browser locale's region

  start().catch((error) => {
    console.warn('SupportBot: the chat could not start.', error);
    showStatus(error && error.name === 'ChallengeFailed' ? 'challenge.page.failed' : 'ui.chat.unavailable', 'error');
  });

  async function start() {
    const available = await getJson('/api/languages');
    const chosen = await chooseLanguage(available);
    fillPicker(available, chosen.info);
    await applyLanguage(chosen.info, chosen.locale);

    await fillCountries().catch((error) => console.warn('SupportBot: no country list.', error));
    countryPicker.addEventListener('change', onCountryPicked);

    showStatus('ui.chat.connecting');
    chat = await connect();
    showStatus(null);
    renderChat();

    picker.disabled = false;
    picker.addEventListener('change', () => onLanguagePicked(available));
  }

  // ---- Country ---------------------------------------------------------------------------------------------

  // The user's pick, else the region of the browser's locale (fr-CA → CA) when it has a profile, else the server's default.
  async function fillCountries() {
    const list = await getJson(`/api/countries?locale=${encodeURIComponent(locale)}`);
    byId('country-picker-label').textContent = list.label;
    const known = new Set(list.countries.map((c) => c.iso));
    const regions = [localStorage.getItem(COUNTRY_KEY), ...(navigator.languages || [navigator.language])
      .map((tag) => (tag || '').split('-').find((part, index) => index > 0 && /^[A-Za-z]{2}$/.test(part)))];
    country = regions.map((r) => r && r.toUpperCase()).find((r) => r && known.has(r)) || list.default;

    let names = null;
    try {
      names = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      names = null;
    }
    const options = list.countries
      .map((c) => ({ iso: c.iso, name: (names && names.of(c.iso)) || c.iso }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
    countryPicker.replaceChildren(...options.map((c) => new Option(c.name, c.iso)));
    countryPicker.value = country;
    countryPicker.disabled = false;
  }

  function onCountryPicked() {
    country = countryPicker.value;
    localStorage.setItem(COUNTRY_KEY, country);
  }

  // ---- Language --------------------------------------------------------------------------------------------

  // A `?lang=` preview wins (it may name a language without strings yet, e.g. ar for right-to-left),
  // then the user's earlier pick, then the browser's languages, then English.
  async function chooseLanguage(available) {
    const previewTag = new URLSearchParams(location.search).get('lang');
    if (previewTag) {
      const info = await getJson(`/api/languages/${encodeURIComponent(previewTag)}`).catch(() => null);
      if (info) {
        return { info, locale: previewTag };
      }
    }

    const candidates = [localStorage.getItem(LANGUAGE_KEY), ...(navigator.languages || [navigator.language])];
    for (const tag of candidates) {
      const info = tag && available.find((l) => l.code === tag.split('-')[0].toLowerCase());
      if (info) {
        return { info, locale: info.code };
      }
    }

    const fallback = available.find((l) => l.code === FALLBACK_LANGUAGE) || available[0];
    return { info: fallback, locale: fallback.code };
  }

  function fillPicker(available, current) {
    const options = available.some((l) => l.code === current.code) ? available : [...available, current];
    picker.replaceChildren(...options.map((l) => {
      const option = new Option(l.nativeName, l.code);
      option.lang = l.code;
      option.dir = l.dir;
      return option;
    }));
    picker.value = current.code;
  }

  async function onLanguagePicked(available) {
    const info = available.find((l) => l.code === picker.value);
    if (!info) {
      return;
    }

    localStorage.setItem(LANGUAGE_KEY, info.code);
    const url = new URL(location.href);
    url.searchParams.delete('lang');
    history.replaceState(null, '', url);
    await applyLanguage(info, info.code);
    await fillCountries().catch(() => {});
    renderChat();
  }

  async function applyLanguage(info, tag) {
    strings = await getJson(`/api/ui-strings?locale=${encodeURIComponent(tag)}`);
    language = info;
    locale = tag;

    document.documentElement.lang = tag;
    document.documentElement.dir = info.dir;
    document.title = [strings['ui.title'], strings['ui.subtitle']].filter(Boolean).join(' · ');
    for (const element of document.querySelectorAll('[data-i18n]')) {
      element.textContent = text(element.dataset.i18n);
    }
    for (const element of document.querySelectorAll('[data-i18n-aria-label]')) {
      element.setAttribute('aria-label', text(element.dataset.i18nAriaLabel));
    }
    if (status.dataset.key) {
      status.textContent = text(status.dataset.key);
    }
  }

  // A missing key shows nothing rather than the raw key.
  function text(key) {
    return strings[key] || '';
  }

  function showStatus(key, kind) {
    status.dataset.key = key || '';
    status.dataset.kind = kind || '';
    status.textContent = key ? text(key) : '';
  }

  // ---- Direct Line -----------------------------------------------------------------------------------------

  // Resumes the conversation kept in this tab's sessionStorage, refreshing its token; otherwise starts afresh.
  async function connect() {
    const saved = readSession();
    const resumed = saved && saved.conversationId ? await resume(saved) : null;
    const session = resumed || await newSession();
    writeSession(session);

    const directLine = window.WebChat.createDirectLine({
      token: session.token,
      conversationId: resumed ? resumed.conversationId : undefined,
      domain: `${location.origin}/v3/directline`,
    });

    directLine.connectionStatus$.subscribe((state) => {
      if (state === ONLINE) {
        // The token's conversation exists once Direct Line JS has started it: from now on a reload resumes it.
        const current = readSession();
        if (current && !current.conversationId && current.pendingConversationId) {
          rememberConversation(current.pendingConversationId);
        }
      } else if (state === EXPIRED_TOKEN || state === FAILED_TO_CONNECT || state === ENDED) {
        // A conversation that cannot go on: start a new one, at once if this was a resumed one that is gone.
        sessionStorage.removeItem(SESSION_KEY);
        if (resumed && state !== EXPIRED_TOKEN) {
          location.reload();
        }
      }
    });

    setInterval(async () => {
      const current = readSession();
      const token = current && await refreshToken(current.token);
      if (token) {
        writeSession({ ...current, token });
      }
    }, TOKEN_REFRESH_MS);

    // Activities carry the conversation id too, for a server whose token response names none.
    const store = window.WebChat.createStore({}, () => (next) => (action) => {
      // Every message tells the bot the user's country: its hours, holidays, phone rules and live chat apply.
      if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && country) {
        const activity = action.payload.activity;
        action = { ...action, payload: { ...action.payload, activity: { ...activity, channelData: { ...(activity.channelData || {}), country } } } };
      }
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
        const conversation = action.payload.activity.conversation;
        if (conversation && conversation.id) {
          rememberConversation(conversation.id);
        }
      }
      return next(action);
    });

    return { directLine, store, userId: session.userId };
  }

  async function resume(saved) {
    const token = await refreshToken(saved.token);
    return token ? { ...saved, token } : null;
  }

  // The token comes with the id of a conversation that is not started yet, so it is kept aside until it is.
  // It is given only for a solved bot challenge; an expired or already used one is fetched and solved afresh, once.
  async function newSession() {
    for (let attempt = 1; ; attempt++) {
      const altcha = await solveChallenge();
      const response = await fetch('/api/directline/token', {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ locale, altcha }),
      });
      if (response.ok) {
        const body = await response.json();
        return { token: body.token, userId: body.userId, conversationId: null, pendingConversationId: body.conversationId || null };
      }
      const problem = await response.json().catch(() => ({}));
      if (problem.challenge && attempt < 2) {
        continue;
      }
      throw problem.challenge ? new ChallengeFailed(problem.challenge) : new Error(`POST /api/directline/token answered ${response.status}`);
    }
  }

  // ---- Bot challenge (security.md D3) ------------------------------------------------------------------------

  // A proof of work instead of a puzzle: the browser searches for the number behind GET /api/challenge in a Web
  // Worker (challenge-worker.js) and sends the ALTCHA payload (base64 JSON) with the token request.
  async function solveChallenge() {
    showStatus('challenge.page.checking');
    const challenge = await getJson('/api/challenge');
    const result = await new Promise((resolve, reject) => {
      let worker;
      try {
        worker = new Worker('/challenge-worker.js');
      } catch (error) {
        reject(new ChallengeFailed('no-worker'));
        return;
      }
      const timer = setTimeout(() => { worker.terminate(); reject(new ChallengeFailed('timeout')); }, CHALLENGE_TIMEOUT_MS);
      worker.onmessage = (event) => { clearTimeout(timer); worker.terminate(); resolve(event.data); };
      worker.onerror = () => { clearTimeout(timer); worker.terminate(); reject(new ChallengeFailed('worker-error')); };
      worker.postMessage(challenge);
    });
    if (result.number === null || result.number === undefined) {
      throw new ChallengeFailed('unsolved');
    }
    const payload = {
      algorithm: challenge.algorithm,
      challenge: challenge.challenge,
      number: result.number,
      salt: challenge.salt,
      signature: challenge.signature,
    };
    document.documentElement.dataset.challengeMs = String(result.tookMs);
    showStatus('ui.chat.connecting');
    return btoa(JSON.stringify(payload));
  }

  function ChallengeFailed(reason) {
    this.name = 'ChallengeFailed';
    this.message = `bot challenge failed: ${reason}`;
  }

  function rememberConversation(conversationId) {
    const current = readSession();
    if (current && current.conversationId !== conversationId) {
      writeSession({ ...current, conversationId });
    }
  }

  async function refreshToken(token) {
    try {
      const response = await fetch('/v3/directline/tokens/refresh', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
      });
      return response.ok ? (await response.json()).token || null : null;
    } catch {
      return null;
    }
  }

  function readSession() {
    try {
      const session = JSON.parse(sessionStorage.getItem(SESSION_KEY));
      return session && session.token && session.userId ? session : null;
    } catch {
      return null;
    }
  }

  function writeSession(session) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  }

  // ---- Web Chat --------------------------------------------------------------------------------------------

  const styleOptions = {
    accent: '#0b5cad',
    primaryFont: 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
    bubbleBackground: '#f1f3f5',
    bubbleTextColor: '#1b1b1b',
    bubbleBorderRadius: 8,
    bubbleFromUserBackground: '#0b5cad',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderRadius: 8,
    subtle: '#4a4a4a',
    hideUploadButton: true,          // nobody should send ID photos or screenshots of codes through the chat
    sendBoxTextWrap: true,
    suggestedActionLayout: 'flow',   // wrap the buttons instead of a carousel, which is easier on a narrow screen
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#0b5cad',
    suggestedActionTextColor: '#0b5cad',
    suggestedActionBorderRadius: 16,
    transcriptActivityVisualKeyboardIndicatorColor: '#1b1b1b',
  };

  // ---- The code box (security.md A3) -------------------------------------------------------------------------
  // The bot asks for codes in an Adaptive Card. Its schema has no autocomplete attribute, so the page adds what phones
  // and password managers look for: one-time-code autofill and a digit keypad for sent codes, no autocorrect or
  // suggestions for saved recovery codes. After a submit the box is emptied, so the code does not stay on screen.
  function enhanceCodeBoxes(root) {
    root.querySelectorAll('.ac-adaptiveCard input.ac-textInput:not([data-code-box])').forEach(input => {
      input.setAttribute('data-code-box', '');
      input.setAttribute('spellcheck', 'false');
      input.setAttribute('autocapitalize', 'characters');
      input.setAttribute('dir', 'auto'); // codes read left to right, also inside a right-to-left card
      if (input.type === 'tel') {
        input.setAttribute('autocomplete', 'one-time-code');
        input.setAttribute('inputmode', 'numeric');
      } else {
        input.setAttribute('autocomplete', 'off');
      }
    });
  }

  function watchCodeBoxes(root) {
    new MutationObserver(() => enhanceCodeBoxes(root)).observe(root, { childList: true, subtree: true });
    root.addEventListener('click', event => {
      const button = event.target instanceof Element && event.target.closest('.ac-adaptiveCard .ac-pushButton');
      const card = button && button.closest('.ac-adaptiveCard');
      if (!card) {
        return;
      }
      // Web Chat has read the value by now (the click handler runs first); clear it on the next tick, with an input
      // event so the card's own state (which Web Chat restores on re-render) forgets it too.
      const clear = () => card.querySelectorAll('input[data-code-box]').forEach(input => {
        if (input.value) {
          input.value = '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      });
      setTimeout(clear, 0);
      setTimeout(clear, 500); // and once more after Web Chat has re-rendered the card with its remembered inputs
    }, true);
  }

  // Rendering again with the same directLine and store keeps the conversation; only locale and dir change.
  function renderChat() {
    if (!chat) {
      return;
    }
    const root = byId('webchat');
    if (!root.hasAttribute('data-code-boxes')) {
      root.setAttribute('data-code-boxes', '');
      watchCodeBoxes(root);
    }
    root.lang = locale;
    root.dir = language.dir;
    window.WebChat.renderWebChat({
      directLine: chat.directLine,
      store: chat.store,
      userID: chat.userId,
      locale,
      dir: language.dir,   // Web Chat's 'auto' misses ar, ur and fa
      styleOptions,
      overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: text('ui.send-box.placeholder') },
    }, root);
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`GET ${url} answered ${response.status}`);
    }
    return response.json();
  }
})();
