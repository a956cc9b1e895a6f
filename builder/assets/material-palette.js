/* Material for MkDocs' saved-palette script (partials/javascripts/palette.html), unchanged but
 * for running from a file and tolerating a malformed saved value. */
(function () {
  var palette = window.__md_get("__palette");
  if (!palette || !palette.color || typeof palette.color !== "object") return;
  if (palette.color.media === "(prefers-color-scheme)") {
    var media = matchMedia("(prefers-color-scheme: light)");
    var input = document.querySelector(media.matches
      ? "[data-md-color-media='(prefers-color-scheme: light)']"
      : "[data-md-color-media='(prefers-color-scheme: dark)']");
    if (!input) return;
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      palette.color[key] = input.getAttribute("data-md-color-" + key);
    });
  }
  Object.keys(palette.color).forEach(function (key) {
    document.body.setAttribute("data-md-color-" + key, palette.color[key]);
  });
})();
