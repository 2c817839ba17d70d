// The strength hint under a new password: asks OKPay (zxcvbn and the password rules, same origin, nothing stored) a
// moment after typing stops. The server decides at submit; this only advises.
document.addEventListener('DOMContentLoaded', function () {
    // The context path, from this script's own address (…/jakarta.faces.resource/js/password-hint.js…).
    var script = document.querySelector('script[src*="password-hint.js"]');
    var api = script ? script.getAttribute('src').split('/jakarta.faces.resource/')[0] : '';
    document.querySelectorAll('input[data-strength-hint]').forEach(function (input) {
        var hint = document.getElementById(input.getAttribute('data-strength-hint'));
        if (!hint) {
            return;
        }
        var field = function (name) {
            var other = input.form && input.form.querySelector('input[id$=":' + name + '"]');
            return other ? other.value : '';
        };
        var timer;
        input.addEventListener('input', function () {
            clearTimeout(timer);
            if (!input.value) {
                hint.textContent = '';
                return;
            }
            timer = setTimeout(function () {
                fetch(api + '/api/v1/users/password-strength', {
                    method: 'POST',
                    headers: {'Content-Type': 'application/json'},
                    credentials: 'omit',
                    body: JSON.stringify({password: input.value, username: field('username'), email: field('email')})
                }).then(function (response) {
                    return response.ok ? response.json() : null;
                }).then(function (strength) {
                    if (!strength) {
                        return;
                    }
                    var level = !strength.acceptable || strength.score <= 1 ? 'data-weak' : strength.score === 2 ? 'data-fair' : 'data-strong';
                    hint.textContent = hint.getAttribute(level);
                });
            }, 300);
        });
    });
});
