// Copy buttons: <button data-copy="id-of-element" data-copied="Copied" hidden> copies that element's text to the
// clipboard (a new API secret, a transaction id, the recovery codes one a line). Without JavaScript (or without the clipboard API) the buttons stay
// hidden and the text is selected and copied by hand.
document.addEventListener('DOMContentLoaded', function () {
    if (!navigator.clipboard) {
        return;
    }
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
        button.hidden = false;
        button.addEventListener('click', function () {
            var source = document.getElementById(button.getAttribute('data-copy'));
            navigator.clipboard.writeText(source.innerText.trim()).then(function () {
                button.textContent = button.getAttribute('data-copied');
            });
        });
    });
});
