// A "Print" button (data-print) opens the browser's print dialog; the print stylesheet leaves only the document.
// Hidden until this script runs, so without JavaScript nobody sees a button that does nothing.
document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('button[data-print]').forEach(function (button) {
        button.hidden = false;
        button.addEventListener('click', function () {
            window.print();
        });
    });
});
