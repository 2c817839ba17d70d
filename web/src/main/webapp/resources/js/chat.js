// The person's live chat (/support/chat.xhtml) over the WebSocket /ws/chat. Every text comes from the page's data-
// attributes (its language); every line is shown with textContent, so whatever anyone typed stays text.
document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('chat');
    if (!root) {
        return;
    }
    var text = function (name) { return root.getAttribute('data-text-' + name) || ''; };
    var byId = function (id) { return document.getElementById(id); };
    var log = byId('chat-log'), form = byId('chat-form'), input = byId('chat-text'), error = byId('chat-error');
    var status = byId('chat-status'), offline = byId('chat-offline'), typing = byId('chat-typing');
    var topic = byId('chat-topic'), ended = byId('chat-ended');
    var pending = '', chatId = null, seen = {}, typingTimer = null, lastTyping = 0, online = null, state = null;

    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var socket = new WebSocket(scheme + location.host + root.getAttribute('data-socket')
        + '?lang=' + encodeURIComponent(root.getAttribute('data-lang')));

    var send = function (message) {
        if (socket.readyState === WebSocket.OPEN) {
            socket.send(JSON.stringify(message));
        }
    };

    var showStatus = function () {
        if (state && state.status === 'active' && state.operator) {
            status.textContent = text('joined').replace('{0}', state.operator);
        } else if (state && state.status === 'waiting') {
            status.textContent = text('waiting');
        } else if (online) {
            status.textContent = text('online');
        } else if (online === false) {
            status.textContent = '';
        }
        var showOffline = online === false && !(state && state.status !== 'ended');
        offline.hidden = !showOffline;
        offline.classList.remove('chat-hidden');
    };

    var markDelivered = function (upTo) {
        log.querySelectorAll('li[data-from="you"]').forEach(function (item) {
            var mark = item.querySelector('.chat-mark');
            if (mark && Number(item.getAttribute('data-seq')) <= upTo) {
                mark.textContent = text('delivered');
                item.setAttribute('data-delivered', 'true');
            }
        });
    };

    var addLine = function (line) {
        if (line.chat !== chatId) {
            if (chatId && state && state.status === 'ended') {
                return;
            }
            chatId = line.chat;
        }
        if (seen[line.seq]) {
            return;
        }
        seen[line.seq] = true;
        var item = document.createElement('li');
        item.className = 'chat-line chat-' + line.from;
        item.setAttribute('data-seq', String(line.seq));
        item.setAttribute('data-from', line.from);
        var who = document.createElement('span');
        who.className = 'chat-who';
        who.textContent = line.from === 'you' ? text('you') : text('support');
        var body = document.createElement('p');
        body.className = 'chat-text';
        body.textContent = line.text;
        item.appendChild(who);
        item.appendChild(body);
        if (line.from === 'you') {
            var mark = document.createElement('span');
            mark.className = 'chat-mark muted';
            mark.textContent = text('sent');
            item.appendChild(mark);
        }
        var next = null;
        log.querySelectorAll('li').forEach(function (other) {
            if (!next && Number(other.getAttribute('data-seq')) > line.seq) {
                next = other;
            }
        });
        log.insertBefore(item, next);
        if (line.from !== 'you') {
            typing.hidden = true;
        } else {
            pending = '';
        }
        item.scrollIntoView({block: 'nearest'});
        if (state) {
            markDelivered(state.delivered);
        }
    };

    var onState = function (next) {
        if (next.chat !== chatId && next.status === 'ended') {
            return; // an earlier chat of this person's, not the one on this page
        }
        chatId = next.chat;
        state = next;
        if (next.category && topic.value !== next.category) {
            topic.value = next.category;
        }
        markDelivered(next.delivered);
        if (next.typing) {
            typing.hidden = false;
            clearTimeout(typingTimer);
            typingTimer = setTimeout(function () { typing.hidden = true; }, 5000);
        }
        if (next.status === 'ended') {
            typing.hidden = true;
            form.hidden = true;
            ended.hidden = false;
            if (next.ticket) {
                byId('chat-ticket').href = root.getAttribute('data-ticket-url') + encodeURIComponent(next.ticket);
            }
        }
        showStatus();
    };

        socket.addEventListener('message', function (event) {
        var message = JSON.parse(event.data);
        if (message.type === 'presence') {
            online = message.online;
            showStatus();
        } else if (message.type === 'line') {
            addLine(message);
        } else if (message.type === 'state') {
            onState(message);
        } else if (message.type === 'error') {
            error.textContent = message.text;
            if (!input.value && pending) {
                input.value = pending;
            }
        }
    });
    socket.addEventListener('close', function () {
        status.textContent = text('disconnected');
        form.hidden = true;
    });

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        error.textContent = '';
        if (!input.value.trim()) {
            return;
        }
        pending = input.value;
        send({type: 'line', text: input.value, category: topic.value});
        input.value = '';
        input.focus();
    });
    input.addEventListener('input', function () {
        error.textContent = '';
        var now = Date.now();
        if (chatId && now - lastTyping > 2000) {
            lastTyping = now;
            send({type: 'typing'});
        }
    });
    input.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit'));
        }
    });
    topic.addEventListener('change', function () {
        send({type: 'topic', category: topic.value});
    });
    byId('chat-end').addEventListener('click', function () {
        send({type: 'end'});
    });
});
