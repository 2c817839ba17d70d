// Counts a conversion quote down to its expiry. At zero it hides the confirm button and shows the "get a new quote"
// note; the server refuses an expired quote anyway, this only spares the person a useless click.
document.addEventListener('DOMContentLoaded', function () {
    var countdown = document.querySelector('[data-expires-at]');
    if (!countdown || !countdown.getAttribute('data-expires-at')) {
        return;
    }
    var expiresAt = Date.parse(countdown.getAttribute('data-expires-at'));
    var seconds = countdown.querySelector('#seconds');
    var expiredNote = document.getElementById(countdown.getAttribute('data-expired-target'));
    var confirm = document.querySelector('[data-quote-action="confirm"]');
    var tick = function () {
        var left = Math.max(0, Math.floor((expiresAt - Date.now()) / 1000));
        seconds.textContent = String(left);
        if (left === 0) {
            countdown.hidden = true;
            if (expiredNote) {
                expiredNote.hidden = false;
            }
            if (confirm) {
                confirm.hidden = true;
            }
            clearInterval(timer);
        }
    };
    var timer = setInterval(tick, 1000);
    tick();
});
