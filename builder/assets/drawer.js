/* Material's navigation drawer (narrow screens, 200% zoom) by keyboard: the menu button
 * (a <button>, builder/theme/partials/header.html; with Zensical, its label made a button below)
 * opens it, Escape closes it and returns focus, and while it is closed its links are out of the
 * Tab order (inert). The drawer is looked up each time: Material's instant navigation replaces it. */
(function () {
  "use strict";
  var box = document.getElementById("__drawer");
  var menu = document.querySelector(".cb-menu");
  var label = !menu && document.querySelector('label.md-header__button[for="__drawer"]');
  if (label) {
    // Zensical's header (builder/theme/ overrides Material's only): a label, which a click already
    // toggles; Enter and Space are handled below. Without JavaScript it cannot open by keyboard.
    menu = label;
    menu.className += " cb-menu"; menu.tabIndex = 0; menu.setAttribute("role", "button");
  }
  if (!box || !menu) return;
  var wide = window.matchMedia("(min-width: 76.25em)");
  function drawer() { return document.querySelector(".md-sidebar--primary"); }
  function sync() {
    if (drawer()) drawer().inert = !wide.matches && !box.checked;
    menu.setAttribute("aria-expanded", String(box.checked));
  }
  function toggle(byKey) {
    box.click();
    // Opened by Enter or Space: focus goes to the drawer's first link.
    var first = byKey && box.checked && drawer() && drawer().querySelector("a[href]");
    if (first) first.focus();
  }
  box.addEventListener("change", sync);
  wide.addEventListener("change", sync);
  if (window.document$) window.document$.subscribe(sync);
  sync();
  if (!label) menu.addEventListener("click", function (event) { toggle(event.detail === 0); });
  document.addEventListener("keydown", function (event) {
    if (label && (event.key === "Enter" || event.key === " ") && event.target === menu) {
      event.preventDefault();
      toggle(true);
    } else if (event.key === "Escape" && box.checked && !wide.matches) {
      box.click();
      menu.focus();
    }
  });
})();
