// The agent console. Plain DOM, no framework; every string comes from /agent/api/strings (locales/<lang>/console.json).
// User text is set with textContent only: whatever a user writes stays inert text here.
'use strict';

(() => {
  const api = '/agent/api';
  const $ = (id) => document.getElementById(id);
  let strings = {};
  let csrf = null;
  let me = null;
  let queue = [];
  let seenCases = null;
  let currentCase = null;
  let events = null;
  let unseen = 0;
  let lastTyping = 0;
  const outcomes = ['restored', 'not_owner', 'needs_documents', 'duplicate', 'other'];
  // The suspected takeover cause for the report (docs/security.md F2); the server checks it against the same list.
  const causes = ['phishing', 'credential_stuffing', 'sim_swap', 'malware', 'session_theft', 'support_social_engineering', 'code_sharing_scam', 'unknown', 'not_takeover'];

  // "{name}" placeholders only; the catalog holds no plural or select for the console.
  const t = (key, args) => (strings[key] ?? key).replace(/\{(\w+)\}/g, (m, name) => (args && name in args ? String(args[name]) : m));

  function applyStrings() {
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
    updateTitle();
  }

  async function loadStrings(lang) {
    const tag = lang || navigator.language || 'en';
    const response = await fetch(`${api}/strings?lang=${encodeURIComponent(tag)}`);
    strings = response.ok ? await response.json() : {};
    // Direction comes from locales/_meta/languages.json, like the chat page's.
    const info = await fetch(`/api/languages/${encodeURIComponent(tag)}`).then((r) => (r.ok ? r.json() : null)).catch(() => null);
    document.documentElement.lang = info ? info.code : 'en';
    document.documentElement.dir = info ? info.dir : 'ltr';
    applyStrings();
  }

  async function refreshCsrf() {
    const response = await fetch(`${api}/antiforgery`, { credentials: 'same-origin' });
    csrf = (await response.json()).token;
  }

  async function call(method, path, body) {
    const response = await fetch(api + path, {
      method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrf || '' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401 && path !== '/session') {
      showSignIn();
    }
    return response;
  }

  function showSignIn() {
    me = null;
    if (events) { events.close(); events = null; }
    $('session-bar').hidden = true;
    $('desk-view').hidden = true;
    $('sign-in-view').hidden = false;
  }

  async function showDesk() {
    $('sign-in-view').hidden = true;
    $('desk-view').hidden = false;
    $('session-bar').hidden = false;
    $('me').textContent = me.displayName;
    await loadStrings(me.consoleLanguage);
    fillOutcomes();
    fillCauses();
    $('report-link').hidden = me.role !== 'supervisor';
    await loadAgents();
    await loadQueue();
    connectEvents();
  }

  function fillOutcomes() {
    const select = $('outcome');
    select.replaceChildren(...outcomes.map((code) => {
      const option = document.createElement('option');
      option.value = code;
      option.textContent = t(`console.outcome.${code.replace(/_/g, '-')}`);
      return option;
    }));
  }

  function fillCauses() {
    const none = document.createElement('option');
    none.value = '';
    none.textContent = t('report.cause.none');
    $('cause').replaceChildren(none, ...causes.map((code) => {
      const option = document.createElement('option');
      option.value = code;
      option.textContent = t(`report.cause.${code}`);
      return option;
    }));
  }

  async function loadAgents() {
    const response = await call('GET', '/agents');
    if (!response.ok) return;
    const agents = await response.json();
    const select = $('transfer-agent');
    const any = document.createElement('option');
    any.value = '';
    any.textContent = t('console.transfer.any');
    select.replaceChildren(any, ...agents.filter((a) => a.id !== me.id).map((a) => {
      const option = document.createElement('option');
      option.value = a.id;
      option.textContent = `${a.displayName} (${a.languages.join(', ')})`;
      return option;
    }));
  }

  function minutes(seconds) { return Math.max(0, Math.floor(seconds / 60)); }

  function formatTime(value) {
    try { return new Date(value).toLocaleString(me?.consoleLanguage || undefined, { dateStyle: 'medium', timeStyle: 'short' }); }
    catch { return String(value); }
  }

  async function loadQueue() {
    const response = await call('GET', '/queue');
    if (!response.ok) return;
    const data = await response.json();
    const fresh = data.cases.filter((c) => !c.heldBy && seenCases && !seenCases.has(c.caseId));
    queue = data.cases;
    seenCases = new Set([...(seenCases || []), ...queue.map((c) => c.caseId)]);
    $('count-waiting').textContent = t('console.queue.waiting', { count: data.waiting });
    $('count-mine').textContent = t('console.queue.mine', { count: data.mine });
    renderQueue(new Set(fresh.map((c) => c.caseId)));
    if (fresh.length > 0) notify(fresh.length);
  }

  function renderQueue(fresh) {
    $('queue-empty').hidden = queue.length > 0;
    $('queue-list').replaceChildren(...queue.map((c) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'queue__item' + (fresh.has(c.caseId) ? ' is-new' : '');
      button.dataset.caseId = c.caseId;
      button.setAttribute('aria-current', String(currentCase?.caseId === c.caseId));
      const title = document.createElement('strong');
      title.textContent = `${c.caseId} · ${c.language.toUpperCase()} · ${c.country}`;
      const meta = document.createElement('span');
      meta.className = 'queue__meta';
      const parts = [t(`console.status.${c.status.replace(/_/g, '-')}`), t('console.queue.waited', { minutes: minutes(c.waitingSeconds) }), c.problem];
      if (c.heldBy) parts.push(t('console.queue.held-by', { name: c.heldBy }));
      if (c.transferLanguage || c.transferCountry || c.transferAgent) parts.push(t('console.queue.transferred'));
      if (c.placeKeptUntil) parts.push(t('console.queue.after-hours', { time: formatTime(c.placeKeptUntil) }));
      meta.textContent = parts.join(' · ');
      button.append(title, meta);
      button.addEventListener('click', () => openCase(c.caseId));
      li.append(button);
      return li;
    }));
  }

  function notify(count) {
    if (document.hidden) { unseen += count; updateTitle(); }
    if ($('notify-toggle').checked && 'Notification' in window && Notification.permission === 'granted') {
      new Notification(t('console.notify.new-case'), { tag: 'supportbot-queue' });
    }
  }

  function updateTitle() {
    const base = t('console.title');
    document.title = unseen > 0 ? `(${unseen}) ${base}` : base;
  }

  document.addEventListener('visibilitychange', () => { if (!document.hidden) { unseen = 0; updateTitle(); } });

  $('notify-toggle').addEventListener('change', async (e) => {
    if (e.target.checked && 'Notification' in window && Notification.permission === 'default') {
      await Notification.requestPermission();
    }
  });

  function connectEvents() {
    if (events) events.close();
    events = new EventSource(`${api}/events`);
    events.addEventListener('hello', () => { $('live').textContent = t('console.live.on'); $('live').classList.remove('off'); });
    events.onerror = () => { $('live').textContent = t('console.live.off'); $('live').classList.add('off'); };
    events.addEventListener('queue', () => loadQueue());
    events.addEventListener('case', (e) => {
      loadQueue();
      const data = JSON.parse(e.data);
      if (currentCase && data.caseId === currentCase.caseId) openCase(currentCase.caseId, true);
    });
    events.addEventListener('message', (e) => {
      const data = JSON.parse(e.data);
      if (currentCase && data.caseId === currentCase.caseId) {
        const line = data.data;
        if (!(line.from === 'agent' && line.name === me.displayName)) appendLine({ from: line.from, name: line.name, text: line.text });
      } else {
        loadQueue();
      }
    });
  }

  async function openCase(caseId, quiet) {
    const response = await call('GET', `/cases/${encodeURIComponent(caseId)}`);
    if (!response.ok) {
      if (!quiet) $('case-error').textContent = t('console.error.generic');
      return;
    }
    const c = await response.json();
    currentCase = c;
    $('case-none').hidden = true;
    $('case-body').hidden = false;
    $('case-error').textContent = '';
    $('case-id').textContent = c.caseId;
    $('case-language').textContent = c.language;
    $('case-country').textContent = c.country;
    $('case-problem').textContent = c.problem;
    $('case-state').textContent = [t(`console.status.${c.status.replace(/_/g, '-')}`), c.heldBy ? t('console.queue.held-by', { name: c.heldBy }) : '', c.rating ? t('console.rating', { rating: c.rating }) : '']
      .filter(Boolean).join(' · ');
    renderEvidence(c.verification);
    $('evidence-hold').hidden = !c.securityHold;
    $('evidence-hold').textContent = c.securityHold ? c.securityHold.text : '';
    $('transcript').replaceChildren();
    c.transcript.forEach(appendLine);
    const canAccept = (c.status === 'queued' || c.status === 'after_hours') && !c.heldBy;
    $('accept').hidden = !canAccept;
    $('return').hidden = !c.heldByMe || c.status !== 'with_agent';
    $('compose').hidden = !(c.heldByMe && c.status === 'with_agent');
    $('held-actions').hidden = $('compose').hidden;
    $('download').href = `${api}/cases/${encodeURIComponent(c.caseId)}/transcript`;
    $('download').setAttribute('download', `${c.caseId}.transcript`);
    renderSuggestions(c.suggestions);
    $('suggestions-box').hidden = $('compose').hidden;
    document.querySelectorAll('.queue__item').forEach((el) => el.setAttribute('aria-current', String(el.dataset.caseId === c.caseId)));
  }

  function renderEvidence(v) {
    $('evidence-verified').textContent = t('console.evidence.verified-at', { time: formatTime(v.verifiedAt) });
    $('evidence-proofs').textContent = t('console.evidence.proofs', { passed: v.checks.length, required: v.proofsRequired });
    $('evidence-checks').replaceChildren(...v.checks.map((check) => {
      const li = document.createElement('li');
      li.textContent = t('console.evidence.check', { method: check.method, contact: check.contact, since: formatTime(check.contactOnFileSince), time: formatTime(check.passedAt) });
      return li;
    }));
    const risk = $('evidence-risk');
    risk.className = v.riskSignals.length ? 'risk' : 'muted';
    risk.textContent = v.riskSignals.length ? `${t('console.evidence.risk')}: ${v.riskSignals.join(', ')}` : t('console.evidence.no-risk');
  }

  function appendLine(line) {
    const li = document.createElement('li');
    li.className = `line line--${line.from}`;
    const who = document.createElement('span');
    who.className = 'line__who';
    who.textContent = line.from === 'agent' && line.name ? line.name : t(`console.transcript.${line.from}`);
    const text = document.createElement('span');
    text.textContent = line.text;
    li.append(who, text);
    $('transcript').append(li);
    li.scrollIntoView({ block: 'nearest' });
  }

  function renderSuggestions(suggestions) {
    $('suggestions').replaceChildren(...suggestions.map((s) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      const text = document.createElement('span');
      text.textContent = s.text;
      button.append(text);
      if (s.gloss) {
        const gloss = document.createElement('span');
        gloss.className = 'gloss';
        gloss.textContent = s.gloss;
        button.append(gloss);
      }
      button.addEventListener('click', () => { $('compose-text').value = s.text; $('compose-text').focus(); });
      li.append(button);
      return li;
    }));
  }

  async function act(path, body) {
    if (!currentCase) return;
    const response = await call('POST', `/cases/${encodeURIComponent(currentCase.caseId)}/${path}`, body);
    if (response.status === 409) $('case-error').textContent = t('console.error.conflict');
    else if (!response.ok) $('case-error').textContent = t('console.error.generic');
    await loadQueue();
    await openCase(currentCase.caseId, true);
    return response.ok;
  }

  $('accept').addEventListener('click', () => act('accept'));
  $('return').addEventListener('click', () => act('return'));
  $('resolve-form').addEventListener('submit', (e) => { e.preventDefault(); act('resolve', { outcome: $('outcome').value, cause: $('cause').value || null }); });
  $('transfer-form').addEventListener('submit', (e) => {
    e.preventDefault();
    act('transfer', { language: $('transfer-language').value || null, country: $('transfer-country').value || null, agentId: $('transfer-agent').value || null });
  });

  $('compose-text').addEventListener('input', () => {
    const now = Date.now();
    if (currentCase && now - lastTyping > 2500) {
      lastTyping = now;
      call('POST', `/cases/${encodeURIComponent(currentCase.caseId)}/typing`);
    }
  });
  $('compose-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('compose').requestSubmit(); }
  });
  $('compose').addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = $('compose-text').value.trim();
    if (!text || !currentCase) return;
    const response = await call('POST', `/cases/${encodeURIComponent(currentCase.caseId)}/messages`, { text });
    if (response.ok) {
      $('compose-text').value = '';
      lastTyping = 0;
      appendLine({ from: 'agent', name: me.displayName, text });
    } else {
      $('case-error').textContent = t('console.error.generic');
    }
  });

  $('sign-in-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('sign-in-error').textContent = '';
    const response = await call('POST', '/session', { username: $('username').value, password: $('password').value });
    $('password').value = '';
    if (response.ok) {
      me = await response.json();
      await refreshCsrf(); // The token is bound to the signed-in agent.
      await showDesk();
    } else {
      $('sign-in-error').textContent = t(response.status === 423 ? 'console.signin.locked' : 'console.signin.invalid');
      await refreshCsrf();
    }
  });

  $('sign-out').addEventListener('click', async () => {
    await call('DELETE', '/session');
    await refreshCsrf();
    showSignIn();
  });

  (async () => {
    await loadStrings(navigator.language);
    await refreshCsrf();
    const session = await (await fetch(`${api}/session`, { credentials: 'same-origin' })).json();
    if (session.signedIn) {
      me = session.agent;
      await showDesk();
    } else {
      showSignIn();
    }
  })();
})();
