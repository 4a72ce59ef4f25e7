// "Zoek bij mij in de buurt": asks the browser for the location only after the resident presses the button,
// puts it in the search form's hidden fields and sends the form. Without JavaScript the button stays hidden
// and the search by address, postcode, buurt or wijk works as before.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector("[data-finder-near-me]");
    if (!box || !("geolocation" in navigator)) { return; }
    var form = box.closest("form");
    var status = box.querySelector("[data-finder-status]");
    box.hidden = false;
    box.querySelector("[data-finder-locate]").addEventListener("click", function () {
      status.textContent = box.dataset.asking || "";
      navigator.geolocation.getCurrentPosition(function (position) {
        form.querySelector("[name=lat]").value = position.coords.latitude.toFixed(5);
        form.querySelector("[name=lon]").value = position.coords.longitude.toFixed(5);
        form.querySelector("[name=q]").value = "";
        form.submit();
      }, function () {
        status.textContent = box.dataset.failed || "";
      }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 300000 });
    });
  });
})();
