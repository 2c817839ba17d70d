// The desk's chat console (/support/chat-desk.xhtml) over the WebSocket /ws/chat-desk: the waiting chats and the
// operator's own, one pane per chat (several at once). Texts come from the page's data- attributes; every line is
// shown with textContent, so whatever anyone typed stays text.
document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('desk');
    if (!root) {
        return;
    }
    var text = function (name) { return root.getAttribute('data-text-' + name) || ''; };
    var byId = function (id) { return document.getElementById(id); };
    var queue = byId('desk-queue'), panes = byId('desk-chats'), status = byId('desk-status');
    var chats = {};

    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var socket = new WebSocket(scheme + location.host + root.getAttribute('data-socket')
        + '?lang=' + encodeURIComponent(root.getAttribute('data-lang')));
    var send = function (message) {
        if (socket.readyState === WebSocket.OPEN) {
            socket.send(JSON.stringify(message));
        }
    };
    var element = function (tag, className, content) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (content !== undefined) {
            node.textContent = content;
        }
        return node;
    };

    // One pane per chat the operator has: its lines, typing, a reply form, the end button.
    var pane = function (id, person) {
        if (chats[id]) {
            return chats[id];
        }
        var section = element('section', 'card chat-pane');
        section.id = 'pane-' + id;
        var title = element('h2', null, person || '');
        title.id = 'pane-title-' + id;
        section.setAttribute('aria-labelledby', title.id);
        var log = element('ol', 'chat-log');
        log.id = 'log-' + id;
        log.setAttribute('aria-live', 'polite');
        var typing = element('p', 'chat-typing muted', text('typing'));
        typing.id = 'typing-' + id;
        typing.hidden = true;
        var form = element('form', 'form chat-form');
        form.id = 'form-' + id;
        var field = element('div', 'field');
        var label = element('label', null, text('reply'));
        label.htmlFor = 'text-' + id;
        var input = element('textarea');
        input.id = 'text-' + id;
        input.rows = 2;
        input.setAttribute('aria-describedby', 'error-' + id);
        var error = element('p', 'field-error');
        error.id = 'error-' + id;
        error.setAttribute('role', 'alert');
        field.appendChild(label);
        field.appendChild(input);
        field.appendChild(error);
        var actions = element('div', 'actions');
        var sendButton = element('button', null, text('send'));
        sendButton.type = 'submit';
        sendButton.id = 'send-' + id;
        var endButton = element('button', 'button-secondary', text('end'));
        endButton.type = 'button';
        endButton.id = 'end-' + id;
        actions.appendChild(sendButton);
        actions.appendChild(endButton);
        form.appendChild(field);
        form.appendChild(actions);
        var ended = element('div', 'notice');
        ended.id = 'ended-' + id;
        ended.hidden = true;
        ended.appendChild(element('p', null, text('ended')));
        var link = element('a', null, text('ticket'));
        link.id = 'ticket-' + id;
        var linkLine = element('p');
        linkLine.appendChild(link);
        ended.appendChild(linkLine);
        section.appendChild(title);
        section.appendChild(log);
        section.appendChild(typing);
        section.appendChild(form);
        section.appendChild(ended);
        panes.appendChild(section);

        var chat = {log: log, typing: typing, form: form, input: input, error: error, ended: ended, link: link,
            title: title, seen: {}, delivered: 0, timer: null, lastTyping: 0};
        chats[id] = chat;
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            error.textContent = '';
            if (!input.value.trim()) {
                return;
            }
            chat.pending = input.value;
            send({type: 'line', chat: id, text: input.value});
            input.value = '';
            input.focus();
        });
        input.addEventListener('input', function () {
            error.textContent = '';
            var now = Date.now();
            if (now - chat.lastTyping > 2000) {
                chat.lastTyping = now;
                send({type: 'typing', chat: id});
            }
        });
        input.addEventListener('keydown', function (event) {
            if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit'));
            }
        });
        endButton.addEventListener('click', function () {
            send({type: 'end', chat: id});
        });
        return chat;
    };

    var markDelivered = function (chat) {
        chat.log.querySelectorAll('li[data-from="you"]').forEach(function (item) {
            var mark = item.querySelector('.chat-mark');
            if (mark && Number(item.getAttribute('data-seq')) <= chat.delivered) {
                mark.textContent = text('delivered');
                item.setAttribute('data-delivered', 'true');
            }
        });
    };

    var addLine = function (line) {
        var chat = pane(line.chat);
        if (chat.seen[line.seq]) {
            return;
        }
        chat.seen[line.seq] = true;
        var item = element('li', 'chat-line chat-' + line.from);
        item.setAttribute('data-seq', String(line.seq));
        item.setAttribute('data-from', line.from);
        item.appendChild(element('span', 'chat-who', line.from === 'you' ? text('you') : text('customer')));
        item.appendChild(element('p', 'chat-text', line.text));
        if (line.from === 'you') {
            item.appendChild(element('span', 'chat-mark muted', text('sent')));
            chat.pending = '';
        } else {
            chat.typing.hidden = true;
        }
        var next = null;
        chat.log.querySelectorAll('li').forEach(function (other) {
            if (!next && Number(other.getAttribute('data-seq')) > line.seq) {
                next = other;
            }
        });
        chat.log.insertBefore(item, next);
        markDelivered(chat);
    };

    var onState = function (state) {
        if (!chats[state.chat] && state.status === 'ended') {
            return; // a chat this console never showed
        }
        var chat = pane(state.chat, state.person);
        if (state.person) {
            chat.title.textContent = state.person;
        }
        chat.delivered = state.delivered;
        markDelivered(chat);
        if (state.typing) {
            chat.typing.hidden = false;
            clearTimeout(chat.timer);
            chat.timer = setTimeout(function () { chat.typing.hidden = true; }, 5000);
        }
        if (state.status === 'ended') {
            chat.typing.hidden = true;
            chat.form.hidden = true;
            chat.ended.hidden = false;
            if (state.ticket) {
                chat.link.href = root.getAttribute('data-ticket-url') + encodeURIComponent(state.ticket);
            }
        }
    };

    // The list is updated in place: an item (and its button) stays put while the operator reaches for it.
    var onQueue = function (list) {
        var keep = {};
        list.forEach(function (entry) {
            keep['wait-' + entry.chat] = true;
            var item = byId('wait-' + entry.chat);
            if (!item) {
                item = element('li', 'chat-queue-item');
                item.id = 'wait-' + entry.chat;
                item.appendChild(element('span', 'chat-who', entry.person));
                var button = element('button');
                button.type = 'button';
                button.id = 'take-' + entry.chat;
                button.addEventListener('click', function () {
                    var chat = pane(entry.chat, entry.person);
                    send({type: item.getAttribute('data-status') === 'waiting' ? 'take' : 'open', chat: entry.chat});
                    chat.input.focus();
                });
                item.appendChild(button);
                queue.appendChild(item);
            }
            item.setAttribute('data-status', entry.status);
            var take = byId('take-' + entry.chat);
            take.className = entry.status === 'waiting' ? '' : 'button-secondary button-small';
            take.textContent = entry.status === 'waiting' ? text('take') : text('open');
            if (entry.status === 'active') {
                pane(entry.chat, entry.person);
            }
        });
        Array.prototype.slice.call(queue.children).forEach(function (item) {
            if (!keep[item.id]) {
                queue.removeChild(item);
            }
        });
        if (!list.length) {
            var none = element('li', 'muted', text('none'));
            none.id = 'desk-none';
            queue.appendChild(none);
        }
    };

    socket.addEventListener('open', function () { status.textContent = ''; });
    socket.addEventListener('message', function (event) {
        var message = JSON.parse(event.data);
        if (message.type === 'queue') {
            onQueue(message.chats);
        } else if (message.type === 'line') {
            addLine(message);
        } else if (message.type === 'state') {
            onState(message);
        } else if (message.type === 'error' && message.chat && chats[message.chat]) {
            var chat = chats[message.chat];
            chat.error.textContent = message.text;
            if (!chat.input.value && chat.pending) {
                chat.input.value = chat.pending;
            }
        } else if (message.type === 'error') {
            status.textContent = message.text;
        }
    });
    socket.addEventListener('close', function () {
        status.textContent = text('disconnected');
    });
});
