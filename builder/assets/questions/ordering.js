/* global cb -- core.js, earlier in course.js */
/* Ordering: builder/questions/ordering.py and templates/questions/ordering.html (grading in
 * course.js; after the form mark, the assessment's form in journey-pages.js; after the LMS
 * mark, its SCORM interaction in scorm-bridge.js). */
cb.types.ordering = {
  // The item ids in the order the trainee left them.
  answer: function (form) {
    return {value: cb.all(form, ".cb-quiz__item").map(function (li) { return li.getAttribute("data-item"); })};
  },
  isRight: function (q, value) { return value.join("|") === q.answer.join("|"); },
  // The Move up / Move down buttons, and where the moved item is now, said in the live region.
  prepare: function (form, q, s) {
    var list = form.querySelector(".cb-quiz__order");
    var status = form.querySelector(".cb-quiz__moved");
    cb.all(form, ".cb-quiz__moves").forEach(function (m) { m.hidden = false; });
    list.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-move]");
      if (!button) return;
      var item = button.closest(".cb-quiz__item");
      var up = button.getAttribute("data-move") === "up";
      var sibling = up ? item.previousElementSibling : item.nextElementSibling;
      if (!sibling) return;
      list.insertBefore(item, up ? sibling : sibling.nextElementSibling);
      // Moving the node loses focus: keep it on the button pressed or, at the top or the bottom,
      // where that button is no longer offered (course.css), on the item's other one.
      var edge = !(up ? item.previousElementSibling : item.nextElementSibling);
      item.querySelector('[data-move="' + (up !== edge ? "up" : "down") + '"]').focus();
      var items = Array.prototype.slice.call(list.children);
      status.textContent = cb.format(s.moved, {
        item: item.querySelector(".cb-quiz__item-text").textContent,
        position: items.indexOf(item) + 1, total: items.length
      });
    });
  },
  // The items out of place, numbered where they are now.
  wrong: function (form, q) {
    var list = cb.element("ol", "cb-quiz__wrong");
    cb.all(form, ".cb-quiz__item").forEach(function (item, i) {
      if (q.answer[i] !== item.getAttribute("data-item")) {
        list.appendChild(cb.element("li", "", item.querySelector(".cb-quiz__item-text").textContent.trim())).value = i + 1;
      }
    });
    return {list: list, label: "wrong_places"};
  }
};
/* @form */
// As ordering.html: the items in the order `shown`, with their (hidden) move buttons.
cb.types.ordering.build = function (q, dom, t, h) {
  return {
    how: t.how_ordering,
    inputs: [h.el("p", {"class": "cb-quiz__how cb-quiz__how--print"}, [t.print_how_ordering]),
      h.el("ol", {"class": "cb-quiz__order", id: dom + "-list"}, q.shown.map(function (item) {
      var text = dom + "-" + item;
      return h.el("li", {"class": "cb-quiz__item", "data-item": item}, [
        h.el("span", {"class": "cb-quiz__item-text", id: text}, [h.html(q.items[+item.slice(1) - 1])]), " ",
        h.el("span", {"class": "cb-quiz__moves", hidden: true}, [
          h.el("button", {type: "button", "class": "cb-quiz__move", "data-move": "up", "aria-describedby": text}, [t.move_up]), " ",
          h.el("button", {type: "button", "class": "cb-quiz__move", "data-move": "down", "aria-describedby": text}, [t.move_down])])]);
    })), h.el("p", {"class": "cb-quiz__moved cb-visually-hidden", "aria-live": "polite"})],
    key: [h.el("p", {"class": "cb-quiz__answer"}, [h.el("strong", {}, [t.answer])]),
      h.el("ol", {"class": "cb-quiz__answer-list"}, q.items.map(function (item) { return h.el("li", {}, [h.html(item)]); }))]
  };
};
/* @lms */
// As a SCORM interaction (scorm-bridge.js): sequencing of item ids.
window.cbLmsTypes = window.cbLmsTypes || {};
window.cbLmsTypes.ordering = function (q, value, h) {
  return {type: "sequencing", response: value && h.fit(value), patterns: [h.fit(q.answer)]};
};
