// Vigie console: progressive enhancement only. Every page works without this script.
(function () {
  'use strict';
  // The removal deadline counts down every second (the page shows the time left when it was rendered).
  document.querySelectorAll('[data-deadline]').forEach(function (el) {
    var deadline = Date.parse(el.getAttribute('data-deadline'));
    var out = el.querySelector('.countdown-value');
    if (isNaN(deadline) || !out) { return; }
    function pad(n) { return (n < 10 ? '0' : '') + n; }
    function tick() {
      var left = Math.max(0, Math.floor((deadline - Date.now()) / 1000));
      out.textContent = Math.floor(left / 3600) + ':' + pad(Math.floor(left / 60) % 60) + ':' + pad(left % 60);
    }
    tick();
    setInterval(tick, 1000);
  });
  // Pages waiting for something (a case to open, an order to be received or complied with) refresh
  // themselves, unless the officer is typing in a form.
  var refresh = document.querySelector('[data-refresh]');
  if (refresh) {
    var seconds = parseInt(refresh.getAttribute('data-refresh'), 10) || 10;
    setTimeout(function again() {
      var active = document.activeElement;
      var typing = active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName);
      if (typing) { setTimeout(again, seconds * 1000); } else { window.location.reload(); }
    }, seconds * 1000);
  }
})();
