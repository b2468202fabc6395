/*
 * VoiceCore agent softphone: login, status, heartbeat, offers, calls and the department's voicemail.
 * Speaks the agent protocol of docs/agent-protocol.md (subprotocol voicecore-agent-v1).
 *
 * Rules kept throughout: everything that came from a caller or the server is put on the page with
 * textContent (never innerHTML); the agent token travels only in the Authorization header or the
 * WebSocket subprotocol, never in a URL; it is kept in sessionStorage (this tab only) and refreshed
 * before it expires, so a dropped socket can reconnect with a fresh one.
 */
(() => {
    'use strict';

    const PROTOCOL = 'voicecore-agent-v1';
    const SESSION_KEY = 'voicecore.softphone.session';
    const MAX_EVENTS = 50;

    const $ = (id) => document.getElementById(id);

    const state = {
        session: null,          // {token, expiresAt, tenantId, agentId, role, departmentId}
        socket: null,
        socketGeneration: 0,
        heartbeatTimer: null,
        refreshTimer: null,
        reconnectTimer: null,
        reconnectDelay: 1000,
        nextId: 1,
        pending: new Map(),     // message id -> what it was for
        agents: new Map(),      // agentId -> latest presence (with version)
        offer: null,            // the offer on screen
        acceptedOffer: null,    // accepted, waiting for its call leg
        callId: null,
        countdownTimer: null,
        device: null,           // Twilio.Device in Twilio mode
        twilioCall: null,
        muted: false,
        loggedOut: true
    };

    // ---------- page helpers (text only) ----------

    function show(id, visible) {
        $(id).hidden = !visible;
    }

    function text(id, value) {
        $(id).textContent = value == null ? '' : String(value);
    }

    function item(...parts) {
        const li = document.createElement('li');
        li.textContent = parts.filter((p) => p != null && p !== '').join(' · ');
        return li;
    }

    function error(id, message) {
        text(id, message);
        show(id, Boolean(message));
    }

    function setConnection(stateName) {
        const badge = $('connection');
        badge.dataset.state = stateName;
        badge.textContent = stateName;
        document.body.dataset.socket = stateName;
    }

    function time(iso) {
        if (!iso) {
            return '';
        }
        const d = new Date(iso);
        return isNaN(d) ? '' : d.toLocaleString();
    }

    // ---------- session and HTTP ----------

    function saveSession(issued) {
        state.session = {
            token: issued.token,
            expiresAt: Date.parse(issued.expiresAt) || (Date.now() + (issued.expiresIn || 900) * 1000),
            tenantId: issued.tenantId,
            agentId: issued.agentId,
            role: issued.role,
            departmentId: issued.departmentId || null
        };
        sessionStorage.setItem(SESSION_KEY, JSON.stringify(state.session));
        scheduleRefresh();
    }

    function loadSession() {
        try {
            const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
            if (stored && stored.token && stored.expiresAt > Date.now() + 5000) {
                return stored;
            }
        } catch (ignored) {
            // a damaged entry is as good as none
        }
        sessionStorage.removeItem(SESSION_KEY);
        return null;
    }

    async function api(method, path, body, token) {
        const headers = {'Accept': 'application/json'};
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        if (token) {
            headers['Authorization'] = 'Bearer ' + token;
        }
        const response = await fetch(path, {
            method, headers, body: body === undefined ? undefined : JSON.stringify(body),
            cache: 'no-store', credentials: 'omit'
        });
        let data = null;
        try {
            data = await response.json();
        } catch (ignored) {
            data = null;
        }
        return {status: response.status, ok: response.ok, data};
    }

    function problemText(reply, fallback) {
        return (reply.data && (reply.data.detail || reply.data.title)) || fallback;
    }

    function scheduleRefresh() {
        clearTimeout(state.refreshTimer);
        if (!state.session) {
            return;
        }
        // at two thirds of the remaining lifetime, so an open page always holds a usable token
        const remaining = state.session.expiresAt - Date.now();
        state.refreshTimer = setTimeout(() => refreshToken().catch(() => undefined), Math.max(5000, remaining * 2 / 3));
    }

    /** A fresh agent token for the same agent; false when the session is over (then the login shows). */
    async function refreshToken() {
        if (!state.session) {
            return false;
        }
        let reply;
        try {
            reply = await api('POST', '/api/v1/agent/token', {}, state.session.token);
        } catch (networkDown) {
            scheduleRetryRefresh();
            return state.session.expiresAt > Date.now();
        }
        if (reply.status === 401 || reply.status === 404) {
            logout('Your session has ended: please sign in again.');
            return false;
        }
        if (!reply.ok) {
            scheduleRetryRefresh();
            return state.session.expiresAt > Date.now();
        }
        saveSession(reply.data);
        return true;
    }

    function scheduleRetryRefresh() {
        clearTimeout(state.refreshTimer);
        state.refreshTimer = setTimeout(() => refreshToken().catch(() => undefined), 10000);
    }

    // ---------- login / logout ----------

    async function login(event) {
        event.preventDefault();
        error('login-error', '');
        const tenantId = $('login-tenant').value.trim();
        const email = $('login-email').value.trim();
        const password = $('login-password').value;
        if (!tenantId || !email || !password) {
            error('login-error', 'Enter the company id, your e-mail and your password.');
            return;
        }
        $('login-submit').disabled = true;
        try {
            const reply = await api('POST', '/api/v1/agent-login', {tenantId, email, password});
            if (!reply.ok) {
                error('login-error', reply.status === 401
                    ? 'Sign-in failed: check the company id, e-mail and password.'
                    : problemText(reply, 'Sign-in failed (' + reply.status + ').'));
                return;
            }
            $('login-password').value = '';
            saveSession(reply.data);
            startDesk();
        } catch (networkDown) {
            error('login-error', 'The server cannot be reached. Try again when you are online.');
        } finally {
            $('login-submit').disabled = false;
        }
    }

    function logout(message) {
        state.loggedOut = true;
        clearTimeout(state.refreshTimer);
        clearTimeout(state.reconnectTimer);
        clearTimeout(state.heartbeatTimer);
        clearInterval(state.countdownTimer);
        if (state.socket) {
            const socket = state.socket;
            state.socket = null;
            socket.close(1000, 'signed out');
        }
        if (state.device) {
            try {
                state.device.destroy();
            } catch (ignored) {
                // already gone
            }
            state.device = null;
        }
        state.session = null;
        state.agents.clear();
        state.offer = null;
        state.acceptedOffer = null;
        sessionStorage.removeItem(SESSION_KEY);
        setConnection('offline');
        show('desk-view', false);
        show('login-view', true);
        error('login-error', message || '');
    }

    function startDesk() {
        state.loggedOut = false;
        show('login-view', false);
        show('desk-view', true);
        error('desk-error', '');
        $('events').replaceChildren();
        connect();
        loadVoicemail();
        setUpPhone();
    }

    // ---------- WebSocket ----------

    function socketUrl() {
        const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
        return scheme + '//' + location.host + '/ws/agent';
    }

    async function connect() {
        clearTimeout(state.reconnectTimer);
        if (state.loggedOut || !state.session) {
            return;
        }
        // a token is checked only at the handshake: take a fresh one when it is close to its end
        if (state.session.expiresAt - Date.now() < 60000 && !(await refreshToken())) {
            return;
        }
        const generation = ++state.socketGeneration;
        setConnection(state.socket ? 'reconnecting' : 'connecting');
        let socket;
        try {
            socket = new WebSocket(socketUrl(), [PROTOCOL, 'bearer.' + state.session.token]);
        } catch (e) {
            scheduleReconnect();
            return;
        }
        state.socket = socket;
        socket.onmessage = (event) => {
            if (generation === state.socketGeneration) {
                receive(event.data);
            }
        };
        socket.onclose = (event) => {
            if (generation !== state.socketGeneration || state.loggedOut) {
                return;
            }
            clearTimeout(state.heartbeatTimer);
            setConnection('reconnecting');
            if (event.code === 4001) {
                logout('Your account can no longer take calls (agent removed or company suspended).');
                return;
            }
            scheduleReconnect();
        };
    }

    function scheduleReconnect() {
        if (state.loggedOut) {
            return;
        }
        const delay = state.reconnectDelay;
        state.reconnectDelay = Math.min(state.reconnectDelay * 2, 30000);
        state.reconnectTimer = setTimeout(async () => {
            // the handshake's 401 cannot be told from a network failure in a browser: refresh first
            if (await refreshToken()) {
                connect();
            }
        }, delay);
    }

    function send(message, purpose) {
        if (!state.socket || state.socket.readyState !== WebSocket.OPEN) {
            error('desk-error', 'Not connected: the change was not sent. Reconnecting…');
            return null;
        }
        const id = String(state.nextId++);
        state.pending.set(id, purpose || {kind: message.type});
        state.socket.send(JSON.stringify(Object.assign({id}, message)));
        return id;
    }

    function receive(raw) {
        let message;
        try {
            message = JSON.parse(raw);
        } catch (ignored) {
            return;
        }
        if (!message || typeof message.type !== 'string') {
            return;
        }
        switch (message.type) {
            case 'welcome': onWelcome(message); break;
            case 'ack': onAck(message); break;
            case 'heartbeat_ack': scheduleHeartbeat(message.nextBeforeSeconds); break;
            case 'presence': onPresence(message); break;
            case 'offer': onOffer(message); break;
            case 'offer_ended': onOfferEnded(message); break;
            case 'call': onCall(message); break;
            case 'queue': onQueue(message); break;
            case 'error': onError(message); break;
            default: break; // newer servers may send types this client does not know
        }
    }

    function onWelcome(welcome) {
        state.reconnectDelay = 1000;
        setConnection('online');
        error('desk-error', '');
        state.heartbeatSeconds = welcome.heartbeatSeconds || 30;
        state.agents.clear();
        (welcome.agents || []).forEach((a) => state.agents.set(a.agentId, a));
        if (!state.agents.has(welcome.agentId)) {
            state.agents.set(welcome.agentId, {agentId: welcome.agentId, status: welcome.status, version: -1});
        }
        $('status-select').value = welcome.status;
        renderAgents();
        (welcome.queues || []).forEach(onQueue);
        heartbeat();
    }

    function heartbeat() {
        send({type: 'heartbeat'});
        scheduleHeartbeat(state.heartbeatSeconds);
    }

    function scheduleHeartbeat(seconds) {
        clearTimeout(state.heartbeatTimer);
        const interval = Math.max(1, Number(seconds) || state.heartbeatSeconds || 30) * 1000;
        // a little early, so network jitter never lets the server's expiry catch up with us
        state.heartbeatTimer = setTimeout(heartbeat, interval * 0.9);
    }

    function onAck(ack) {
        const purpose = state.pending.get(ack.replyTo);
        state.pending.delete(ack.replyTo);
        if (!purpose) {
            return;
        }
        if (purpose.kind === 'reject') {
            hideOffer();
        } else if (purpose.kind === 'accept') {
            state.acceptedOffer = purpose.offer;
            hideOffer();
            showCall(purpose.offer.callerNumber, 'connecting');
        }
    }

    function onError(problem) {
        const purpose = state.pending.get(problem.replyTo);
        state.pending.delete(problem.replyTo);
        if (purpose && purpose.kind === 'set_status') {
            $('status-select').value = purpose.previous;
        }
        if (purpose && (purpose.kind === 'accept' || purpose.kind === 'reject') && problem.code === 'offer_gone') {
            hideOffer();
            error('desk-error', 'That call is no longer offered to you.');
            return;
        }
        if (purpose && (purpose.kind === 'accept' || purpose.kind === 'reject') && state.offer) {
            // the offer still rings (e.g. the call could not be moved): the agent may try again or reject
            $('offer-accept').disabled = false;
            $('offer-reject').disabled = false;
        }
        if (purpose && purpose.kind === 'heartbeat') {
            return;
        }
        error('desk-error', problem.message || ('The server refused that (' + problem.code + ').'));
    }

    function onPresence(presence) {
        const known = state.agents.get(presence.agentId);
        if (known && typeof known.version === 'number' && typeof presence.version === 'number'
            && presence.version < known.version) {
            return; // an older event overtaken by a newer one
        }
        state.agents.set(presence.agentId, Object.assign({}, known, presence));
        if (state.session && presence.agentId === state.session.agentId) {
            $('status-select').value = presence.status;
        }
        renderAgents();
    }

    function renderAgents() {
        const me = state.session && state.agents.get(state.session.agentId);
        text('me-name', (me && me.name) || 'agent');
        text('activity', (me && me.activity) || '');
        $('activity').dataset.activity = (me && me.activity) || '';
        const list = [...state.agents.values()]
            .filter((a) => !state.session || a.agentId !== state.session.agentId)
            .sort((a, b) => String(a.name).localeCompare(String(b.name)));
        $('agents').replaceChildren(...list.map((a) => {
            const li = item(a.name, (a.status || '').replace('_', ' '), a.activity);
            li.dataset.agentId = a.agentId;
            li.dataset.status = a.status || '';
            return li;
        }));
    }

    function onQueue(queue) {
        if (!queue || (state.session && state.session.departmentId && queue.departmentId !== state.session.departmentId)) {
            return;
        }
        text('queue-summary', queue.waiting
            ? queue.waiting + ' waiting · longest ' + queue.longestWaitSeconds + ' s · about ' + queue.estimatedWaitSeconds + ' s to answer'
            : 'No callers waiting.');
    }

    // ---------- offers and calls ----------

    function onOffer(offer) {
        state.offer = offer;
        const section = $('offer');
        section.dataset.offerId = offer.offerId;
        text('offer-caller', offer.callerNumber || 'unknown number');
        text('offer-summary', offer.summary || '(none yet)');
        text('offer-waited', offer.waitedSeconds == null ? '?' : offer.waitedSeconds);
        $('offer-accept').disabled = false;
        $('offer-reject').disabled = false;
        show('offer', true);
        clearInterval(state.countdownTimer);
        const tick = () => {
            const left = Math.max(0, Math.round((Date.parse(offer.expiresAt) - Date.now()) / 1000));
            text('offer-countdown', isNaN(left) ? '?' : left);
        };
        tick();
        state.countdownTimer = setInterval(tick, 1000);
        logEvent('offer', offer.callerNumber, offer.summary);
    }

    function onOfferEnded(ended) {
        if (state.offer && state.offer.offerId === ended.offerId) {
            hideOffer();
        }
        logEvent('offer ended', ended.reason);
    }

    function hideOffer() {
        clearInterval(state.countdownTimer);
        state.offer = null;
        delete $('offer').dataset.offerId;
        show('offer', false);
    }

    function answerOffer(kind) {
        const offer = state.offer;
        if (!offer) {
            return;
        }
        $('offer-accept').disabled = true;
        $('offer-reject').disabled = true;
        if (!send({type: kind, offerId: offer.offerId}, {kind, offer})) {
            $('offer-accept').disabled = false;
            $('offer-reject').disabled = false;
        }
    }

    function onCall(call) {
        logEvent('call ' + call.event, call.callerNumber, call.agentId && state.agents.has(call.agentId)
            ? state.agents.get(call.agentId).name : null);
        if (call.event === 'voicemail') {
            loadVoicemail();
        }
        if (!state.session || call.agentId !== state.session.agentId) {
            return;
        }
        if (call.event === 'bridging' || call.event === 'connected') {
            state.callId = call.callId;
            showCall(call.callerNumber || (state.acceptedOffer && state.acceptedOffer.callerNumber), call.event);
        } else if (call.event === 'ended' || call.event === 'abandoned') {
            if (!state.callId || state.callId === call.callId) {
                endCallView(call.event);
            }
        }
    }

    function showCall(caller, stateName) {
        text('call-caller', caller || 'caller');
        text('call-state', stateName);
        $('call').dataset.state = stateName;
        show('call', true);
        const live = Boolean(state.twilioCall);
        show('call-hangup', live);
        show('call-mute', live);
    }

    function endCallView(reason) {
        text('call-state', reason);
        $('call').dataset.state = reason;
        state.callId = null;
        state.acceptedOffer = null;
        show('call-hangup', false);
        show('call-mute', false);
        show('call-answer', false);
        setTimeout(() => {
            if (!state.callId) {
                show('call', false);
            }
        }, 5000);
    }

    function logEvent(...parts) {
        const list = $('events');
        const li = item(new Date().toLocaleTimeString(), ...parts);
        list.prepend(li);
        while (list.children.length > MAX_EVENTS) {
            list.lastElementChild.remove();
        }
    }

    function changeStatus() {
        const select = $('status-select');
        const me = state.session && state.agents.get(state.session.agentId);
        const previous = (me && me.status) || 'not_available';
        if (!send({type: 'set_status', status: select.value}, {kind: 'set_status', previous})) {
            select.value = previous;
        }
    }

    // ---------- voicemail ----------

    async function loadVoicemail() {
        if (!state.session) {
            return;
        }
        try {
            const reply = await api('GET', '/api/v1/agent/voicemails', undefined, state.session.token);
            if (reply.status === 401) {
                if (await refreshToken()) {
                    loadVoicemail();
                }
                return;
            }
            if (!reply.ok || !Array.isArray(reply.data)) {
                error('desk-error', problemText(reply, 'The voicemail could not be loaded.'));
                return;
            }
            $('voicemails').replaceChildren(...reply.data.map((v) => {
                const li = item(v.callerNumber || 'unknown number', v.durationSeconds + ' s', time(v.createdAt),
                    v.transcription || '(no transcription)');
                li.dataset.voicemailId = v.id;
                return li;
            }));
            show('voicemail-empty', reply.data.length === 0);
        } catch (networkDown) {
            error('desk-error', 'The voicemail could not be loaded (offline?).');
        }
    }

    // ---------- the phone: Twilio Voice SDK or the local call simulator ----------

    async function setUpPhone() {
        text('phone-mode', '');
        let reply;
        try {
            reply = await api('GET', '/api/v1/agent/voice-token', undefined, state.session.token);
        } catch (networkDown) {
            return;
        }
        if (!reply.ok || !reply.data) {
            text('phone-mode', problemText(reply, 'Calls cannot be set up.'));
            return;
        }
        document.body.dataset.phoneMode = reply.data.mode;
        if (reply.data.mode !== 'twilio') {
            text('phone-mode', 'Simulator mode: ' + (reply.data.reason
                || 'accepted calls are bridged by the server and answered by the local call simulator.'));
            return;
        }
        try {
            await loadScript('vendor/twilio.min.js');
            startDevice(reply.data.token);
        } catch (e) {
            text('phone-mode', 'The Twilio Voice SDK could not start: ' + (e && e.message ? e.message : e));
        }
    }

    function loadScript(src) {
        if (window.Twilio && window.Twilio.Device) {
            return Promise.resolve();
        }
        return new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = src;
            script.onload = resolve;
            script.onerror = () => reject(new Error('cannot load ' + src));
            document.head.appendChild(script);
        });
    }

    function startDevice(token) {
        const device = new window.Twilio.Device(token, {closeProtection: true, codecPreferences: ['opus', 'pcmu']});
        state.device = device;
        device.on('registered', () => text('phone-mode', 'Calls ring here (Twilio).'));
        device.on('error', (e) => text('phone-mode', 'Twilio: ' + (e && e.message ? e.message : 'error')));
        device.on('tokenWillExpire', async () => {
            const fresh = await api('GET', '/api/v1/agent/voice-token', undefined, state.session && state.session.token);
            if (fresh.ok && fresh.data && fresh.data.token) {
                device.updateToken(fresh.data.token);
            }
        });
        device.on('incoming', (call) => {
            state.twilioCall = call;
            call.on('disconnect', () => {
                state.twilioCall = null;
                endCallView('ended');
            });
            call.on('cancel', () => {
                state.twilioCall = null;
            });
            if (state.acceptedOffer) {
                // the offer was accepted over the agent protocol: this leg is that call
                call.accept();
                showCall(state.acceptedOffer.callerNumber, 'connected');
            } else {
                // a direct dial (the agent's extension): it rings until the agent answers or declines
                const from = call.customParameters && call.customParameters.get('callerNumber');
                showCall(from || (call.parameters && call.parameters.From), 'ringing');
                show('call-answer', true);
                show('call-hangup', true);
            }
        });
        device.register();
    }

    function answer() {
        if (state.twilioCall) {
            state.twilioCall.accept();
            show('call-answer', false);
            text('call-state', 'connected');
        }
    }

    function hangUp() {
        const call = state.twilioCall;
        if (!call) {
            return;
        }
        if (typeof call.status === 'function' && call.status() === 'pending') {
            call.reject(); // declining a ringing direct dial
            state.twilioCall = null;
            endCallView('declined');
        } else {
            call.disconnect();
        }
    }

    function toggleMute() {
        if (state.twilioCall) {
            state.muted = !state.muted;
            state.twilioCall.mute(state.muted);
            text('call-mute', state.muted ? 'Unmute' : 'Mute');
        }
    }

    // ---------- installability ----------

    function registerServiceWorker() {
        if (!('serviceWorker' in navigator)) {
            document.documentElement.dataset.sw = 'unsupported';
            return;
        }
        navigator.serviceWorker.register('sw.js', {scope: './'})
            .then((registration) => navigator.serviceWorker.ready.then(() => {
                document.documentElement.dataset.sw = 'registered';
                return registration;
            }))
            .catch((e) => {
                document.documentElement.dataset.sw = 'failed';
                console.warn('service worker not registered', e);
            });
    }

    // ---------- wiring ----------

    document.addEventListener('DOMContentLoaded', () => {
        $('login-form').addEventListener('submit', login);
        $('logout').addEventListener('click', () => logout(''));
        $('status-select').addEventListener('change', changeStatus);
        $('offer-accept').addEventListener('click', () => answerOffer('accept'));
        $('offer-reject').addEventListener('click', () => answerOffer('reject'));
        $('voicemail-refresh').addEventListener('click', loadVoicemail);
        $('call-answer').addEventListener('click', answer);
        $('call-hangup').addEventListener('click', hangUp);
        $('call-mute').addEventListener('click', toggleMute);
        window.addEventListener('online', () => {
            if (!state.loggedOut && (!state.socket || state.socket.readyState !== WebSocket.OPEN)) {
                state.reconnectDelay = 1000;
                connect();
            }
        });
        registerServiceWorker();
        const stored = loadSession();
        if (stored) {
            state.session = stored;
            scheduleRefresh();
            startDesk();
        } else {
            setConnection('offline');
        }
    });
})();
