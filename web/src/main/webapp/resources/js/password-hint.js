// A rough strength hint while a new password is typed. The server decides (length, common-password list, own name);
// this only nudges towards longer passwords. No password leaves the page.
document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-strength-hint]').forEach(function (input) {
        var hint = document.getElementById(input.getAttribute('data-strength-hint'));
        if (!hint) {
            return;
        }
        input.addEventListener('input', function () {
            var value = input.value;
            var length = Array.from(value).length;
            var kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter(function (re) { return re.test(value); }).length;
            var distinct = new Set(Array.from(value)).size;
            var score = length === 0 ? -1 : length < 12 || distinct < 5 ? 0 : length >= 16 && kinds >= 2 ? 2 : 1;
            hint.textContent = score < 0 ? '' : hint.getAttribute(['data-weak', 'data-fair', 'data-strong'][score]);
        });
    });
});
