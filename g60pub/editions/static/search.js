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
  var bundle = box.getAttribute("data-bundle");
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
      showImages: false,
      resetStyles: false,
      translations: { placeholder: box.getAttribute("data-placeholder") }
    });
  };
  document.head.appendChild(script);
})();
