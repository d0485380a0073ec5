// Batch page: poll the batch's progress and update the bar; reload when the job has finished.
(function () {
  "use strict";
  var box = document.getElementById("batch-progress");
  if (!box) { return; }
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-progress-text]");
  var url = box.getAttribute("data-url");
  function tick() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (d) {
        bar.max = d.total || 1;
        bar.value = d.processed;
        text.textContent = d.state_label + "：已处理 " + d.processed + " / " + d.total + " 个文件（" + d.percent + "%）";
        box.setAttribute("data-percent", String(d.percent));
        var badge = document.getElementById("batch-state");
        if (badge) { badge.textContent = d.state_label; }
        if (d.finished) {
          box.setAttribute("data-finished", "true");
          window.setTimeout(function () { window.location.reload(); }, 600);
        } else {
          window.setTimeout(tick, 1000);
        }
      })
      .catch(function () { window.setTimeout(tick, 3000); });
  }
  tick();
})();
