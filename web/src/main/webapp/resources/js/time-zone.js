// Fills the hidden time-zone field of a form with the browser's zone (an IANA id such as Asia/Shanghai), so dates
// read in the person's own time from the start. Without script the field stays empty and OKPay uses the usual zone of
// the chosen language; either way the zone can be changed on the account page.
document.addEventListener('DOMContentLoaded', function () {
    var zone;
    try {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
        return;
    }
    if (!zone) {
        return;
    }
    document.querySelectorAll('input[data-browser-time-zone]').forEach(function (input) {
        if (!input.value) {
            input.value = zone;
        }
    });
});
