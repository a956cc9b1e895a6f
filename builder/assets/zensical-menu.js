/* Zensical's header (builder/theme/ overrides Material's only): the menu is a <label> for the
 * drawer's checkbox, which no key reaches. Made a button here, loaded before course.js (Zensical
 * builds only: MkDocs pages have a real <button>, builder/theme/partials/header.html), so that
 * drawer.js finds it as `.cb-menu`: a click on it goes to drawer.js alone (the label's own
 * toggling is prevented), and Enter and Space click it. Without JavaScript it cannot open by keyboard. */
(function () {
  "use strict";
  var label = document.querySelector('label.md-header__button[for="__drawer"]');
  if (!label || document.querySelector(".cb-menu")) return;
  label.className += " cb-menu";
  label.tabIndex = 0;
  label.setAttribute("role", "button");
  label.addEventListener("click", function (event) { event.preventDefault(); });
  label.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      label.click();
    }
  });
})();
