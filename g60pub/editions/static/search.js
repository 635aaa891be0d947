/* The site's search box: Pagefind's interface over this variant's index
   (pagefind/ beside the page), loaded only when the site is served over
   HTTP. Opened from disk (file://) the browser cannot fetch the index, so
   the box stays hidden; without this script the pages read the same.
   The index comes in shards (pagefind/shards.json lists them), searched
   together. */
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || location.protocol === "file:" || !window.fetch) {
    return;
  }
  // Absolute paths from the server's root: Pagefind resolves its own files
  // against them, and its result links are relative to the indexed folder
  // (this variant's), wherever the site is published.
  var bundles = new URL(box.getAttribute("data-bundle"), location.href).pathname;
  var site = new URL(".", location.href).pathname;
  // Shown at once, its height held (site.css) while Pagefind loads: the
  // page does not jump when the box fills in.
  box.hidden = false;
  var hide = function () {
    box.hidden = true;
  };
  // Pagefind's input has a title but no label: it gets the box's label.
  var tries = 0;
  var labelInput = function () {
    var input = box.querySelector("input");
    if (input) {
      input.setAttribute("aria-label", box.getAttribute("aria-label"));
    } else if (++tries < 100) {
      setTimeout(labelInput, 50);
    }
  };
  fetch(bundles + "shards.json")
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (listing) {
      var shards = ((listing && listing.shards) || []).filter(function (s) {
        return s.articles > 0;
      });
      if (!shards.length) {
        hide();
        return;
      }
      var first = bundles + shards[0].bundle;
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = first + "pagefind-ui.css";
      document.head.appendChild(style);
      var script = document.createElement("script");
      script.src = first + "pagefind-ui.js";
      script.onerror = hide;
      script.onload = function () {
        new window.PagefindUI({
          element: "#search",
          bundlePath: first,
          baseUrl: site,
          mergeIndex: shards.slice(1).map(function (s) {
            return { bundlePath: bundles + s.bundle, baseUrl: site };
          }),
          showImages: false,
          resetStyles: false,
          translations: { placeholder: box.getAttribute("data-placeholder") }
        });
        labelInput();
      };
      document.head.appendChild(script);
    })
    .catch(hide);
})();
