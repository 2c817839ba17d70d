// Merchant dashboard: a button that copies the new API secret to the clipboard. Without JavaScript (or without the
// clipboard API) the button stays hidden and the secret is selected and copied by hand.
document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('copy-secret');
    if (!button || !navigator.clipboard) {
        return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
        var secret = document.getElementById(button.getAttribute('data-copy'));
        navigator.clipboard.writeText(secret.textContent.trim()).then(function () {
            button.textContent = button.getAttribute('data-copied');
        });
    });
});
