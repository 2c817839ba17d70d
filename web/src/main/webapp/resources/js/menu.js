// Top bar: the More menu is a <details> that works without JavaScript; with it, the menu also closes as other menus
// do: on Escape (focus back on its button) and on a click or tap anywhere outside it.
document.addEventListener('DOMContentLoaded', function () {
    var menu = document.getElementById('menu');
    if (!menu) {
        return;
    }
    document.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && menu.open) {
            menu.open = false;
            menu.querySelector('summary').focus();
        }
    });
    document.addEventListener('click', function (event) {
        if (menu.open && !menu.contains(event.target)) {
            menu.open = false;
        }
    });
});
