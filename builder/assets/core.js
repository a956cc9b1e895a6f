/* What the site's scripts share: `window.cb`, their one global, made here first. course.js is
 * this file, then (in this order) the course's data (course-data.js: cb.course), the progress
 * store (journey.js: cb.progress, cb.journey), the question types' grading parts
 * (questions/*.js: cb.types), the quiz widget (quiz.js: cb.quiz) and the drawer (drawer.js).
 * Page scripts (journey-pages.js, scenario.js) are loaded with `defer`, so they run after
 * course.js on a first load, and after it too when Material's instant navigation re-runs them.
 * Classic scripts, not ES modules: browsers refuse module scripts from file:// (a USB stick). */
var cb = window.cb = {
  // "{right} of {total}" with {right: 3, total: 4}; unknown names stay as written.
  format: function (text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? String(values[key]) : all; });
  },
  element: function (tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  },
  // Fisher-Yates, in place.
  shuffle: function (list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = list[i]; list[i] = list[j]; list[j] = swap;
    }
    return list;
  },
  // The elements under `root` that match `selector`, as an array.
  all: function (root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); },
  // Shuffle the children of `parent` that match `selector`; pinned ones ([data-pin]) keep their place.
  shuffleChildren: function (parent, selector) {
    var all = cb.all(parent, selector);
    var movable = cb.shuffle(all.filter(function (el) { return !el.hasAttribute("data-pin"); }));
    all.forEach(function (el) { parent.appendChild(el.hasAttribute("data-pin") ? el : movable.shift()); });
  },
  // The first JSON array of the first <script> in `holder` (a page's data), or null. Any
  // <script>: Material's instant navigation re-creates them without their type and class.
  data: function (holder) {
    var script = holder && holder.querySelector("script");
    try { return JSON.parse(script.textContent)[0]; } catch (e) { return null; }
  },
  // Run `setup` on each page: on every page Material's instant navigation shows (document$),
  // else once the document is parsed.
  everyPage: function (setup) {
    if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
    else setup();
  },
  // Question types by name (builder/questions/): questions/<partial>.js registers each of its
  // types, an object with `answer(form, q)` ({empty: true} or {value: …}), `isRight(q, value)`,
  // and optionally `prepare(form, q, strings)`, `partly(q, value)`, `wrong(form, q)` ({list,
  // label}: what is wrong) and `empty` (the string to say when nothing is answered); after its
  // form mark, `build(q, dom, strings, helpers)` ({how, inputs, key}) for the final assessment.
  types: {}
};
