// Planning tree pages: open or close every <details> of a tree at once.
(function () {
  function setAll(button, open) {
    var root = document.querySelector(button.dataset.target);
    if (!root) return;
    root.querySelectorAll("details").forEach(function (d) { d.open = open; });
  }
  document.querySelectorAll(".js-buka-semua").forEach(function (b) {
    b.addEventListener("click", function () { setAll(b, true); });
  });
  document.querySelectorAll(".js-tutup-semua").forEach(function (b) {
    b.addEventListener("click", function () { setAll(b, false); });
  });
})();
