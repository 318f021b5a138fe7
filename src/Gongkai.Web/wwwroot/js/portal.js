// Gongkai portal: the 适老化/无障碍 display switch (larger text, high contrast, more line height), kept in
// localStorage and a cookie so it holds on every page and the next visit. No external files.
(function () {
  var KEY = "gongkai-display";
  var MODES = ["large", "contrast", "spacing"];
  var root = document.documentElement;
  function read() {
    try { return (localStorage.getItem(KEY) || "").split(" ").filter(function (m) { return MODES.indexOf(m) >= 0; }); }
    catch (e) { return []; }
  }
  function write(modes) {
    var value = modes.join(" ");
    try { localStorage.setItem(KEY, value); } catch (e) { /* private mode: the cookie still holds it */ }
    document.cookie = KEY + "=" + encodeURIComponent(value) + ";path=/;max-age=31536000;SameSite=Lax";
  }
  function apply(modes) {
    MODES.forEach(function (m) { root.classList.toggle("a11y-" + m, modes.indexOf(m) >= 0); });
    var buttons = document.querySelectorAll("[data-display]");
    for (var i = 0; i < buttons.length; i++) {
      var mode = buttons[i].getAttribute("data-display");
      buttons[i].setAttribute("aria-pressed", mode === "reset" ? "false" : String(modes.indexOf(mode) >= 0));
    }
  }
  apply(read());
  document.addEventListener("DOMContentLoaded", function () {
    apply(read());
    var bar = document.getElementById("display-tools");
    if (bar) { bar.hidden = false; }
    document.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-display]") : null;
      if (!button) { return; }
      var mode = button.getAttribute("data-display");
      var modes = read();
      if (mode === "reset") { modes = []; }
      else if (modes.indexOf(mode) >= 0) { modes.splice(modes.indexOf(mode), 1); }
      else { modes.push(mode); }
      write(modes);
      apply(modes);
    });
  });
})();
