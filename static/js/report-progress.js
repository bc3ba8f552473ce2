// Follows a report while it renders; without JavaScript the "Actualiser" link does the same.
(() => {
  const status = document.getElementById("report-status");
  const bar = document.getElementById("report-progress");
  if (!status || !bar) return;
  const poll = async () => {
    const response = await fetch(status.dataset.statusUrl, { credentials: "same-origin" });
    if (!response.ok) return;
    const data = await response.json();
    status.textContent = data.step ? `${data.status_label} — ${data.step}` : data.status_label;
    bar.value = data.progress;
    if (data.status === "queued" || data.status === "rendering") {
      setTimeout(poll, 2000);
    } else {
      window.location.reload();
    }
  };
  setTimeout(poll, 2000);
})();
