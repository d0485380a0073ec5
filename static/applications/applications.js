/* Disclosure-application pages: small progressive enhancements (everything works without script).
   - identity field label follows the applicant type (ID number for persons, credit code for organisations);
   - the receipt-date rule (条例第三十一条) shown for the chosen channel;
   - "/" focuses the search box on lists; data-confirm asks before irreversible actions. */
(function () {
  "use strict";

  function onReady(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  function syncIdentity(form) {
    var type = form.querySelector("[name=applicant_type]");
    var label = form.querySelector("label[for=id_id_number]");
    if (!type || !label) { return; }
    var update = function () {
      var person = type.value === "natural_person" || type.value === "";
      label.textContent = person ? (label.dataset.person || "公民身份号码") : (label.dataset.org || "统一社会信用代码");
      var orgOnly = form.querySelectorAll("[data-org-only]");
      for (var i = 0; i < orgOnly.length; i++) { orgOnly[i].classList.toggle("hidden", person); }
    };
    type.addEventListener("change", update);
    update();
  }

  function syncChannelRule(form) {
    var channel = form.querySelector("[name=channel]");
    var note = form.querySelector("[data-channel-rules]");
    if (!channel || !note) { return; }
    var rules = JSON.parse(note.dataset.channelRules || "{}");
    var update = function () { note.textContent = rules[channel.value] || note.dataset.defaultRule || ""; };
    channel.addEventListener("change", update);
    update();
  }

  onReady(function () {
    var forms = document.querySelectorAll("form[data-application-form]");
    for (var i = 0; i < forms.length; i++) { syncIdentity(forms[i]); syncChannelRule(forms[i]); }

    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      var tag = (document.activeElement && document.activeElement.tagName) || "";
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
      var search = document.querySelector("[data-search]");
      if (search) { ev.preventDefault(); search.focus(); search.select(); }
    });

    document.addEventListener("submit", function (ev) {
      var message = ev.target.getAttribute("data-confirm");
      if (message && !window.confirm(message)) { ev.preventDefault(); }
    });
  });
})();
