/* Material's navigation drawer (narrow screens, 200% zoom) by keyboard: the menu button
 * (a <button>, builder/theme/partials/header.html; with Zensical, its label made a button by
 * zensical-menu.js, which runs first) opens it, Escape closes it and returns focus, and while it
 * is closed its links are out of the Tab order (inert). The drawer is looked up each time:
 * Material's instant navigation replaces it. */
(function () {
  "use strict";
  var box = document.getElementById("__drawer");
  var menu = document.querySelector(".cb-menu");
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
  menu.addEventListener("click", function (event) {
    box.click();
    // Opened by Enter or Space (a click without a pointer): focus goes to the drawer's first link.
    var first = event.detail === 0 && box.checked && drawer() && drawer().querySelector("a[href]");
    if (first) first.focus();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && box.checked && !wide.matches) {
      box.click();
      menu.focus();
    }
  });
})();
