// Isi Realisasi grid: spreadsheet-like keys on the value cells, and the year switch.
(function () {
  function cells() {
    return Array.prototype.slice.call(document.querySelectorAll("#grid-realisasi .isian-nilai"));
  }
  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains("isian-nilai")) return;
    var step = 0;
    if (event.key === "Enter" || event.key === "ArrowDown") step = event.shiftKey ? -1 : 1;
    if (event.key === "ArrowUp") step = -1;
    if (!step) return;
    event.preventDefault();
    var list = cells();
    var next = list[list.indexOf(input) + step];
    input.dispatchEvent(new Event("change", { bubbles: true }));
    if (next) { next.focus(); next.select(); }
  });
  // Keep focus order after htmx swaps a cell (the swapped input is a new element).
  document.addEventListener("htmx:afterSwap", function (event) {
    var fresh = event.detail.elt.querySelector && event.detail.elt.querySelector(".is-invalid");
    if (fresh && !document.activeElement.classList.contains("isian-nilai")) fresh.focus();
  });
  var tahun = document.querySelector(".js-pindah-tahun");
  if (tahun) {
    tahun.addEventListener("change", function () {
      window.location = tahun.dataset.url.replace("/0/", "/" + tahun.value + "/");
    });
  }
})();
