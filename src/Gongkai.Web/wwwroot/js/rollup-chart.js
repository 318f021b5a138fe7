// The roll-up page's chart: section 三 of the year against the previous year, from the JSON the page embeds
// (the same figures as the tables below it, which stay the accessible fallback).
(function () {
  var source = document.getElementById('rollup-data');
  var canvas = document.getElementById('rollup-chart');
  if (!source || !canvas || typeof Chart === 'undefined') { return; }
  var data = JSON.parse(source.textContent);
  var datasets = [{ label: data.current.label, data: data.current.values, backgroundColor: '#b3261e' }];
  if (data.previous) { datasets.push({ label: data.previous.label, data: data.previous.values, backgroundColor: '#9aa4b2' }); }
  window.rollupChart = new Chart(canvas, {
    type: 'bar',
    data: { labels: data.labels, datasets: datasets },
    options: { animation: false, responsive: true, plugins: { legend: { position: 'bottom' } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
  canvas.dataset.ready = 'true';
})();
