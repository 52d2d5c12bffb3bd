// SLA form: the receiving OPD list is only needed when the SLA is not for every perangkat daerah.
(function () {
  var semua = document.getElementById("id_penerima_semua");
  var penerima = document.getElementById("id_penerima");
  if (!semua || !penerima) { return; }
  function sync() { penerima.disabled = semua.checked; }
  semua.addEventListener("change", sync);
  sync();
})();
