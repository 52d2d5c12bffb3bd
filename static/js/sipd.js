// Shared behaviour; no inline script anywhere (CSP script-src 'self').
document.addEventListener("htmx:responseError", function (event) {
  var status = event.detail.xhr.status;
  var message = status === 403 ? "Akses ditolak." : status === 404 ? "Data tidak ditemukan." :
    status === 409 ? "Data sudah diubah orang lain. Muat ulang halaman." : "Terjadi kesalahan (" + status + "). Coba lagi.";
  var box = document.createElement("div");
  box.className = "alert alert-danger position-fixed bottom-0 end-0 m-3 shadow";
  box.setAttribute("role", "alert");
  box.textContent = message;
  document.body.appendChild(box);
  setTimeout(function () { box.remove(); }, 6000);
});
