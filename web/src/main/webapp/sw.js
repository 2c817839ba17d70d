/* OKPay's service worker: an offline page and the static files (styles, scripts, icons), nothing else. Pages and API
   answers always come from the server and are never kept: a balance or a history shown offline would be a stale one.
   Registered by resources/js/app.js as /sw.js?lang=<page language>, so the offline page speaks the person's language
   (a new language registers a new script, which replaces this one). */
'use strict';

const LANGUAGE = new URL(self.location.href).searchParams.get('lang') || 'en';
const CACHE = 'okpay-static-v1-' + LANGUAGE;
const SCOPE = new URL(self.registration.scope).pathname;
const OFFLINE = SCOPE + 'offline.xhtml?lang=' + encodeURIComponent(LANGUAGE);

function isStatic(url) {
    return url.origin === self.location.origin
        && (url.pathname.startsWith(SCOPE + 'jakarta.faces.resource/') || url.pathname.startsWith(SCOPE + 'resources/'));
}

/* The offline page and the stylesheets and scripts it names, fetched now while the server answers. */
async function keepOfflinePage() {
    const cache = await caches.open(CACHE);
    const answer = await fetch(OFFLINE, {credentials: 'omit', cache: 'no-store'});
    if (!answer.ok) {
        throw new Error('offline page answered ' + answer.status);
    }
    const html = await answer.clone().text();
    await cache.put(OFFLINE, answer);
    const files = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map(m => new URL(m[1].replace(/&amp;/g, '&'), self.location.href))
        .filter(isStatic).map(u => u.href);
    await cache.addAll(files);
}

self.addEventListener('install', event => {
    event.waitUntil(keepOfflinePage().then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
    event.waitUntil(caches.keys()
        .then(names => Promise.all(names.filter(name => name !== CACHE).map(name => caches.delete(name))))
        .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
    const request = event.request;
    if (request.method !== 'GET') {
        return;
    }
    const url = new URL(request.url);
    if (request.mode === 'navigate') {
        // Pages: the server's answer, or the offline page when the server cannot be reached.
        event.respondWith(fetch(request).catch(() => caches.match(OFFLINE)));
    } else if (isStatic(url)) {
        // Static files: the server's fresh copy (kept for later), the kept copy only when offline.
        event.respondWith(fetch(request)
            .then(answer => {
                if (answer.ok) {
                    const copy = answer.clone();
                    caches.open(CACHE).then(cache => cache.put(request, copy));
                }
                return answer;
            })
            .catch(() => caches.match(request).then(kept => kept || Response.error())));
    }
    // Everything else (the API, downloads, the manifest) goes to the network as if there were no worker.
});
