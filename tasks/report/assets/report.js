// newsagree report: filter the story list on the index page. No network, no innerHTML.
(function () {
  "use strict";
  var input = document.getElementById("filter");
  var table = document.getElementById("stories");
  var count = document.getElementById("count");
  if (!input || !table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  function apply() {
    var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (tr) {
      var hay = tr.getAttribute("data-search") || "";
      var ok = terms.every(function (t) { return hay.indexOf(t) !== -1; });
      tr.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (count) { count.textContent = shown + " of " + rows.length + " stories"; }
  }
  input.addEventListener("input", apply);
})();
