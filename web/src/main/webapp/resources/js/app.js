/* The installable app: registers the service worker for the page's language, and offers "Install OKPay" (the home
   page's #install-app, hidden until then) where the browser says it may be installed. */
(function () {
    'use strict';
    if (!('serviceWorker' in navigator)) {
        return;
    }
    var root = document.documentElement;
    var base = root.getAttribute('data-root') || '';
    navigator.serviceWorker.register(base + '/sw.js?lang=' + encodeURIComponent(root.lang || 'en'), {scope: base + '/'})
        .catch(function () { /* a site that cannot install is still a site */ });

    var prompt = null;
    function offer() {
        return document.getElementById('install-app');
    }
    window.addEventListener('beforeinstallprompt', function (event) {
        event.preventDefault();
        prompt = event;
        if (offer()) {
            offer().hidden = false;
        }
    });
    window.addEventListener('appinstalled', function () {
        if (offer()) {
            offer().hidden = true;
        }
    });
    document.addEventListener('DOMContentLoaded', function () {
        var section = offer();
        if (!section) {
            return;
        }
        section.hidden = prompt === null;
        document.getElementById('install-button').addEventListener('click', function () {
            if (prompt) {
                prompt.prompt();
                prompt.userChoice.then(function () { section.hidden = true; prompt = null; });
            }
        });
    });
}());
