/* The site's search box: Pagefind's interface over this variant's index
   (pagefind/ beside the page), loaded only when the site is served over
   HTTP. Opened from disk (file://) the browser cannot fetch the index, so
   the box stays hidden; without this script the pages read the same. */
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || location.protocol === "file:") {
    return;
  }
  // Absolute paths from the server's root: Pagefind resolves its own files
  // against them, and its result links are relative to the indexed folder
  // (this variant's), wherever the site is published.
  var bundle = new URL(box.getAttribute("data-bundle"), location.href).pathname;
  var site = new URL(".", location.href).pathname;
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = bundle + "pagefind-ui.css";
  document.head.appendChild(style);
  var script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = function () {
    box.hidden = false;
    new window.PagefindUI({
      element: "#search",
      bundlePath: bundle,
      baseUrl: site,
      showImages: false,
      resetStyles: false,
      translations: { placeholder: box.getAttribute("data-placeholder") }
    });
  };
  document.head.appendChild(script);
})();
