/* Term marks on the site: off, first use (the default) or every use, chosen
   on an article page and remembered across pages (localStorage). The site's
   own script: no request leaves the page. Without it the page shows first
   uses marked and no switch. */
(function () {
  "use strict";
  var KEY = "g60pub.marks";
  var root = document.documentElement;

  function remembered() {
    try {
      return window.localStorage.getItem(KEY);
    } catch (e) {
      return null; // storage refused (a private window, file:// in some browsers)
    }
  }

  function remember(mode) {
    try {
      window.localStorage.setItem(KEY, mode);
    } catch (e) {
      /* the choice holds for this page only */
    }
  }

  function apply(mode) {
    if (mode === "off" || mode === "all") {
      root.setAttribute("data-marks", mode);
    } else {
      root.removeAttribute("data-marks");
    }
  }

  // Before the body is drawn: a remembered choice never flashes the default.
  apply(remembered());

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.marks");
    if (!form) {
      return;
    }
    var current = root.getAttribute("data-marks") || "first";
    var input = form.querySelector('input[value="' + current + '"]');
    if (input) {
      input.checked = true;
    }
    form.addEventListener("change", function (event) {
      apply(event.target.value);
      remember(event.target.value);
    });
    form.hidden = false;
  });
})();
