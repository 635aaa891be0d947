/* Live reload for `g60pub serve`: the server adds this script to the pages
   it serves (never to the built files). It listens to the server's events
   and reloads the page when a rebuild has written new files. */
(function () {
  "use strict";
  var generation = null;
  var events = new EventSource("/__g60pub__/events");
  events.onmessage = function (event) {
    if (generation !== null && event.data !== generation) {
      location.reload();
    }
    generation = event.data;
  };
})();
