/* Material's navigation drawer (narrow screens, 200% zoom) by keyboard: the menu button
 * (builder/theme/partials/header.html; with Zensical, made below) opens it with Enter or Space,
 * Escape closes it and returns focus, and while it is closed its links are out of the Tab order
 * (inert). The drawer is looked up each time: Material's instant navigation replaces it. */
(function () {
  "use strict";
  var box = document.getElementById("__drawer");
  var menu = document.querySelector(".cb-menu");
  if (!menu) {
    // Zensical's header (builder/theme/ overrides Material's only): its menu label, made the
    // same button here. Without JavaScript neither can open the drawer by keyboard.
    menu = document.querySelector('label.md-header__button[for="__drawer"]');
    if (menu) { menu.className += " cb-menu"; menu.tabIndex = 0; menu.setAttribute("role", "button"); }
  }
  if (!box || !menu) return;
  var wide = window.matchMedia("(min-width: 76.25em)");
  function drawer() { return document.querySelector(".md-sidebar--primary"); }
  function sync() {
    if (drawer()) drawer().inert = !wide.matches && !box.checked;
    menu.setAttribute("aria-expanded", String(box.checked));
  }
  box.addEventListener("change", sync);
  wide.addEventListener("change", sync);
  if (window.document$) window.document$.subscribe(sync);
  sync();
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Enter" || event.key === " ") && event.target === menu) {
      event.preventDefault();
      box.click();
      var first = box.checked && drawer() && drawer().querySelector("a[href]");
      if (first) first.focus();
    } else if (event.key === "Escape" && box.checked && !wide.matches) {
      box.click();
      menu.focus();
    }
  });
})();
